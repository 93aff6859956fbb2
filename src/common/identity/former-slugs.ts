import type { EntityManager } from 'typeorm';
import { runSql } from '../sql';
import { FormerIdentifier } from './former-identifier.entity';

/** Former identifiers inside a write transaction (see FormerIdentifier): looked up, recorded, released. */

/** Inside a write: the rows that former slugs of a table now name, by old slug (only for slugs asked for). */
export async function formerSlugsIn(manager: EntityManager, tableName: string, slugs: readonly string[]): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const rows = await runSql<{ former_slug: string; current_id: number }>(
    manager,
    'SELECT former_slug, current_id FROM former_identifier WHERE table_name = :tableName AND former_slug IN (:...slugs)',
    { tableName, slugs: [...slugs] },
  );
  return new Map(rows.map((row) => [row.former_slug, Number(row.current_id)]));
}

/** Inside a write: of these party slugs, those of parties merged into another, with the survivor's id. */
export async function mergedPartySlugsIn(manager: EntityManager, slugs: readonly string[]): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const rows = await runSql<{ former_slug: string; current_id: number }>(
    manager,
    `SELECT former_slug, current_id FROM former_identifier WHERE table_name = 'party' AND former_id IS NOT NULL AND former_slug IN (:...slugs)`,
    { slugs: [...slugs] },
  );
  return new Map(rows.map((row) => [row.former_slug, Number(row.current_id)]));
}

/** What a recorded former identifier says (for the writes that add one). */
export interface FormerRecord {
  tableName: string;
  formerSlug: string | null;
  formerId: number | null;
  currentId: number;
  reason: string;
  recordedAt: string;
  recordedBy: string;
}

/**
 * Records that `formerSlug` (and, for a row that went away, `formerId`) now names `currentId`, and
 * moves every earlier former key of the row that went away along with it, so a look-up is one step.
 * A slug a row takes back is no longer former (today's row wins anyway; the record would only mislead).
 */
export async function recordFormer(manager: EntityManager, record: FormerRecord): Promise<void> {
  if (record.formerId !== null) {
    await runSql(manager, 'UPDATE former_identifier SET current_id = :currentId WHERE table_name = :tableName AND current_id = :formerId', { ...record });
  }
  if (record.formerSlug !== null)
    await runSql(manager, 'DELETE FROM former_identifier WHERE table_name = :tableName AND former_slug = :formerSlug', { ...record });
  await manager.getRepository(FormerIdentifier).insert(record);
}

/** A slug a row takes (a new row, or a rename) stops being another row's former slug. */
export async function releaseFormerSlug(manager: EntityManager, tableName: string, slug: string): Promise<void> {
  await runSql(manager, 'DELETE FROM former_identifier WHERE table_name = :tableName AND former_slug = :slug', { tableName, slug });
}
