import type { DataSource } from 'typeorm';

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
  prepare(sql: string): { run(...values: unknown[]): unknown; get(...values: unknown[]): unknown };
  transaction<T extends (...args: never[]) => unknown>(fn: T): T;
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

export function createBulkWriter(dataSource: DataSource): BulkWriter {
  if (dataSource.options.type === 'postgres') return new PostgresBulkWriter(dataSource);
  const handle = (dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
  return new SqliteBulkWriter(handle);
}
