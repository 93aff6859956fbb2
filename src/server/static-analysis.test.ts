import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { costWithFanOut, directiveSpreads, fragmentFanOut, unionRecursion } from '../../bench/hostile-corpus';
import { DEFAULT_LIMITS } from '../config';
import { buildAppSchema } from '../schema';
import { OperationMeasurer } from './operation-measure';
import { operationCost, staticLimitsRule } from './query-limits';

/**
 * The static analysis of hostile documents (bench/hostile-corpus.ts), on the schema alone: work is
 * counted (selection sets measured), never timed. What the server answers them is test/hostile.suite.ts.
 */
const measured = (schema: GraphQLSchema, query: string) => {
  const document = parse(query);
  const measurer = new OperationMeasurer(schema, document, {});
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
  return { measure: measurer.operation(operation as never), visits: measurer.visits };
};

describe('static analysis is linear in the document', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it.each([10, 20, 40, 80, 160])('measures a fragment fan-out of %i levels with one visit per fragment', (levels) => {
    const { measure, visits } = measured(schema, fragmentFanOut(levels));
    // 2^levels leaves once expanded; one measurement of the operation, of company's selection and of each fragment.
    expect(visits).toBe(levels + 3);
    expect(measure.nodes).toBe(2 ** levels + 1);
    expect(measure.depth).toBe(2);
  });

  it.each([
    [1, 4],
    [6, 8],
    [15, 12],
  ])('measures union recursion (%i aliases × %i levels) once per fragment and possible type', (aliases, levels) => {
    const { measure, visits } = measured(schema, unionRecursion(aliases, levels));
    // Per level: the fragment on Party for each of its 3 types, its 3 inline fragments, and each of
    // their 3 `adversaries` selections for each type (15; the first level, spread in a Company, 5);
    // plus the operation, each alias's selection and the leaf fragment for each type.
    expect(visits).toBe(1 + aliases + 5 + (levels - 1) * 15 + 3);
    // graphql-jit would compile a branch per possible type at every level: 3^levels.
    expect(measure.nodes).toBeGreaterThanOrEqual(aliases * 3 ** (levels - 1));
  });

  it('counts directives and aliases through fragment spreads, as executed', () => {
    expect(measured(schema, directiveSpreads(100)).measure.directives).toBe(200);
    const aliasedFragment = `query { company(slug: "huawei") { ...A ...A ...A } } fragment A on Company { x: slug y: name }`;
    expect(measured(schema, aliasedFragment).measure.aliases).toBe(6);
  });

  it('keeps the cost of a fan-out finite and refuses it, where the old analyser gave up and let it through', () => {
    expect(operationCost(schema, parse(costWithFanOut(20)))).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    // The figures of a 1,000-level fan-out overflow to Infinity, which every limit refuses.
    expect(measured(schema, fragmentFanOut(1100)).measure.nodes).toBe(Infinity);
  });
});

describe('a document over a limit is not validated further', () => {
  it('reports only the limit: graphql-js rules do not walk the refused document', async () => {
    const schema = await buildAppSchema();
    // 180 aliased fields of one name, two of them in conflict: graphql-js alone would report the conflict.
    const query = `{ ${Array.from({ length: 180 }, (_, i) => `a: company(slug: "${i < 2 ? `s${i}` : 'huawei'}") { slug }`).join(' ')} }`;
    expect(validate(schema, parse(query), specifiedRules).some((e) => /Fields "a" conflict/.test(e.message))).toBe(true);
    // In Apollo's order: graphql-js's rules, then ours (every rule enters the document before any walks into it).
    const errors = validate(schema, parse(query), [...specifiedRules, staticLimitsRule(DEFAULT_LIMITS)]);
    expect(errors.map((e) => e.message)).toEqual(['Aliases limit of 15 exceeded, found 180.']);
  });
});
