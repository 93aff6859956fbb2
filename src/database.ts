import { constants as fsConstants, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Mutex } from 'async-mutex';
import { DataSource, type DataSourceOptions, type EntityManager, type Logger, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { ReadPool } from './common/database/read-pool';
import { DatabaseUnavailableError } from './common/errors';
import { takeWriteLock } from './common/sql';
import { sqliteMigrations } from './migrations';

/** A write transaction opened by `Database.begin`: commit or roll back exactly once (later calls do nothing). */
export interface HeldTransaction {
  readonly runner: QueryRunner;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  readonly open: boolean;
}

/** The database could not be opened or written; the message names where. */
export class DatabaseOpenError extends Error {}

/** Where the database is, for messages: the SQLite file, or the PostgreSQL URL without its password. */
function describe(options: DataSourceOptions, url: string | undefined): string {
  if (options.type === 'better-sqlite3') return String(options.database);
  const shown = new URL(url!);
  shown.password = '';
  return shown.toString();
}

export interface OpenOptions {
  logger?: Logger;
  /**
   * Apply pending migrations. The embedded SQLite default always does (it has one user); a
   * PostgreSQL database shared by several instances is migrated once, by `npm run migrate`,
   * and refuses to open while its schema is behind.
   */
  migrate?: boolean;
}

/** Opens the database and checks its schema is current; fails with one readable line. */
export async function openDatabase(url: string | undefined, { logger, migrate = false }: OpenOptions = {}): Promise<DataSource> {
  let options: DataSourceOptions;
  try {
    options = dataSourceOptions(url, logger);
  } catch (error) {
    throw new DatabaseOpenError((error as Error).message);
  }
  const where = describe(options, url);
  const dataSource = new DataSource(options);
  try {
    await dataSource.initialize();
    await checkWritable(dataSource, where);
    const migrates = migrate || dataSource.options.type === 'better-sqlite3';
    if (migrates) await adoptSynchronizedSchema(dataSource);
    if (await dataSource.showMigrations()) {
      if (!migrates) {
        throw new DatabaseOpenError(`the database at ${where} has migrations pending: run \`npm run migrate\` first`);
      }
      await dataSource.runMigrations(); // one transaction each (migrationsTransactionMode)
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    if (error instanceof DatabaseOpenError) throw error;
    const reason = (error as Error).message.split('\n')[0];
    throw new DatabaseOpenError(`cannot open database at ${where}: ${reason}`);
  }
  return dataSource;
}

/**
 * SQLite: a write proves the file is writable, not just readable. PostgreSQL: DATABASE_URL must
 * be the primary, not a standby or a read-only server (several instances may start at once, so
 * nothing is written here).
 */
async function checkWritable(dataSource: DataSource, where: string): Promise<void> {
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.query('CREATE TABLE IF NOT EXISTS _write_check (x INTEGER)');
    await dataSource.query('DROP TABLE _write_check');
    return;
  }
  const [server] = await dataSource.query(`SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') AS read_only`);
  if (server.standby || server.read_only === 'on') {
    throw new DatabaseOpenError(`the database at ${where} is read-only (a replica?): DATABASE_URL must be the primary; replicas go in DATABASE_REPLICA_URLS`);
  }
}

/**
 * Databases made before migrations existed were created by TypeORM's synchronize. When such a
 * database has exactly the schema of the first migration, that migration is recorded as
 * applied (the later, idempotent ones then run as usual); otherwise opening fails rather than
 * guessing.
 */
async function adoptSynchronizedSchema(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner('master');
  try {
    if ((await runner.hasTable('migrations')) || !(await runner.hasTable('party'))) return;
    // Compared with the entities of the first migration's tables only: later migrations add the rest.
    const firstEra = new DataSource({ ...dataSource.options, entities: await firstMigrationEntities(dataSource) } as DataSourceOptions);
    await firstEra.initialize();
    const pending = await firstEra.driver
      .createSchemaBuilder()
      .log()
      .finally(() => firstEra.destroy());
    if (pending.upQueries.length) {
      throw new DatabaseOpenError(
        'the database was created by an older version without migrations and its schema differs from the first migration; export its data and start from an empty database',
      );
    }
    await dataSource.showMigrations(); // creates the migrations table
    const [first] = dataSource.migrations;
    const timestamp = Number(first.name!.slice(-13));
    await runner.query(`INSERT INTO migrations (timestamp, name) VALUES (${timestamp}, '${first.name}')`);
  } finally {
    await runner.release();
  }
}

/**
 * The tables the first migration creates (the same in both dialects), read by running it on an
 * empty in-memory SQLite database: a database made before migrations existed has exactly these.
 */
export async function firstMigrationTables(): Promise<Set<string>> {
  const memory = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
  await memory.initialize();
  try {
    const runner = memory.createQueryRunner();
    await new (sqliteMigrations[0] as new () => { up(runner: unknown): Promise<void> })().up(runner);
    const rows: { name: string }[] = await memory.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    return new Set(rows.map((row) => row.name));
  } finally {
    await memory.destroy();
  }
}

/** The entities of an initialized DataSource whose tables the first migration creates: what a database made before migrations holds. */
export async function firstMigrationEntities(dataSource: DataSource): Promise<Function[]> {
  const firstTables = await firstMigrationTables();
  return dataSource.entityMetadatas.filter((m) => firstTables.has(m.tableName)).map((m) => m.target as Function);
}

/** The SQLite file can be read and written, and so can its directory (for the WAL and journal files). */
async function assertReadableAndWritable(file: string): Promise<void> {
  await fs.access(file, fsConstants.R_OK | fsConstants.W_OK);
  await fs.access(path.dirname(file), fsConstants.W_OK);
}

export type DatabaseState = 'available' | 'unavailable';

export interface AttachOptions {
  /** SQLite: worker processes for long reads (READ_WORKERS); an in-memory database has none. */
  readWorkers?: number;
}

/**
 * The database as the server uses it, one write transaction at a time per process. SQLite: reads
 * on one connection, writes on a second one; in WAL mode readers never see a write before it
 * commits (nor one that rolls back), and the busy timeout lets another process (the import CLI)
 * write too. PostgreSQL: TypeORM's pools, one for the primary and one per read replica. The
 * database is checked regularly: while it is missing, unreadable or read-only (on PostgreSQL: the
 * primary or a replica does not answer) it is `unavailable` (requests get SERVICE_UNAVAILABLE,
 * /readyz 503); SQLite's connections are then closed and reopened once the file is back, the
 * PostgreSQL pools reconnect by themselves. A SQLite file also gets a ReadPool for long reads,
 * which follows the same states: its workers are killed when the database goes unavailable, and
 * new ones open the file that is there once it is back.
 */
export class Database {
  private state: DatabaseState = 'available';
  private reason: string | null = null;
  private readonly writeLock = new Mutex();
  private checking: Promise<DatabaseState> | null = null;
  private monitor: NodeJS.Timeout | null = null;
  private inode: number | null = null;

  private constructor(
    /** Reads (and the schema); the DataSource the caller opened. */
    readonly reader: DataSource,
    /** Write transactions; a second connection to the same SQLite file (the same pool on PostgreSQL). */
    readonly writer: DataSource,
    private readonly file: string | null,
    private readonly logger?: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
    /** SQLite's worker processes for long reads (null on PostgreSQL and in memory). */
    readonly readPool: ReadPool | null = null,
  ) {}

  /** Adds the write connection (and on SQLite the read pool) to an opened database. */
  static async attach(reader: DataSource, logger?: Database['logger'], { readWorkers = 2 }: AttachOptions = {}): Promise<Database> {
    const options = reader.options;
    const file = options.type === 'better-sqlite3' && options.database !== ':memory:' ? String(options.database) : null;
    if (!file) return new Database(reader, reader, null, logger);
    // The file exists by now: reopening must never create an empty one in its place.
    reader.setOptions({ fileMustExist: true } as never);
    const writer = new DataSource({ ...options, fileMustExist: true } as DataSourceOptions);
    await writer.initialize();
    const database = new Database(reader, writer, file, logger, new ReadPool(file, readWorkers));
    database.inode = statSync(file).ino;
    return database;
  }

  get available(): boolean {
    return this.state === 'available';
  }

  /** The SQLite file (null on PostgreSQL and in memory). */
  get sqliteFile(): string | null {
    return this.file;
  }

  /** Why the database is unavailable (for logs and /readyz), or null. */
  get unavailableReason(): string | null {
    return this.reason;
  }

  /** Called after each write transaction of this process commits (the change feed's subscriptions on SQLite look for new changes then). */
  readonly committed = new Set<() => void>();

  private afterCommit(): void {
    for (const listener of this.committed) listener();
  }

  /** Runs `work` in one write transaction, after any other write has finished; all or nothing. */
  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.available) throw new DatabaseUnavailableError();
    const result = await this.writeLock.runExclusive(async () => {
      if (!this.available || !this.writer.isInitialized) throw new DatabaseUnavailableError();
      return this.writer.transaction(async (manager) => {
        await takeWriteLock(manager);
        return work(manager);
      });
    });
    this.afterCommit();
    return result;
  }

  /**
   * Opens a write transaction that the caller ends, holding the write lock (this process's and
   * the database's) until then: a mutation operation's fields all write in it (see
   * src/common/writes/mutation-session.ts). Gives up when `signal` aborts while it waits.
   */
  async begin(signal?: AbortSignal): Promise<HeldTransaction> {
    if (!this.available) throw new DatabaseUnavailableError();
    const release = await this.writeLock.acquire();
    let runner: QueryRunner | null = null;
    try {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (!this.available || !this.writer.isInitialized) throw new DatabaseUnavailableError();
      runner = this.writer.createQueryRunner('master');
      await runner.connect();
      await runner.startTransaction();
      await takeWriteLock(runner.manager);
    } catch (error) {
      if (runner?.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner?.release().catch(() => undefined);
      release();
      throw error;
    }
    const held = runner;
    let open = true;
    const end = async (how: 'commit' | 'rollback') => {
      if (!open) return;
      open = false;
      try {
        if (how === 'commit') {
          await held.commitTransaction();
          this.afterCommit();
        } else if (held.isTransactionActive) await held.rollbackTransaction();
      } catch (error) {
        if (held.isTransactionActive) await held.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        await held.release().catch(() => undefined);
        release();
      }
    };
    return {
      runner: held,
      commit: () => end('commit'),
      rollback: () => end('rollback'),
      get open() {
        return open;
      },
    };
  }

  /** Checks the database now (at most one check at a time); reopens it when it has come back. */
  check(): Promise<DatabaseState> {
    this.checking ??= (this.available ? this.probe() : this.reopen()).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** Checks every `intervalMs` (the timer does not keep the process alive). */
  startMonitor(intervalMs: number): void {
    this.monitor ??= setInterval(() => void this.check().catch(() => undefined), intervalMs).unref();
  }

  /** Stops the monitor, the read pool's workers and the write connection (the caller closes the reader it opened). */
  async close(): Promise<void> {
    if (this.monitor) clearInterval(this.monitor);
    this.monitor = null;
    await this.checking?.catch(() => undefined);
    await this.readPool?.close();
    if (this.writer !== this.reader && this.writer.isInitialized) await this.writeLock.runExclusive(() => this.writer.destroy());
  }

  private async probe(): Promise<DatabaseState> {
    try {
      if (this.file) {
        const stat = await fs.stat(this.file);
        if (this.inode !== null && stat.ino !== this.inode) throw new Error('the database file was replaced');
        await assertReadableAndWritable(this.file);
      }
      await this.ping();
      return this.state;
    } catch (error) {
      await this.markUnavailable(error as Error);
      return this.state;
    }
  }

  /** The database server answers, and so does every read replica (reads go to any of them at random). */
  private async ping(): Promise<void> {
    await this.reader.query('SELECT 1');
    const replicas: { query(sql: string): Promise<unknown> }[] = (this.reader.driver as { slaves?: [] }).slaves ?? [];
    await Promise.all(
      replicas.map((pool, i) =>
        pool.query('SELECT 1').catch((error: Error) => {
          throw new Error(`read replica ${i + 1} does not answer: ${error.message}`);
        }),
      ),
    );
  }

  private async markUnavailable(error: Error): Promise<void> {
    if (!this.available) return;
    this.state = 'unavailable';
    this.reason = error.message.split('\n')[0];
    this.logger?.error({ reason: this.reason }, 'database unavailable; retrying');
    if (!this.file) return; // PostgreSQL: the pool reconnects by itself; probe() notices when it answers again.
    // Closing makes every further query fail fast, and lets the file be reopened when it returns.
    await this.closeConnections();
  }

  /** SQLite: closes both connections (after any write in progress) and stops the read workers. */
  private async closeConnections(): Promise<void> {
    this.readPool?.suspend();
    await this.writeLock.runExclusive(async () => {
      if (this.writer.isInitialized) await this.writer.destroy().catch(() => undefined);
    });
    if (this.reader.isInitialized) await this.reader.destroy().catch(() => undefined);
  }

  private async reopen(): Promise<DatabaseState> {
    try {
      if (this.file) {
        await assertReadableAndWritable(this.file);
        if (!this.reader.isInitialized) await this.reader.initialize();
        await checkWritable(this.reader, this.file);
        if (!this.writer.isInitialized) await this.writer.initialize();
        this.inode = (await fs.stat(this.file)).ino;
        this.readPool?.resume();
      } else {
        await this.ping();
      }
      this.state = 'available';
      this.logger?.info({ was: this.reason }, 'database available again');
      this.reason = null;
    } catch {
      if (this.file) await this.closeConnections();
    }
    return this.state;
  }
}
