import { parse, type GraphQLSchema } from 'graphql';
import {
  costWithFanOut,
  directiveSpreads,
  expensiveAliases,
  fragmentFanOut,
  hostileCorpus,
  lawsuitRecursion,
  padded,
  unionRecursion,
  type HostileRequest,
} from '../bench/hostile-corpus';
import { StatementCounter } from '../src/common/database/statement-counter';
import { DEFAULT_LIMITS } from '../src/config';
import { buildAppSchema } from '../src/schema';
import { ClientBudget } from '../src/server/client-budget';
import { JIT_MAX_NODES } from '../src/server/jit-executor';
import { OperationMeasurer } from '../src/server/operation-measure';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';
import { Role } from '../src/common/role.enum';
import { NetworkService } from '../src/modules/network/network.service';
import { SearchTooBroadError } from '../src/common/errors';

/**
 * Hostile requests, family by family (bench/hostile-corpus.ts), each at several sizes. Work is
 * counted, never timed: selection sets measured, operations compiled, SQL statements run.
 */
async function post(server: TestServer, body: HostileRequest['body']): Promise<{ status: number; json: any }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const measured = (schema: GraphQLSchema, query: string) => {
  const document = parse(query);
  const measurer = new OperationMeasurer(schema, document, {});
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
  return { measure: measurer.operation(operation as never), visits: measurer.visits };
};

describe('hostile requests against the server', () => {
  let server: TestServer;
  let counter: StatementCounter;
  beforeAll(async () => {
    counter = new StatementCounter();
    server = await startTestServer({ logger: counter });
  });
  afterAll(() => server.close());

  const corpus = hostileCorpus();
  it.each(corpus.map((request) => [`${request.family}: ${request.name}`, request] as const))(
    '%s: answered as expected, never a 5xx',
    async (_name, request) => {
      const { status, json } = await post(server, request.body);
      const code = json.errors?.[0]?.extensions?.code;
      expect(status).toBeLessThan(500);
      for (const error of json.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      if (request.expect === 'refused') {
        expect({ status, code }).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
        expect(json.data).toBeUndefined();
      }
      if (request.expect === 'client-error') {
        expect(status).toBeGreaterThanOrEqual(400);
        expect(code).toEqual(expect.any(String));
      }
    },
  );

  it('refuses over-limit documents before running a statement or compiling anything', async () => {
    const compiles = server.app.jit!.compiles;
    counter.reset();
    for (const query of [fragmentFanOut(30), unionRecursion(6, 8), lawsuitRecursion(15, 4), costWithFanOut(20), directiveSpreads(100)]) {
      const { status, json } = await post(server, { query });
      expect(status).toBe(400);
      expect(json.errors[0].message).toMatch(/limit of \d+ (fields )?.*exceeded|Query cost limit/);
    }
    expect(counter.statements).toBe(0);
    expect(server.app.jit!.compiles).toBe(compiles);
  });

  it('names the limit: nodes counted with fragments expanded, directives through spreads', async () => {
    const fanOut = await post(server, { query: fragmentFanOut(22) });
    expect(fanOut.json.errors[0].message).toBe(
      `Node limit of ${DEFAULT_LIMITS.maxNodes} fields (counted with every fragment expanded) exceeded, found ${2 ** 22 + 1}.`,
    );
    const directives = await post(server, { query: directiveSpreads(100) });
    expect(directives.json.errors[0].message).toBe(`Directives limit of ${DEFAULT_LIMITS.maxDirectives} exceeded, found 200.`);
  });

  it('compiles a document once whatever its whitespace, and runs one too large to compile on graphql-js', async () => {
    const jit = server.app.jit!;
    const before = jit.compiles;
    for (const seed of [0, 1, 2, 3]) expect((await post(server, { query: padded(unionRecursion(2, 3), seed) })).status).toBe(200);
    expect(jit.compiles).toBe(before + 1);
    // Past JIT_MAX_NODES expanded fields but within the node limit: answered, never compiled.
    const schema = await buildAppSchema();
    const large = unionRecursion(2, 5);
    const { nodes } = measured(schema, large).measure;
    expect(nodes).toBeGreaterThan(JIT_MAX_NODES);
    expect(nodes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxNodes);
    const { status, json } = await post(server, { query: large });
    expect(status).toBe(200);
    expect(json.data.a0.slug).toBe('huawei');
    expect(jit.compiles).toBe(before + 1);
  });

  it('prices expensive fields: four searches, two paths or ten timelines do not fit in one query', async () => {
    counter.reset();
    for (const query of [
      expensiveAliases('search(text: "huawei", first: 50) { score snippet }', 4),
      expensiveAliases('conflictPath(from: "zte", to: "huawei") { nodes { id } }', 3),
      expensiveAliases('timeline(first: 100) { totalCount edges { node { title } } }', 10),
      expensiveAliases('conflictNetwork(center: "huawei", depth: 3) { nodes { id } }', 4),
    ]) {
      const { json } = await post(server, { query });
      expect(json.errors[0].message).toMatch(/Query cost limit of 5000 exceeded/);
    }
    expect(counter.statements).toBe(0);
  });

  it('answers a bad enum inside an input-object variable as graphql-js does: BAD_USER_INPUT at the path inside the variable', async () => {
    const { status, json } = await post(server, {
      query: 'query($filter: LawsuitFilter) { lawsuits(filter: $filter) { totalCount } }',
      variables: { filter: { kind: 'NOPE' } },
    });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toMatch(/^Variable "\$filter" got invalid value "NOPE" at "filter\.kind"/);
  });

  it('reads `first: null` as the default page', async () => {
    const omitted = await server.gql('{ people { edges { node { slug } } } }');
    const nulled = await server.gql('{ people(first: null) { edges { node { slug } } } search(text: "huawei", first: null) { score } }');
    expect(nulled.data.people).toEqual(omitted.data.people);
    expect(nulled.data.people.edges.length).toBeGreaterThan(0);
    expect(nulled.data.search.length).toBeGreaterThan(0);
  });

  it('refuses to set a required field to null, naming it', async () => {
    const editor = await createKey(server, Role.EDITOR);
    const res = await server.gql('mutation { updateCompany(input: { slug: "huawei", name: null, citations: [] }) { name } }', undefined, bearer(editor));
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/name: cannot be null/);
    expect((await server.gql('{ company(slug: "huawei") { name } }')).data.company.name).toBe('Huawei Technologies');
  });
});

