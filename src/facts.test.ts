import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { readSeedDocuments, seedAll } from '../seeds/seed-all';
import { adversariesSql, datedFactsSql, edgesTouchingSql, factParticipantsSql } from './common/facts/fact-sql';
import type { FactType, LinkTable } from './common/facts/fact-type';
import { openDatabase } from './database';
import { entities, nodeEntities } from './entities';
import { factTypes, searchedTables } from './facts';

/** Tables that hold no fact: parties, sources, citations, keys, the audit log and the indexes kept beside them. */
const CORE_TABLES = new Set([
  'party',
  'source',
  'citation',
  'fact_attribution',
  'field_statement',
  'api_key',
  'audit_entry',
  'migrations',
  'row_count',
  // Identity: keys that moved (src/common/identity), editors' decisions about parties (src/modules/identity).
  'former_identifier',
  'party_decision',
  // The change feed (src/modules/change): what each write changed, and the parties and disputes it touched.
  'change_event',
  'change_party',
  'change_dispute',
  // Webhooks (src/modules/webhook): endpoints and their delivery log.
  'webhook',
  'webhook_delivery',
  // Drafts (src/modules/draft): a report's proposals awaiting review.
  'draft',
  'draft_item',
  'draft_mention',
]);

const sqliteInList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;
const linkTables = (fact: FactType): LinkTable[] => fact.participants.flatMap((p) => ('link' in p ? [p.link] : []));

describe('the fact-type registry', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase('sqlite::memory:', { migrate: true });
    await seedAll(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('declares each fact type once, with its own table and a distinct search code', () => {
    const names = factTypes.map((f) => f.typeName);
    expect(new Set(names).size).toBe(names.length);
    const codes = searchedTables.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => code > 0 && code < 16)).toBe(true);
  });

  it('names only tables and columns that the entities map', () => {
    for (const fact of factTypes) {
      const metadata = dataSource.getMetadata(fact.entity);
      expect(`${fact.typeName}: ${metadata.tableName}`).toBe(`${fact.typeName}: ${fact.table}`);
      const columns = new Set(metadata.columns.map((c) => c.databaseName));
      for (const p of fact.participants)
        if ('column' in p) expect(`${fact.typeName}.${p.column}: ${columns.has(p.column)}`).toBe(`${fact.typeName}.${p.column}: true`);
      for (const column of [fact.timeline?.date, ...(fact.edges ?? []).map((e) => e.since)].filter(Boolean)) {
        expect(`${fact.typeName}.${column}: ${columns.has(column!)}`).toBe(`${fact.typeName}.${column}: true`);
      }
      for (const link of linkTables(fact)) {
        const linkEntity = (fact.linkEntities ?? []).map((e) => dataSource.getMetadata(e)).find((m) => m.tableName === link.table);
        expect(`${fact.typeName} link ${link.table}: ${Boolean(linkEntity)}`).toBe(`${fact.typeName} link ${link.table}: true`);
        const linkColumns = new Set(linkEntity!.columns.map((c) => c.databaseName));
        for (const column of [link.factColumn, link.partyColumn ?? 'party_id', link.roleColumn].filter(Boolean)) expect(linkColumns.has(column!)).toBe(true);
      }
    }
  });

  it('covers every table of the migrated schema: a fact table left out of the registry fails here', async () => {
    const tables: { name: string }[] = await dataSource.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'`,
    );
    const declared = new Set([
      ...CORE_TABLES,
      ...factTypes.flatMap((f) => [f.table, ...(f.linkEntities ?? []).map((e) => dataSource.getMetadata(e).tableName)]),
    ]);
    expect(tables.map((t) => t.name).filter((name) => !declared.has(name))).toEqual([]);
    const mapped = new Set(entities.map((e) => dataSource.getMetadata(e).tableName));
    for (const fact of factTypes) expect(mapped.has(fact.table)).toBe(true);
  });

  it('puts every registered type in each query derived for it, and each finds the seeded facts of its type', async () => {
    const partyIds = JSON.stringify((await dataSource.query('SELECT id FROM party')).map((r: { id: number }) => r.id));
    const edges = edgesTouchingSql(factTypes, sqliteInList);
    const edgeRows: { fact_type: string }[] = await dataSource.query(
      edges.sql,
      Array.from({ length: edges.lists }, () => partyIds),
    );
    const dated: { fact_type: string }[] = await dataSource.query(datedFactsSql(factTypes));
    const involved: { fact_type: string }[] = await dataSource.query(factParticipantsSql(factTypes));
    const adversaries = adversariesSql(factTypes, sqliteInList);
    const indexed: { code: number }[] = await dataSource.query('SELECT DISTINCT rowid % 16 AS code FROM search_index');
    const found = (rows: { fact_type: string }[]) => new Set(rows.map((r) => r.fact_type));
    // A type no seed document lists is shown by its own tests (as test/acquisition.test.ts did); the derived SQL must still name it.
    const seedKeys = new Set(readSeedDocuments().flatMap(({ document }) => Object.keys(document)));
    for (const fact of factTypes) {
      if (fact.timeline) expect(datedFactsSql(factTypes)).toContain(`FROM ${fact.table} f`);
      if (!seedKeys.has(fact.writes?.documentKey ?? '')) continue;
      const seeded = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${fact.table}`))[0].n);
      expect(`${fact.typeName} seeded: ${seeded > 0}`).toBe(`${fact.typeName} seeded: true`);
      if (fact.edges?.length) expect(`${fact.typeName} on the network: ${found(edgeRows).has(fact.typeName)}`).toBe(`${fact.typeName} on the network: true`);
      if (fact.timeline) {
        expect(datedFactsSql(factTypes)).toContain(`FROM ${fact.table} f`);
        const datedRows = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${fact.table} WHERE ${fact.timeline.date} IS NOT NULL`))[0].n);
        expect(`${fact.typeName} on the timeline: ${found(dated).has(fact.typeName)}`).toBe(`${fact.typeName} on the timeline: ${datedRows > 0}`);
        expect(`${fact.typeName} has participants: ${found(involved).has(fact.typeName)}`).toBe(`${fact.typeName} has participants: true`);
      }
      if (fact.edges?.some((e) => e.adversarial)) expect(adversaries.sql).toContain(`FROM ${fact.table} f`);
      if (fact.search)
        expect(`${fact.typeName} searchable: ${indexed.some((r) => Number(r.code) === fact.search!.code)}`).toBe(`${fact.typeName} searchable: true`);
      if (fact.isNode !== false) expect(nodeEntities[fact.typeName]).toBe(fact.entity);
    }
  });
});
