import type { SqlRunner } from '../sql';

/**
 * Exact row counts kept by triggers, so the `totalCount` of an unfiltered connection is one
 * lookup instead of a scan that grows with the store (a COUNT over 100,000 companies takes
 * ~3 ms, longer than the rest of a page). They live in the database, so every process and
 * instance sees the same numbers. Filtered connections still COUNT, over their index.
 */
const COUNTED: { table: string; by?: string }[] = [
  { table: 'party', by: 'party_type' },
  { table: 'lawsuit' },
  { table: 'sanction' },
  { table: 'source' },
];

/** The row_count name of a table, or of one discriminator value of it. */
export function rowCountName(table: string, discriminator?: string): string | null {
  const counted = COUNTED.find((c) => c.table === table);
  if (!counted || Boolean(counted.by) !== (discriminator !== undefined)) return null;
  return discriminator === undefined ? table : `${table}:${discriminator}`;
}

/**
 * Creates the counts table and its triggers when missing, then recounts (in the caller's transaction)
 * (the triggers are dropped whenever a schema change rebuilds a table). SQLite only for now;
 * on PostgreSQL counts are plain COUNTs.
 */
export async function installRowCounts(runner: SqlRunner): Promise<void> {
  if (runner.connection.options.type !== 'better-sqlite3') return;
  const statements = ['CREATE TABLE IF NOT EXISTS row_count (name VARCHAR PRIMARY KEY NOT NULL, n INTEGER NOT NULL)'];
  for (const { table, by } of COUNTED) {
    const name = (row: 'NEW' | 'OLD') => (by ? `'${table}:' || ${row}.${by}` : `'${table}'`);
    statements.push(
      `CREATE TRIGGER IF NOT EXISTS row_count_${table}_insert AFTER INSERT ON "${table}" BEGIN
         INSERT INTO row_count (name, n) VALUES (${name('NEW')}, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
       END`,
      `CREATE TRIGGER IF NOT EXISTS row_count_${table}_delete AFTER DELETE ON "${table}" BEGIN
         UPDATE row_count SET n = n - 1 WHERE name = ${name('OLD')};
       END`,
    );
  }
  for (const sql of statements) await runner.query(sql);
  await runner.query('DELETE FROM row_count');
  for (const { table, by } of COUNTED) {
    await runner.query(
      by
        ? `INSERT INTO row_count (name, n) SELECT '${table}:' || ${by}, COUNT(*) FROM "${table}" GROUP BY ${by}`
        : `INSERT INTO row_count (name, n) SELECT '${table}', COUNT(*) FROM "${table}"`,
    );
  }
}

/** Removes the counts table and its triggers (the reverse of `installRowCounts`). */
export async function dropRowCounts(runner: SqlRunner): Promise<void> {
  if (runner.connection.options.type !== 'better-sqlite3') return;
  for (const { table } of COUNTED) {
    for (const event of ['insert', 'delete']) await runner.query(`DROP TRIGGER IF EXISTS row_count_${table}_${event}`);
  }
  await runner.query('DROP TABLE IF EXISTS row_count');
}