describe('the per-client cost budget', () => {
  it('refills continuously, takes nothing from a refused query, and says when to retry', () => {
    let now = 0;
    const budget = new ClientBudget(6000, () => now);
    budget.charge('ip:a', 5000);
    expect(() => budget.charge('ip:a', 2000)).toThrow(/Cost budget of 6000 per minute spent: this query \(cost 2000\) can run again in 10 s/);
    expect(budget.remaining('ip:a')).toBe(1000);
    budget.charge('ip:b', 6000); // another client has its own
    now = 10_000; // 10 s: 1,000 more
    budget.charge('ip:a', 2000);
    expect(budget.remaining('ip:a')).toBe(0);
  });

  it('answers 429 with Retry-After to the client over its budget while others stay served', async () => {
    const server = await startTestServer({ env: { CLIENT_COST_BUDGET: '5000' } });
    try {
      // A path search keeps its price (2,000) whatever it finds: nothing of it is refunded.
      const page = '{ conflictPath(from: "verizon", to: "huawei") { nodes { id } } }';
      for (let i = 0; i < 2; i++) expect((await server.gql(page)).errors).toBeUndefined();
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page }) });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(body.data).toBeUndefined();
      // An API key is a client of its own.
      const key = await createKey(server, Role.VIEWER);
      expect((await server.gql(page, undefined, bearer(key))).errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('must allow at least one query at the cost limit', async () => {
    await expect(startTestServer({ env: { CLIENT_COST_BUDGET: '100' } })).rejects.toThrow(/CLIENT_COST_BUDGET must be at least QUERY_MAX_COST/);
  });
});

