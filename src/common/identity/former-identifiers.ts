import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SqlReader } from '../database/sql-reader';
import type { Loaders } from '../loaders/loaders';
import { runSql } from '../sql';
import { FormerIdentifier } from './former-identifier.entity';

/**
 * Reading and recording former identifiers (see FormerIdentifier). Reads go through the request's
 * SqlReader (a loader per table, one statement per batch, only for keys nothing has today); the
 * write side runs inside the write transaction.
 */

/** For each slug no row has today, the id of the row it now names (one loader per table and request). */
export function formerSlugLoader(loaders: Loaders, tableName: string) {
  return loaders.keyed<string, number | null>(FormerIdentifier, `slug:${tableName}`, () => async (slugs) => {
    const rows = await loaders.reader.select(
      FormerIdentifier,
      ['"table_name" = ?', loaders.reader.inList('"former_slug"')],
      [tableName, loaders.reader.listParameter(slugs)],
    );
    const bySlug = new Map(rows.map((row) => [row.formerSlug, row.currentId]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
}

/** For each id no row has today (a party merged away), the id of the row that absorbed it. */
export function formerIdLoader(loaders: Loaders, tableName: string) {
  return loaders.keyed<number, number | null>(FormerIdentifier, `id:${tableName}`, () => async (ids) => {
    const rows = await loaders.reader.select(
      FormerIdentifier,
      ['"table_name" = ?', loaders.reader.inList('"former_id"')],
      [tableName, loaders.reader.listParameter(ids)],
    );
    const byId = new Map(rows.map((row) => [row.formerId, row.currentId]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A row by slug, today's or a former one's: the current row first, the former identifier only when none has it. */
export async function bySlugOrFormer<T extends ObjectLiteral & { id: number }>(loaders: Loaders, entity: EntityTarget<T>, slug: string): Promise<T | null> {
  const row = await loaders.oneBy<T, string>(entity, 'slug').load(slug);
  if (row) return row;
  const id = await formerSlugLoader(loaders, loaders.reader.tableOf(entity)).load(slug);
  return id === null ? null : loaders.byId<T>(entity).load(id);
}

/** The same for a reader without loaders (a single look-up). */
export async function currentIdOfSlug(reader: SqlReader, tableName: string, slug: string): Promise<number | null> {
  const [row] = await reader.select(FormerIdentifier, ['"table_name" = ?', '"former_slug" = ?'], [tableName, slug]);
  return row?.currentId ?? null;
}

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
