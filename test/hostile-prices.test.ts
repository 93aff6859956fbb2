import { StatementCounter } from '../src/common/database/statement-counter';
import { readConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { Role } from '../src/common/role.enum';
import { createApp, type App } from '../src/server/app';
import { DOCUMENT_STORE_TOKENS } from '../src/server/document-store';
import { JIT_CACHE_NODES } from '../src/server/jit-executor';
import { seedAll } from '../seeds/seed-all';
import { distinctDocument, distinctInvalidDocument } from '../bench/hostile-corpus';
import {
  DisputeListDocument,
  DisputePageDocument,
  PartyNetworkDocument,
  PartyPageDocument,
  PartyTimelineDocument,
  SearchDocument,
} from '../explorer/src/generated/graphql';
import { execute, openTestDatabase, startTestServer, type TestServer } from './helpers';
import type { DataSource } from 'typeorm';

/** Values a client can put in an Int argument (GraphQL's Int is 32-bit). */
const HOSTILE_INTS = [-1, 0, -(2 ** 31), 2 ** 31 - 1, -100_000_000];

describe('arguments outside their bounds, over HTTP', () => {
  let server: TestServer;
  const counter = new StatementCounter();
  beforeAll(async () => {
    server = await startTestServer({ logger: counter, env: { CLIENT_COST_BUDGET: '20000' } });
  });
  afterAll(() => server.close());

  const paths = (n: number) => Array.from({ length: n }, (_, i) => `p${i}: conflictPath(from: "zte", to: "huawei") { nodes { id } }`).join(' ');

  it('refuses a negative depth beside 14 aliased conflictPaths before anything runs (it once priced the document below zero)', async () => {
    counter.reset();
    const longReads = server.app.contextFor('probe').services.sqlReader.longReads;
    const res = await server.gql(`{ conflictNetwork(center: "huawei", depth: -100000000) { nodes { id } } ${paths(14)} }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/depth must be between 1 and 3 \(got -100000000 on conflictNetwork\)/);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      invalidArguments: [{ field: 'depth', problems: ['depth must be between 1 and 3'] }],
    });
    expect(counter.statements).toBe(0);
    expect(server.app.contextFor('probe').services.sqlReader.longReads).toBe(longReads);
  });

  it('refuses the same in a variable, at every hostile magnitude, and a page size of 0 or -1', async () => {
    for (const depth of HOSTILE_INTS.filter((d) => d < 1 || d > 3)) {
      counter.reset();
      const res = await server.gql(`query($d: Int) { conflictNetwork(center: "huawei", depth: $d) { nodes { id } } ${paths(2)} }`, { d: depth });
      expect({ depth, status: res.status, code: res.errors?.[0].extensions?.code, statements: counter.statements }).toEqual({
        depth,
        status: 400,
        code: 'BAD_USER_INPUT',
        statements: 0,
      });
    }
    for (const first of [0, -1, 101, -(2 ** 31)]) {
      const res = await server.gql(`query($n: Int) { companies(first: $n) { edges { node { slug } } } }`, { n: first });
      expect({ first, status: res.status, message: res.errors?.[0].message }).toEqual({
        first,
        status: 400,
        message: expect.stringMatching(/first must be between 1 and 100/),
      });
    }
    const search = await server.gql('{ search(text: "huawei", first: 51) { score } }');
    expect(search.status).toBe(400);
    expect(search.errors?.[0].message).toMatch(/first must be between 1 and 50/);
  });

  it('still answers arguments within bounds', async () => {
    const res = await server.gql('{ conflictNetwork(center: "huawei", depth: 1) { nodes { id } } companies(first: 1) { edges { node { slug } } } }');
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data.companies.edges).toHaveLength(1);
  });
});

/** A server with the default anonymous budget (CLIENT_COST_BUDGET's 100,000 per minute) and a clock the test moves. */
describe('budgets that fit real readers', () => {
  let dataSource: DataSource;
  let app: App;
  let url: string;
  let now = 1_000_000;
  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await seedAll(dataSource);
    app = await createApp(dataSource, readConfig({ NODE_ENV: 'test' }), createLogger('silent'), { now: () => now });
    url = `http://127.0.0.1:${await app.listen(0)}/graphql`;
  });
  afterAll(async () => {
    await app.stop();
    await dataSource.destroy();
  });

  /** One request from a client address (127.0.0.x: loopback, each its own anonymous budget). */
  async function post(address: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const target = new URL(url);
    target.hostname = address;
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
  }

  it('reports what an answer cost and what is left, refunding what a page did not return', async () => {
    now += 120_000; // every bucket full again
    const page = await post('127.0.0.2', '{ companies(first: 100) { edges { node { slug name } } } }');
    expect(page.status).toBe(200);
    const cost = page.body.extensions.cost;
    // Requested: the document's price (10 + 6) + 1 + 100 × (edges 1 + node 1 + 2 fields) = 417; actual: the few companies returned.
    const items = page.body.data.companies.edges.length;
    expect(cost.requested).toBe(16 + 401);
    expect(cost.actual).toBe(16 + Math.max(1 + items * 4, Math.ceil(401 / 10)));
    expect(cost.budget).toEqual({ perMinute: 100_000, remaining: 100_000 - cost.actual, resetsIn: 1 });
    // A refused document is charged its document's price, and says so.
    const invalid = await post('127.0.0.2', '{ nope }');
    expect(invalid.status).toBe(400);
    expect(invalid.body.extensions.cost).toEqual({
      requested: 11,
      actual: 11,
      budget: { perMinute: 100_000, remaining: 100_000 - cost.actual - 11, resetsIn: 1 },
    });
  });

  it('lets a person browse the explorer every 3 seconds for a minute without a 429, through each of its pages', async () => {
    now += 120_000;
    const list = await post('127.0.0.3', DisputeListDocument.toString(), {});
    const dispute = list.body.data.disputes.edges[0].node.slug as string;
    const party = list.body.data.disputes.edges[0].node.sides[0].party.slug as string;
    const pages: [string, Record<string, unknown>][][] = [
      [[DisputeListDocument.toString(), {}]],
      [[DisputePageDocument.toString(), { slug: dispute }]],
      [
        [PartyPageDocument.toString(), { slug: party }],
        [PartyNetworkDocument.toString(), { slug: party, depth: 2 }],
        [PartyTimelineDocument.toString(), { slug: party, after: null }],
      ],
      [[SearchDocument.toString(), { text: 'huawei' }]],
    ];
    const statuses: Record<number, number> = {};
    let requested = 0;
    let actual = 0;
    let lowest = Infinity;
    for (let second = 0; second < 60; second += 3) {
      now += 3000;
      for (const [query, variables] of pages[(second / 3) % pages.length]) {
        const { status, body } = await post('127.0.0.3', query, variables);
        statuses[status] = (statuses[status] ?? 0) + 1;
        requested += body.extensions.cost.requested;
        actual += body.extensions.cost.actual;
        lowest = Math.min(lowest, body.extensions.cost.budget.remaining);
      }
    }
    expect(statuses).toEqual({ 200: 30 });
    expect(actual).toBeLessThan(requested);
    expect(lowest).toBeGreaterThan(50_000);
  });

  it('lets a newsroom behind one address reload the landing page every second for a minute without a 429', async () => {
    now += 120_000;
    const statuses: Record<number, number> = {};
    let requested = 0;
    for (let second = 0; second < 60; second++) {
      now += 1000;
      const { status, body } = await post('127.0.0.6', DisputeListDocument.toString(), {});
      statuses[status] = (statuses[status] ?? 0) + 1;
      requested += body.extensions.cost.requested;
    }
    expect(statuses).toEqual({ 200: 60 });
    // Charged by their worst case, these 60 loads would have cost more than the minute's budget.
    expect(requested).toBeGreaterThan(100_000);
  });

  it('still answers 429, with Retry-After and the budget, to each hostile family from one address within a simulated minute', async () => {
    const families: [string, (i: number) => string][] = [
      [
        'expensive reads that keep their price',
        () => '{ a: conflictPath(from: "verizon", to: "huawei") { nodes { id } } b: conflictPath(from: "huawei", to: "verizon") { nodes { id } } }',
      ],
      ['distinct valid documents', (i) => distinctDocument(i)],
      ['distinct invalid documents', (i) => distinctInvalidDocument(i)],
    ];
    for (const [family, make] of families) {
      now += 120_000;
      const statuses: Record<number, number> = {};
      let first429: { retryAfter: string | null; body: any } | null = null;
      for (let i = 0; i < 1200 && (statuses[429] ?? 0) < 5; i++) {
        now += 50; // 20 requests a second
        const { status, retryAfter, body } = await post('127.0.0.4', make(i));
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 429 && !first429) first429 = { retryAfter, body };
      }
      expect({ family, limited: (statuses[429] ?? 0) > 0, served: statuses[200] ?? statuses[400] ?? 0 }).toEqual({
        family,
        limited: true,
        served: expect.any(Number),
      });
      expect(statuses[500]).toBeUndefined();
      expect(Number(first429!.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(first429!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(first429!.body.errors[0].extensions.cost.budget).toMatchObject({ perMinute: 100_000, resetsIn: expect.any(Number) });
    }
  }, 600_000);

  it('gives a key its own budget, set at creation and shown in apiKeys', async () => {
    now += 120_000;
    const { key } = await app.database.write((manager) => new ApiKeyService(dataSource).create(manager, 'newsroom-frontend', Role.VIEWER, 1_000_000));
    const answer = await post('127.0.0.5', '{ __typename }', undefined, { authorization: `Bearer ${key}` });
    expect(answer.body.extensions.cost.budget.perMinute).toBe(1_000_000);
    const { key: admin } = await app.database.write((manager) => new ApiKeyService(dataSource).create(manager, 'admin', Role.ADMIN));
    const keys = await post('127.0.0.5', '{ apiKeys { name costBudget } }', undefined, { authorization: `Bearer ${admin}` });
    expect(keys.body.data.apiKeys).toEqual(
      expect.arrayContaining([
        { name: 'newsroom-frontend', costBudget: 1_000_000 },
        { name: 'admin', costBudget: null },
      ]),
    );
    const created = await post('127.0.0.5', 'mutation { createApiKey(input: { name: "small", role: VIEWER, costBudget: 5 }) { key } }', undefined, {
      authorization: `Bearer ${admin}`,
    });
    expect(created.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(created.body.errors[0].message).toMatch(/costBudget must be between 100 and 1000000000/);
  });
});

describe('memory for distinct documents', () => {
  // The caches' bounds at a tenth of production's, so that each fills after tens of documents rather
  // than hundreds: what is checked is that a full cache stays within its bound, which is the same
  // code whatever the bound (the production bounds' memory is checked below by arithmetic).
  const STORE_TOKENS = DOCUMENT_STORE_TOKENS / 10;
  const JIT_NODES = JIT_CACHE_NODES / 10;
  let server: TestServer;
  beforeAll(async () => {
    // What is measured is what the caches keep of a document, not its answer: on an empty store each
    // answer is a few statements (on the seed they were most of the test's time).
    server = await startTestServer({ unseeded: true, appOptions: { caches: { jit: { maxCachedNodes: JIT_NODES }, documentStoreTokens: STORE_TOKENS } } });
  });
  afterAll(() => server.close());

  it('holds distinct valid documents, each sent once and some twice, within bounded caches that each had to let entries go', async () => {
    const jit = server.app.jit!;
    const compiles = jit.compiles;
    const statuses: Record<string, number> = {};
    // In process, through Apollo's whole pipeline (its document store, the jit executor), without HTTP.
    const send = async (i: number) => {
      const { status, errors } = await execute(server, distinctDocument(i));
      const key = errors ? `${status} ${errors[0].message}` : String(status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    };
    const sendAll = async (count: number) => {
      for (let i = 0; i < count; i++) await send(i);
    };
    // Three times what fills the document store (each document is ~540 tokens), then a second sight
    // of a third of them: three times what fills the compiled-operation cache (~290 nodes each).
    const distinct = Math.ceil((3 * STORE_TOKENS) / 540);
    const twice = Math.ceil((3 * JIT_NODES) / 290);
    await sendAll(distinct);
    // Seen once: run on graphql-js, nothing compiled.
    expect(jit.compiles).toBe(compiles);
    await sendAll(twice);
    expect(statuses).toEqual({ 200: distinct + twice });
    // The second sight compiles (those Apollo still held, or that the seen list remembers) …
    expect(jit.compiles - compiles).toBe(twice);
    // … each cache was full and let entries go, so its bound, not the workload, set what it holds …
    expect(server.app.documents.held.documents).toBeLessThan(distinct / 2);
    expect(server.app.documents.held.tokens).toBeGreaterThan(STORE_TOKENS / 2);
    expect(jit.cached.operations).toBeLessThan(twice / 2);
    expect(jit.cached.nodes).toBeGreaterThan(JIT_NODES / 2);
    // … and within it.
    expect(jit.cached.nodes).toBeLessThanOrEqual(JIT_NODES);
    expect(server.app.documents.held.tokens).toBeLessThanOrEqual(STORE_TOKENS);
    // The production bounds, at the measured worst cases per entry (~1.2 kB a compiled field, ~370
    // bytes a stored token: bench/results/budgets.md), add up to well under 150 MB.
    expect(JIT_CACHE_NODES * 1200 + DOCUMENT_STORE_TOKENS * 370).toBeLessThan(150 * 2 ** 20);
  });
});
