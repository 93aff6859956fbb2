import { GraphQLError } from 'graphql';
import type { EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SqlReader } from '../../common/database/sql-reader';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { Citation } from '../../common/citation/citation.entity';
import { Source } from '../../common/citation/source.entity';
import { asOfBound, currentOf, knownBy } from './current-value';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import type { FactType } from '../../common/facts/fact-type';

/**
 * As-of reads: what the store's sources had published by a date. A query whose root fields give
 * `asOf` reads, everywhere in its answer, through a reader that (1) leaves out every fact,
 * party and citation first stated (by its earliest cited source) after the date, (2) leaves out
 * statements published after it, and (3) gives each fact's fields the value current then (the
 * same rule as now, over the statements known then). What was known is a condition of each
 * query (pages and counts stay right); the values current then take one more query per batch of
 * rows, so an as-of answer costs about twice the statements of a current read (priced with
 * PRICES.asOf). Raw SQL reads (the timeline, search) add the same condition themselves
 * (`asOfOf`). One date per operation.
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

/** The node type of an entity's rows (`Company`), a party table's every kind, or null for rows that are not cited. */
function citedTypes(metadata: EntityMetadata): string[] | null {
  if (metadata.tableName === 'party' && !metadata.parentEntityMetadata) return ['Company', 'Person', 'Authority'];
  const type = (metadata.target as { prototype?: { nodeType?: unknown } }).prototype?.nodeType;
  return typeof type === 'string' && !UNCITED.has(type) ? [type] : null;
}
const UNCITED = new Set(['Source', 'Citation', 'ApiKey', 'AuditEntry']);

/**
 * The SQL condition (on the table's own name) that keeps what was known by `bound`: a fact or
 * party with a citation of a source published by then, a citation of such a source, a statement
 * published by then. The bound is validated (digits and dashes) and inlined, so it does not shift
 * the caller's positional parameters.
 */
function knownCondition(metadata: EntityMetadata, bound: string): string | null {
  const literal = `'${bound.replace(/[^0-9-]/g, '')}'`;
  const table = `"${metadata.tableName}"`;
  if (metadata.target === FieldStatement) return `${table}."known_since" <= ${literal}`;
  if (metadata.target === Source) return `${table}."published_on" <= ${literal}`;
  if (metadata.target === Citation) return `EXISTS (SELECT 1 FROM source s WHERE s.id = ${table}."source_id" AND s.published_on <= ${literal})`;
  const types = citedTypes(metadata);
  if (!types) return null;
  return `EXISTS (SELECT 1 FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type IN (${types.map((t) => `'${t}'`).join(', ')}) AND c.subject_id = ${table}."id" AND s.published_on <= ${literal})`;
}

/** A link table whose rows list the parties of an asserting field (`lawsuit_party` for a suit's `plaintiffs`). */
export interface LinkField {
  /** The fact's node type (`Lawsuit`) and the link rows' column holding its id. */
  type: string;
  factColumn: string;
  partyColumn: string;
  /** The rows of this field, when the table holds several (`role` = `PLAINTIFF`). */
  roleColumn?: string;
  roleValue?: string;
  field: string;
}

/** The link fields the fact types declare (`participants[].field`), by link table. */
export function linkFieldsOf(factTypes: readonly FactType[]): ReadonlyMap<string, LinkField[]> {
  const byTable = new Map<string, LinkField[]>();
  for (const fact of factTypes) {
    for (const participant of fact.participants) {
      if (!('link' in participant) || !participant.field) continue;
      const { table, factColumn, partyColumn = 'party_id', roleColumn } = participant.link;
      const list = byTable.get(table) ?? [];
      list.push({ type: fact.typeName, factColumn, partyColumn, roleColumn, roleValue: participant.roleValue, field: participant.field });
      byTable.set(table, list);
    }
  }
  return byTable;
}

/** The party slugs a statement's value names: a list of slugs, or of objects with a `party` (a dispute's sides). */
function slugsIn(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? [value] : [];
  return value.flatMap((item) =>
    typeof item === 'string'
      ? [item]
      : item && typeof item === 'object' && typeof (item as { party?: unknown }).party === 'string'
        ? [(item as { party: string }).party]
        : [],
  );
}

/**
 * Link rows as known by `bound`: a row stays when the statements of its field known then name its
 * party (by today's slug or a former one), or when the field has no statement known then (nothing
 * says otherwise: the fact itself is known). A party a later source added to a suit is not on it
 * as of an earlier date. One statement for the batch's statements, one for the slugs they name.
 */
