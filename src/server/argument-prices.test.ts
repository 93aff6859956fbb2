import { getNamedType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../schema';
import { fieldCost, rangeOf } from './operation-measure';

/**
 * Prices read from the schema alone, at every value a client can put in a numeric argument. What the
 * server answers such arguments over HTTP is test/hostile-prices.test.ts.
 */

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
    expect(names).toEqual(
      expect.arrayContaining(['Query.conflictNetwork', 'Query.search', 'Query.timeline', 'Query.companies', 'Query.disputes', 'Company.lawsuits']),
    );
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
