import type { DataSource } from 'typeorm';
import type { SqlRunner } from '../../src/common/sql';

export type Row = (string | number | null)[];

/**
 * Inserts many rows fast: prepared statements in large transactions. This is the one place
 * that knows how the synthetic loader talks to each database.
 */
export interface BulkWriter {
  /** Highest id in a table, so new rows can be given ids (and referenced) before they are written. */
  maxId(table: string): Promise<number>;
  insert(table: string, columns: string[], rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

interface SqliteHandle {
  prepare(sql: string): { run(...values: unknown[]): unknown; get(...values: unknown[]): unknown; all(...values: unknown[]): unknown[] };
  transaction<T extends (...args: never[]) => unknown>(fn: T): T;
  exec(sql: string): unknown;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  readonly inTransaction: boolean;
}

class SqliteBulkWriter implements BulkWriter {
  private readonly statements = new Map<string, { run(...values: unknown[]): unknown }>();

  constructor(private readonly db: SqliteHandle) {}

  async maxId(table: string) {
    const row = this.db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM "${table}"`).get() as { id: number };
    return row.id;
  }

  async insert(table: string, columns: string[], rows: Row[]) {
    const key = `${table}(${columns.join(',')})`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      this.statements.set(key, statement);
    }
    const insert = statement;
    // Inside a bulk load's one transaction (startBulkLoad) the rows go straight in; otherwise one transaction per batch.
    if (this.db.inTransaction) for (const row of rows) insert.run(...row);
    else
      this.db.transaction((batch: Row[]) => {
        for (const row of batch) insert.run(...row);
      })(rows as never);
  }

  async close() {}
}

class PostgresBulkWriter implements BulkWriter {
  constructor(private readonly dataSource: DataSource) {}

  async maxId(table: string) {
    const [row] = await this.dataSource.query(`SELECT COALESCE(MAX(id), 0) AS id FROM "${table}"`);
    return Number(row.id);
  }

  async insert(table: string, columns: string[], rows: Row[]) {
    // Multi-row INSERTs, kept under PostgreSQL's 65,535 parameters per statement.
    const perStatement = Math.floor(60000 / columns.length);
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
      await this.dataSource.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, chunk.flat());
    }
  }

  async close() {
    // Explicit ids bypassed the sequences; move them past the rows just written.
    const tables: { table_name: string }[] = await this.dataSource.query(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'id' AND table_schema = current_schema() AND column_default LIKE 'nextval%'`,
    );
    for (const { table_name } of tables) {
      await this.dataSource.query(`SELECT setval(pg_get_serial_sequence('"${table_name}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table_name}"), 1))`);
    }
  }
}

const sqliteHandle = (dataSource: DataSource) => (dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;

export function createBulkWriter(dataSource: DataSource): BulkWriter {
  if (dataSource.options.type === 'postgres') return new PostgresBulkWriter(dataSource);
  return new SqliteBulkWriter(sqliteHandle(dataSource));
}

export interface BulkLoadTimes {
  /** Writing the rows. */
  loadSeconds: number;
  /** Building the secondary indexes set aside for the load. */
  indexSeconds: number;
  /** `rebuild`: the derived tables (counts, search index) and their triggers. */
  rebuildSeconds: number;
}

/** The tables whose secondary indexes, and the triggers (by name prefix), a bulk load sets aside. */
interface SetAside {
  tables: readonly string[];
  triggerPrefixes: readonly string[];
}

/**
 * Loads `tables` in bulk: `load` writes the rows, then `rebuild` refills what triggers would have
 * kept (row counts, the search index) and creates those triggers again.
 *
 * SQLite: the tables' secondary indexes (not their UNIQUE constraints, which are part of the
 * tables) and the triggers named with `triggerPrefixes` are dropped first, and the indexes built
 * again at the end in one sorted pass each, rather than by a B-tree insertion per row. Everything
 * is one transaction, in rollback-journal mode with no fsync until the commit: appending to a
 * fresh file journals almost nothing, where WAL would write every page twice. A failure rolls
 * everything back. PostgreSQL: the same indexes (those behind no constraint) and triggers are
 * set aside; the writer's multi-row INSERTs commit as they go, so after a failure the indexes are
 * built again and `rebuild` runs all the same.
 */
export async function bulkLoad(
  dataSource: DataSource,
  setAside: SetAside,
  load: () => Promise<void>,
  rebuild: (runner: SqlRunner) => Promise<void>,
): Promise<BulkLoadTimes> {
  const started = performance.now();
  const seconds = (from: number) => (performance.now() - from) / 1000;
  if (dataSource.options.type !== 'better-sqlite3') return postgresBulkLoad(dataSource, setAside, load, rebuild);
  const { tables, triggerPrefixes } = setAside;
  const db = sqliteHandle(dataSource);
  const saved = ['journal_mode', 'synchronous', 'cache_size'].map((name) => [name, db.pragma(name, { simple: true })] as const);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288'); // 512 MB for the load
    db.exec('BEGIN IMMEDIATE');
    const list = tables.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');
    const schema = db
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (${list}) AND sql IS NOT NULL AND type IN ('index', 'trigger') ORDER BY type, name`)
      .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
    const indexes = schema.filter((s) => s.type === 'index');
    const triggers = schema.filter((s) => s.type === 'trigger' && triggerPrefixes.some((prefix) => s.name.startsWith(prefix)));
    for (const { type, name } of [...indexes, ...triggers]) db.exec(`DROP ${type.toUpperCase()} "${name.replace(/"/g, '""')}"`);
    await load();
    const loaded = performance.now();
    for (const { sql } of indexes) db.exec(sql);
    const indexed = performance.now();
    await rebuild(dataSource.manager);
    const missing = triggers.filter(({ name }) => !db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(name));
    if (missing.length) throw new Error(`the bulk load's rebuild did not create the triggers ${missing.map((t) => t.name).join(', ')} again`);
    db.exec('COMMIT');
    return { loadSeconds: (loaded - started) / 1000, indexSeconds: (indexed - loaded) / 1000, rebuildSeconds: seconds(indexed) };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    for (const [name, value] of saved) db.pragma(`${name} = ${value}`);
  }
}

async function postgresBulkLoad(
  dataSource: DataSource,
  { tables, triggerPrefixes }: SetAside,
  load: () => Promise<void>,
  rebuild: (runner: SqlRunner) => Promise<void>,
): Promise<BulkLoadTimes> {
  const started = performance.now();
  const indexes: { name: string; sql: string }[] = await dataSource.query(
    `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)`,
    [tables],
  );
  const triggers: { name: string; table: string }[] = (
    await dataSource.query(
      `SELECT t.tgname AS name, c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND c.relname = ANY($1)`,
      [tables],
    )
  ).filter((t: { name: string }) => triggerPrefixes.some((prefix) => t.name.startsWith(prefix)));
  for (const { name } of indexes) await dataSource.query(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  for (const { name, table } of triggers) await dataSource.query(`DROP TRIGGER "${name.replace(/"/g, '""')}" ON "${table.replace(/"/g, '""')}"`);
  let loaded = started;
  let indexed = started;
  try {
    await load();
  } finally {
    loaded = performance.now();
    for (const { sql } of indexes) await dataSource.query(sql.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
    indexed = performance.now();
    await dataSource.transaction((manager) => rebuild(manager));
  }
  return { loadSeconds: (loaded - started) / 1000, indexSeconds: (indexed - loaded) / 1000, rebuildSeconds: (performance.now() - indexed) / 1000 };
}
