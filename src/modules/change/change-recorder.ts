import type { EntityManager } from 'typeorm';
import type { FactType } from '../../common/facts/fact-type';
import { runSql } from '../../common/sql';
import type { FactWriter, RowChange } from '../../common/writes/fact-writer';
import { ChangeEvent } from './change-event.entity';
import { ChangeKind } from './change-kind.enum';
import { ChangeDispute, ChangeParty } from './change-touch.entity';

/** The PostgreSQL channel a write notifies (payload: its newest change row id) when it commits. */
export const CHANGE_CHANNEL = 'change_event';

/** Every kind of fact (src/facts.ts sets it, as the registry is loaded): which tables are facts, and whom they involve. */
let facts: readonly FactType[] = [];
export function setChangeFacts(types: readonly FactType[]): void {
  facts = types;
}

const PARTY_TYPES: Record<string, string> = { COMPANY: 'Company', PERSON: 'Person', AUTHORITY: 'Authority' };
const IN_CHUNK = 500;

interface Subject {
  type: string;
  id: number;
}

type Draft = Omit<ChangeEvent, 'id' | 'at' | 'actor' | 'action' | 'parties' | 'disputes' | 'subjectGlobalId' | 'cursor'>;

interface StatementRow {
  id: number;
  subject_type: string;
  subject_id: number;
  field: string;
  value: string;
  rank: string;
  source_id: number | null;
}

/** Reads `sql` once per chunk of `ids` (bound as `:...ids`), so no statement has more parameters than a dialect allows. */
async function inChunks<T>(manager: EntityManager, ids: Iterable<number>, sql: string, extra: Record<string, unknown> = {}): Promise<T[]> {
  const all = [...new Set(ids)];
  const rows: T[] = [];
  for (let i = 0; i < all.length; i += IN_CHUNK) rows.push(...(await runSql<T>(manager, sql, { ...extra, ids: all.slice(i, i + IN_CHUNK) })));
  return rows;
}

const key = (s: Subject) => `${s.type}:${s.id}`;

/**
 * Appends the change events of one accepted write, in its transaction, from the rows its
 * FactWriter recorded: every statement added, deprecated or re-ranked (a change IS a new
 * statement), every party or fact created or removed, and every other field changed on one. Each
 * event names the parties and disputes it touches (kept in change_party / change_dispute for the
 * filtered feed). Called by the mutation runner for every write, so a new mutation or import path
 * is covered without code of its own. On PostgreSQL it notifies CHANGE_CHANNEL with its newest id,
 * which PostgreSQL delivers only if and when the transaction commits. Returns the newest id (null: no change).
 */
export async function recordChanges(writer: FactWriter, { actor, action }: { actor: string; action: string }): Promise<number | null> {
  const manager = writer.manager;
  const drafts = await draftsOf(manager, writer.changes);
  if (!drafts.length) return null;
  const touches = await touchesOf(manager, drafts);
  const at = new Date().toISOString();
  const repository = manager.getRepository(ChangeEvent);
  const rows = drafts.map((draft) => {
    const touched = touches.get(key({ type: draft.subjectType, id: draft.subjectId }))!;
    return repository.create({
      ...draft,
      at,
      actor: actor.slice(0, 100),
      action: action.slice(0, 64),
      parties: touched.partySlugs,
      disputes: touched.disputeSlugs,
    });
  });
  const saved = await repository.save(rows, { chunk: 200 });
  const parties: ChangeParty[] = [];
  const disputes: ChangeDispute[] = [];
  saved.forEach((event, i) => {
    const touched = touches.get(key({ type: drafts[i].subjectType, id: drafts[i].subjectId }))!;
    for (const partyId of touched.partyIds) parties.push({ changeId: event.id, partyId });
    for (const disputeId of touched.disputeIds) disputes.push({ changeId: event.id, disputeId });
  });
  for (let i = 0; i < parties.length; i += IN_CHUNK) await manager.insert(ChangeParty, parties.slice(i, i + IN_CHUNK));
  for (let i = 0; i < disputes.length; i += IN_CHUNK) await manager.insert(ChangeDispute, disputes.slice(i, i + IN_CHUNK));
  const newest = Math.max(...saved.map((event) => event.id));
  if (manager.connection.options.type === 'postgres') await manager.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, String(newest)]);
  return newest;
}

