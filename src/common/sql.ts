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
 * Runs hand-written SQL with named parameters (`:name`, `:...list`) on either dialect: the
 * driver rewrites them into its own placeholders (`?` for SQLite, `$1` for PostgreSQL).
 */
export async function runSql<T>(db: DataSource | EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T[]> {
  const driver = 'driver' in db ? db.driver : (db as EntityManager).connection.driver;
  const [query, values] = driver.escapeQueryWithParameters(sql, parameters);
  return db.query(query, values);
}

/**
 * Takes SQLite's write lock at the start of a transaction, as BEGIN IMMEDIATE would (TypeORM
 * begins deferred): a transaction that has already read cannot wait for the lock (SQLite answers
 * SQLITE_BUSY at once), one that asks for it first waits up to the busy timeout while another
 * connection or process writes. Does nothing on PostgreSQL.
 */
export async function takeWriteLock(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') await manager.query('DELETE FROM audit_entry WHERE 0 = 1');
}
