import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import { Citation } from './citation.entity';

export interface CitedSubject {
  nodeType: string;
  id: number;
}

export class SourceService {
  /** Citations of any cited object: one query per batch, whatever mix of types it holds. */
  citationsOf(loaders: Loaders, subject: CitedSubject): Promise<Citation[]> {
    return loaders
      .custom<string, Citation[]>('Citation.bySubject', async (keys) => {
        const idsByType = new Map<string, number[]>();
        for (const key of keys) {
          const [type, id] = key.split(':');
          idsByType.set(type, [...(idsByType.get(type) ?? []), Number(id)]);
        }
        // Through the request's reader: a mutation's answer reads the primary, a query a replica.
        const reader = loaders.reader;
        const groups = [...idsByType];
        const condition = groups.map(() => `("subject_type" = ? AND ${reader.inList('"subject_id"')})`).join(' OR ');
        const rows = await reader.select(Citation, [`(${condition})`], groups.flatMap(([type, ids]) => [type, reader.listParameter(ids)]), 'ORDER BY id');
        return manyInKeyOrder(keys, rows, (row) => `${row.subjectType}:${row.subjectId}`);
      })
      .load(`${subject.nodeType}:${subject.id}`);
  }
}
