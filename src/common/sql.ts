import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs hand-written SQL with named parameters (`:name`, `:...list`) on either dialect: the
 * driver rewrites them into its own placeholders (`?` for SQLite, `$1` for PostgreSQL).
 */
export async function runSql<T>(db: DataSource | EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T[]> {
  const driver = 'driver' in db ? db.driver : (db as EntityManager).connection.driver;
  const [query, values] = driver.escapeQueryWithParameters(sql, parameters);
  return db.query(query, values);
}
