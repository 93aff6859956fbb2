import { getNamedType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLSchema } from 'graphql';
import { StatementCounter } from '../src/common/database/statement-counter';
import { buildAppSchema } from '../src/schema';
import { fieldCost, rangeOf } from '../src/server/operation-measure';
import { startTestServer, type TestServer } from './helpers';

/** Values a client can put in an Int argument (GraphQL's Int is 32-bit), and what a bad price might be handed. */
const HOSTILE_INTS = [-1, 0, -(2 ** 31), 2 ** 31 - 1, -100_000_000];
const NON_FINITE = [NaN, Infinity, -Infinity];

/** Every field of the schema whose price reads its arguments: a `complexity` function, or a page priced by `first`. */
function pricedFields(schema: GraphQLSchema): { where: string; field: GraphQLField<unknown, unknown>; numeric: GraphQLArgument[] }[] {
  const found = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const numeric = field.args.filter((arg) => ['Int', 'Float'].includes(getNamedType(arg.type).name));
      const price = field.extensions?.complexity;
      if (typeof price === 'function' || numeric.length > 0) found.push({ where: `${type.name}.${field.name}`, field, numeric });
    }
  }
  return found;
}

describe('prices that arguments cannot bend', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('finds the priced fields it walks (a walk over nothing would prove nothing)', () => {
    const names = pricedFields(schema).map((f) => f.where);
    expect(names).toEqual(expect.arrayContaining(['Query.conflictNetwork', 'Query.search', 'Query.timeline', 'Query.companies', 'Query.disputes', 'Company.lawsuits']));
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it('declares bounds for every numeric argument a price reads (one declaration: validator, description, check, price)', () => {
    for (const { where, numeric } of pricedFields(schema)) {
      for (const arg of numeric) {
        const range = rangeOf(arg);
        expect({ where, arg: arg.name, range: range ? 'declared' : 'missing' }).toEqual({ where, arg: arg.name, range: 'declared' });
        // The schema's description states the same bounds.
        expect(arg.description).toContain(`${range!.min}–${range!.max}`);
      }
    }
  });

  it('prices every field, at any value of any numeric argument, at least at its price at the minimum, finitely and at least 1', () => {
    const children = [
      { once: 0, perItem: 0 },
      { once: 3, perItem: 7 },
    ];
    let checked = 0;
    for (const { where, field, numeric } of pricedFields(schema)) {
      for (const child of children) {
        for (const arg of numeric) {
          const range = rangeOf(arg)!;
          const atMinimum = fieldCost(field, { [arg.name]: range.min }, child);
          expect(Number.isFinite(atMinimum)).toBe(true);
          for (const value of [...HOSTILE_INTS, ...NON_FINITE, range.min, range.max]) {
            const price = fieldCost(field, { [arg.name]: value }, child);
            expect({ where, arg: arg.name, value, finite: Number.isFinite(price), atLeastMinimum: price >= atMinimum, atLeastOne: price >= 1 }).toEqual({
              where,
              arg: arg.name,
              value,
              finite: true,
              atLeastMinimum: true,
              atLeastOne: true,
            });
            checked += 1;
          }
        }
        // And with no arguments at all (every default).
        expect(fieldCost(field, {}, child)).toBeGreaterThanOrEqual(1);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('refuses a price that is not a number instead of charging it (fail closed)', () => {
    const field = { name: 'broken', args: [], extensions: { complexity: () => NaN } } as unknown as GraphQLField<unknown, unknown>;
    expect(() => fieldCost(field, {}, { once: 0, perItem: 0 })).toThrow(/not a number/);
    const negative = { name: 'negative', args: [], extensions: { complexity: () => -5e10 } } as unknown as GraphQLField<unknown, unknown>;
    expect(fieldCost(negative, {}, { once: 0, perItem: 0 })).toBe(1);
  });
});

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
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalidArguments: [{ field: 'depth', problems: ['depth must be between 1 and 3'] }] });
    expect(counter.statements).toBe(0);
    expect(server.app.contextFor('probe').services.sqlReader.longReads).toBe(longReads);
  });

  it('refuses the same in a variable, at every hostile magnitude, and a page size of 0 or -1', async () => {
    for (const depth of HOSTILE_INTS.filter((d) => d < 1 || d > 3)) {
      counter.reset();
      const res = await server.gql(`query($d: Int) { conflictNetwork(center: "huawei", depth: $d) { nodes { id } } ${paths(2)} }`, { d: depth });
      expect({ depth, status: res.status, code: res.errors?.[0].extensions?.code, statements: counter.statements }).toEqual({ depth, status: 400, code: 'BAD_USER_INPUT', statements: 0 });
    }
    for (const first of [0, -1, 101, -(2 ** 31)]) {
      const res = await server.gql(`query($n: Int) { companies(first: $n) { edges { node { slug } } } }`, { n: first });
      expect({ first, status: res.status, message: res.errors?.[0].message }).toEqual({ first, status: 400, message: expect.stringMatching(/first must be between 1 and 100/) });
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
