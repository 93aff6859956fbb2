import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { SqlReader } from '../src/common/database/sql-reader';
import { DatabaseOpenError, firstMigrationEntities, openDatabase } from '../src/database';
import { Person } from '../src/modules/person/person.entity';
import { searchDialect, type SearchRow } from '../src/modules/search/search.dialect';
import { freshDatabaseUrl, onPostgres, openTestDatabase } from './helpers';

/** The schema is owned by the migrations of each dialect; the entities must agree with them. */
describe(`migrations (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('leave nothing for TypeORM to change: the entities and the migrations describe the same schema', async () => {
    const dataSource = await openTestDatabase();
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('revert to an empty schema and apply again to the same one', async () => {
    const dataSource = await openTestDatabase();
    try {
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const runner = dataSource.createQueryRunner();
      const tables = [...new Set(dataSource.entityMetadatas.map((m) => m.tableName)), 'row_count', 'search_index'];
      const left = [];
      for (const table of tables) if (await runner.hasTable(table)) left.push(table);
      await runner.release();
      expect(left).toEqual([]);
      await dataSource.runMigrations({ transaction: 'each' });
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('are applied in timestamp order, each once', async () => {
    const dataSource = await openTestDatabase();
    try {
      const names = dataSource.migrations.map((m) => m.name!);
      const timestamps = names.map((name) => Number(name.slice(-13)));
      expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
      const applied = await dataSource.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((row: { name: string }) => row.name)).toEqual(names);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it('is adopted: its first migration is recorded, and the search index and row counts are built from its rows', async () => {
    const url = await freshDatabaseUrl();
    // As TypeORM's synchronize left it: the entity tables, no migrations table, no search index.
    const options = dataSourceOptions(url);
    const probe = new DataSource(options);
    await probe.initialize();
    const firstEntities = await firstMigrationEntities(probe);
    await probe.destroy();
    const legacy = new DataSource({ ...options, entities: firstEntities, synchronize: true } as DataSourceOptions);
    await legacy.initialize();
    // Rows as that version stored them (today's importer writes tables it did not have).
    const people = legacy.getRepository(Person);
    await people.save([
      people.create({ slug: 'meng-wanzhou', name: 'Meng Wanzhou', aliases: ['Meng'], description: null }),
      people.create({ slug: 'ren-zhengfei', name: 'Ren Zhengfei', aliases: [], description: null }),
    ]);
    await legacy.destroy();

    const adopted = await openTestDatabase({ url });
    const applied = await adopted.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(adopted.migrations.map((m) => m.name));
    const search = searchDialect(adopted)!;
    const [query] = search.searchQueries('wanzhou', 1);
    const [hit] = await new SqlReader(adopted).query<SearchRow>(query.sql, query.parameters);
    expect(hit).toMatchObject({ subject_type: 'Person' });
    const [{ n }] = await new SqlReader(adopted).query<{ n: number }>('SELECT n FROM row_count WHERE name = ?', ['party:PERSON']);
    expect(Number(n)).toBe(await adopted.getRepository(Person).count());
    await adopted.destroy();
  });

  if (onPostgres) {
    it('are not applied by a server starting on PostgreSQL: it refuses to open a database that is behind', async () => {
      const url = await freshDatabaseUrl();
      const opening = openDatabase(url);
      await expect(opening).rejects.toThrow(DatabaseOpenError);
      await expect(opening).rejects.toThrow(/has migrations pending: run `npm run migrate` first/);
    });
  } else {
    it('are applied on opening the embedded SQLite database', async () => {
      const dataSource = await openDatabase(await freshDatabaseUrl());
      try {
        expect(await dataSource.showMigrations()).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    });
  }
});
