import { rowsBySubject, rowSubjectKey, subjectKey, type CitedSubject } from '../../common/citation/by-subject';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import { Citation } from '../../common/citation/citation.entity';

export type { CitedSubject } from '../../common/citation/by-subject';

export class SourceService {
  /**
   * Citations of any cited object: one query per batch, whatever mix of types it holds, through
   * the request's reader (a mutation's answer reads the primary, a query a replica).
   */
  citationsOf(loaders: Loaders, subject: CitedSubject): Promise<Citation[]> {
    return loaders
      .custom<string, Citation[]>('Citation.bySubject', async (keys) =>
        manyInKeyOrder(keys, await rowsBySubject(loaders.reader, Citation, keys), rowSubjectKey),
      )
      .load(subjectKey(subject));
  }
}
