import { DATED_FACTS, periodKey, sortKeySql } from '../src/modules/timeline/timeline.sql';
import { startTestServer, type TestServer } from './helpers';

/**
 * The whole graph's timeline is a merge of per-table pages (timelinePageSql) with trigger-kept
 * counts; it must list exactly what sorting the union of every dated fact listed: the same order
 * (ties by fact type, then id), the same pages through cursors, the same from/to bounds and counts.
 */
describe.each([
  ['the seed', 0, [1, 5]],
  ['a synthetic graph of 400 companies', 400, [1, 97]],
] as const)('the whole graph’s timeline on %s equals the sorted union of every dated fact', (_name, syntheticCompanies, sizes) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(syntheticCompanies ? { syntheticCompanies } : {});
  }, 120_000);
  afterAll(() => server.close());

  /** The old page's SQL, unpaged: every dated fact sorted as a whole. */
  async function expected(from?: string, to?: string): Promise<string[]> {
    const bounds = [...(from ? [`f.sort_key >= '${periodKey(from, false)}'`] : []), ...(to ? [`f.sort_key <= '${periodKey(to, true)}'`] : [])];
    const rows: { fact_type: string; fact_id: number; sort_key: string; title: string }[] = await server.dataSource.query(
      `SELECT * FROM (SELECT d.*, ${sortKeySql('d.date')} AS sort_key FROM (${DATED_FACTS}) d) f${bounds.length ? ` WHERE ${bounds.join(' AND ')}` : ''}
        ORDER BY f.sort_key, f.fact_type, f.fact_id`,
    );
    return rows.map((r) => `${r.sort_key}|${r.fact_type}|${Number(r.fact_id)}|${r.title}`);
  }

  /** Every entry, page after page of `first`, with the totalCount each page said. */
  async function walk(first: number, limit: number, from?: string, to?: string): Promise<{ entries: string[]; counts: number[] }> {
    const entries: string[] = [];
    const counts: number[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { cursor: string; node: { title: string } }[] };
      const { data, errors } = await server.gql<{ timeline: Page }>(
        `query ($first: Int!, $after: String, $from: String, $to: String) {
          timeline(first: $first, after: $after, from: $from, to: $to) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title } } } }`,
        { first, after, from: from ?? null, to: to ?? null },
      );
      expect(errors).toBeUndefined();
      const page: Page = data!.timeline;
      counts.push(page.totalCount);
      for (const { cursor, node } of page.edges) {
        // The cursor is the entry's place: timeline:<sort key>|<fact type>|<id>.
        entries.push(`${Buffer.from(cursor, 'base64url').toString('utf8').slice('timeline:'.length)}|${node.title}`);
      }
      if (!page.pageInfo.hasNextPage || entries.length >= limit) return { entries, counts };
      expect(page.edges.length).toBe(first);
      after = page.pageInfo.endCursor;
    }
  }

  it.each(sizes)('page by page, %i at a time, with totalCount', async (first) => {
    const all = await expected();
    expect(all.length).toBeGreaterThan(first);
    // Pages of one entry stop early on a large graph: every cursor is a tie-break then.
    const limit = first === 1 ? 60 : Infinity;
    const { entries, counts } = await walk(first, limit);
    expect(entries).toEqual(first === 1 ? all.slice(0, entries.length) : all);
    expect(new Set(counts)).toEqual(new Set([all.length]));
    // Ties: entries sharing a sort key, across fact types and within one, are on the walked stretch.
    const keys = entries.map((e) => e.split('|')[0]);
    if (first !== 1) expect(new Set(keys).size).toBeLessThan(keys.length);
  });

  it('within from/to bounds, with their count', async () => {
    for (const [from, to] of [
      ['2019', '2020-06'],
      ['2019-02', undefined],
      [undefined, '2018'],
      ['2020-02-06', '2020-02-06'],
    ] as const) {
      const all = await expected(from, to);
      if (from === '2019') expect(all.length).toBeGreaterThan(5);
      const { entries, counts } = await walk(5, Infinity, from, to);
      expect(entries).toEqual(all);
      expect(new Set(counts)).toEqual(new Set([all.length]));
    }
  });
});
