import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { SqlReader } from '../database/sql-reader';
import type { Loaders } from '../loaders/loaders';
import { FormerIdentifier } from './former-identifier.entity';

/**
 * Reading former identifiers (see FormerIdentifier) through the request's SqlReader: a loader per
 * table, one statement per batch, asked only for keys that nothing has today. The write side is in
 * former-slugs.ts.
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
