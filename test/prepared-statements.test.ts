import type { DataSource } from 'typeorm';
import { SqlReader } from '../src/common/database/sql-reader';
import { PartyEntity } from '../src/modules/party/party.entity';
import { describeOnPostgres, freshDatabaseUrl, openTestDatabase } from './helpers';

/**
 * PostgreSQL reads are named prepared statements (postgres-statements.ts): parsed and planned once
 * per connection. Checked from PostgreSQL's side (pg_prepared_statements of the connection), and
 * that a migration changing a table's columns under them does not break reads.
 */
describeOnPostgres('named prepared statements (PostgreSQL)', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    // One connection, so the statements prepared are all on the connection the checks look at.
    process.env.DATABASE_POOL_SIZE = '1';
    try {
      dataSource = await openTestDatabase({ url: await freshDatabaseUrl() });
    } finally {
      delete process.env.DATABASE_POOL_SIZE;
    }
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const prepared = async () => (await dataSource.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'ce%'`)) as { statement: string }[];

  it('prepares each text once on the connection and reuses it', async () => {
    const reader = new SqlReader(dataSource, 'master');
    await reader.whereIn(PartyEntity, 'slug', ['huawei']);
    await reader.whereIn(PartyEntity, 'slug', ['verizon', 'huawei']);
    await reader.query('SELECT 1 AS one WHERE 1 = ?', [1]);
    const statements = (await prepared()).map((row) => row.statement);
    expect(statements.filter((text) => text.includes('"slug" = ANY($1)'))).toHaveLength(1);
    expect(statements.filter((text) => text.includes('SELECT 1 AS one'))).toHaveLength(1);
  });

  it('keeps reading when a migration changes the columns a prepared statement returns', async () => {
    const reader = new SqlReader(dataSource, 'master');
    await dataSource.query(`CREATE TABLE prepared_check (id SERIAL PRIMARY KEY, name TEXT)`);
    await dataSource.query(`INSERT INTO prepared_check (name) VALUES ('a')`);
    expect(await reader.query('SELECT * FROM prepared_check WHERE id = ?', [1])).toEqual([{ id: 1, name: 'a' }]);
    await dataSource.query(`ALTER TABLE prepared_check ADD COLUMN note TEXT DEFAULT 'n'`);
    expect(await reader.query('SELECT * FROM prepared_check WHERE id = ?', [1])).toEqual([{ id: 1, name: 'a', note: 'n' }]);
    expect(await reader.query('SELECT * FROM prepared_check WHERE id = ?', [1])).toEqual([{ id: 1, name: 'a', note: 'n' }]);
  });

  it('sends them unnamed when DATABASE_PREPARED_STATEMENTS is off', async () => {
    process.env.DATABASE_PREPARED_STATEMENTS = 'off';
    process.env.DATABASE_POOL_SIZE = '1';
    let unnamed: DataSource | undefined;
    try {
      unnamed = await openTestDatabase({ url: await freshDatabaseUrl() });
      const reader = new SqlReader(unnamed, 'master');
      await reader.whereIn(PartyEntity, 'slug', ['huawei']);
      expect(await unnamed.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`)).toEqual([{ n: 0 }]);
    } finally {
      delete process.env.DATABASE_PREPARED_STATEMENTS;
      delete process.env.DATABASE_POOL_SIZE;
      await unnamed?.destroy();
    }
  });
});
