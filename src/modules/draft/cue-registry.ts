import { factTypes } from '../../facts';
import type { CueSet } from './items';

/** Every fact type that declares cues (`<name>.cues.ts`), in the registry's order. */
export const cueSets: readonly CueSet[] = factTypes.flatMap((fact) =>
  fact.cues && fact.writes ? [{ typeName: fact.typeName, documentKey: fact.writes.documentKey, asserts: fact.asserts, cues: fact.cues }] : [],
);
