/**
 * Hostile requests, in generated families: what an attacker would send to make one small request
 * cost the server a lot (exponential fragment fan-out, recursion through unions, expensive fields
 * under aliases, directive spreads, padding around a document to dodge caches) or to make it
 * answer a client's mistake as a server fault. `npm run attack` sends the corpus to a production
 * server on a large store; test/hostile.suite.ts checks each family at several sizes by counting
 * the work done.
 */

export interface HostileBody {
  query?: string;
  variables?: Record<string, unknown> | string;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

export interface HostileRequest {
  family: string;
  name: string;
  body: HostileBody | string;
  /**
   * refused: a query limit answers 400 GRAPHQL_VALIDATION_FAILED before execution;
   * client-error: a 4xx with BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST or the like;
   * bounded: may be answered (200) or stopped at the deadline, but must not hold the process.
   */
  expect: 'refused' | 'client-error' | 'bounded';
}

/** Parties of the store the requests name: any existing slugs do; the defaults are in the seeded report. */
export interface CorpusParties {
  /** A well-connected party (many links). */
  hub: string;
  /** A party with few or no links, far from `hub`. */
  isolated: string;
  /** Another party. */
  other: string;
}

export const SEEDED_PARTIES: CorpusParties = { hub: 'huawei', isolated: 'zte', other: 'verizon' };

/** Fragments F0…Fn on Company, each spreading the next twice: 2^levels copies of the leaf once inlined. */
export function fragmentFanOut(levels: number, leaf = 'slug'): string {
  let document = `query FanOut { company(slug: "huawei") { ...F0 } }\n`;
  for (let i = 0; i < levels; i++) document += `fragment F${i} on Company { ...F${i + 1} ...F${i + 1} }\n`;
  return document + `fragment F${levels} on Company { ${leaf} }`;
}

/** `aliases` copies of `company(slug)` spreading a fragment on the Party union that recurses through `adversaries`. */
export function unionRecursion(aliases: number, levels: number): string {
  const roots = Array.from({ length: aliases }, (_, i) => `a${i}: company(slug: "huawei") { ...P0 }`).join(' ');
  let document = `query UnionRecursion { ${roots} }\n`;
  for (let i = 0; i < levels; i++) {
    const next = `adversaries { ...P${i + 1} }`;
    document += `fragment P${i} on Party { ... on Company { slug ${next} } ... on Person { slug ${next} } ... on Authority { slug ${next} } }\n`;
  }
  return document + `fragment P${levels} on Party { __typename }`;
}

/** The same through lawsuits and both their sides. */
export function lawsuitRecursion(aliases: number, levels: number): string {
  const roots = Array.from({ length: aliases }, (_, i) => `a${i}: company(slug: "huawei") { ...L0 }`).join(' ');
  let document = `query LawsuitRecursion { ${roots} }\n`;
  for (let i = 0; i < levels; i++) {
    document += `fragment L${i} on Party { ... on Company { lawsuits { title plaintiffs { ...L${i + 1} } defendants { ...L${i + 1} } } } }\n`;
  }
  return document + `fragment L${levels} on Party { __typename }`;
}

/** A query over the cost limit on its own (six pages of 100 companies), plus a fragment fan-out. */
export function costWithFanOut(levels: number): string {
  const page = 'companies(first: 100) { edges { node { slug name description aliases headquarters country id } } }';
  const pages = [1, 2, 3, 4, 5, 6].map((i) => `p${i}: ${page}`).join(' ');
  return `query CostFanOut { ${pages} company(slug: "huawei") { ...F0 } }\n${fragmentFanOut(levels).split('\n').slice(1).join('\n')}`;
}

/** One fragment spread `spreads` times, each spread carrying `@include @skip`. */
export function directiveSpreads(spreads: number): string {
  const body = Array.from({ length: spreads }, () => '...D @include(if: true) @skip(if: false)').join(' ');
  return `query DirectiveSpreads { company(slug: "huawei") { ${body} } }\nfragment D on Company { slug }`;
}

/** `count` fields of one response name (graphql-js compares every pair of them when validating). */
export function sameNameFields(count: number): string {
  return `query SameName { ${Array.from({ length: count }, () => 'company(slug: "huawei") { slug }').join(' ')} }`;
}

/** `copies` aliased copies of one expensive root field. */
export function expensiveAliases(field: string, copies: number): string {
  return `query Expensive { ${Array.from({ length: copies }, (_, i) => `x${i}: ${field}`).join(' ')} }`;
}

/** A document padded with whitespace and comments (a new text each time: no cache hit). */
export function padded(query: string, seed: number): string {
  return `# ${seed}\n${query.replace(/ /g, () => ' '.repeat(1 + (seed % 3)))}`;
}

/** A JSON list nested `depth` deep, as text: JSON.stringify itself overflows the stack on such a value. */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
}

