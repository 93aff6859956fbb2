import { sqlString, type FactEdge, type FactType, type Participant } from './fact-type';

/**
 * The graph-wide SQL derived from the fact declarations. Every statement is plain SQL that runs
 * unchanged on SQLite and PostgreSQL; `inList(column)` is the reader's "column is in the key
 * list parameter" (one `?`).
 */

type InList = (column: string) => string;

/** A participant's party-id expression, and the join (if any) that brings it into a query on `f`. */
function participantSql(p: Participant, alias: string): { join: string; party: string } {
  if ('column' in p) return { join: '', party: `f.${p.column}` };
  const { table, factColumn, partyColumn = 'party_id', roleColumn } = p.link;
  const role = p.roleValue && roleColumn ? ` AND ${alias}.${roleColumn} = ${sqlString(p.roleValue)}` : '';
  return { join: ` JOIN ${table} ${alias} ON ${alias}.${factColumn} = f.id${role}`, party: `${alias}.${partyColumn}` };
}

function participant(fact: FactType, role: string): Participant {
  const found = fact.participants.find((p) => p.role === role);
  if (!found) throw new Error(`${fact.typeName} declares an edge from or to "${role}", which is not one of its participants`);
  return found;
}

/** The two ends of an edge on the fact's row `f` (aliases a/b), with the joins they need. */
function edgeEnds(fact: FactType, edge: FactEdge): { from: string; to: string; joins: string; conditions: string[] } {
  const a = participantSql(participant(fact, edge.from), 'a');
  const b = participantSql(participant(fact, edge.to), 'b');
  const conditions: string[] = [];
  for (const end of [a, b]) if (!end.join) conditions.push(`${end.party} IS NOT NULL`);
  // One role on both ends: each pair of its parties once.
  if (edge.from === edge.to) conditions.push(`${b.party} > ${a.party}`);
  return { from: a.party, to: b.party, joins: a.join + b.join, conditions };
}

const expression = (value: string | ((f: string) => string)) => (typeof value === 'string' ? sqlString(value) : value('f'));
const where = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');

/**
 * Every declared edge of `facts` touching the party list, as one UNION ALL (each `?` is the same
 * party list). Each edge is read twice, once from each end: the edges whose `from` is in the list,
 * then those whose `to` is and whose `from` is not. So every select looks its parties up through
 * the index on that one end's column, and the fact and the other end by key; one select testing
 * both ends (`a IN list OR b IN list`) made SQLite scan a fact's whole link table at every level
 * (1.2 s for a depth-2 network on 1,000,000 companies).
 */
export function edgesTouchingSql(facts: readonly FactType[], inList: InList): { sql: string; lists: number } {
  const selects: string[] = [];
  let lists = 0;
  const listed = (column: string) => {
    lists += 1;
    return inList(column);
  };
  for (const fact of facts) {
    for (const edge of fact.edges ?? []) {
      const { from, to, joins, conditions } = edgeEnds(fact, edge);
      const columns =
        `SELECT ${sqlString(fact.typeName)} AS fact_type, f.id AS fact_id, ${from} AS from_id, ${to} AS to_id, ${expression(edge.kind)} AS kind,` +
        ` ${edge.label('f')} AS label, ${edge.since ? `f.${edge.since}` : 'NULL'} AS since FROM ${fact.table} f${joins}`;
      selects.push(`${columns}${where([...conditions, listed(from)])}`);
      selects.push(`${columns}${where([...conditions, listed(to), `NOT (${listed(from)})`])}`);
    }
  }
  return { sql: selects.join('\nUNION ALL '), lists };
}

