import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, Logger } from 'typeorm';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { createApp, type App } from '../src/server/app';
import { seedAll } from '../seeds/seed-all';
import { createBulkWriter } from '../seeds/synthetic/bulk-writer';
import { writeSyntheticGraph } from '../seeds/synthetic/synthetic-graph';

export const SOURCE_TEXT_PATH = path.resolve(__dirname, '../../shared/sources/2020-02-06-huawei-verizon.txt');

/** The report's text as shipped in ../shared (the seed must quote it verbatim). */
export function sourceText(): string {
  return readFileSync(SOURCE_TEXT_PATH, 'utf8');
}

export function tempSqliteUrl(): string {
  return `sqlite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-')), 'test.sqlite')}`;
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

/** A seeded server on a fresh SQLite file, listening on a free port. */
export async function startTestServer(options: { logger?: Logger; env?: NodeJS.ProcessEnv; syntheticCompanies?: number } = {}): Promise<TestServer> {
  const dataSource = await openDatabase(tempSqliteUrl(), options.logger);
  await seedAll(dataSource);
  if (options.syntheticCompanies) {
    await writeSyntheticGraph(createBulkWriter(dataSource), { companies: options.syntheticCompanies });
  }
  const config = readConfig({ NODE_ENV: 'test', ...options.env });
  const app = await createApp(dataSource, config, createLogger('silent'));
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    app,
    dataSource,
    url,
    async gql(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await app.stop();
      await dataSource.destroy();
    },
  };
}

/** Runs an operation in-process (no HTTP), with a fresh request context as the server builds it. */
export async function execute<T = any>(server: TestServer, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const { createContextFactory } = await import('../src/context');
  const response = await server.app.apollo.executeOperation({ query, variables }, { contextValue: createContextFactory(server.dataSource)('test') });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return { status: response.http.status ?? 200, ...(response.body.singleResult as object) } as GraphQLResponse<T>;
}
