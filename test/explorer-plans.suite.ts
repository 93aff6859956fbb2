import path from 'node:path';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../src/common/database/statement-counter';
import { explorerDocuments } from '../bench/explorer-documents';
import { SEARCH_CANDIDATES } from '../src/modules/search/search.dialect';
import { timelineIndexName } from '../src/common/facts/fact-sql';
import { factTypes } from '../src/facts';
import { onPostgres, startTestServer, type TestServer } from './helpers';

/**
 * Every statement the explorer's reads send (its own operations, from explorer/src/operations.graphql)
 * looks rows up through an index: none reads a table that grows with the store whole. On
 * 1,000,000 companies one such scan took a party's network from milliseconds to 1.2 s and its
 * timeline to 0.4 s. The plans are read with EXPLAIN (QUERY PLAN) for the statements as sent,
 * with their parameters; nothing is timed.
 */
const DISPUTE = 'huawei-verizon-patents';

describe('the explorer’s reads use indexes', () => {
  let server: TestServer;
  const logger = new StatementCounter({ record: true });
  const documents = explorerDocuments(path.resolve(__dirname, '..'));

  beforeAll(async () => {
    server = await startTestServer({ logger, syntheticCompanies: 400 });
    if (onPostgres) await server.dataSource.query('ANALYZE');
  }, 60_000);
  afterAll(() => server.close());

  /**
   * The tables and indexes a statement reads whole (empty when it only looks rows up). A page read
   * in index order (`ORDER BY … LIMIT`, no sort) stops at its limit: walking that index is the lookup.
   */
  async function scans(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string[]> {
    if (onPostgres) {
      const runner = dataSource.createQueryRunner();
      try {
        // Tables this small are cheaper to scan, or to hash whole: the planner is told to avoid both wherever an index can serve.
        for (const setting of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin']) await runner.query(`SET ${setting} = off`);
        const rows: Record<string, string>[] = await runner.query(`EXPLAIN ${sql}`, parameters);
        await runner.query('RESET ALL');
        // On tables this small PostgreSQL may still walk a whole index rather than sort a few rows (its
        // choice by cost, which it makes differently on a large store); what it cannot do is look
        // rows up where no index serves the condition, which shows as a Seq Scan.
        return rows.map((row) => row['QUERY PLAN'].trim()).filter((line) => /Seq Scan on (?!json|pg_)/.test(line));
      } finally {
        await runner.release();
      }
    }
    const rows: { detail: string }[] = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
    const pageInIndexOrder = /ORDER BY [\w".]+(, [\w".]+)* LIMIT \?\s*$/.test(sql) && !rows.some(({ detail }) => /TEMP B-TREE/.test(detail));
    // A subquery's rows (a co-routine or a materialized view) may be scanned: they were found by what fed them.
    const derived = new Set(rows.flatMap(({ detail }) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(detail)?.[1] ?? []));
    return rows
      .map(({ detail }) => detail)
      .filter((detail) => {
        const scan = /^SCAN (\S+)/.exec(detail);
        return scan && !derived.has(scan[1]) && !/VIRTUAL TABLE/.test(detail) && !(pageInIndexOrder && / USING INDEX /.test(detail));
      });
  }

  async function statementsOf(operation: string, variables: Record<string, unknown>): Promise<{ sql: string; parameters: unknown[] }[]> {
    logger.reset();
    const response = await server.gql(documents.get(operation)!, variables);
    expect(response.errors).toBeUndefined();
    return logger.recorded.filter(({ sql }) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bsqlite_master\b|\bpg_/.test(sql));
  }

  const reads: [string, Record<string, unknown>][] = [
    ['PartyNetwork', { slug: 'huawei', depth: 2 }],
    ['PartyTimeline', { slug: 'huawei', after: null }],
    ['PartyPage', { slug: 'huawei' }],
    ['DisputeList', {}],
    ['DisputePage', { slug: DISPUTE }],
    ['Search', { text: 'huawei' }],
  ];
  it.each(reads)('%s', async (operation, variables) => {
    const statements = await statementsOf(operation, variables);
    expect(statements.length).toBeGreaterThan(0);
    const found: { sql: string; scans: string[] }[] = [];
    for (const { sql, parameters } of statements) {
      const tableScans = await scans(server.dataSource, sql, parameters);
      if (tableScans.length) found.push({ sql: sql.slice(0, 300), scans: tableScans });
    }
    expect(found).toEqual([]);
  });

  /**
   * A search ranks a bounded list of candidates, not every match: at 1,000,000 companies a name's
   * first word is in ~20,000 entries, and ranking them all took 0.6–0.7 s. SQLite: every read of
   * the FTS5 table either walks it in rowid order (the candidates, cut by their LIMIT) or is ranked
   * by FTS5 itself (`ORDER BY rank`, so snippet() runs for the rows kept only) below a rowid bound.
   * PostgreSQL: between the matches' heap scan and the sort that ranks them stands a Limit.
   */
  it('Search ranks a bounded candidate list in each tier, exact words first', async () => {
    for (const text of ['huawei', 'hua', 'meng wanzhou']) {
      const statements = (await statementsOf('Search', { text })).filter(({ sql }) => /\bsearch_index\b/.test(sql));
      // 'hua' is only a prefix: its exact tier finds too little, and the prefix tier is read too.
      expect(statements.length).toBeGreaterThanOrEqual(1);
      if (text === 'hua') expect(statements.length).toBe(2);
      for (const { sql, parameters } of statements) {
        expect(sql).toContain(`LIMIT ${SEARCH_CANDIDATES}`);
        if (onPostgres) {
          const runner = server.dataSource.createQueryRunner();
          type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
          let plan: PlanNode;
          try {
            for (const setting of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin']) await runner.query(`SET ${setting} = off`);
            const [row] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
            plan = (typeof row['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row['QUERY PLAN'])[0].Plan;
            await runner.query('RESET ALL');
          } finally {
            await runner.release();
          }
          // The node types from the plan's root down to its read of search_index.
          const pathTo = (node: PlanNode, path: string[]): string[] | null =>
            node['Relation Name'] === 'search_index'
              ? [...path, node['Node Type']]
              : (node.Plans ?? []).reduce<string[] | null>((found, child) => found ?? pathTo(child, [...path, node['Node Type']]), null);
          const path = pathTo(plan, [])!;
          expect(path[path.length - 1]).not.toBe('Seq Scan');
          const ranking = path.lastIndexOf('Sort');
          expect(ranking).toBeGreaterThanOrEqual(0);
          expect(path.slice(ranking)).toContain('Limit');
        } else {
          const rows: { detail: string }[] = await server.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
          const reads = rows.map(({ detail }) => /^SCAN search_index VIRTUAL TABLE INDEX (\d+):(\S*)/.exec(detail)).filter((m) => m !== null);
          // FTS5's plan: idxNum 32 = ordered by rank, 64 = by rowid; idxStr r = rank MATCH, M = MATCH, < = rowid upper bound.
          const inRowidOrder = reads.filter(([, idxNum]) => Number(idxNum) & 64);
          const ranked = reads.filter(([, idxNum, idxStr]) => Number(idxNum) & 32 && idxStr.includes('r') && idxStr.includes('<'));
          expect(inRowidOrder.length).toBe(1);
          expect(ranked.length).toBe(1);
          expect(reads.length).toBe(2);
        }
      }
    }
  });

  // The frontier is read from each end of a link in turn: a link whose both ends are in it must come once, and none be lost.
  it('a network holds each link of its parties once, found from either end', async () => {
    const query = `query ($depth: Int!) { conflictNetwork(center: "huawei", depth: $depth) { nodes { id } edges { from to kind fact { ... on Node { id } } } } }`;
    const [{ id: huawei }] = await server.dataSource.query(`SELECT id FROM party WHERE slug = 'huawei'`);
    const [{ n: suits }] = await server.dataSource.query(
      `SELECT COUNT(*) AS n FROM lawsuit_party a JOIN lawsuit_party b ON b.lawsuit_id = a.lawsuit_id AND b.role = 'DEFENDANT'
        WHERE a.role = 'PLAINTIFF' AND (a.party_id = ${Number(huawei)} OR b.party_id = ${Number(huawei)})`,
    );
    for (const depth of [1, 2]) {
      const { data, errors } = await server.gql(query, { depth });
      expect(errors).toBeUndefined();
      const edges = (data as { conflictNetwork: { edges: { from: string; to: string; kind: string; fact: { id: string } | null }[] } }).conflictNetwork.edges;
      const keys = edges.map((e) => `${e.from}|${e.to}|${e.kind}|${e.fact?.id}`);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
      if (depth === 1) expect(edges.filter((e) => e.kind === 'SUED' || e.kind === 'CHARGED').length).toBe(Number(suits));
      else expect(edges.length).toBeGreaterThan(Number(suits));
    }
  });

  /**
   * The whole graph's timeline (not one of the explorer's operations): a page reads each dated
   * table in order through its timeline index, at most the page's size plus one rows each, and
   * sorts only those; its unbounded count reads the trigger-kept counts, its bounded count the
   * index ranges. Sorting the union of every dated fact took 4 s at 1,000,000 companies.
   */
  describe('the whole graph’s timeline', () => {
    const datedTables = factTypes.filter((fact) => fact.timeline).map((fact) => fact.table);
    const statementsFor = async (args: string) => {
      logger.reset();
      const response = await server.gql(`{ timeline(${args}) { totalCount edges { cursor node { title } } } }`);
      expect(response.errors).toBeUndefined();
      const selects = logger.recorded.filter(({ sql }) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bsqlite_master\b|\bpg_|\bapi_key\b/.test(sql));
      return { response, selects };
    };
    type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
    async function postgresPlan(sql: string, parameters: unknown[]): Promise<PlanNode> {
      const runner = server.dataSource.createQueryRunner();
      try {
        // On tables this small a scan and a sort cost less; turned off, an ordered index read is chosen wherever one exists.
        for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await runner.query(`SET ${setting} = off`);
        const [row] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
        await runner.query('RESET ALL');
        return (typeof row['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row['QUERY PLAN'])[0].Plan;
      } finally {
        await runner.release();
      }
    }
    /** Every path from the plan's root to a read of a table: its node types, and the table and index read. */
    const readsOf = (node: PlanNode, path: string[] = []): { path: string[]; table: string; index?: string }[] =>
      node['Relation Name']
        ? [{ path: [...path, node['Node Type']], table: node['Relation Name'], index: node['Index Name'] }]
        : (node.Plans ?? []).flatMap((child) => readsOf(child, [...path, node['Node Type']]));

    it.each([['first: 20'], ['first: 5, from: "2019", to: "2020-06"']])(
      'a page (%s) reads each dated table through its index, LIMIT first + 1',
      async (args) => {
        const { response, selects } = await statementsFor(args);
        const first = await server.gql(`{ timeline(${args}) { edges { cursor } } }`);
        const cursor = first.data.timeline.edges[2]?.cursor;
        expect(cursor).toBeDefined();
        expect(response.data.timeline.edges.length).toBeGreaterThan(2);
        const next = await statementsFor(`${args}, after: "${cursor}"`);
        for (const { sql, parameters } of [...selects, ...next.selects].filter(({ sql }) => /ORDER BY sort_key, fact_type, fact_id LIMIT/.test(sql))) {
          if (onPostgres) {
            const reads = readsOf(await postgresPlan(sql, parameters));
            expect(reads.map((r) => r.table).sort()).toEqual([...datedTables].sort());
            for (const read of reads) {
              expect(read.index).toBe(timelineIndexName(read.table));
              // The table's rows come in index order straight into its LIMIT: nothing between sorts them.
              expect(read.path.slice(read.path.lastIndexOf('Limit'))).toEqual(['Limit', read.path[read.path.length - 1]]);
              expect(read.path[read.path.length - 1]).toMatch(/^Index (Only )?Scan$/);
            }
          } else {
            const rows: { id: number; parent: number; detail: string }[] = await server.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
            const reads = rows.filter(({ detail }) => /^(SCAN|SEARCH) f\b/.test(detail));
            expect(reads.length).toBe(datedTables.length);
            for (const table of datedTables) expect(reads.filter(({ detail }) => detail.includes(`USING INDEX ${timelineIndexName(table)}`)).length).toBe(1);
            // Each table's page is a co-routine reading its index in order, with no sort of its own: the
            // only sorts are of the pages' few rows, for the merge (MERGE (UNION ALL)).
            const pages = new Set(rows.filter(({ detail }) => /^CO-ROUTINE \w+_page$/.test(detail)).map(({ id }) => id));
            for (const read of reads) expect(pages.has(read.parent)).toBe(true);
            expect(rows.filter(({ detail, parent }) => /TEMP B-TREE/.test(detail) && pages.has(parent))).toEqual([]);
            expect(rows.some(({ detail }) => detail.startsWith('MERGE (UNION ALL)'))).toBe(true);
          }
        }
        expect(selects.filter(({ sql }) => /ORDER BY sort_key, fact_type, fact_id LIMIT/.test(sql)).length).toBe(1);
      },
    );

    it('its count: the trigger-kept counts unbounded, the index ranges bounded', async () => {
      const unbounded = (await statementsFor('first: 1')).selects.filter(({ sql }) => /\brow_count\b|COUNT\(/.test(sql));
      expect(unbounded.length).toBe(1);
      for (const table of datedTables) expect(unbounded[0].sql).not.toMatch(new RegExp(`\\b${table}\\b`));
      const bounded = (await statementsFor('first: 1, from: "2019"')).selects.filter(({ sql }) => /COUNT\(/.test(sql));
      expect(bounded.length).toBe(1);
      const { sql, parameters } = bounded[0];
      if (onPostgres) {
        const reads = readsOf(await postgresPlan(sql, parameters));
        expect(reads.map((r) => r.table).sort()).toEqual([...datedTables].sort());
        for (const read of reads) {
          expect(read.index).toBe(timelineIndexName(read.table));
          expect(read.path[read.path.length - 1]).toMatch(/^Index (Only )?Scan$/);
        }
      } else {
        const rows: { detail: string }[] = await server.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
        const reads = rows.filter(({ detail }) => /^(SCAN|SEARCH) f\b/.test(detail));
        expect(reads.length).toBe(datedTables.length);
        // A range of the index (SEARCH … >?), not a walk of all of it.
        for (const table of datedTables)
          expect(reads.filter(({ detail }) => new RegExp(`^SEARCH f USING (COVERING )?INDEX ${timelineIndexName(table)} \\(`).test(detail)).length).toBe(1);
      }
    });
  });
});