/** The events of a write's row changes, in the order it made them. */
async function draftsOf(manager: EntityManager, changes: readonly RowChange[]): Promise<Draft[]> {
  const statementIds = changes.filter((c) => c.table === 'field_statement' && c.rowId !== null).map((c) => c.rowId!);
  const statements = new Map(
    (
      await inChunks<StatementRow>(
        manager,
        statementIds,
        'SELECT id, subject_type, subject_id, field, value, rank, source_id FROM field_statement WHERE id IN (:...ids)',
      )
    ).map((s) => [Number(s.id), s]),
  );
  const sources = new Map(
    (
      await inChunks<{ id: number; slug: string }>(
        manager,
        [...statements.values()].filter((s) => s.source_id !== null).map((s) => Number(s.source_id)),
        'SELECT id, slug FROM source WHERE id IN (:...ids)',
      )
    ).map((s) => [Number(s.id), s.slug]),
  );
  const partyIds = changes.filter((c) => c.table === 'party' && c.rowId !== null && c.op !== 'DELETE').map((c) => c.rowId!);
  const partyTypes = new Map(
    (await inChunks<{ id: number; party_type: string }>(manager, partyIds, 'SELECT id, party_type FROM party WHERE id IN (:...ids)')).map((p) => [
      Number(p.id),
      PARTY_TYPES[p.party_type] ?? p.party_type,
    ]),
  );
  const tableTypes = nodeTables(manager);
  const none = { statementId: null, value: null, rank: null, sourceId: null, source: null };
  const drafts: Draft[] = [];
  const stated = new Set<string>();
  for (const change of changes) {
    if (change.table !== 'field_statement' || change.rowId === null) continue;
    const statement = statements.get(change.rowId);
    if (!statement) continue;
    let kind: ChangeKind | null = null;
    if (change.op === 'INSERT') kind = ChangeKind.STATEMENT_ADDED;
    else if (change.op === 'UPDATE' && 'rank' in change.values) {
      kind = statement.rank === 'DEPRECATED' ? ChangeKind.STATEMENT_DEPRECATED : ChangeKind.STATEMENT_RANKED;
    }
    if (!kind) continue; // confirmed: the same value from the same source, its quotes brought up to date
    stated.add(`${statement.subject_type}:${statement.subject_id}:${statement.field}`);
    const sourceId = statement.source_id === null ? null : Number(statement.source_id);
    drafts.push({
      kind,
      subjectType: statement.subject_type,
      subjectId: Number(statement.subject_id),
      field: statement.field,
      statementId: Number(statement.id),
      value: statement.value,
      rank: statement.rank,
      sourceId,
      source: sourceId === null ? null : (sources.get(sourceId) ?? null),
    });
  }
  const events: Draft[] = [];
  for (const change of changes) {
    const tableType = tableTypes.get(change.table);
    if (tableType === undefined || change.rowId === null) continue;
    const type = tableType ?? partyTypes.get(change.rowId) ?? PARTY_TYPES[String(change.values.partyType ?? change.values.party_type ?? '')] ?? 'Party';
    const subject = { subjectType: type, subjectId: change.rowId };
    if (change.op === 'INSERT') events.push({ kind: ChangeKind.CREATED, ...subject, field: null, ...none });
    else if (change.op === 'DELETE') events.push({ kind: ChangeKind.DELETED, ...subject, field: null, ...none });
    else {
      for (const field of Object.keys(change.values)) {
        if (!stated.has(`${type}:${change.rowId}:${field}`)) events.push({ kind: ChangeKind.UPDATED, ...subject, field, ...none });
      }
    }
  }
  // A fact's creation first, then its statements and the rest.
  return [...events.filter((e) => e.kind === ChangeKind.CREATED), ...drafts, ...events.filter((e) => e.kind !== ChangeKind.CREATED)];
}

/** Tables whose rows are subjects of changes, with their GraphQL type (null: the party table, typed per row). */
function nodeTables(manager: EntityManager): Map<string, string | null> {
  const tables = new Map<string, string | null>([['party', null]]);
  for (const fact of facts) {
    tables.set(fact.table, fact.typeName);
    for (const [typeName, entity] of Object.entries(fact.linkNodes ?? {})) tables.set(manager.connection.getMetadata(entity).tableName, typeName);
  }
  return tables;
}

interface Touched {
  partyIds: Set<number>;
  disputeIds: Set<number>;
  partySlugs: string[];
  disputeSlugs: string[];
}

