import type { Logger } from 'typeorm';
import { startTestServer, type TestServer } from './helpers';

/** Counts SELECT statements, to guard against N+1 resolution of nested lists. */
class SelectCounter implements Logger {
  selects = 0;
  logQuery(query: string) {
    if (/^\s*SELECT/i.test(query)) this.selects += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const NESTED = `query($first: Int) { companies(first: $first) { edges { node { slug
  lawsuits { slug citations { quote }
    plaintiffs { ... on Company { slug sanctions { slug } people { role person { name } } } ... on Authority { slug } }
    defendants { ... on Company { slug sanctions { slug } people { role person { name } } } ... on Authority { slug } ... on Person { slug } } }
  adversaries { ... on Authority { slug } ... on Company { slug } }
} } } }`;

describe('SQL statements per request', () => {
  const counter = new SelectCounter();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: counter });
  });
  afterAll(() => server.close());

  async function selectsFor(first: number) {
    counter.selects = 0;
    const response = await server.gql(NESTED, { first });
    expect(response.errors).toBeUndefined();
    return { selects: counter.selects, companies: response.data.companies.edges.length };
  }

  it('does not grow with the number of companies on the page', async () => {
    // Both pages include Huawei, so every level of the query is reached in both.
    const small = await selectsFor(3);
    const large = await selectsFor(6);
    expect(small.companies).toBe(3);
    expect(large.companies).toBe(6);
    // Batches may split differently across ticks, but twice the rows must not cost more statements.
    expect(large.selects).toBeLessThanOrEqual(small.selects);
    expect(small.selects).toBeLessThanOrEqual(15);
  });
});
