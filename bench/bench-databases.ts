import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { openDatabase } from '../src/database';
import { postgresMigrations, sqliteMigrations } from '../src/migrations';
import { seedSyntheticDatabase } from '../seeds/synthetic/seed-synthetic-database';
import { DEFAULT_SYNTHETIC_SEED } from '../seeds/synthetic/synthetic-graph';
import { acquirePostgresServer } from './postgres-server';

export type BenchDialect = 'sqlite' | 'postgres';

/** The synthetic databases of one benchmark run, one per scale, all on one kind of database. */
export interface BenchDatabases {
  readonly dialect: BenchDialect;
  /** For the results: the database's version and where it runs. */
  readonly description: string;
  /** The DATABASE_URL of a complete synthetic database of `companies`, loading it first if needed. */
  prepare(companies: number): Promise<string>;
  /** Removes whatever the run started (a throwaway PostgreSQL cluster); synchronous, for process exit. */
  release(): void;
}

/**
 * Opens a benchmark database and brings its schema up to date: every database the benchmark
 * itself opens goes through here, so how schemas are brought up to date is decided in one place.
 */
export function openBenchDatabase(url: string, logger?: Logger): Promise<DataSource> {
  return openDatabase(url, { logger, migrate: true });
}

export async function openBenchDatabases(dialect: BenchDialect, root: string): Promise<BenchDatabases> {
  return dialect === 'postgres' ? postgresDatabases(root) : sqliteDatabases(root);
}

/**
 * What a loaded database depends on, as 12 hex digits: the generator and the seed documents (their
 * sources, or the compiled files when the sources are not there) and the dialect's migrations. A
 * database loaded under another hash is loaded again, so a cached one is only reused while it is
 * what this build would load.
 */
export function generatorHash(root: string, dialect: BenchDialect): string {
  const hash = createHash('sha256');
  const seeds = path.join(root, 'seeds');
  const files = [
    ...readdirSync(seeds).filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith('.test.ts')),
    ...readdirSync(path.join(seeds, 'synthetic'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `synthetic/${f}`),
  ].sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(seeds, file)))
      .update('\0');
  for (const migration of dialect === 'postgres' ? postgresMigrations : sqliteMigrations) hash.update(`${migration.name}\0`);
  return hash.digest('hex').slice(0, 12);
}

/** Where the SQLite files go: BENCH_DATA_DIR (a 1,000,000-company file takes 3 GB), or bench/data. */
const dataDir = (root: string) => path.resolve(process.env.BENCH_DATA_DIR || path.join(root, 'bench/data'));

async function seed(url: string, companies: number): Promise<void> {
  const dataSource = await openBenchDatabase(url);
  try {
    await seedSyntheticDatabase(dataSource, { companies, seed: DEFAULT_SYNTHETIC_SEED });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * SQLite: one file per scale (`synthetic-N-HASH.sqlite`, see generatorHash), kept across runs; it
 * gets its final name only once loaded, so a file there is complete. Files of the same scale under
 * another hash are removed when the new one is loaded.
 */
function sqliteDatabases(root: string): BenchDatabases {
  const version = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const hash = generatorHash(root, 'sqlite');
  const dir = dataDir(root);
  return {
    dialect: 'sqlite',
    description: `SQLite ${version} (one file per scale, WAL; generator and migrations ${hash})`,
    async prepare(companies) {
      const file = path.join(dir, `synthetic-${companies}-${hash}.sqlite`);
      if (existsSync(file)) {
        process.stdout.write(`${path.basename(file)}: already loaded, kept\n`);
      } else {
        const loading = `${file}.loading`;
        mkdirSync(dir, { recursive: true });
        for (const leftover of [loading, `${loading}-wal`, `${loading}-shm`, `${loading}-journal`]) rmSync(leftover, { force: true });
        // Closing the database checkpoints its WAL into the file, so the one file is the whole database.
        await seed(`sqlite:${loading}`, companies);
        renameSync(loading, file);
        const stale = new RegExp(`^synthetic-${companies}(-[0-9a-f]{12})?\\.sqlite(-wal|-shm)?$`);
        for (const old of readdirSync(dir)) if (stale.test(old) && !old.startsWith(path.basename(file))) rmSync(path.join(dir, old), { force: true });
      }
      return `sqlite:${file}`;
    },
    release: () => undefined,
  };
}

/**
 * PostgreSQL: a database per scale (bench_N). A database whose comment says it was loaded
 * completely, with the same scale and generator seed, is kept; any other is dropped and loaded again.
 */
async function postgresDatabases(root: string): Promise<BenchDatabases> {
  const server = await acquirePostgresServer(root);
  const hash = generatorHash(root, 'postgres');
  return {
    dialect: 'postgres',
    description: server.description,
    async prepare(companies) {
      const name = `bench_${companies}`;
      const complete = `conflict-explorer benchmark: synthetic graph of ${companies} companies, seed ${DEFAULT_SYNTHETIC_SEED}, generator and migrations ${hash}, loaded completely`;
      const url = new URL(server.adminUrl);
      url.pathname = `/${name}`;
      const admin = new Client({ connectionString: server.adminUrl });
      await admin.connect();
      try {
        const [found] = (await admin.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name])).rows;
        if (found?.comment === complete) {
          process.stdout.write(`${name}: already loaded, kept\n`);
          return url.href;
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);
        await seed(url.href, companies);
        await admin.query(`COMMENT ON DATABASE ${name} IS '${complete}'`);
        return url.href;
      } finally {
        await admin.end();
      }
    },
    release: () => server.stop(),
  };
}