/** The parties and disputes each subject touches: a party itself; a fact's parties and the disputes it is part of; a dispute itself and its sides. */
async function touchesOf(manager: EntityManager, drafts: readonly Draft[]): Promise<Map<string, Touched>> {
  const touches = new Map<string, Touched>();
  const byType = new Map<string, Set<number>>();
  for (const draft of drafts) {
    const subject = { type: draft.subjectType, id: draft.subjectId };
    if (!touches.has(key(subject))) touches.set(key(subject), { partyIds: new Set(), disputeIds: new Set(), partySlugs: [], disputeSlugs: [] });
    if (!byType.has(subject.type)) byType.set(subject.type, new Set());
    byType.get(subject.type)!.add(subject.id);
  }
  const add = (type: string, id: number, what: 'partyIds' | 'disputeIds', target: number | null) => {
    if (target !== null && target !== undefined) touches.get(`${type}:${id}`)?.[what].add(Number(target));
  };
  for (const [type, idSet] of byType) {
    const ids = [...idSet];
    if (Object.values(PARTY_TYPES).includes(type) || type === 'Party') {
      for (const id of ids) add(type, id, 'partyIds', id);
      continue;
    }
    if (type === 'Dispute') for (const id of ids) add(type, id, 'disputeIds', id);
    const fact = facts.find((f) => f.typeName === type);
    if (fact) {
      const links = new Set<string>();
      for (const p of fact.participants) {
        if ('column' in p) {
          const rows = await inChunks<{ id: number; party: number | null }>(
            manager,
            ids,
            `SELECT id, ${p.column} AS party FROM ${fact.table} WHERE id IN (:...ids)`,
          );
          for (const row of rows) add(type, Number(row.id), 'partyIds', row.party);
        } else if (!links.has(p.link.table)) {
          links.add(p.link.table);
          const rows = await inChunks<{ id: number; party: number }>(
            manager,
            ids,
            `SELECT ${p.link.factColumn} AS id, ${p.link.partyColumn ?? 'party_id'} AS party FROM ${p.link.table} WHERE ${p.link.factColumn} IN (:...ids)`,
          );
          for (const row of rows) add(type, Number(row.id), 'partyIds', row.party);
        }
      }
      const rows = await inChunks<{ id: number; dispute: number }>(
        manager,
        ids,
        'SELECT fact_id AS id, dispute_id AS dispute FROM dispute_fact WHERE fact_type = :type AND fact_id IN (:...ids)',
        { type },
      );
      for (const row of rows) add(type, Number(row.id), 'disputeIds', row.dispute);
      continue;
    }
    // A link row that is a node of its own (a ranking's entry): the party it names.
    const owner = facts.find((f) => f.linkNodes?.[type]);
    const metadata = owner ? manager.connection.getMetadata(owner.linkNodes![type]) : null;
    const partyColumn = metadata?.findColumnWithPropertyName('partyId');
    if (metadata && partyColumn) {
      const rows = await inChunks<{ id: number; party: number }>(
        manager,
        ids,
        `SELECT id, ${partyColumn.databaseName} AS party FROM ${metadata.tableName} WHERE id IN (:...ids)`,
      );
      for (const row of rows) add(type, Number(row.id), 'partyIds', row.party);
    }
  }
  const all = [...touches.values()];
  const partySlugs = new Map(
    (
      await inChunks<{ id: number; slug: string }>(
        manager,
        all.flatMap((t) => [...t.partyIds]),
        'SELECT id, slug FROM party WHERE id IN (:...ids)',
      )
    ).map((r) => [Number(r.id), r.slug]),
  );
  const disputeSlugs = new Map(
    (
      await inChunks<{ id: number; slug: string }>(
        manager,
        all.flatMap((t) => [...t.disputeIds]),
        'SELECT id, slug FROM dispute WHERE id IN (:...ids)',
      )
    ).map((r) => [Number(r.id), r.slug]),
  );
  for (const touched of all) {
    // A removed party is no longer there to be filtered on or named.
    for (const id of touched.partyIds) if (!partySlugs.has(id)) touched.partyIds.delete(id);
    for (const id of touched.disputeIds) if (!disputeSlugs.has(id)) touched.disputeIds.delete(id);
    touched.partySlugs = [...touched.partyIds].map((id) => partySlugs.get(id)!).sort();
    touched.disputeSlugs = [...touched.disputeIds].map((id) => disputeSlugs.get(id)!).sort();
  }
  return touches;
}