/** Pairs (party_id, adversary_id) across every adversarial edge, both ways (each `?` is the same party list). */
export function adversariesSql(facts: readonly FactType[], inList: InList): { sql: string; lists: number } {
  const selects: string[] = [];
  for (const fact of facts) {
    for (const edge of (fact.edges ?? []).filter((e) => e.adversarial)) {
      const { from, to, joins, conditions } = edgeEnds(fact, edge);
      for (const [mine, theirs] of [
        [from, to],
        [to, from],
      ]) {
        selects.push(`SELECT ${mine} AS party_id, ${theirs} AS adversary_id FROM ${fact.table} f${joins}${where([...conditions, inList(mine)])}`);
      }
    }
  }
  return { sql: selects.join('\nUNION '), lists: selects.length };
}

/** Every dated fact of the timeline: fact_type, fact_id, date (stored FuzzyDate), kind, title. */
export function datedFactsSql(facts: readonly FactType[]): string {
  return facts
    .filter((fact) => fact.timeline)
    .map(
      ({ typeName, table, timeline }) =>
        `SELECT ${sqlString(typeName)} AS fact_type, f.id AS fact_id, f.${timeline!.date} AS date, ${expression(timeline!.kind)} AS kind,` +
        ` ${timeline!.title('f')} AS title FROM ${table} f WHERE f.${timeline!.date} IS NOT NULL`,
    )
    .join('\nUNION ALL ');
}

/**
 * The chronological sort key of a stored fuzzy date (`2019-12`, `2019-02~`, `<2019-02~`): the
 * date with missing parts as the start of the period (`2019-12-01`), then 0 for a BEFORE
 * bound (or ON_OR_BEFORE), 1 for a plain date, 2 for an AFTER (or ON_OR_AFTER) bound, so "before February 2019" sorts just before
 * February 2019 and a month before the days in it. Only immutable functions: PostgreSQL indexes it.
 */
export function sortKeySql(column: string): string {
  const core = `rtrim(ltrim(${column}, '<>='), '~')`;
  return `${core} || substr('-01-01', length(${core}) - 3) || CASE substr(${column}, 1, 1) WHEN '<' THEN '0' WHEN '>' THEN '2' ELSE '1' END`;
}

/** The name of a dated fact table's index on (sort key, id), which the entity declares (src/facts.ts). */
export const timelineIndexName = (table: string) => `IDX_${table}_timeline`;

/**
 * The timeline's index of every dated fact table: (sort key of its date, id), over its dated rows
 * only. The same statement on both dialects (an expression in parentheses); IF NOT EXISTS, so it
 * can be run again after a schema change rebuilt a table.
 */
export function timelineIndexesSql(facts: readonly FactType[]): string[] {
  return facts
    .filter((fact) => fact.timeline)
    .map(
      ({ table, timeline }) =>
        `CREATE INDEX IF NOT EXISTS "${timelineIndexName(table)}" ON "${table}" ((${sortKeySql(timeline!.date)}), id) WHERE ${timeline!.date} IS NOT NULL`,
    );
}

/** Where the whole graph's timeline starts and ends: sort keys (inclusive) and the keyset cursor (after it). */
export interface TimelineBounds {
  from?: string;
  to?: string;
  after?: { key: string; type: string; id: number };
  /** Another condition on every fact `f` (its type is the literal given), with its parameters. */
  extra?: (type: string) => { sql: string; parameters: unknown[] };
}

/** The conditions on one dated table `f` of a bounded timeline read (sort key range, cursor). */
function boundsOf(typeName: string, date: string, bounds: TimelineBounds): { conditions: string[]; parameters: unknown[] } {
  const key = sortKeySql(`f.${date}`);
  const conditions = [`f.${date} IS NOT NULL`];
  const parameters: unknown[] = [];
  if (bounds.from != null) {
    conditions.push(`${key} >= ?`);
    parameters.push(bounds.from);
  }
  if (bounds.to != null) {
    conditions.push(`${key} <= ?`);
    parameters.push(bounds.to);
  }
  const { after } = bounds;
  if (after) {
    // Entries sort by (key, fact type, id) and a table holds one type, so after the cursor a table's
    // rows are a range of its (key, id) index: from the cursor's key on when its type sorts later,
    // past the key when earlier, past (key, id) when it is the cursor's own type.
    if (typeName > after.type) {
      conditions.push(`${key} >= ?`);
      parameters.push(after.key);
    } else if (typeName < after.type) {
      conditions.push(`${key} > ?`);
      parameters.push(after.key);
    } else {
      conditions.push(`${key} >= ?`, `(${key} > ? OR f.id > ?)`);
      parameters.push(after.key, after.key, after.id);
    }
  }
  const extra = bounds.extra?.(sqlString(typeName));
  if (extra) {
    conditions.push(extra.sql);
    parameters.push(...extra.parameters);
  }
  return { conditions, parameters };
}

