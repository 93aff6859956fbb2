import type { EntityManager } from 'typeorm';
import { runSql } from '../../common/sql';
import type { FactWriter } from '../../common/writes/fact-writer';
import { StatementRank } from '../../common/citation/field-statement.enums';

/** A column that names a party: every foreign key to `party`, and the statements' claimant (kept without one). */
interface PartyColumn {
  table: string;
  column: string;
  /** The other columns of each unique key the column is part of: a moved row must not duplicate one of the survivor's. */
  uniqueWith: string[][];
}

/** Every column of the schema that names a party, from the entities' metadata (a new fact type's links come along). */
export function partyColumns(manager: EntityManager): PartyColumn[] {
  const found: PartyColumn[] = [];
  for (const metadata of manager.connection.entityMetadatas) {
    if (metadata.tableName === 'party' || metadata.tableType === 'entity-child') continue;
    const columns = new Set<string>();
    for (const relation of metadata.manyToOneRelations) {
      if (relation.inverseEntityMetadata.tableName !== 'party') continue;
      for (const join of relation.joinColumns) columns.add(join.databaseName);
    }
    if (metadata.tableName === 'field_statement') columns.add('claimed_by_id');
    const uniques = [...metadata.uniques.map((u) => u.columns), ...metadata.indices.filter((i) => i.isUnique).map((i) => i.columns)].map((list) =>
      list.map((c) => c.databaseName),
    );
    for (const column of columns) {
      found.push({ table: metadata.tableName, column, uniqueWith: uniques.filter((u) => u.includes(column)).map((u) => u.filter((c) => c !== column)) });
    }
  }
  return found.sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column));
}

/** The node type of a party kind. */
export const partyNodeType = (partyType: string) => `${partyType[0]}${partyType.slice(1).toLowerCase()}`;

/**
 * Moves everything that names `absorb` to `keep`, inside the write's transaction, recording each
 * row for the audit log: every fact link (a row that would then repeat one of the survivor's is
 * removed instead), every citation of the absorbed party (so it is known since its earliest
 * source), its statements (kept as the survivor's history, DEPRECATED: they describe the record
 * that went away), and its says-who. The party row itself is deleted by the caller.
 */
export async function moveParty(writer: FactWriter, absorb: { id: number; nodeType: string }, keep: { id: number; nodeType: string }): Promise<void> {
  const { manager } = writer;
  for (const { table, column, uniqueWith } of partyColumns(manager)) {
    const t = `"${table}"`;
    for (const others of uniqueWith) {
      const same = others.map((c) => `o."${c}" = ${t}."${c}"`).join(' AND ');
      const duplicate = `${t}."${column}" = :absorb AND EXISTS (SELECT 1 FROM ${t} o WHERE o."${column}" = :keep${same ? ` AND ${same}` : ''})`;
      await removeRows(writer, table, duplicate, { absorb: absorb.id, keep: keep.id });
    }
    const rows = await runSql<{ id: number }>(manager, `SELECT id FROM ${t} WHERE "${column}" = :absorb ORDER BY id`, { absorb: absorb.id });
    if (!rows.length) continue;
    await runSql(manager, `UPDATE ${t} SET "${column}" = :keep WHERE "${column}" = :absorb`, { absorb: absorb.id, keep: keep.id });
    for (const row of rows) writer.changes.push({ op: 'UPDATE', table, rowId: Number(row.id), values: { [column]: { from: absorb.id, to: keep.id } } });
    writer.count(table, rows.length);
  }
  // The rows about the absorbed party itself: its citations, statements and says-who.
  const subject = { absorbType: absorb.nodeType, absorb: absorb.id, keepType: keep.nodeType, keep: keep.id };
  await removeRows(
    writer,
    'citation',
    `subject_type = :absorbType AND subject_id = :absorb AND EXISTS (SELECT 1 FROM citation o WHERE o.subject_type = :keepType AND o.subject_id = :keep AND o.source_id = citation.source_id AND o.quote = citation.quote)`,
    subject,
  );
  await moveSubject(writer, 'citation', subject, {});
  await moveSubject(writer, 'field_statement', subject, { rank: StatementRank.DEPRECATED });
  await removeRows(writer, 'fact_attribution', 'subject_type = :absorbType AND subject_id = :absorb', subject);
}

async function removeRows(writer: FactWriter, table: string, condition: string, parameters: Record<string, unknown>): Promise<void> {
  const rows = await runSql<{ id: number }>(writer.manager, `SELECT id FROM "${table}" WHERE ${condition}`, parameters);
  if (!rows.length) return;
  await runSql(writer.manager, `DELETE FROM "${table}" WHERE ${condition}`, parameters);
  for (const row of rows) writer.changes.push({ op: 'DELETE', table, rowId: Number(row.id), values: {} });
  writer.count(table, rows.length);
}

async function moveSubject(
  writer: FactWriter,
  table: string,
  subject: { absorbType: string; absorb: number; keepType: string; keep: number },
  also: { rank?: StatementRank },
): Promise<void> {
  const where = 'subject_type = :absorbType AND subject_id = :absorb';
  const rows = await runSql<{ id: number }>(writer.manager, `SELECT id FROM "${table}" WHERE ${where}`, subject);
  if (!rows.length) return;
  const set = also.rank ? `, "rank" = :rank` : '';
  await runSql(writer.manager, `UPDATE "${table}" SET subject_type = :keepType, subject_id = :keep${set} WHERE ${where}`, { ...subject, ...also });
  const values = {
    subject: { from: `${subject.absorbType}:${subject.absorb}`, to: `${subject.keepType}:${subject.keep}` },
    ...(also.rank ? { rank: { to: also.rank } } : {}),
  };
  for (const row of rows) writer.changes.push({ op: 'UPDATE', table, rowId: Number(row.id), values });
  writer.count(table, rows.length);
}
