import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SqlReader } from '../database/sql-reader';
import type { Loaders } from '../loaders/loaders';
import { runSql } from '../sql';
import { FormerIdentifier } from './former-identifier.entity';
import type { FactWriter } from '../writes/fact-writer';

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

/**
 * A source document's `formerSlugs` of an item, before the item is written: when no row has the
 * item's slug but one has a former slug it lists, that row takes the new slug (so the document
 * renames it instead of adding a second row). Returns a problem when the slugs name two rows.
 */
export async function renameFromFormerSlugs(writer: FactWriter, tableName: string, slug: string, formers: readonly string[]): Promise<string | null> {
  const { manager } = writer;
  const holders = await runSql<{ id: number; slug: string }>(manager, `SELECT id, slug FROM "${tableName}" WHERE slug IN (:...slugs)`, {
    slugs: [slug, ...formers],
  });
  if (holders.length > 1) return `${holders.map((h) => `"${h.slug}"`).join(' and ')} are the slugs of different rows: a former slug must name the same one`;
  const [holder] = holders;
  if (!holder || holder.slug === slug) return null;
  await runSql(manager, `UPDATE "${tableName}" SET slug = :slug WHERE id = :id`, { slug, id: holder.id });
  writer.changes.push({ op: 'UPDATE', table: tableName, rowId: Number(holder.id), values: { slug: { from: holder.slug, to: slug } } });
  writer.count(tableName);
  return null;
}

/** After the item is written: each former slug it lists is recorded for its row (once). Returns a problem when one names another row. */
export async function recordFormerSlugs(
  writer: FactWriter,
  tableName: string,
  rowId: number,
  formers: readonly string[],
  reason: string,
): Promise<string | null> {
  const recorded = await formerSlugsIn(writer.manager, tableName, formers);
  for (const former of formers) {
    const current = recorded.get(former);
    if (current === rowId) continue;
    if (current !== undefined) return `"${former}" is a former slug of another row`;
    await recordFormer(writer.manager, {
      tableName,
      formerSlug: former,
      formerId: null,
      currentId: rowId,
      reason,
      recordedAt: writer.recordedAt,
      recordedBy: writer.recordedBy,
    });
    writer.changes.push({ op: 'INSERT', table: 'former_identifier', rowId: null, values: { tableName, formerSlug: former, currentId: rowId } });
    writer.count('former_identifier');
  }
  return null;
}
