import Database from 'better-sqlite3';
import { Pool } from 'pg';

export type Row = Record<string, any>;

/** How the raw handler reads a company count: the trigger-kept row_count, or a COUNT(*) like a server without it. */
export type CompanyCountSource = 'row_count' | 'COUNT(*)';

/**
 * The raw handler's connection, and the one place that knows its SQL dialects apart. Queries are
 * written once with `?` placeholders and `inList(column)` for "column is one of a list of ids".
 * SQLite: cached better-sqlite3 prepared statements, a list bound as one JSON parameter.
 * PostgreSQL: a pg pool, named prepared statements, `= ANY($n)` with an array parameter.
 */
export interface RawDatabase {
  readonly companyCount: CompanyCountSource;
  all(sql: string, ...params: unknown[]): Promise<Row[]>;
  inList(column: string): string;
  /** A list of ids as the one parameter `inList` expects (duplicates removed). */
  list(ids: Iterable<number>): unknown;
  close(): Promise<void>;
}

/** The connection pool size of the PostgreSQL raw handler: the same as TypeORM's default for the server. */
export const RAW_POSTGRES_POOL_SIZE = 10;

/** Opens DATABASE_URL (`sqlite:PATH` or `postgres://…`) read-only for the raw handler; `onStatement` is told of every statement. */
export async function openRawDatabase(url: string, onStatement: () => void = () => undefined): Promise<RawDatabase> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, onStatement);
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), onStatement);
  throw new Error(`DATABASE_URL must be sqlite:PATH or postgres://… (got "${url}")`);
}

function openSqlite(file: string, onStatement: () => void): RawDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const prepared = new Map<string, Database.Statement>();
  return {
    // The server installs row_count on SQLite whenever it opens the database.
    companyCount: 'row_count',
    async all(sql, ...params) {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      onStatement();
      return statement.all(...params) as Row[];
    },
    inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
    list: (ids) => JSON.stringify([...new Set(ids)]),
    async close() {
      db.close();
    },
  };
}

async function openPostgres(url: string, onStatement: () => void): Promise<RawDatabase> {
  const pool = new Pool({ connectionString: url, max: RAW_POSTGRES_POOL_SIZE });
  // Another change adds trigger-kept counts on PostgreSQL; until this database has them, count as the server then does.
  const [{ present }] = (await pool.query(`SELECT to_regclass('row_count') IS NOT NULL AS present`)).rows;
  const names = new Map<string, { name: string; text: string }>();
  return {
    companyCount: present ? 'row_count' : 'COUNT(*)',
    async all(sql, ...params) {
      let statement = names.get(sql);
      if (!statement) {
        let n = 0;
        statement = { name: `raw_${names.size}`, text: sql.replace(/\?/g, () => `$${++n}`) };
        names.set(sql, statement);
      }
      onStatement();
      // pg prepares a named statement once per pooled connection, then only binds and executes it.
      return (await pool.query({ ...statement, values: params })).rows;
    },
    inList: (column) => `${column} = ANY(?)`,
    list: (ids) => [...new Set(ids)],
    async close() {
      await pool.end();
    },
  };
}
