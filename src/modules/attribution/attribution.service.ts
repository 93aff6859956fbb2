import { rowsBySubject, rowSubjectKey, subjectKey, type CitedSubject } from '../../common/citation/by-subject';
import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder, oneInKeyOrder } from '../../common/loaders/key-order';
import { FactAttribution } from './fact-attribution.entity';
import { FieldProvenance } from '../../common/citation/field-provenance.entity';

/** Attribution and field provenance of any cited fact: one query per batch each. */
export class AttributionService {
  attributionOf(loaders: Loaders, subject: CitedSubject): Promise<FactAttribution | null> {
    return loaders
      .custom<string, FactAttribution | null>('FactAttribution.bySubject', async (keys) =>
        oneInKeyOrder(keys, await rowsBySubject(loaders.reader, FactAttribution, keys), rowSubjectKey),
      )
      .load(subjectKey(subject));
  }

  provenanceOf(loaders: Loaders, subject: CitedSubject): Promise<FieldProvenance[]> {
    return loaders
      .custom<string, FieldProvenance[]>('FieldProvenance.bySubject', async (keys) =>
        manyInKeyOrder(keys, await rowsBySubject(loaders.reader, FieldProvenance, keys), rowSubjectKey),
      )
      .load(subjectKey(subject));
  }
}
