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