/** Every family at the sizes that break the old limits (and past them). */
export function hostileCorpus(parties: CorpusParties = SEEDED_PARTIES): HostileRequest[] {
  const search = (text: string) => `search(text: ${JSON.stringify(text)}, first: 50) { score snippet }`;
  return [
    ...[18, 22, 30, 60].map((levels) => ({
      family: 'fragment fan-out',
      name: `${levels} levels`,
      body: { query: fragmentFanOut(levels) },
      expect: 'refused' as const,
    })),
    ...[
      [6, 8],
      [15, 5],
      [3, 12],
    ].map(([aliases, levels]) => ({
      family: 'union recursion',
      name: `${aliases} aliases × ${levels} levels`,
      body: { query: unionRecursion(aliases, levels) },
      expect: 'refused' as const,
    })),
    { family: 'union recursion', name: 'lawsuits 15 × 3', body: { query: lawsuitRecursion(15, 3) }, expect: 'bounded' },
    { family: 'union recursion', name: 'lawsuits 15 × 4', body: { query: lawsuitRecursion(15, 4) }, expect: 'refused' },
    { family: 'cost with fan-out', name: 'cost 5,406 + 20 levels', body: { query: costWithFanOut(20) }, expect: 'refused' },
    { family: 'directive spreads', name: '100 spreads × 2 directives', body: { query: directiveSpreads(100) }, expect: 'refused' },
    { family: 'same-name fields', name: '180 fields', body: { query: sameNameFields(180) }, expect: 'refused' },
    { family: 'same-name fields', name: '120 × name(x: N), refused by validation', body: { query: distinctInvalidDocument(0) }, expect: 'refused' },
    ...[0, 1, 2].map((seed) => ({
      family: 'padding',
      name: `union 2 × 4, padding ${seed}`,
      body: { query: padded(unionRecursion(2, 4), seed) },
      expect: 'bounded' as const,
    })),
    {
      family: 'expensive aliases',
      name: 'search ×3, 16 one-letter words',
      body: { query: expensiveAliases(search('s '.repeat(16).trim()), 3) },
      expect: 'bounded',
    },
    { family: 'expensive aliases', name: 'search, common prefixes', body: { query: `query { ${search('syn rep ove con dis par')} }` }, expect: 'bounded' },
    {
      family: 'expensive aliases',
      name: 'search ×4, common prefixes',
      body: { query: expensiveAliases(search('syn rep ove con dis par'), 4) },
      expect: 'refused',
    },
    {
      family: 'expensive aliases',
      name: 'conflictPath ×4, no path',
      body: { query: expensiveAliases(`conflictPath(from: "${parties.isolated}", to: "${parties.hub}") { nodes { id } }`, 4) },
      expect: 'refused',
    },
    {
      family: 'expensive aliases',
      name: 'conflictPath, far apart',
      body: { query: `query { conflictPath(from: "${parties.isolated}", to: "${parties.other}") { nodes { id } edges { kind } } }` },
      expect: 'bounded',
    },
    {
      family: 'expensive aliases',
      name: 'conflictNetwork depth 3 ×3',
      body: { query: expensiveAliases(`conflictNetwork(center: "${parties.hub}", depth: 3) { nodes { id } edges { kind } }`, 3) },
      expect: 'bounded',
    },
    {
      family: 'expensive aliases',
      name: 'timeline ×10',
      body: { query: expensiveAliases('timeline(first: 100, from: "1990") { totalCount edges { node { title } } }', 10) },
      expect: 'refused',
    },
    {
      family: 'client mistakes',
      name: 'bad enum inside an input-object variable',
      body: { query: 'query($filter: LawsuitFilter) { lawsuits(filter: $filter) { totalCount } }', variables: { filter: { kind: 'NOPE' } } },
      expect: 'client-error',
    },
    {
      family: 'client mistakes',
      name: 'two operations, no operationName',
      body: { query: 'query A { __typename } query B { __typename }' },
      expect: 'client-error',
    },
    {
      family: 'client mistakes',
      name: 'operationName naming no operation',
      body: { query: 'query A { __typename }', operationName: 'B' },
      expect: 'client-error',
    },
    {
      family: 'client mistakes',
      name: 'variables nested 10,000 deep',
      body: `{"query": "query($text: String!) { search(text: $text) { score } }", "variables": {"text": "x", "deep": ${deepJson(10_000)}}}`,
      expect: 'bounded',
    },
    {
      family: 'client mistakes',
      name: 'a variable nested 10,000 deep where a string goes',
      body: `{"query": "query($text: String!) { search(text: $text) { score } }", "variables": {"text": ${deepJson(10_000)}}}`,
      expect: 'client-error',
    },
    {
      family: 'client mistakes',
      name: 'persisted query with a wrong hash',
      body: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
      expect: 'client-error',
    },
    { family: 'client mistakes', name: 'first: null', body: { query: '{ companies(first: null) { edges { node { slug } } } }' }, expect: 'bounded' },
    { family: 'client mistakes', name: 'variables that are not an object', body: { query: '{ __typename }', variables: '[1]' }, expect: 'client-error' },
    ...pricedArgumentFamily(parties),
  ];
}

