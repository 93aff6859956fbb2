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

export async function createTestDatabase(): Promise<string> {
  const name = `${prefix()}${process.pid}_${randomBytes(4).toString('hex')}`;
  await postgresAdmin(`CREATE DATABASE ${name}`);
  return withDatabase(process.env.TEST_POSTGRES_URL!, name);
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
