import { dataSourceOptions } from '../ormconfig';
import { DatabaseOpenError, openDatabase } from './database';

/** How DATABASE_URL, DATABASE_REPLICA_URLS and DATABASE_POOL_SIZE choose and configure the database. */
describe('database settings', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('keeps the embedded SQLite default for sqlite:PATH or nothing, and never synchronizes', () => {
    expect(dataSourceOptions(undefined, undefined, [])).toMatchObject({ type: 'better-sqlite3', synchronize: false, migrationsRun: false });
    expect(dataSourceOptions('sqlite:/tmp/x.sqlite', undefined, [])).toMatchObject({ type: 'better-sqlite3', database: '/tmp/x.sqlite' });
  });

  it('uses PostgreSQL for postgres:// and postgresql://, with replicas as TypeORM replication (reads to the replicas by default)', () => {
    expect(dataSourceOptions('postgresql://db/news', undefined, [])).toMatchObject({ type: 'postgres', url: 'postgresql://db/news', poolSize: 10 });
    expect(dataSourceOptions('postgres://primary/news', undefined, ['postgres://r1/news', 'postgres://r2/news'])).toMatchObject({
      type: 'postgres',
      replication: { master: { url: 'postgres://primary/news' }, slaves: [{ url: 'postgres://r1/news' }, { url: 'postgres://r2/news' }], defaultMode: 'slave' },
    });
  });

  it('reads replicas and pool size from the environment', () => {
    process.env.DATABASE_REPLICA_URLS = ' postgres://r1/news , postgres://r2/news ';
    process.env.DATABASE_POOL_SIZE = '25';
    expect(dataSourceOptions('postgres://primary/news')).toMatchObject({
      poolSize: 25,
      replication: { slaves: [{ url: 'postgres://r1/news' }, { url: 'postgres://r2/news' }] },
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/news' }, 'DATABASE_URL must start with sqlite: or postgres:// (got "mysql://db/news")'],
    [
      { DATABASE_URL: 'postgres://primary/news', DATABASE_REPLICA_URLS: 'postgres://r1/news,replica2' },
      'DATABASE_REPLICA_URLS must list postgres:// URLs separated by commas (got "replica2")',
    ],
    [
      { DATABASE_URL: 'sqlite:/tmp/x.sqlite', DATABASE_REPLICA_URLS: 'postgres://r1/news' },
      'DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL (replicas are a PostgreSQL feature)',
    ],
    [{ DATABASE_URL: 'postgres://primary/news', DATABASE_POOL_SIZE: 'many' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "many")'],
  ])('refuses %p with one clear line before connecting', async (env, message) => {
    Object.assign(process.env, env);
    const opening = openDatabase(env.DATABASE_URL);
    await expect(opening).rejects.toThrow(DatabaseOpenError);
    await expect(opening).rejects.toThrow(message);
  });

  it('names an unreachable PostgreSQL server by its URL, without the password', async () => {
    const opening = openDatabase('postgres://desk:s3cret@127.0.0.1:1/news');
    await expect(opening).rejects.toThrow(/^cannot open database at postgres:\/\/desk@127\.0\.0\.1:1\/news: .*ECONNREFUSED/);
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