/** Values a client can give an Int argument that a price reads: signs and magnitudes. */
export const HOSTILE_ARGUMENT_VALUES = [-1, 0, -(2 ** 31), 2 ** 31 - 1, -100_000_000];

/**
 * Every priced argument at every hostile value, each beside work it would have paid for (a price
 * below zero once let 14 path searches run free): refused before anything runs, 400 BAD_USER_INPUT.
 */
export function pricedArgumentFamily(parties: CorpusParties = SEEDED_PARTIES): HostileRequest[] {
  const paths = (n: number) =>
    Array.from({ length: n }, (_, i) => `p${i}: conflictPath(from: "${parties.isolated}", to: "${parties.hub}") { nodes { id } }`).join(' ');
  const fields: [string, (value: number) => string][] = [
    ['conflictNetwork depth', (v) => `conflictNetwork(center: "${parties.hub}", depth: ${v}) { nodes { id } }`],
    ['companies first', (v) => `companies(first: ${v}) { edges { node { slug } } }`],
    ['search first', (v) => `search(text: "huawei", first: ${v}) { score }`],
    ['timeline first', (v) => `timeline(first: ${v}) { edges { node { title } } }`],
    ['disputes first', (v) => `disputes(first: ${v}) { edges { node { slug } } }`],
    ['company lawsuits first', (v) => `company(slug: "${parties.hub}") { lawsuits(first: ${v}) { id } }`],
  ];
  return fields.flatMap(([name, field]) =>
    HOSTILE_ARGUMENT_VALUES.filter((v) => !(name === 'conflictNetwork depth' && v >= 1 && v <= 3)).map((value) => ({
      family: 'priced arguments',
      name: `${name}: ${value}, beside 14 paths`,
      body: { query: `{ x: ${field(value)} ${paths(14)} }` },
      expect: 'client-error' as const,
    })),
  );
}

/**
 * The `i`-th of a family of distinct valid documents of ~290 fields each (different text, different
 * operation name and page sizes, so no cache of text, parsed document or compiled query is shared),
 * each cheap to run: 14 aliased one- or two-item pages of companies with 19 fields an item.
 */
export function distinctDocument(i: number): string {
  const item = 'id slug name aliases description headquarters claimedBy { __typename } attribution citations { __typename }';
  const pages = Array.from(
    { length: 14 },
    (_, k) => `a${k}: companies(first: ${1 + ((i + k) % 2)}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${item} } } }`,
  );
  return `query Distinct${i} { ${pages.join(' ')} }`;
}

/**
 * The `i`-th of a family of distinct documents that graphql-js's validation refuses after doing
 * quadratic work (OverlappingFieldsCanBeMerged compares every pair of same-named fields): `copies`
 * same-named fields with different arguments, a new comment each time so no cache helps.
 */
export function distinctInvalidDocument(i: number, copies = 120): string {
  return `# ${i}\n{ ${Array.from({ length: copies }, (_, k) => `companies { edges { node { name(x: ${k}) } } }`).join(' ')} }`;
}
