import { StatementCounter } from '../src/common/database/statement-counter';
import { onPostgres, startTestServer, type TestServer } from './helpers';

/** The front-end's page: companies → lawsuits → plaintiffs/defendants → their sanctions and people. */
const FRONT_END = `query($first: Int, $suits: Int) { companies(first: $first) { totalCount edges { node { slug
  lawsuits(first: $suits) { slug citations { quote source { title } }
    plaintiffs { ... on Company { slug sanctions { slug authority { slug } } people { role person { name } } } ... on Authority { slug } ... on Person { slug } }
    defendants { ... on Company { slug sanctions { slug authority { slug } } people { role person { name } } } ... on Authority { slug } ... on Person { slug } } }
  adversaries { ... on Authority { slug } ... on Company { slug } ... on Person { slug } }
} } } }`;

const DEPTH_BOUND = 2 * 13;

describe('SQL statements per request (synthetic graph of 400 companies)', () => {
  const counter = new StatementCounter();
  const servers: Record<'batched' | 'unbatched', TestServer> = {} as never;
  beforeAll(async () => {
    servers.batched = await startTestServer({ logger: counter, syntheticCompanies: 400 });
    servers.unbatched = await startTestServer({ logger: counter, syntheticCompanies: 400, env: { LOADER_BATCHING: 'off' } });
  });
  afterAll(async () => {
    await servers.batched.close();
    await servers.unbatched.close();
  });

  /**
   * The same for any number of companies. better-sqlite3 answers synchronously, so batches form
   * the same way every time and the counts are equal. Over PostgreSQL's round trips the answers of
   * one level arrive at different moments, and a load's keys may then be split over two batches:
   * the count is bounded by the query's shape (13 distinct loads, each in at most two batches)
   * rather than equal, which still tells batching (≤ 26) from N+1 (667 for 50 companies).
   */
  function expectSameBound(fifty: number, five: number) {
    if (onPostgres) {
      expect(five).toBeLessThanOrEqual(DEPTH_BOUND);
      expect(fifty).toBeLessThanOrEqual(DEPTH_BOUND);
    } else {
      expect(fifty).toBe(five);
    }
  }

  async function run(server: TestServer, variables: Record<string, number | null>) {
    counter.reset();
    const response = await server.gql(FRONT_END, variables);
    expect(response.errors).toBeUndefined();
    const companies = response.data.companies.edges;
    const suits = companies.reduce((n: number, e: any) => n + e.node.lawsuits.length, 0);
    return { selects: counter.selects, companies: companies.length, suits };
  }

  it('is the same for 5 and for 50 companies: bounded by the depth of the query', async () => {
    const five = await run(servers.batched, { first: 5, suits: null });
    const fifty = await run(servers.batched, { first: 50, suits: null });
    expect(five.companies).toBe(5);
    expect(fifty.companies).toBe(50);
    expect(fifty.suits).toBeGreaterThan(five.suits);
    expectSameBound(fifty.selects, five.selects);
  });

  it('stays the same when nested lists are limited with first (one window query per level)', async () => {
    const five = await run(servers.batched, { first: 5, suits: 1 });
    const fifty = await run(servers.batched, { first: 50, suits: 1 });
    expect(fifty.suits).toBeLessThanOrEqual(50);
    expectSameBound(fifty.selects, five.selects);
  });

  it('grows with the rows when batching is off (the counter sees N+1)', async () => {
    const five = await run(servers.unbatched, { first: 5, suits: null });
    const fifty = await run(servers.unbatched, { first: 50, suits: null });
    expect(fifty.selects).toBeGreaterThan(5 * five.selects);
  });

  it('reads disputes, their sides, facts and who says so in one batch per relation, however many disputes', async () => {
    const DISPUTES = `query($first: Int) { disputes(first: $first) { edges { node { slug attribution hedges claimedBy { ... on Company { slug } }
      sides { side party { ... on Company { slug } ... on Authority { slug } ... on Person { slug } } }
      lawsuits { slug attribution provenance { field basis citations { quote } } }
      negotiations { slug hedges } events { slug claimedBy { ... on Company { slug } } } statements { slug } sanctions { slug } regulatoryActions { slug }
      provenance { field citations { quote } } } } } }`;
    const count = async (server: TestServer) => {
      counter.reset();
      const response = await server.gql(DISPUTES, { first: 4 });
      expect(response.errors).toBeUndefined();
      expect(response.data.disputes.edges).toHaveLength(4);
      return counter.selects;
    };
    const batched = await count(servers.batched);
    const unbatched = await count(servers.unbatched);
    // One statement per relation and depth: the page, sides, each fact type, parties, attributions,
    // provenance and citations at each level, whatever the number of disputes and facts.
    expect(batched).toBeLessThanOrEqual(DEPTH_BOUND);
    expect(unbatched).toBeGreaterThan(batched);
  });

  it('answers the same data with and without batching', async () => {
    const a = await servers.batched.gql(FRONT_END, { first: 20, suits: 2 });
    const b = await servers.unbatched.gql(FRONT_END, { first: 20, suits: 2 });
    expect(JSON.stringify(a.data)).toBe(JSON.stringify(b.data));
  });
});
