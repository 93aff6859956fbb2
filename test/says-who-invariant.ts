import type { DataSource } from 'typeorm';
import { factEntityOf } from '../src/facts';
import { saysWhoViolations } from '../src/modules/field-statement/invariant';

/** The says-who invariant over the whole store (see invariant.ts): [] when it holds. */
export function invariantViolations(dataSource: DataSource): Promise<string[]> {
  return saysWhoViolations(dataSource.manager, factEntityOf);
}
