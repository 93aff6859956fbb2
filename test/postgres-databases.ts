import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The test databases of one `npm run test:pg` run on a PostgreSQL server: each test opens a new
 * one named after the run, and the run's global teardown drops them all.
 */
const prefix = () => `ce_test_${process.env.TEST_RUN_ID ?? 'adhoc'}_`;

/** Runs SQL on a PostgreSQL server (by default the test server's maintenance database). */
export async function postgresAdmin<T = unknown>(sql: string, url = process.env.TEST_POSTGRES_URL!): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new database of this run: empty, or a copy of one of its templates (`templateDatabase`). */
export async function createTestDatabase(template?: string): Promise<string> {
  const name = `${prefix()}${process.pid}_${randomBytes(4).toString('hex')}`;
  await postgresAdmin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return withDatabase(process.env.TEST_POSTGRES_URL!, name);
}

/**
 * This run's database `key` (made once by `build` on a new database, by whichever worker asks
 * first, under an advisory lock so the others wait for it), for `createTestDatabase` to copy:
 * PostgreSQL copies a database's files, which costs far less than migrating and seeding one.
 */
export async function templateDatabase(key: string, build: (url: string) => Promise<void>): Promise<string> {
  const name = `${prefix()}template_${key}`;
  const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL! });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      // Built under another name and renamed when done: a build that fails leaves no half-made template.
      const building = `${name}_building_${process.pid}`;
      await client.query(`CREATE DATABASE ${building}`);
      await build(withDatabase(process.env.TEST_POSTGRES_URL!, building));
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await client.end();
  }
  return name;
}

/** Jest globalSetup: names this run. */
export async function setup(): Promise<void> {
  process.env.TEST_RUN_ID ??= randomBytes(3).toString('hex');
}

/** Jest globalTeardown: drops this run's databases (connections still open are ended). */
export async function teardown(): Promise<void> {
  if (!process.env.TEST_POSTGRES_URL) return;
  const databases = await postgresAdmin<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix()}%'`);
  for (const { datname } of databases) await postgresAdmin(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}
