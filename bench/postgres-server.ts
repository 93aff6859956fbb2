import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** A PostgreSQL server on which the benchmark may create and drop its databases. */
export interface PostgresServer {
  /** A URL to a database on the server from which others can be created (credentials included). */
  readonly adminUrl: string;
  /** For the results: version and where it runs, without credentials. */
  readonly description: string;
  /** Removes the server if the benchmark started it; synchronous, so it can run on process exit. Safe to call twice. */
  stop(): void;
}

/** `BENCH_POSTGRES_URL` when set; otherwise a throwaway cluster (scripts/pg-cluster.sh) in a temporary directory. */
export async function acquirePostgresServer(root: string): Promise<PostgresServer> {
  const given = process.env.BENCH_POSTGRES_URL;
  if (given) {
    const version = await serverVersion(given).catch((error: Error) => {
      throw new Error(`cannot connect to BENCH_POSTGRES_URL (${new URL(given).host}): ${error.message}`);
    });
    return { adminUrl: given, description: `PostgreSQL ${version} at ${new URL(given).host} (BENCH_POSTGRES_URL)`, stop: () => undefined };
  }
  const script = path.join(root, 'scripts/pg-cluster.sh');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-bench-pg-'));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync('bash', [script, 'stop', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const started = spawnSync('bash', [script, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (started.status !== 0) {
    stop();
    throw new Error(`scripts/pg-cluster.sh start failed (exit ${started.status})`);
  }
  const adminUrl = started.stdout.trim().split('\n').at(-1)!;
  try {
    const version = await serverVersion(adminUrl);
    return {
      adminUrl,
      description: `PostgreSQL ${version}, a throwaway cluster on this machine (scripts/pg-cluster.sh: fsync, synchronous_commit and full_page_writes off; otherwise default settings)`,
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}
