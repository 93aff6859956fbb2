import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { StatementCounter } from '../src/common/database/statement-counter';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { createApp } from '../src/server/app';
import { OPERATIONS, requestBody, type BenchOperation } from './operations';
import { openRawDatabase } from './raw-database';
import { createRawHandler } from './raw-handler';

/**
 * `npm run bench`: one run, side by side on the same synthetic database at each scale:
 * the server as shipped, the same server with loader batching off, and a raw node:http +
 * better-sqlite3 handler. Bodies must be byte-identical; results go to bench/results/latest.md.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: '1000,10000,100000' },
    warmup: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
    operations: { type: 'string', default: OPERATIONS.map((o) => o.name).join(',') },
    out: { type: 'string', default: path.join(ROOT, 'bench/results/latest.md') },
  },
});
const quick = args.quick;
const settings = {
  scales: args.scales!.split(',').map(Number),
  warmup: quick ? 2 : Number(args.warmup),
  runs: quick ? 1 : Number(args.runs),
  duration: quick ? 5 : Number(args.duration),
  connections: Number(args.connections),
  operations: OPERATIONS.filter((o) => args.operations!.split(',').includes(o.name)),
};

type VariantName = 'shipped' | 'loaders-off' | 'raw';
const VARIANTS: { name: VariantName; label: string; command: string[]; env: NodeJS.ProcessEnv }[] = [
  { name: 'shipped', label: 'this server as shipped', command: ['dist/src/main.js'], env: {} },
  { name: 'loaders-off', label: 'same server, loaders off (N+1)', command: ['dist/src/main.js'], env: { LOADER_BATCHING: 'off' } },
  { name: 'raw', label: 'raw node:http + better-sqlite3', command: ['dist/bench/raw-server.js'], env: {} },
];

interface Measurement {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function ensureDatabase(companies: number): Promise<string> {
  const file = path.join(ROOT, 'bench/data', `synthetic-${companies}.sqlite`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/seeds/seed-synthetic.js'), '--companies', String(companies)], {
      env: { ...process.env, DATABASE_URL: `sqlite:${file}` },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`seeding ${companies} companies failed`);
  }
  return file;
}

async function start(variant: (typeof VARIANTS)[number], file: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  // The same V8 flag as `npm start` (a larger young generation: fewer scavenges per request).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...variant.command.map((c) => path.join(ROOT, c))], {
    // warn: request logging is not part of what is measured.
    env: { ...process.env, ...variant.env, DATABASE_URL: `sqlite:${file}`, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited !== undefined) throw new Error(`${variant.name} exited with ${exited}`);
    try {
      await fetchBody(url, OPERATIONS[0]);
      return { child, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${variant.name} did not answer on ${url}`);
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function fetchBody(url: string, operation: BenchOperation): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(operation) });
  const body = await response.text();
  if (response.status !== 200 || body.includes('"errors"')) throw new Error(`${operation.name} at ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

function load(url: string, operation: BenchOperation, seconds: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(operation), connections: settings.connections, duration: seconds },
      (error, result) => {
        if (error) return reject(error);
        resolve({ reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx });
      },
    );
  });
}

/** SQL statements per request for each variant, counted in-process on the same database. */
async function statementsPerRequest(file: string): Promise<Record<VariantName, Record<string, number>>> {
  const result = { shipped: {}, 'loaders-off': {}, raw: {} } as Record<VariantName, Record<string, number>>;
  const counter = new StatementCounter();
  const dataSource = await openDatabase(`sqlite:${file}`, counter);
  for (const [name, batching] of [['shipped', 'on'], ['loaders-off', 'off']] as const) {
    const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', LOADER_BATCHING: batching }), createLogger('silent'));
    for (const operation of OPERATIONS) {
      counter.reset();
      await app.apollo.executeOperation({ query: operation.query, variables: operation.variables, operationName: operation.name }, { contextValue: app.contextFor('bench') });
      result[name][operation.name] = counter.statements;
    }
    await app.stop();
  }
  await dataSource.destroy();
  let raw = 0;
  const rawDatabase = await openRawDatabase(`sqlite:${file}`, () => (raw += 1));
  const handle = createRawHandler(rawDatabase);
  for (const operation of OPERATIONS) {
    raw = 0;
    await handle(operation.name, operation.variables);
    result.raw[operation.name] = raw;
  }
  await rawDatabase.close();
  return result;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/src/main.js'))) throw new Error('run `npm run build` first (npm run bench does)');
  const started = new Date();
  const sqliteVersion = (new Database(':memory:').prepare('select sqlite_version() AS v').get() as { v: string }).v;
  const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, SQLite ${sqliteVersion}`;
  const rows: string[] = [];
  const ratios: string[] = [];
  const frontEnd = new Map<number, { vsRaw: number; vsOff: number }>();
  const latencies = new Map<string, Map<number, number>>();
  for (const companies of settings.scales) {
    const file = await ensureDatabase(companies);
    // The GraphQL server brings the schema (indexes) up to date before the raw handler reads it.
    const servers: Partial<Record<VariantName, { child: ChildProcess; url: string }>> = {};
    for (const [i, variant] of VARIANTS.entries()) servers[variant.name] = await start(variant, file, 4301 + i);
    const statements = await statementsPerRequest(file);
    const results = new Map<string, Measurement>();
    for (const operation of settings.operations) {
      const bodies = await Promise.all(VARIANTS.map((v) => fetchBody(servers[v.name]!.url, operation)));
      if (!bodies.every((b) => b === bodies[0])) throw new Error(`${operation.name} at ${companies} companies: bodies differ between variants`);
      for (const variant of VARIANTS) {
        const url = servers[variant.name]!.url;
        process.stdout.write(`${companies} companies · ${operation.name} · ${variant.name}: warm-up ${settings.warmup} s, ${settings.runs} × ${settings.duration} s … `);
        await load(url, operation, settings.warmup);
        const runs: Measurement[] = [];
        for (let r = 0; r < settings.runs; r++) runs.push(await load(url, operation, settings.duration));
        const measured = { reqPerSec: median(runs.map((m) => m.reqPerSec)), p50: median(runs.map((m) => m.p50)), p99: median(runs.map((m) => m.p99)), errors: runs.reduce((n, m) => n + m.errors, 0) };
        if (measured.errors > 0) throw new Error(`${variant.name} had ${measured.errors} errors on ${operation.name}`);
        results.set(`${variant.name}:${operation.name}`, measured);
        process.stdout.write(`${measured.reqPerSec.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms\n`);
        if (variant.name === 'shipped') {
          const byScale = latencies.get(operation.name) ?? new Map<number, number>();
          byScale.set(companies, measured.p50);
          latencies.set(operation.name, byScale);
        }
      }
    }
    const rss = Object.fromEntries(VARIANTS.map((v) => [v.name, peakRssMb(servers[v.name]!.child.pid!)])) as Record<VariantName, number>;
    for (const operation of settings.operations) {
      for (const variant of VARIANTS) {
        const m = results.get(`${variant.name}:${operation.name}`)!;
        rows.push(`| ${companies.toLocaleString('en')} | ${operation.name} | ${variant.label} | ${m.reqPerSec.toFixed(0)} | ${m.p50} | ${m.p99} | ${statements[variant.name][operation.name]} | ${rss[variant.name].toFixed(0)} |`);
      }
      const shipped = results.get(`shipped:${operation.name}`)!.reqPerSec;
      const raw = results.get(`raw:${operation.name}`)!.reqPerSec;
      const off = results.get(`loaders-off:${operation.name}`)!.reqPerSec;
      ratios.push(`| ${companies.toLocaleString('en')} | ${operation.name} | ${(shipped / raw).toFixed(2)}× | ${(shipped / off).toFixed(2)}× |`);
      if (operation.name === 'FrontEnd') frontEnd.set(companies, { vsRaw: shipped / raw, vsOff: shipped / off });
    }
    for (const server of Object.values(servers)) server!.child.kill('SIGTERM');
  }

  const [smallest, largest] = [settings.scales[0], settings.scales.at(-1)!];
  const growth = [...latencies].map(([name, byScale]) => {
    const ratio = byScale.get(largest)! / Math.max(byScale.get(smallest)!, 1);
    return `| ${name} | ${byScale.get(smallest)} | ${byScale.get(largest)} | ${ratio.toFixed(2)}× |`;
  });
  const verdict = (value: number, target: number, higherIsBetter = true) =>
    (higherIsBetter ? value >= target : value <= target)
      ? `met (${value.toFixed(2)}×)`
      : `missed: ${value.toFixed(2)}×, ${(higherIsBetter ? target / value : value / target).toFixed(2)}× short`;
  const atLargest = frontEnd.get(largest);
  const targets = [
    ...(atLargest
      ? [
          `| FrontEnd ≥ 0.5× the raw handler (${largest.toLocaleString('en')} companies) | ${verdict(atLargest.vsRaw, 0.5)} |`,
          `| FrontEnd ≥ 5× loaders off (${largest.toLocaleString('en')} companies) | ${verdict(atLargest.vsOff, 5)} |`,
        ]
      : []),
    ...[...latencies].map(([name, byScale]) => `| ${name}: p50 at ${largest.toLocaleString('en')} ≤ 1.5× p50 at ${smallest.toLocaleString('en')} | ${verdict(byScale.get(largest)! / Math.max(byScale.get(smallest)!, 1), 1.5, false)} |`),
  ];
  const report = [
    `# Benchmark results`,
    '',
    `Run ${started.toISOString()} on: ${machine}.`,
    `autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up then ${settings.runs} × ${settings.duration} s; medians of the runs. Every variant answered every operation with zero errors and byte-identical bodies (checked before measuring). Reproduce: \`npm run bench\`${quick ? ' -- --quick' : ''}.`,
    '',
    '## Operations',
    '',
    ...settings.operations.map((o) => `- **${o.name}**: ${o.description}`),
    '',
    '## Targets',
    '',
    '| target | result |',
    '| --- | --- |',
    ...targets,
    '',
    '## Throughput and latency',
    '',
    '| companies | operation | variant | req/s | p50 ms | p99 ms | SQL statements / request | peak RSS MB |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '## Ratios (this server ÷ the other variant, req/s)',
    '',
    '| companies | operation | vs raw handler | vs loaders off |',
    '| ---: | --- | ---: | ---: |',
    ...ratios,
    '',
    `## Latency growth with the store (this server, p50, ${smallest.toLocaleString('en')} → ${largest.toLocaleString('en')} companies)`,
    '',
    '| operation | p50 ms (small) | p50 ms (large) | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...growth,
    '',
  ].join('\n');
  writeFileSync(args.out!, report);
  process.stdout.write(`\n${ratios.join('\n')}\n${growth.join('\n')}\nwrote ${path.relative(process.cwd(), args.out!)}\n`);
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