async function linksKnown<T extends ObjectLiteral>(base: SqlReader, metadata: EntityMetadata, specs: LinkField[], rows: T[], bound: string): Promise<T[]> {
  if (!rows.length) return rows;
  const property = (column: string) =>
    metadata.findColumnsWithPropertyPath(column)[0]?.propertyName ?? metadata.columns.find((c) => c.databaseName === column)?.propertyName ?? column;
  const { type, factColumn, partyColumn, roleColumn } = specs[0];
  const factKey = property(factColumn);
  const partyKey = property(partyColumn);
  const roleKey = roleColumn ? property(roleColumn) : null;
  const fieldOf = (row: T) => (roleKey ? specs.find((s) => s.roleValue === row[roleKey]) : specs[0])?.field ?? null;
  const factIds = [...new Set(rows.map((row) => Number(row[factKey])))];
  const fields = [...new Set(specs.map((s) => s.field))];
  const statements = await base.select(
    FieldStatement,
    ['"subject_type" = ?', base.inList('"subject_id"'), base.inList('"field"'), '"known_since" <= ?'],
    [type, base.listParameter(factIds), base.listParameter(fields), bound],
  );
  const named = new Map<string, string[]>();
  for (const id of factIds) {
    for (const field of fields) {
      const current = currentOf(
        knownBy(
          statements.filter((s) => s.subjectId === id && s.field === field),
          bound,
        ),
      );
      if (current) named.set(`${id}:${field}`, slugsIn(JSON.parse(current.value)));
    }
  }
  const slugs = [...new Set([...named.values()].flat())];
  const ids = new Map<string, number>();
  if (slugs.length) {
    const list = base.listParameter(slugs);
    const found = await base.query<{ slug: string; id: number }>(
      `SELECT slug, id FROM party WHERE ${base.inList('slug')} UNION ALL SELECT former_slug AS slug, current_id AS id FROM former_identifier WHERE table_name = 'party' AND ${base.inList('former_slug')}`,
      [list, list],
    );
    for (const row of found) if (!ids.has(row.slug)) ids.set(row.slug, Number(row.id));
  }
  return rows.filter((row) => {
    const field = fieldOf(row);
    const names = field ? named.get(`${Number(row[factKey])}:${field}`) : undefined;
    return names === undefined || names.some((slug) => ids.get(slug) === Number(row[partyKey]));
  });
}

/** A reader that answers as of `bound` (see above), delegating everything else to `base`. */
export function asOfReader(base: SqlReader, bound: string, linkFields: ReadonlyMap<string, LinkField[]> = new Map()): SqlReader {
  const reader = Object.create(base) as SqlReader & { asOfBound: string };
  reader.asOfBound = bound;
  const metadataOf = (entity: unknown) => (base as unknown as { dataSource: { getMetadata(t: unknown): EntityMetadata } }).dataSource.getMetadata(entity);
  const withKnown = (entity: unknown, conditions: string[]) => {
    const condition = knownCondition(metadataOf(entity), bound);
    return condition ? [...conditions, condition] : conditions;
  };
  reader.select = async function <T extends ObjectLiteral>(entity: EntityTarget<T>, conditions: string[], parameters: unknown[], tail = ''): Promise<T[]> {
    const rows = await base.select(entity, withKnown(entity, conditions), parameters, tail);
    const links = linkFields.get(metadataOf(entity).tableName);
    if (links) return linksKnown(base, metadataOf(entity), links, rows, bound);
    return overlaid(base, rows, bound);
  } as SqlReader['select'];
  reader.count = function (entity: EntityTarget<ObjectLiteral>, conditions: string[], parameters: unknown[], options) {
    // A condition always: the trigger-kept total counts everything ever stated.
    return base.count(entity, withKnown(entity, conditions), parameters, options);
  } as SqlReader['count'];
  reader.queryEntities = async function <T extends ObjectLiteral>(entity: EntityTarget<T>, sql: string, parameters: unknown[], keyColumn: string) {
    const rows = await base.queryEntities(entity, sql, parameters, keyColumn);
    const kept = new Set(
      await known(
        base,
        rows.map((r) => r.entity),
        bound,
      ),
    );
    const result = rows.filter((r) => kept.has(r.entity));
    await overlaid(
      base,
      result.map((r) => r.entity),
      bound,
    );
    return result;
  } as SqlReader['queryEntities'];
  return reader;
}

/** The as-of bound a reader answers at (null: now). */
export function asOfOf(reader: SqlReader): string | null {
  return (reader as SqlReader & { asOfBound?: string }).asOfBound ?? null;
}

const nodeTypeOf = (row: unknown) => {
  const type = (row as { nodeType?: unknown }).nodeType;
  return typeof type === 'string' && !UNCITED.has(type) ? type : null;
};

