import { factTypes } from '../../facts';
import { existingTables, postgresTriggerNames, type SqlRunner } from '../sql';
import { CORE_COUNTED, datedRowCountName, hasCountedRows, type CountedTable } from './counted-rows';

/**
 * Exact row counts kept by triggers, so the `totalCount` of an unfiltered connection is one
 * lookup instead of a scan that grows with the store (a COUNT over 100,000 companies takes
 * ~3 ms, longer than the rest of a page). They live in the database, so every process and
 * instance sees the same numbers. Filtered connections still COUNT, over their index.
 * Everything dialect-specific about them is in this file.
 */
const COUNTED: CountedTable[] = [
  ...CORE_COUNTED,
  ...factTypes.filter((fact) => hasCountedRows(fact.entity)).map(({ table }) => ({ table })),
  // The timeline's unbounded totalCount: every dated fact table's rows with a date.
  ...factTypes.filter((fact) => fact.timeline).map(({ table, timeline }) => ({ table, nonNull: timeline!.date })),
];

/** SQL for the row_count name a row of a counted table adds to (`row` is NEW or OLD). */
const countName = ({ table, by, nonNull }: CountedTable, row: 'NEW' | 'OLD') =>
  nonNull ? `'${datedRowCountName(table)}'` : by ? `'${table}:' || ${row}.${by}` : `'${table}'`;

/** The name of a count's triggers (and PostgreSQL function). */
const triggerName = ({ table, nonNull }: CountedTable) => (nonNull ? `row_count_${table}_dated` : `row_count_${table}`);

/**
 * Creates the counts table and its triggers when missing, then recounts, all in the caller's
 * transaction (on SQLite the triggers are dropped whenever a schema change rebuilds a table).
 */
export async function installRowCounts(runner: SqlRunner): Promise<void> {
  await runner.query('CREATE TABLE IF NOT EXISTS row_count (name varchar PRIMARY KEY NOT NULL, n integer NOT NULL)');
  const tables = await existingTables(runner);
  const counted = COUNTED.filter((c) => tables.has(c.table));
  if (runner.connection.options.type === 'postgres') await installPostgresTriggers(runner, counted);
  else await installSqliteTriggers(runner, counted);
  await runner.query('DELETE FROM row_count');
  for (const counted of COUNTED.filter((c) => tables.has(c.table))) await runner.query(`INSERT INTO row_count (name, n) ${recountSql(counted)}`);
}

/** `SELECT name, n`: what a counted table's row_count rows should say, counted now. */
const recountSql = ({ table, by, nonNull }: CountedTable) =>
  nonNull
    ? `SELECT '${datedRowCountName(table)}' AS name, COUNT(*) AS n FROM "${table}" WHERE "${nonNull}" IS NOT NULL`
    : by
      ? `SELECT '${table}:' || ${by} AS name, COUNT(*) AS n FROM "${table}" GROUP BY ${by}`
      : `SELECT '${table}' AS name, COUNT(*) AS n FROM "${table}"`;

/**
 * The row_count rows that disagree with the tables they count (empty when all agree): a check
 * of a restored or copied database, whose triggers must have kept every count exact.
 */
