import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type Sqlite from 'better-sqlite3';
import { BackupScheduler } from '../src/common/database/backup-scheduler';
import { copySqlite } from '../src/common/database/sqlite-backup';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { createApp } from '../src/server/app';
import { writeResultsSection } from './results-file';

/**
 * `node dist/bench/backups.js [--sqlite sqlite:PATH] [--postgres postgres://…/DB] [--runs N]`:
 * times `npm run backup` and `npm run restore` (the built scripts, as an operator runs them) on
 * databases already seeded with `npm run seed:synthetic`, and on SQLite what a scheduled backup
 * costs the requests served meanwhile. Writes bench/results/backups.md (one section per database).
 */
const RESULTS = path.resolve(__dirname, '../../bench/results/backups.md');
const HEADER = '# Backups and restores: figures\n\nWritten by `bench/backups.ts`; see docs/backups.md.';

function script(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, `../scripts/${name}.js`), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (status === 0) resolve({ ms, stdout });
      else reject(new Error(`${name} ${args.join(' ')} failed: ${stderr.trim()}`));
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sizeOf = (stdout: string) => /size: ([^(]+) \(/.exec(stdout)?.[1].trim() ?? '?';

async function timeBackupsAndRestores(label: string, url: string, runs: number, restoreTarget: (run: number) => Promise<string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-bench-backups-'));
  const backups: number[] = [];
  const restores: number[] = [];
  let size = '?';
  let last = '';
  let restoredUrl = '';
  try {
    for (let run = 0; run < runs; run++) {
      const file = path.join(dir, `run-${run}.${label === 'sqlite' ? 'sqlite' : 'dump'}`);
      const backup = await script('backup', ['--to', file], { DATABASE_URL: url });
      backups.push(backup.ms);
      size = sizeOf(backup.stdout);
      last = file;
      process.stderr.write(`${label} backup ${run + 1}/${runs}: ${s(backup.ms)}\n`);
    }
    for (let run = 0; run < runs; run++) {
      restoredUrl = await restoreTarget(run);
      const restore = await script('restore', [last, '--to', restoredUrl], {});
      restores.push(restore.ms);
      process.stderr.write(`${label} restore ${run + 1}/${runs}: ${s(restore.ms)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { backups, restores, size, restoredUrl };
}

/** Sequential requests until `until` settles (or `count` of them): each one's latency in ms, and the event loop's longest delay. */
async function requestsDuring(url: string, until: Promise<unknown> | null, count = 0) {
  const body = JSON.stringify({ query: '{ companies(first: 10) { totalCount edges { node { slug name } } } }' });
  const latencies: number[] = [];
  let done = false;
  void until?.finally(() => (done = true));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  while (until ? !done : latencies.length < count) {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.text();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  loop.disable();
  return { latencies, loopMaxMs: loop.max / 1e6 };
}

async function scheduledBackupImpact(url: string) {
  const dataSource = await openDatabase(url);
  const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off', CACHE_MAX_AGE: '0' }), createLogger('silent'));
  const port = await app.listen(0);
  const endpoint = `http://127.0.0.1:${port}/graphql`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-bench-scheduled-'));
  const rows: string[] = [];
  try {
    await requestsDuring(endpoint, null, 300); // warm-up
    // The server's way (a worker thread), and for comparison the backup API on the event loop's
    // thread, through the server's write connection: in steps of 256 pages (1 MiB), and in one step.
    const writer = (app.database.writer.driver as unknown as { databaseConnection: Sqlite.Database }).databaseConnection;
    const phases: [string, 'worker' | number | 'all' | null][] = [
      ['no backup', null],
      ['scheduled backup (the server’s: copy and check in a worker thread)', 'worker'],
      ['backup API on the server’s thread, 256 pages per step (not used)', 256],
      ['backup API on the server’s thread, one step (not used)', 'all'],
    ];
    let baselineCount = 0;
    for (const [name, how] of phases) {
      let detail = '—';
      let until: Promise<unknown> | null = null;
      const started = process.hrtime.bigint();
      const took = () => s(Number(process.hrtime.bigint() - started) / 1e6);
      if (how === 'worker') {
        const scheduler = new BackupScheduler({
          dir,
          intervalMs: 3_600_000,
          keep: 1,
          base: 'bench',
          source: () => app.database.sqliteFile,
          logger: { info: () => undefined, error: (details) => process.stderr.write(`${JSON.stringify(details)}\n`) },
        });
        until = scheduler.runOnce().then(() => (detail = `${took()} (copy and integrity_check)`));
      } else if (how !== null) {
        const target = path.join(dir, `main-thread-${how}.sqlite`);
        until = copySqlite(writer, target, how).then((stats) => (detail = `${took()} (copy only), ${stats.steps} steps, ${stats.restarts} restarts`));
      }
      const { latencies, loopMaxMs } = await requestsDuring(endpoint, until, baselineCount || 2000);
      if (how === null) baselineCount = latencies.length;
      rows.push(
        `| ${name} | ${detail} | ${latencies.length} | ${median(latencies).toFixed(2)} | ${quantile(latencies, 0.99).toFixed(2)} | ${Math.max(...latencies).toFixed(1)} | ${loopMaxMs.toFixed(1)} |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
    }
  } finally {
    await app.stop();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    '| while | backup took | requests | median ms | p99 ms | max ms | event loop max delay ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { sqlite: { type: 'string' }, postgres: { type: 'string' }, runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), shared with other work; Node ${process.version}`;
  if (values.sqlite) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-bench-restored-'));
    try {
      const result = await timeBackupsAndRestores('sqlite', values.sqlite, runs, async (run) => `sqlite:${path.join(dir, `restored-${run}.sqlite`)}`);
      const impact = await scheduledBackupImpact(result.restoredUrl);
      writeResultsSection(
        RESULTS,
        'sqlite',
        `## SQLite (${when} UTC)\n\n${machine}. Source: \`${values.sqlite}\`, backup file ${result.size}; ${runs} runs each, wall time of the built script (node start included).\n\n` +
          `| | median | runs |\n| --- | --- | --- |\n` +
          `| \`npm run backup\` (copy in one read transaction, integrity_check, journal mode) | ${s(median(result.backups))} | ${result.backups.map(s).join(', ')} |\n` +
          `| \`npm run restore\` into a new file (stage, integrity_check, copy, migrations, counts) | ${s(median(result.restores))} | ${result.restores.map(s).join(', ')} |\n\n` +
          `### Requests served during a backup\n\nOne client, one request at a time (\`companies(first: 10)\`), in the server's process, on the restored copy; each row runs until its backup is done (the first, 2,000 requests):\n\n${impact}`,
        HEADER,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.postgres) {
    const created: string[] = [];
    const admin = new URL(values.postgres);
    admin.pathname = '/postgres';
    const result = await timeBackupsAndRestores('postgres', values.postgres, runs, async (run) => {
      const target = new URL(values.postgres!);
      target.pathname = `/bench_restored_${process.pid}_${run}`;
      created.push(target.pathname.slice(1));
      return target.toString();
    });
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.end();
    writeResultsSection(
      RESULTS,
      'postgres',
      `## PostgreSQL (${when} UTC)\n\n${machine}. PostgreSQL 15 (scripts/pg-cluster.sh: fsync off), archive ${result.size}; ${runs} runs each, wall time of the built script.\n\n` +
        `| | median | runs |\n| --- | --- | --- |\n` +
        `| \`npm run backup\` (pg_dump -Fc from an exported snapshot, pg_restore --list) | ${s(median(result.backups))} | ${result.backups.map(s).join(', ')} |\n` +
        `| \`npm run restore\` into a new database (pg_restore --single-transaction, migrations, counts) | ${s(median(result.restores))} | ${result.restores.map(s).join(', ')} |`,
      HEADER,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