/**
 * One page of the whole graph's timeline as a merge of pages: each dated table read in (sort key,
 * id) order through its timeline index, `LIMIT ?` rows (the page size plus one, a `?` of its own
 * after each select's parameters), then the union of those few rows sorted and cut to the same
 * limit (the last `?`). A page's work is bounded by its size however many facts are dated; sorting
 * the union of every dated fact read them all (4 s at 1,000,000 companies).
 */
export function timelinePageSql(facts: readonly FactType[], bounds: TimelineBounds, limit: number): { sql: string; parameters: unknown[] } {
  const selects: string[] = [];
  const parameters: unknown[] = [];
  for (const { typeName, table, timeline } of facts.filter((fact) => fact.timeline)) {
    const { conditions, parameters: own } = boundsOf(typeName, timeline!.date, bounds);
    selects.push(
      `SELECT * FROM (SELECT ${sqlString(typeName)} AS fact_type, f.id AS fact_id, f.${timeline!.date} AS date, ${expression(timeline!.kind)} AS kind,` +
        ` ${timeline!.title('f')} AS title, ${sortKeySql(`f.${timeline!.date}`)} AS sort_key FROM ${table} f${where(conditions)}` +
        ` ORDER BY ${sortKeySql(`f.${timeline!.date}`)}, f.id LIMIT ?) ${table}_page`,
    );
    parameters.push(...own, limit);
  }
  parameters.push(limit);
  return { sql: `${selects.join('\nUNION ALL ')}\nORDER BY sort_key, fact_type, fact_id LIMIT ?`, parameters };
}

/**
 * How many dated facts a bounded timeline holds: per table a COUNT over its timeline index's range,
 * summed. (Unbounded, the trigger-kept counts of dated rows answer instead.)
 */
export function timelineCountSql(facts: readonly FactType[], bounds: TimelineBounds): { sql: string; parameters: unknown[] } {
  const counts: string[] = [];
  const parameters: unknown[] = [];
  for (const { typeName, table, timeline } of facts.filter((fact) => fact.timeline)) {
    const { conditions, parameters: own } = boundsOf(typeName, timeline!.date, { ...bounds, after: undefined });
    counts.push(`(SELECT COUNT(*) FROM ${table} f${where(conditions)})`);
    parameters.push(...own);
  }
  return { sql: `SELECT ${counts.join(' + ')} AS n`, parameters };
}

/**
 * The dated facts one party takes part in, as `datedFactsSql` gives them: one select per role
 * column or link table, each finding the party's rows through its index (every `?` is the party's
 * id; `parameters` says how many). UNION: a party in two roles of one fact gets it once. Filtering
 * every dated fact by a semi-join instead made PostgreSQL hash the whole union (1.2 M rows at
 * 1,000,000 companies).
 */
