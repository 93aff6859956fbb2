import { rowsBySubject, rowSubjectKey, subjectKey, type CitedSubject } from '../../common/citation/by-subject';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder, oneInKeyOrder } from '../../common/loaders/key-order';
import { currentStatements, disagreementsOf, historyOf } from '../field-statement/current-value';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import { FactAttribution } from './fact-attribution.entity';

/** Fields whose value moves over time: a later statement updates them rather than disagreeing. */
const VARYING_FIELDS: ReadonlySet<string> = new Set(['status']);

/** Attribution and field statements of any cited fact: one query per batch each. */
export class AttributionService {
  attributionOf(loaders: Loaders, subject: CitedSubject): Promise<FactAttribution | null> {
    return loaders
      .custom<string, FactAttribution | null>('FactAttribution.bySubject', async (keys) =>
        oneInKeyOrder(keys, await rowsBySubject(loaders.reader, FactAttribution, keys), rowSubjectKey),
      )
      .load(subjectKey(subject));
  }

  /** Every statement of a subject (history included): `provenance`, `history` and `disagreements` share the batch. */
  statementsOf(loaders: Loaders, subject: CitedSubject): Promise<FieldStatement[]> {
    return loaders
      .custom<string, FieldStatement[]>('FieldStatement.bySubject', async (keys) =>
        manyInKeyOrder(keys, await rowsBySubject(loaders.reader, FieldStatement, keys), rowSubjectKey),
      )
      .load(subjectKey(subject));
  }

  /** The statements behind the current values, one per field. */
  async provenanceOf(loaders: Loaders, subject: CitedSubject): Promise<FieldStatement[]> {
    return currentStatements(await this.statementsOf(loaders, subject));
  }

  /** One field's statements, oldest first. */
  async historyOf(loaders: Loaders, subject: CitedSubject, field: string): Promise<FieldStatement[]> {
    return historyOf(await this.statementsOf(loaders, subject), field);
  }

  async disagreementsOf(loaders: Loaders, subject: CitedSubject): Promise<{ field: string; statements: FieldStatement[] }[]> {
    return disagreementsOf(await this.statementsOf(loaders, subject), VARYING_FIELDS);
  }
}
