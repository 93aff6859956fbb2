import { Brackets, type DataSource } from 'typeorm';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import { Citation } from './citation.entity';

export interface CitedSubject {
  nodeType: string;
  id: number;
}

export class SourceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Citations of any cited object: one query per batch, whatever mix of types it holds. */
  citationsOf(loaders: Loaders, subject: CitedSubject): Promise<Citation[]> {
    return loaders
      .custom<string, Citation[]>('Citation.bySubject', async (keys) => {
        const idsByType = new Map<string, number[]>();
        for (const key of keys) {
          const [type, id] = key.split(':');
          idsByType.set(type, [...(idsByType.get(type) ?? []), Number(id)]);
        }
        const query = this.dataSource.getRepository(Citation).createQueryBuilder('citation').orderBy('citation.id');
        query.where(
          new Brackets((where) => {
            [...idsByType].forEach(([type, ids], i) =>
              where.orWhere(`(citation.subjectType = :type${i} AND citation.subjectId IN (:...ids${i}))`, {
                [`type${i}`]: type,
                [`ids${i}`]: ids,
              }),
            );
          }),
        );
        const rows = await query.getMany();
        return manyInKeyOrder(keys, rows, (row) => `${row.subjectType}:${row.subjectId}`);
      })
      .load(`${subject.nodeType}:${subject.id}`);
  }
}
