import { GraphQLError } from 'graphql';
import type { EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SqlReader } from '../../common/database/sql-reader';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { Citation } from '../source/citation.entity';
import { asOfBound, currentOf, knownBy } from './current-value';
import { FieldStatement } from './field-statement.entity';

/**
 * As-of reads: what the store's sources had published by a date. A query whose root fields give
 * `asOf` reads, everywhere in its answer, through a reader that (1) leaves out every fact,
 * party and citation first stated (by its earliest cited source) after the date, (2) leaves out
 * statements published after it, and (3) gives each fact's fields the value current then (the
 * same rule as now, over the statements known then). A fact's first-stated date and its
 * statements are read in one query each per batch of rows, so an as-of answer costs about three
 * statements for every one of a current read (priced accordingly). One date per operation.
 */

export const ASOF_ERROR = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** An `asOf` argument as the bound it admits (see asOfBound); a bad one is a client's mistake. */
export function parseAsOf(value: unknown): string {
  if (typeof value !== 'string') throw ASOF_ERROR('asOf must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
  let date: FuzzyDate;
  try {
    date = FuzzyDate.parse(value);
  } catch (error) {
    throw ASOF_ERROR(`asOf: ${(error as Error).message}`);
  }
  if (date.bound) throw ASOF_ERROR(`asOf: "${value}" is a bound; give the date itself (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return asOfBound(date.iso);
}

const isoPrefix = (date: string) => /\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(date)?.[0] ?? date;

/** A reader that answers as of `bound` (see above), delegating everything else to `base`. */
export function asOfReader(base: SqlReader, bound: string): SqlReader {
  const reader = Object.create(base) as SqlReader & { asOfBound: string };
  reader.asOfBound = bound;
  const select = base.select;
  const queryEntities = base.queryEntities;
  reader.select = async function <T extends ObjectLiteral>(entity: EntityTarget<T>, conditions: string[], parameters: unknown[], tail = ''): Promise<T[]> {
    const rows = await select.call(reader, entity, conditions, parameters, tail);
    return asOf(reader, base, rows, bound) as Promise<T[]>;
  } as SqlReader['select'];
  reader.queryEntities = async function <T extends ObjectLiteral>(entity: EntityTarget<T>, sql: string, parameters: unknown[], keyColumn: string) {
    const rows = await queryEntities.call(reader, entity, sql, parameters, keyColumn);
    const kept = new Set(await asOf(reader, base, rows.map((r) => r.entity), bound));
    return rows.filter((r) => kept.has(r.entity));
  } as SqlReader['queryEntities'];
  return reader;
}

/** The as-of bound a reader answers at (null: now). */
export function asOfOf(reader: SqlReader): string | null {
  return (reader as SqlReader & { asOfBound?: string }).asOfBound ?? null;
}

async function asOf<T extends ObjectLiteral>(reader: SqlReader, base: SqlReader, rows: T[], bound: string): Promise<T[]> {
  if (!rows.length) return rows;
  const first = rows[0];
  if (first instanceof FieldStatement) return rows.filter((s) => (s as unknown as FieldStatement).knownSince <= bound);
  if (first instanceof Citation) {
    const sources = [...new Set(rows.map((c) => (c as unknown as Citation).sourceId))];
    const dates = new Map((await base.query<{ id: number; published_on: string }>(`SELECT id, published_on FROM source WHERE ${base.inList('id')}`, [base.listParameter(sources)])).map((s) => [Number(s.id), isoPrefix(s.published_on)]));
    return rows.filter((c) => (dates.get((c as unknown as Citation).sourceId) ?? '') <= bound);
  }
  const type = typeof (first as unknown as { nodeType?: unknown }).nodeType === 'string' ? String((first as unknown as { nodeType: string }).nodeType) : null;
  if (!type || type === 'Source' || type === 'ApiKey' || type === 'AuditEntry') return rows;
  const byType = new Map<string, T[]>();
  for (const row of rows) {
    const t = (row as unknown as { nodeType?: string }).nodeType ?? type;
    byType.set(t, [...(byType.get(t) ?? []), row]);
  }
  const kept = new Set<T>();
  for (const [nodeType, list] of byType) {
    const ids = list.map((r) => Number((r as unknown as { id: number }).id));
    const firstStated = new Map<number, string>();
    for (const c of await base.query<{ subject_id: number; published_on: string }>(
      `SELECT c.subject_id, s.published_on FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type = ? AND ${base.inList('c.subject_id')}`,
      [nodeType, base.listParameter(ids)],
    )) {
      const date = isoPrefix(c.published_on);
      const id = Number(c.subject_id);
      if (!firstStated.has(id) || date < firstStated.get(id)!) firstStated.set(id, date);
    }
    const statements = await base.select(FieldStatement, ['"subject_type" = ?', base.inList('"subject_id"')], [nodeType, base.listParameter(ids)]);
    const metadata = (reader as unknown as { dataSource: { getMetadata(t: unknown): EntityMetadata } }).dataSource.getMetadata((list[0] as object).constructor);
    for (const row of list) {
      const id = Number((row as unknown as { id: number }).id);
      const since = firstStated.get(id);
      if (since !== undefined && since > bound) continue;
      kept.add(row);
      overlay(row as Record<string, unknown>, metadata, knownBy(statements.filter((s) => s.subjectId === id), bound));
    }
  }
  return rows.filter((r) => kept.has(r));
}

/** Each column field with a statement known then takes the value current then. */
function overlay(row: Record<string, unknown>, metadata: EntityMetadata, statements: FieldStatement[]): void {
  const fields = new Set(statements.map((s) => s.field));
  for (const field of fields) {
    const column = metadata.findColumnWithPropertyName(field);
    if (!column || column.relationMetadata || column.isPrimary) continue;
    const current = currentOf(statements.filter((s) => s.field === field));
    if (!current) continue;
    const value = JSON.parse(current.value) as unknown;
    row[field] = typeof value === 'string' && column.transformer ? FuzzyDate.parse(value) : value;
  }
}
