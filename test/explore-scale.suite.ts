import { StatementCounter } from '../src/common/database/statement-counter';
import { startTestServer, type TestServer } from './helpers';

/** The explore queries stay batched on a larger graph: statements per level, not per party or entry. */
describe('explore queries on a synthetic graph of 400 companies', () => {
  const counter = new StatementCounter();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: counter, syntheticCompanies: 400 });
  });
  afterAll(() => server.close());

  async function selectsFor(query: string) {
    counter.reset();
    const res = await server.gql(query);
    expect(res.errors).toBeUndefined();
    return { data: res.data, selects: counter.selects };
  }

  it('conflictNetwork at depth 3 costs a handful of statements however many parties it reaches', async () => {
    const { data, selects } = await selectsFor(`{ conflictNetwork(center: "syn-authority-1", depth: 3) {
      nodes { id party { ... on Company { slug } ... on Person { slug } ... on Authority { slug } } } edges { kind citations { quote } } } }`);
    expect(data.conflictNetwork.nodes.length).toBeGreaterThan(50);
    // center lookup + 3 levels + parties + citations (+ the API key check): not one per node.
    expect(selects).toBeLessThanOrEqual(10);
  });

  it('a 100-entry timeline page with participants and citations is a few statements', async () => {
    const { data, selects } = await selectsFor(
      `{ timeline(first: 100) { edges { node { title fact { id } participants { ... on Company { slug } ... on Authority { slug } ... on Person { slug } } citations { quote } } } } }`,
    );
    expect(data.timeline.edges.length).toBe(100);
    expect(selects).toBeLessThanOrEqual(12);
  });

  it('search ranks and loads its hits in a few statements', async () => {
    const { data, selects } = await selectsFor(`{ search(text: "company", first: 50) { snippet node { id } } }`);
    expect(data.search.length).toBe(50);
    expect(selects).toBeLessThanOrEqual(10);
  });
});
