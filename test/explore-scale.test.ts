import { StatementCounter } from '../src/common/database/statement-counter';
import { openDatabase } from '../src/database';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { SqlReader } from '../src/common/database/sql-reader';
import { Person } from '../src/modules/person/person.entity';
import { searchDialect, type SearchRow } from '../src/modules/search/search.dialect';
import { freshDatabaseUrl, startTestServer, type TestServer } from './helpers';
import { seedAll } from '../seeds/seed-all';

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
    const { data, selects } = await selectsFor(`{ timeline(first: 100) { edges { node { title fact { id } participants { ... on Company { slug } ... on Authority { slug } ... on Person { slug } } citations { quote } } } } }`);
    expect(data.timeline.edges.length).toBe(100);
    expect(selects).toBeLessThanOrEqual(12);
  });

  it('search ranks and loads its hits in a few statements', async () => {
    const { data, selects } = await selectsFor(`{ search(text: "company", first: 50) { snippet node { id } } }`);
    expect(data.search.length).toBe(50);
    expect(selects).toBeLessThanOrEqual(10);
  });
});

describe('a database created before migrations existed', () => {
  it('is adopted: its first migration is recorded, and the search index and row counts are built from its rows', async () => {
    const url = await freshDatabaseUrl();
    // As TypeORM's synchronize left it: the entity tables, no migrations table, no search index.
    const legacy = new DataSource({ ...dataSourceOptions(url), synchronize: true });
    await legacy.initialize();
    await seedAll(legacy);
    await legacy.destroy();

    const adopted = await openDatabase(url, { migrate: true });
    const applied = await adopted.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(adopted.migrations.map((m) => m.name));
    const search = searchDialect(adopted)!;
    const [hit] = await new SqlReader(adopted).query<SearchRow>(search.searchSql, [search.matchExpression('wanzhou'), 1]);
    expect(hit).toMatchObject({ subject_type: 'Person' });
    const [{ n }] = await new SqlReader(adopted).query<{ n: number }>('SELECT n FROM row_count WHERE name = ?', ['party:PERSON']);
    expect(Number(n)).toBe(await adopted.getRepository(Person).count());
    await adopted.destroy();
  });
});