/** Rows a service read by its own SQL, less those first stated after `bound`: one query per type. */
async function known<T extends ObjectLiteral>(base: SqlReader, rows: T[], bound: string): Promise<T[]> {
  const byType = groupByType(rows);
  const kept = new Set<T>(rows.filter((r) => nodeTypeOf(r) === null));
  for (const [type, list] of byType) {
    const ids = list.map((r) => Number((r as unknown as { id: number }).id));
    const stated = new Set(
      (
        await base.query<{ subject_id: number }>(
          `SELECT DISTINCT c.subject_id FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type = ? AND ${base.inList('c.subject_id')} AND s.published_on <= ?`,
          [type, base.listParameter(ids), bound],
        )
      ).map((r) => Number(r.subject_id)),
    );
    for (const row of list) if (stated.has(Number((row as unknown as { id: number }).id))) kept.add(row);
  }
  return rows.filter((r) => kept.has(r));
}

function groupByType<T>(rows: T[]): Map<string, T[]> {
  const byType = new Map<string, T[]>();
  for (const row of rows) {
    const type = nodeTypeOf(row);
    if (type) byType.set(type, [...(byType.get(type) ?? []), row]);
  }
  return byType;
}

/** A relation field (a sanction's `target`) whose value current then is a slug, to be set as the row's key column. */
interface PendingKey {
  row: Record<string, unknown>;
  property: string;
  table: string;
  slug: string | null;
}

/**
 * Gives each cited row's fields the values current at `bound`: one statement query per type, and
 * for relation fields stated then (a regulatory action's `subject`, a suit's `challenges`), one
 * query per table they name, resolving their slugs (today's or former) to the rows' keys.
 */
async function overlaid<T extends ObjectLiteral>(base: SqlReader, rows: T[], bound: string): Promise<T[]> {
  const pending: PendingKey[] = [];
  await overlaidColumns(base, rows, bound, pending);
  const byTable = new Map<string, PendingKey[]>();
  for (const key of pending) {
    if (key.slug === null) key.row[key.property] = null;
    else byTable.set(key.table, [...(byTable.get(key.table) ?? []), key]);
  }
  for (const [table, keys] of byTable) {
    const list = base.listParameter([...new Set(keys.map((k) => k.slug!))]);
    const found = await base.query<{ slug: string; id: number }>(
      `SELECT slug, id FROM "${table}" WHERE ${base.inList('slug')} UNION ALL SELECT former_slug AS slug, current_id AS id FROM former_identifier WHERE table_name = ? AND ${base.inList('former_slug')}`,
      [list, table, list],
    );
    const ids = new Map<string, number>();
    for (const row of found) if (!ids.has(row.slug)) ids.set(row.slug, Number(row.id));
    // A slug that names nothing now leaves the row's own key: nothing better is known.
    for (const key of keys) if (ids.has(key.slug!)) key.row[key.property] = ids.get(key.slug!);
  }
  return rows;
}

async function overlaidColumns<T extends ObjectLiteral>(base: SqlReader, rows: T[], bound: string, pending: PendingKey[]): Promise<void> {
  for (const [type, list] of groupByType(rows)) {
    const ids = list.map((r) => Number((r as unknown as { id: number }).id));
    const statements = await base.select(
      FieldStatement,
      ['"subject_type" = ?', base.inList('"subject_id"'), '"known_since" <= ?'],
      [type, base.listParameter(ids), bound],
    );
    if (!statements.length) continue;
    const metadata = (base as unknown as { dataSource: { getMetadata(t: unknown): EntityMetadata } }).dataSource.getMetadata((list[0] as object).constructor);
    for (const row of list) {
      const id = Number((row as unknown as { id: number }).id);
      overlay(
        row as Record<string, unknown>,
        metadata,
        knownBy(
          statements.filter((s) => s.subjectId === id),
          bound,
        ),
        pending,
      );
    }
  }
}

/** Each column field with a statement known then takes the value current then; a relation field's slug is resolved later (`pending`). */
function overlay(row: Record<string, unknown>, metadata: EntityMetadata, statements: FieldStatement[], pending: PendingKey[]): void {
  const fields = new Set(statements.map((s) => s.field));
  for (const field of fields) {
    const column = metadata.findColumnWithPropertyName(field);
    const relation = column ? null : metadata.findRelationWithPropertyPath(field);
    const key = relation?.isManyToOne ? relation.joinColumns[0] : null;
    if (!key && (!column || column.relationMetadata || column.isPrimary)) continue;
    const current = currentOf(statements.filter((s) => s.field === field));
    if (!current) continue;
    const value = JSON.parse(current.value) as unknown;
    if (key) {
      if (value === null || typeof value === 'string')
        pending.push({ row, property: key.propertyName, table: relation!.inverseEntityMetadata.tableName, slug: value as string | null });
      continue;
    }
    row[field] = typeof value === 'string' && column!.transformer ? FuzzyDate.parse(value) : value;
  }
}