export function partyDatedFactsSql(facts: readonly FactType[]): { sql: string; parameters: number } {
  const selects: string[] = [];
  for (const { typeName, table, timeline, participants } of facts.filter((fact) => fact.timeline)) {
    const columns =
      `SELECT ${sqlString(typeName)} AS fact_type, f.id AS fact_id, f.${timeline!.date} AS date, ${expression(timeline!.kind)} AS kind,` +
      ` ${timeline!.title('f')} AS title FROM ${table} f`;
    const links = new Set<string>();
    for (const p of participants) {
      if ('column' in p) selects.push(`${columns} WHERE f.${timeline!.date} IS NOT NULL AND f.${p.column} = ?`);
      else if (!links.has(p.link.table)) {
        links.add(p.link.table);
        selects.push(
          `${columns} JOIN ${p.link.table} l ON l.${p.link.factColumn} = f.id WHERE f.${timeline!.date} IS NOT NULL AND l.${p.link.partyColumn ?? 'party_id'} = ?`,
        );
      }
    }
  }
  return { sql: selects.join('\nUNION '), parameters: selects.length };
}

/**
 * The dated facts among a set given per fact type: `ids(typeName)` is a subquery of that type's
 * fact ids with one `?` (`parameters` says how many in all). Each select reads its table by id;
 * filtering the union of every dated fact by a semi-join made PostgreSQL hash all of them.
 */
export function datedFactsAmongSql(facts: readonly FactType[], ids: (typeName: string) => string): { sql: string; parameters: number } {
  const selects = facts
    .filter((fact) => fact.timeline)
    .map(
      ({ typeName, table, timeline }) =>
        `SELECT ${sqlString(typeName)} AS fact_type, f.id AS fact_id, f.${timeline!.date} AS date, ${expression(timeline!.kind)} AS kind,` +
        ` ${timeline!.title('f')} AS title FROM ${table} f WHERE f.${timeline!.date} IS NOT NULL AND f.id IN (${ids(typeName)})`,
    );
  return { sql: selects.join('\nUNION ALL '), parameters: selects.length };
}

/**
 * Who each fact involves: (fact_type, fact_id, party_id), for the facts of the timeline. A link
 * table is read once for all the roles it holds.
 */
export function factParticipantsSql(facts: readonly FactType[]): string {
  const selects: string[] = [];
  for (const fact of facts.filter((f) => f.timeline)) {
    const type = sqlString(fact.typeName);
    const links = new Set<string>();
    for (const p of fact.participants) {
      if ('column' in p) {
        selects.push(`SELECT ${type} AS fact_type, id AS fact_id, ${p.column} AS party_id FROM ${fact.table} WHERE ${p.column} IS NOT NULL`);
      } else if (!links.has(p.link.table)) {
        links.add(p.link.table);
        selects.push(`SELECT ${type} AS fact_type, ${p.link.factColumn} AS fact_id, ${p.link.partyColumn ?? 'party_id'} AS party_id FROM ${p.link.table}`);
      }
    }
  }
  return selects.join('\nUNION ALL ');
}

/**
 * Who the given facts of the timeline involve: (fact_type, fact_id, party_id). Each select reads
 * one fact type's rows by id (its `?` is the list of that type's ids, `types` says which type each
 * `?` is for), so every one is a lookup by key; filtering `factParticipantsSql` by a
 * `fact_type || ':' || fact_id` expression read every link table whole.
 */
export function factParticipantsByIdSql(facts: readonly FactType[], inList: InList): { sql: string; types: string[] } {
  const selects: string[] = [];
  const types: string[] = [];
  for (const fact of facts.filter((f) => f.timeline)) {
    const type = sqlString(fact.typeName);
    const links = new Set<string>();
    for (const p of fact.participants) {
      if ('column' in p) {
        selects.push(
          `SELECT ${type} AS fact_type, id AS fact_id, ${p.column} AS party_id FROM ${fact.table} WHERE ${p.column} IS NOT NULL AND ${inList('id')}`,
        );
      } else if (!links.has(p.link.table)) {
        links.add(p.link.table);
        selects.push(
          `SELECT ${type} AS fact_type, ${p.link.factColumn} AS fact_id, ${p.link.partyColumn ?? 'party_id'} AS party_id FROM ${p.link.table} WHERE ${inList(p.link.factColumn)}`,
        );
      } else continue;
      types.push(fact.typeName);
    }
  }
  return { sql: selects.join('\nUNION ALL '), types };
}
