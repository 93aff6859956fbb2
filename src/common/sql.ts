import type { DataSource, EntityManager } from 'typeorm';

/**
 * Anything that runs SQL on one connection and knows its DataSource: an EntityManager inside a
 * transaction, or a migration's QueryRunner. Schema helpers take this, so a migration and a bulk
 * load run them inside their own transaction.
 */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any>;
  readonly connection: DataSource;
}

/**
 * PostgreSQL: the names of the user-defined triggers on the tables of the current schema. Schema
 * helpers create a trigger only when it is missing: dropping one to recreate it would lock its
 * table against every reader each time the helper runs.
 */
export async function postgresTriggerNames(runner: SqlRunner): Promise<Set<string>> {
  const rows: { name: string }[] = await runner.query(
    `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * The tables of the current schema. Schema helpers that a migration runs (row counts, the search
 * index) build only for the tables that exist at that migration: a table declared today may be
 * created by a later one, which runs the helper again.
 */
export async function existingTables(runner: SqlRunner): Promise<Set<string>> {
  const sql =
    runner.connection.options.type === 'postgres'
      ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`
      : `SELECT name FROM sqlite_master WHERE type = 'table'`;
  return new Set((await runner.query(sql)).map((row: { name: string }) => row.name));
}

/**
 * Runs hand-written SQL with named parameters (`:name`, `:...list`) on either dialect: the
 * driver rewrites them into its own placeholders (`?` for SQLite, `$1` for PostgreSQL).
 */
export async function runSql<T>(db: DataSource | EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T[]> {
  const driver = 'driver' in db ? db.driver : (db as EntityManager).connection.driver;
  const [query, values] = driver.escapeQueryWithParameters(sql, parameters);
  return db.query(query, values);
}

/** The PostgreSQL advisory lock that fact writers hold (an arbitrary constant: "conflict" in ASCII). */
const WRITE_LOCK_KEY = 0x636f6e666c696374n;

/**
 * Makes fact writes one at a time across every process and instance, at the start of a write
 * transaction: the importer and the mutations check natural keys and slugs before inserting, and
 * two instances doing that at once could both find a slug free (or both seed the same source at
 * first start). SQLite: its write lock, as BEGIN IMMEDIATE would take it (TypeORM begins
 * deferred; a transaction that has already read cannot wait for the lock, SQLite answers
 * SQLITE_BUSY at once, while one that asks first waits up to the busy timeout). PostgreSQL: a
 * transaction-scoped advisory lock, released at commit or rollback; reads never wait for it.
 */
export async function takeWriteLock(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') await manager.query('DELETE FROM audit_entry WHERE 0 = 1');
  else await manager.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY.toString()]);
}
