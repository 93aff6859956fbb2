import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import pino from 'pino';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, Logger } from 'typeorm';
import { readConfig } from '../src/config';
import type { RequestOptions } from '../src/context';
import { openDatabase } from '../src/database';
import { createLogger, type Logger as AppLogger } from '../src/logger';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import type { Role } from '../src/common/role.enum';
import { createApp, type App, type AppOptions } from '../src/server/app';
import { seedAll } from '../seeds/seed-all';
import { createBulkWriter } from '../seeds/synthetic/bulk-writer';
import { writeSyntheticGraph } from '../seeds/synthetic/synthetic-graph';
import { createTestDatabase, templateDatabase } from './postgres-databases';

export const SEED_DOCUMENT_PATH = path.resolve(__dirname, '../seeds/2020-02-06-huawei-verizon.json');

/** The report's text as the repository carries it, in its seed document (every quote must be found in it verbatim). */
export function sourceText(): string {
  return (JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8')) as { source: { text: string } }).source.text;
}

export function tempSqliteUrl(): string {
  return `sqlite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-')), 'test.sqlite')}`;
}

/**
 * The PostgreSQL server of `npm run test:pg` (a URL where tests may create databases), or
 * undefined when the suite runs on SQLite.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;
export const onPostgres = TEST_POSTGRES_URL !== undefined;
/** `describe` for tests of one dialect's own behaviour (SQLite files, PostgreSQL servers). */
export const describeOnSqlite = onPostgres ? describe.skip : describe;
export const describeOnPostgres = onPostgres ? describe : describe.skip;

/**
 * `it` for a test that measures what patches/@apollo+server+5.5.1.patch changes; skipped in CI's run
 * with Apollo as published (APOLLO_UNPATCHED=1, .ci/run), where every other test must still pass.
 */
export const itWithApolloPatch = process.env.APOLLO_UNPATCHED === '1' ? it.skip : it;

/** A new empty database for one test: a temporary SQLite file, or a new PostgreSQL database. */
export async function freshDatabaseUrl(): Promise<string> {
  return onPostgres ? createTestDatabase() : tempSqliteUrl();
}

/** Opens a fresh test database with its migrations applied (as `npm run migrate` would). */
export async function openTestDatabase(options: { url?: string; logger?: Logger } = {}): Promise<DataSource> {
  return openDatabase(options.url ?? (await freshDatabaseUrl()), { logger: options.logger, migrate: true });
}

export interface TestServer {
  app: App;
  dataSource: DataSource;
  url: string;
  /** POSTs a GraphQL operation over real HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] }[];
}

/**
 * A new database holding the seed (and, when asked, that many synthetic companies on top), copied
 * from one such database made once per run: seeding is most of what starting a test server costs,
 * and a copy keeps each suite's database its own. On SQLite a file copied from the folder the global
 * setup names (at `url` when given: a file that does not exist yet); on PostgreSQL a database made
 * from a template database. Null where there is no such folder.
 */
async function seededCopy(syntheticCompanies = 0, at?: string): Promise<string | null> {
  const name = syntheticCompanies ? `seeded-synthetic-${syntheticCompanies}` : 'seeded';
  const fill = async (dataSource: DataSource) => {
    await seedAll(dataSource);
    // The synthetic graph is deterministic (a seeded generator): every copy holds the same rows.
    if (syntheticCompanies) await writeSyntheticGraph(createBulkWriter(dataSource), { companies: syntheticCompanies });
    await dataSource.destroy();
  };
  if (onPostgres) {
    const template = await templateDatabase(name.replaceAll('-', '_'), async (url) => fill(await openDatabase(url, { migrate: true })));
    return createTestDatabase(template);
  }
  const folder = process.env.CONFLICT_TEST_TEMPLATES;
  if (!folder) return null;
  const template = path.join(folder, `${name}.sqlite`);
  if (!existsSync(template)) {
    // Workers may make it at the same time: each writes its own file and renames it into place (atomic; the copies are equal).
    const own = path.join(folder, `${name}-${process.pid}.sqlite`);
    await fill(await openDatabase(`sqlite:${own}`, { migrate: true }));
    renameSync(own, template);
  }
  const url = at ?? tempSqliteUrl();
  copyFileSync(template, url.slice('sqlite:'.length));
  return url;
}

/** A test server's settings: these, over the defaults every test server has. */
function testEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Every test request comes from 127.0.0.1: no per-client budget or per-address socket cap unless a test sets one.
  const unlimited = { CLIENT_COST_BUDGET: 'off', MAX_CONNECTIONS: '10000', MAX_CONNECTIONS_PER_ADDRESS: '10000' };
  // Deadlines no loaded machine reaches (the default 10 s was, by a large import beside other suites;
  // drafting's 5 s by a report at a load average of 17), unless a test sets one.
  const patient = { REQUEST_TIMEOUT_MS: '120000', DRAFT_DEADLINE_MS: '60000' };
  // The server never closes an idle socket under a test's client: undici closes its own after 4 s,
  // but on a loaded machine its timer fires late, and a request could go out on a socket the server
  // is closing (ECONNRESET), as the shared server's did between two suites.
  const keepAlive = { KEEP_ALIVE_TIMEOUT_MS: '60000' };
  return { NODE_ENV: 'test', ...unlimited, ...patient, ...keepAlive, ...env };
}

/**
 * A seeded server on a fresh database, listening on a free port. `unseeded`: on a migrated database
 * without the seed, for a test whose point is not the data (every read then costs less).
 */
export async function startTestServer(
  options: {
    logger?: Logger;
    env?: NodeJS.ProcessEnv;
    appLogger?: AppLogger;
    url?: string;
    syntheticCompanies?: number;
    unseeded?: boolean;
    appOptions?: AppOptions;
  } = {},
): Promise<TestServer> {
  // A suite's own fresh SQLite file (from `freshDatabaseUrl`, passed for its path) gets the template's copy too.
  const fresh = options.url?.startsWith('sqlite:') && !existsSync(options.url.slice('sqlite:'.length));
  const copy = options.unseeded || (options.url && !fresh) ? null : await seededCopy(options.syntheticCompanies, options.url);
  const dataSource = await openTestDatabase(copy ? { ...options, url: copy } : options);
  if (!copy && !options.unseeded) await seedAll(dataSource);
  if (!copy && options.syntheticCompanies) {
    await writeSyntheticGraph(createBulkWriter(dataSource), { companies: options.syntheticCompanies });
  }
  // The health probe's SELECT 1 would be counted by a statement-counting logger (so would the webhook worker's polls).
  const probe = options.logger ? { DATABASE_CHECK_MS: '3600000', WEBHOOK_WORKER: 'off' } : {};
  const config = readConfig(testEnvironment({ ...probe, ...options.env }));
  const app = await createApp(dataSource, config, options.appLogger ?? createLogger('silent'), options.appOptions);
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    app,
    dataSource,
    url,
    gql: graphQLOver(url),
    async close() {
      await app.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** `TestServer.gql` for a server at this URL. */
function graphQLOver(url: string): TestServer['gql'] {
  return async (query, variables, headers = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
}

/**
 * What a Jest worker keeps across the suites it runs (test/support/worker-environment.js), or
 * undefined where a suite runs in another environment.
 */
function workerStore(): Map<string, unknown> | undefined {
  return (globalThis as { __conflictExplorerWorker?: Map<string, unknown> }).__conflictExplorerWorker;
}

/** Every table's row count, as one string: what a suite on the shared server must leave as it found it. */
async function rowCountsOf(dataSource: DataSource): Promise<string> {
  const tables: { name: string }[] = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const counts = await Promise.all(tables.map(async ({ name }) => `${name}=${(await dataSource.query(`SELECT COUNT(*) AS n FROM "${name}"`))[0].n}`));
  return counts.join(' ');
}

type StartShared = (database: () => Promise<string>, env: NodeJS.ProcessEnv) => Promise<Pick<TestServer, 'app' | 'dataSource' | 'url'>>;

/**
 * The seeded server (default settings) that the read-only suites of one Jest worker share: started
 * by the first suite that asks for it, on a copy of the seeded database, and reused by every later
 * suite of that worker instead of one server per suite. It is the built server (dist/), made
 * outside the suites' module registries (worker-environment.js says why), and closed when the
 * worker exits; its sockets do not keep a worker alive.
 *
 * For a suite that only reads, through HTTP, `execute` or SQL. A suite that writes (API keys
 * included), sets an environment or a logger, spies on a class or mixes in objects of its own
 * modules (the shared server's classes are dist/'s, not the suite's) uses `startTestServer`.
 * `close()` only releases it, and fails when the suite changed a table's row count.
 *
 * On PostgreSQL, or outside the integration tier's environment, each call starts a server of the
 * suite's own (closed by `close()`), so a suite is written the same way everywhere.
 */
export async function sharedTestServer(): Promise<TestServer> {
  const startShared = workerStore()?.get('sharedServer') as StartShared | undefined;
  if (onPostgres || !startShared) return startTestServer();
  const server = await startShared(async () => (await seededCopy())!, testEnvironment({}));
  const counts = await rowCountsOf(server.dataSource);
  return {
    ...server,
    gql: graphQLOver(server.url),
    async close() {
      const now = await rowCountsOf(server.dataSource);
      if (now !== counts) throw new Error(`a suite changed the shared server's data (use startTestServer for a suite that writes): ${counts} -> ${now}`);
    },
  };
}

/** Runs an operation in-process (no HTTP), with a fresh request context as the server builds it. */
export async function execute<T = any>(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const response = await server.app.apollo.executeOperation({ query, variables }, { contextValue: server.app.contextFor('test', options) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return { status: response.http.status ?? 200, ...(response.body.singleResult as object) } as GraphQLResponse<T>;
}

/** Creates an API key of this role in the server's database; returns the key itself. */
export async function createKey(server: TestServer, role: Role, name = `${role.toLowerCase()}-key`): Promise<string> {
  const { key } = await server.app.database.write((manager) => new ApiKeyService(server.dataSource).create(manager, name, role));
  return key;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A pino logger whose JSON lines are kept in `lines`, to check what the server logged. */
export function capturingLogger(): { logger: AppLogger; lines: () => Record<string, any>[] } {
  const chunks: string[] = [];
  const logger = pino({ level: 'info' }, { write: (chunk: string) => void chunks.push(chunk) }) as unknown as AppLogger;
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

/** Polls `check` until it is true (no timing assertions: only an overall limit against a hang, generous for a loaded machine). */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, limitMs = 120_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
