import { runSql } from '../sql';
import type { FactWriter } from '../writes/fact-writer';
import { formerSlugsIn, recordFormer } from './former-slugs';

/** A source document's `formerSlugs` of an item: the slugs it had before, renamed and recorded. */

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