export async function rowCountMismatches(runner: SqlRunner): Promise<{ name: string; stored: number; counted: number }[]> {
  const tables = await existingTables(runner);
  if (!tables.has('row_count')) return [];
  const stored = new Map<string, number>();
  for (const row of await runner.query('SELECT name, n FROM row_count')) if (Number(row.n) !== 0) stored.set(row.name, Number(row.n));
  const counted = new Map<string, number>();
  for (const c of COUNTED.filter((c) => tables.has(c.table))) for (const row of await runner.query(recountSql(c))) counted.set(row.name, Number(row.n));
  const names = new Set([...stored.keys(), ...counted.keys()]);
  return [...names]
    .map((name) => ({ name, stored: stored.get(name) ?? 0, counted: counted.get(name) ?? 0 }))
    .filter((row) => row.stored !== row.counted)
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function installSqliteTriggers(runner: SqlRunner, tables: typeof COUNTED): Promise<void> {
  const statements: string[] = [];
  for (const counted of tables) {
    const name = triggerName(counted);
    const { nonNull: column } = counted;
    const when = (row: 'NEW' | 'OLD') => (column ? ` WHEN ${row}."${column}" IS NOT NULL` : '');
    statements.push(
      `CREATE TRIGGER IF NOT EXISTS ${name}_insert AFTER INSERT ON "${counted.table}"${when('NEW')} BEGIN
         INSERT INTO row_count (name, n) VALUES (${countName(counted, 'NEW')}, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
       END`,
      `CREATE TRIGGER IF NOT EXISTS ${name}_delete AFTER DELETE ON "${counted.table}"${when('OLD')} BEGIN
         UPDATE row_count SET n = n - 1 WHERE name = ${countName(counted, 'OLD')};
       END`,
    );
    // A row counted while its column is not null enters or leaves the count when an update sets or clears it.
    if (column) {
      statements.push(
        `CREATE TRIGGER IF NOT EXISTS ${name}_update AFTER UPDATE OF "${column}" ON "${counted.table}"
         WHEN (OLD."${column}" IS NULL) <> (NEW."${column}" IS NULL) BEGIN
           INSERT INTO row_count (name, n) VALUES (${countName(counted, 'NEW')}, 1)
             ON CONFLICT (name) DO UPDATE SET n = n + CASE WHEN NEW."${column}" IS NULL THEN -1 ELSE 1 END;
         END`,
      );
    }
  }
  for (const sql of statements) await runner.query(sql);
}

/**
 * Every writer of row_count takes this lock first, so transactions update counts one at a time.
 * It conflicts with itself and with plain INSERT/UPDATE/DELETE, not with reads. Without it two
 * transactions could each hold one count row and wait for the other's (one inserts a company then
 * a person, the other a person then a company): a deadlock, which PostgreSQL resolves by failing one.
 */
const LOCK_COUNTS = 'LOCK TABLE row_count IN SHARE ROW EXCLUSIVE MODE';

/**
 * PostgreSQL: a constraint trigger per counted table, deferred to the end of the writing
 * transaction. So counts are updated when the transaction commits, after every other lock it takes,
 * and held only until then: a transaction waiting for the counts lock holds none that the lock's
 * holder, already committing, could still need.
 */
async function installPostgresTriggers(runner: SqlRunner, tables: typeof COUNTED): Promise<void> {
  const existing = await postgresTriggerNames(runner);
  for (const counted of tables) {
    const name = triggerName(counted);
    const { nonNull: column } = counted;
    const has = (row: 'NEW' | 'OLD') => (column ? `${row}."${column}" IS NOT NULL` : 'TRUE');
    await runner.query(
      `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE delta integer := 0;
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') AND ${has('NEW')} THEN delta := delta + 1; END IF;
         IF TG_OP IN ('DELETE', 'UPDATE') AND ${has('OLD')} THEN delta := delta - 1; END IF;
         IF delta = 0 THEN RETURN NULL; END IF;
         ${LOCK_COUNTS};
         IF delta > 0 THEN
           INSERT INTO row_count (name, n) VALUES (${countName(counted, 'NEW')}, 1) ON CONFLICT (name) DO UPDATE SET n = row_count.n + 1;
         ELSE
           UPDATE row_count SET n = n - 1 WHERE name = ${countName(counted, 'OLD')};
         END IF;
         RETURN NULL;
       END $$`,
    );
    if (!existing.has(name)) {
      // A count of the rows whose column is not null also follows updates of that column.
      const events = column ? `INSERT OR DELETE OR UPDATE OF "${column}"` : 'INSERT OR DELETE';
      await runner.query(
        `CREATE CONSTRAINT TRIGGER ${name} AFTER ${events} ON "${counted.table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}()`,
      );
    }
  }
  // Taken after the triggers' DDL, which waits for the writers of a counted table to finish: they need this lock to commit.
  await runner.query(LOCK_COUNTS);
}

/** Removes the counts of dated rows and their triggers (the rest of the counts stay). */
export async function dropDatedRowCounts(runner: SqlRunner): Promise<void> {
  await dropTriggers(
    runner,
    COUNTED.filter((c) => c.nonNull),
  );
  if ((await existingTables(runner)).has('row_count')) {
    for (const { table } of COUNTED.filter((c) => c.nonNull)) await runner.query(`DELETE FROM row_count WHERE name = '${datedRowCountName(table)}'`);
  }
}

async function dropTriggers(runner: SqlRunner, counts: readonly CountedTable[]): Promise<void> {
  const sqlite = runner.connection.options.type === 'better-sqlite3';
  const existing = await existingTables(runner);
  for (const counted of counts) {
    const { table } = counted;
    const name = triggerName(counted);
    if (sqlite) {
      for (const event of ['insert', 'delete', 'update']) await runner.query(`DROP TRIGGER IF EXISTS ${name}_${event}`);
    } else {
      if (existing.has(table)) await runner.query(`DROP TRIGGER IF EXISTS ${name} ON "${table}"`);
      await runner.query(`DROP FUNCTION IF EXISTS ${name}()`);
    }
  }
}

/** Removes the counts table and its triggers (the reverse of `installRowCounts`). */
export async function dropRowCounts(runner: SqlRunner): Promise<void> {
  await dropTriggers(runner, COUNTED);
  await runner.query('DROP TABLE IF EXISTS row_count');
}
