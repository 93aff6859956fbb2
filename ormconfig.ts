import 'reflect-metadata';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { SnakeNamingStrategy } from './src/common/naming-strategy';
import { entities } from './src/entities';
import { postgresMigrations, sqliteMigrations } from './src/migrations';

export const DEFAULT_SQLITE_PATH = path.join(__dirname.endsWith('dist') ? path.dirname(__dirname) : __dirname, 'data', 'conflicts.sqlite');

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** The read replicas in DATABASE_REPLICA_URLS (comma-separated postgres:// URLs). */
export function replicaUrls(list = process.env.DATABASE_REPLICA_URLS): string[] {
  const urls = (list ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  const wrong = urls.find((url) => !POSTGRES_URL.test(url));
  if (wrong) throw new Error(`DATABASE_REPLICA_URLS must list postgres:// URLs separated by commas (got "${wrong}")`);
  return urls;
}

/** Connections per pool (one pool for the primary, one per replica), from DATABASE_POOL_SIZE. */
export function poolSize(value = process.env.DATABASE_POOL_SIZE): number {
  if (value === undefined || value === '') return 10;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "${value}")`);
  return size;
}

/**
 * Whether PostgreSQL reads use named prepared statements (DATABASE_PREPARED_STATEMENTS, `on` by
 * default): each is parsed and planned once per connection instead of at every execution. `off`
 * for a connection pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
 */
export function preparedStatements(value = process.env.DATABASE_PREPARED_STATEMENTS): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`DATABASE_PREPARED_STATEMENTS must be on or off (got "${value}")`);
}

/**
 * `sqlite:PATH` (or unset: the embedded default) or `postgres://…`, with read replicas from
 * DATABASE_REPLICA_URLS. The schema is owned by the migrations in src/migrations/ (one set per
 * dialect); nothing here ever synchronizes it.
 */
export function dataSourceOptions(url = process.env.DATABASE_URL, logger?: Logger, replicas = replicaUrls()): DataSourceOptions {
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    logger,
    logging: logger ? true : false,
    synchronize: false,
    migrationsRun: false,
    // Each migration commits on its own, so a failure leaves the ones before it applied.
    migrationsTransactionMode: 'each',
  } as const;
  if (url && POSTGRES_URL.test(url)) {
    const postgres = {
      ...common,
      type: 'postgres',
      migrations: postgresMigrations,
      poolSize: poolSize(),
      // Shown in pg_stat_activity and the server's logs (%a), to tell instances apart.
      applicationName: process.env.DATABASE_APPLICATION_NAME || 'conflict-explorer',
      // Read by PostgresStatements (src/common/database/postgres-statements.ts); pg ignores it.
      extra: { preparedStatements: preparedStatements() },
    } as const;
    if (!replicas.length) return { ...postgres, url };
    // Reads outside a write's transaction go to a replica (TypeORM picks one at random per query).
    return { ...postgres, replication: { master: { url }, slaves: replicas.map((replica) => ({ url: replica })), defaultMode: 'slave' } };
  }
  if (replicas.length) throw new Error('DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL (replicas are a PostgreSQL feature)');
  if (url && !url.startsWith('sqlite:')) {
    throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
  }
  const file = url ? url.slice('sqlite:'.length) : DEFAULT_SQLITE_PATH;
  return {
    ...common,
    type: 'better-sqlite3',
    migrations: sqliteMigrations,
    database: file === ':memory:' ? file : path.resolve(file),
    enableWAL: file !== ':memory:',
    timeout: 5000,
  };
}

export function createDataSource(url = process.env.DATABASE_URL, logger?: Logger): DataSource {
  return new DataSource(dataSourceOptions(url, logger));
}

/** The DataSource the TypeORM CLI uses (`npm run typeorm -- migration:generate …`). */
const AppDataSource = createDataSource();
export default AppDataSource;