describe('the row limit', () => {
  it('stops a request whose nested lists (costed once each) read more rows than QUERY_MAX_ROWS', async () => {
    const server = await startTestServer({ env: { QUERY_MAX_ROWS: '10' } });
    try {
      const deep = await server.gql(lawsuitRecursion(3, 3));
      expect(deep.errors?.[0].extensions?.code).toBe('RESULT_TOO_LARGE');
      expect(deep.errors?.[0].message).toMatch(/reads more than 10 rows/);
      // Each request has its own count: a small one is still answered.
      expect((await server.gql('{ company(slug: "huawei") { lawsuits { slug } } }')).errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('bounded graph searches', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ syntheticCompanies: 300 });
  });
  afterAll(() => server.close());

  const SLUG = '... on Company { slug } ... on Person { slug } ... on Authority { slug }';

  it('finds chains as short as breadth-first search from one end says they are, searching from both ends', async () => {
    const center = 'syn-authority-1';
    const network = await server.gql(`{ conflictNetwork(center: "${center}", depth: 3) { truncated nodes { distance party { ${SLUG} } } } }`);
    expect(network.data.conflictNetwork.truncated).toBe(false);
    const byDistance = new Map<number, string[]>();
    for (const node of network.data.conflictNetwork.nodes) byDistance.set(node.distance, [...(byDistance.get(node.distance) ?? []), node.party.slug]);
    expect([...byDistance.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const [distance, slugs] of byDistance) {
      for (const slug of slugs.slice(0, 3)) {
        const res = await server.gql(`{ conflictPath(from: "${center}", to: "${slug}") { nodes { party { ${SLUG} } } edges { kind } } }`);
        const nodes = res.data.conflictPath.nodes.map((n: any) => n.party.slug);
        expect({ slug, links: nodes.length - 1 }).toEqual({ slug, links: distance });
        expect(nodes[0]).toBe(center);
        expect(nodes.at(-1)).toBe(slug);
      }
    }
  });

  it('stops at its bound of parties: a network says it was cut, a path search says it gave up', async () => {
    const bounded = new NetworkService(20);
    const loaders = () => server.app.contextFor('bounded').loaders;
    const network = await bounded.network(loaders(), 'syn-authority-1', 3);
    expect(network.truncated).toBe(true);
    expect(network.nodes).toHaveLength(20);
    await expect(bounded.path(loaders(), 'syn-authority-1', 'huawei')).rejects.toThrow(SearchTooBroadError);
    // Within the bound, the same answers as unbounded.
    expect((await bounded.path(loaders(), 'huawei', 'verizon'))?.edges).toHaveLength(1);
  });
});

describe('the limits fail closed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(() => jest.restoreAllMocks());

  it('refuses a document whose analysis fails, and one whose cost cannot be computed', async () => {
    const original = OperationMeasurer.prototype.operation;
    jest.spyOn(OperationMeasurer.prototype, 'operation').mockImplementation(() => {
      throw new Error('analysis failed');
    });
    const unanalysed = await server.gql('{ companies(first: 1) { totalCount } }');
    expect(unanalysed.status).toBe(400);
    expect(unanalysed.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/could not be analysed .* refused/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // Static figures fine, the cost (measured with variables) failing: still refused, never run.
    jest.spyOn(OperationMeasurer.prototype, 'operation').mockImplementation(function (this: OperationMeasurer, operation) {
      if ((this as unknown as { variables: unknown }).variables) throw new Error('cost failed');
      return original.call(this, operation);
    });
    const uncosted = await server.gql('{ companies(first: 2) { totalCount } }');
    expect(uncosted.status).toBe(400);
    expect(uncosted.errors?.[0].message).toMatch(/cost of the query could not be computed/);
    expect(uncosted.data).toBeUndefined();
  });
});
