import { getIntrospectionQuery, parse } from 'graphql';
import { DEFAULT_LIMITS } from '../src/config';
import { buildAppSchema } from '../src/schema';
import { countTokens, operationCost } from '../src/server/query-limits';
import { sharedTestServer, startTestServer, type TestServer } from './helpers';

/** Every limit, at the limit (answered) and one over it (rejected before execution). */
describe('query limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await sharedTestServer();
  });
  afterAll(() => server.close());

  const nested = (levels: number) => `{ company(slug: "huawei") { ${'adversaries { ... on Company { '.repeat(levels)}slug${' } }'.repeat(levels)} } }`;
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: company(slug: "huawei") { slug }`).join(' ')} }`;
  const directives = (n: number) => `{ company(slug: "huawei") { ${'slug @include(if: true) '.repeat(n)}} }`;
  /** Inline fragments rather than one long list of fields: graphql-js caps the work of comparing many equal fields. */
  const tokens = (n: number) => {
    const fragments = Math.floor((n - 10) / 6);
    return `{ company(slug: "huawei") { ${'... on Company { slug } '.repeat(fragments)}${'slug '.repeat(n - 10 - 6 * fragments)}} }`;
  };
  const length = (n: number) => {
    const head = '{ __typename }\n#';
    return head + 'x'.repeat(n - head.length);
  };
  /** An operation whose computed cost is exactly `n` (pages of 100 companies, topped up with __typename). */
  async function costing(n: number): Promise<string> {
    const page = 'companies(first: 100) { edges { node { slug name description aliases headquarters country id } } }';
    const base = [1, 2, 3, 4, 5].map((i) => `p${i}: ${page}`).join(' ') + ' q: people(first: 98) { edges { node { slug name id } } }';
    const schema = await buildAppSchema();
    const top = n - operationCost(schema, parse(`{ ${base} }`));
    expect(top).toBeGreaterThanOrEqual(0);
    const query = `{ ${base} ${'__typename '.repeat(top)}}`;
    expect(operationCost(schema, parse(query))).toBe(n);
    return query;
  }

  const cases: [string, number, (n: number) => string | Promise<string>, RegExp][] = [
    ['depth', DEFAULT_LIMITS.maxDepth, (n) => nested(n - 2), /Query depth limit of 10 exceeded, found 11/],
    ['aliases', DEFAULT_LIMITS.maxAliases, aliases, /Aliases limit of 15 exceeded, found 16/],
    ['directives', DEFAULT_LIMITS.maxDirectives, directives, /Directives limit of 10 exceeded, found 11/],
    ['tokens', DEFAULT_LIMITS.maxTokens, tokens, /Token limit of 2000 exceeded, found 2001/],
    ['length', DEFAULT_LIMITS.maxLength, length, /Query length limit of 15000 characters exceeded, found 15001/],
    ['cost', DEFAULT_LIMITS.maxCost, costing, /Query cost limit of 5000 exceeded, found 5001/],
  ];

  it('builds the probes right: the token and length probes have exactly the count they claim', () => {
    expect(countTokens(tokens(2000))).toBe(2000);
    expect(length(15000)).toHaveLength(15000);
  });

  it.each(cases)('answers an operation exactly at the %s limit (%p)', async (_name, limit, build) => {
    const res = await server.gql(await build(limit));
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it.each(cases)('rejects an operation one over the %s limit before executing it', async (_name, limit, build, message) => {
    const res = await server.gql(await build(limit + 1));
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(message);
  });

  it('counts a page as `first` times its items, `first` given in a variable or left at its default of 20', async () => {
    const schema = await buildAppSchema();
    const query = parse('query($n: Int) { companies(first: $n) { edges { node { slug } } } }');
    expect(operationCost(schema, query, { n: 100 })).toBe(1 + 100 * 3);
    expect(operationCost(schema, query, { n: 7 })).toBe(1 + 7 * 3);
    expect(operationCost(schema, query, {})).toBe(1 + 20 * 3);
    const res = await server.gql(
      `query($n: Int) { ${[1, 2, 3, 4, 5, 6].map((i) => `c${i}: companies(first: $n) { edges { node { slug name aliases description headquarters country id } } }`).join(' ')} }`,
      { n: 100 },
    );
    expect(res.errors?.[0].message).toMatch(/Query cost limit of 5000 exceeded, found 5406/);
  });

  it('keeps introspection on (Apollo Sandbox needs it) under the same depth limit', async () => {
    const full = await server.gql(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true }),
    );
    expect(full.errors).toBeUndefined();
    expect(full.data.__schema.types.length).toBeGreaterThan(40);
    const deep = await server.gql(`{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`);
    expect(deep.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors?.[0].message).toMatch(/Query depth limit of 10 exceeded, found 11/);
  });

  it('takes its limits from the environment', async () => {
    const strict = await startTestServer({ env: { QUERY_MAX_DEPTH: '4', QUERY_MAX_COST: '10', QUERY_MAX_ALIASES: '1' } });
    try {
      expect((await strict.gql(nested(3))).errors?.[0].message).toMatch(/Query depth limit of 4 exceeded, found 5/);
      expect((await strict.gql('{ companies(first: 5) { edges { node { slug } } } }')).errors?.[0].message).toMatch(
        /Query cost limit of 10 exceeded, found 16/,
      );
      expect((await strict.gql(aliases(2))).errors?.[0].message).toMatch(/Aliases limit of 1 exceeded, found 2/);
    } finally {
      await strict.close();
    }
  });
});
