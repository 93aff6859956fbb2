import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { StatementCounter } from '../src/common/database/statement-counter';
import { readConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createApp } from '../src/server/app';
import { openBenchDatabase, openBenchDatabases, type BenchDatabases, type BenchDialect } from './bench-databases';
import { freePort } from './free-port';
import { OPERATIONS, requestBody, type BenchOperation } from './operations';
import { openRawDatabase, RAW_POSTGRES_POOL_SIZE, type CompanyCountSource } from './raw-database';
import { createRawHandler } from './raw-handler';
import { writeResultsSection } from './results-file';
import { machineCpuMs, postgresCpuReader, processCpuMs } from './cpu-time';
import { comparable, ensurePostgraphileInstalled, postgraphileRequestBody, POSTGRAPHILE_QUERIES } from './postgraphile-operations';
import { serverNodeFlags } from './server-flags';

/**
 * `npm run bench [-- --db sqlite|postgres]`: one run, side by side on the same synthetic database
 * at each scale: the server as shipped, the same server with loader batching off, and a raw
 * node:http handler on the database's own driver. Bodies must be byte-identical; results go to
 * that database's section of bench/results/latest.md.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    scales: { type: 'string', default: '1000,10000,100000' },
    warmup: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
    // PostgreSQL only: leave the PostGraphile 4 variant out.
    'no-postgraphile': { type: 'boolean', default: false },
    operations: { type: 'string', default: OPERATIONS.map((o) => o.name).join(',') },
    // `N=url`: measure scale N on that existing database as it is (migrated, never dropped or reloaded),
    // e.g. a 1,000,000-company store loaded under an older generator hash that takes most of an hour to load again.
    'database-url': { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: path.join(ROOT, 'bench/results/latest.md') },
  },
});
const quick = args.quick;
if (args.db !== 'sqlite' && args.db !== 'postgres') {
  process.stderr.write(`error: --db must be sqlite or postgres (got ${JSON.stringify(args.db)})\n`);
  process.exit(2);
}
const dialect: BenchDialect = args.db;
const DIALECT_TITLES: Record<BenchDialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const givenDatabases = new Map(
  args['database-url']!.map((spec) => {
    const at = spec.indexOf('=');
    if (at < 1 || !Number.isInteger(Number(spec.slice(0, at)))) {
      process.stderr.write(`error: --database-url takes N=url (got ${JSON.stringify(spec)})\n`);
      process.exit(2);
    }
    return [Number(spec.slice(0, at)), spec.slice(at + 1)] as const;
  }),
);
const settings = {
  scales: args.scales!.split(',').map(Number),
  warmup: quick ? 2 : Number(args.warmup),
  runs: quick ? 1 : Number(args.runs),
  duration: quick ? 5 : Number(args.duration),
  connections: Number(args.connections),
  operations: OPERATIONS.filter((o) => args.operations!.split(',').includes(o.name)),
};

type VariantName = 'shipped' | 'loaders-off' | 'raw' | 'apollo-floor' | 'postgraphile';
const RAW_DRIVERS: Record<BenchDialect, string> = { sqlite: 'better-sqlite3', postgres: 'pg' };
interface Variant {
  name: VariantName;
  label: string;
  command: string[];
  env: NodeJS.ProcessEnv;
  /** The operations it answers (all when absent). */
  answers?: string[];
  /** The POST body of an operation for this variant (the operation's own when absent). */
  body?: (operation: BenchOperation) => string;
}
const VARIANTS: Variant[] = [
  { name: 'shipped', label: 'this server as shipped', command: ['dist/src/main.js'], env: {} },
  { name: 'loaders-off', label: 'same server, loaders off (N+1)', command: ['dist/src/main.js'], env: { LOADER_BATCHING: 'off' } },
  { name: 'raw', label: `raw node:http + ${RAW_DRIVERS[dialect]}`, command: ['dist/bench/raw-server.js'], env: {} },
  // The least a request through Apollo Server costs here (bench/apollo-floor.ts): what the stack alone takes of `{ __typename }`.
  { name: 'apollo-floor', label: 'Apollo Server alone, no plugins (the floor)', command: ['dist/bench/apollo-floor.js'], env: {}, answers: ['Typename'] },
  ...(dialect === 'postgres' && !args['no-postgraphile']
    ? [
        {
          name: 'postgraphile' as const,
          label: 'PostGraphile 4.14 (production options)',
          command: ['bench/postgraphile/server.js'],
          env: {},
          answers: Object.keys(POSTGRAPHILE_QUERIES),
          body: (o: BenchOperation) => postgraphileRequestBody(o.name),
        },
      ]
    : []),
];
const answers = (variant: Variant, operation: BenchOperation) => !variant.answers || variant.answers.includes(operation.name);
const bodyOf = (variant: Variant, operation: BenchOperation) => (variant.body ?? requestBody)(operation);

interface Measurement {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** Requests answered in the round. */
  requests: number;
}

/** A variant's medians over its rounds, with CPU time per request (ms) of its process and of PostgreSQL's. */
interface Measured extends Measurement {
  cpuMs: number;
  postgresCpuMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Everything to undo if the run stops early (an error, Ctrl-C): server processes, a throwaway PostgreSQL cluster. */
const running = new Set<ChildProcess>();
let databases: BenchDatabases | null = null;
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
  databases?.release();
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

async function start(variant: Variant, databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // The same V8 flags as `npm start` (bench/server-flags.ts).
  const child = spawn(process.execPath, [...serverNodeFlags(ROOT), ...variant.command.map((c) => path.join(ROOT, c))], {
    // warn: request logging is not part of what is measured.
    // No per-client budget: every request of the benchmark comes from one address.
    env: {
      ...process.env,
      ...variant.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      CLIENT_COST_BUDGET: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
    running.delete(child);
  });
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

async function fetchBody(url: string, operation: BenchOperation, request = requestBody(operation)): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request });
  const body = await response.text();
  if (response.status !== 200 || body.includes('"errors"')) throw new Error(`${operation.name} at ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** How a measured request is sent: the operation's JSON POST, or a GET of a ready-made URL (with headers). */
type Request = BenchOperation | { get: string; headers?: Record<string, string> } | { post: string };

function load(url: string, request: Request, seconds: number): Promise<Measurement> {
  const options =
    'get' in request
      ? { url: request.get, method: 'GET' as const, headers: request.headers ?? {} }
      : { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: 'post' in request ? request.post : requestBody(request) };
  return new Promise((resolve, reject) => {
    autocannon({ ...options, connections: settings.connections, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      // A 304 is the expected answer of a revalidation, not an error.
      const notModified = result.statusCodeStats?.['304']?.count ?? 0;
      resolve({
        reqPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx - notModified,
        requests: result.requests.total,
      });
    });
  });
}

/**
 * The front-end page as an automatic persisted query: registered once by POST, then measured as a
 * GET by hash alone, and as a GET revalidating with the answer's ETag (a 304).
 */
async function persistedQueryOverGet(url: string, operation: BenchOperation): Promise<[string, Measurement][]> {
  const sha256Hash = createHash('sha256').update(operation.query).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const registered = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...JSON.parse(requestBody(operation)), extensions }),
  });
  const posted = await registered.text();
  const get = `${url}?operationName=${operation.name}&variables=${encodeURIComponent(JSON.stringify(operation.variables))}&extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
  const answer = await fetch(get);
  const body = await answer.text();
  const etag = answer.headers.get('etag');
  if (answer.status !== 200 || body !== posted || !etag)
    throw new Error(`the persisted ${operation.name} over GET answered ${answer.status} ${etag ? '' : 'without an ETag '}${firstDifference(posted, body)}`);
  const measured: [string, Measurement][] = [];
  for (const [label, request] of [
    ['GET by hash', { get }],
    ['GET by hash, revalidated (If-None-Match → 304)', { get, headers: { 'if-none-match': etag } }],
  ] as const) {
    process.stdout.write(`${operation.name} as a persisted query · ${label}: warm-up ${settings.warmup} s, ${settings.runs} × ${settings.duration} s … `);
    await load(url, request, settings.warmup);
    const runs: Measurement[] = [];
    for (let r = 0; r < settings.runs; r++) runs.push(await load(url, request, settings.duration));
    const result = {
      reqPerSec: median(runs.map((m) => m.reqPerSec)),
      p50: median(runs.map((m) => m.p50)),
      p99: median(runs.map((m) => m.p99)),
      errors: runs.reduce((n, m) => n + m.errors, 0),
      requests: runs.reduce((n, m) => n + m.requests, 0),
    };
    if (result.errors > 0) throw new Error(`${label}: ${result.errors} errors`);
    process.stdout.write(`${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms\n`);
    measured.push([label, result]);
  }
  return measured;
}

/** Counts statements, and notes whether any of them read the trigger-kept row counts. */
class CountingLogger extends StatementCounter {
  readRowCount = false;

  logQuery(query: string) {
    super.logQuery(query);
    if (/\brow_count\b/.test(query)) this.readRowCount = true;
  }
}

interface StatementFigures {
  perRequest: Record<VariantName, Record<string, number>>;
  /** How the server and the raw handler count the companies of the front-end page (checked to be the same). */
  companyCount: CompanyCountSource;
}

/** SQL statements per request for each variant, counted in-process on the same database. */
async function statementsPerRequest(databaseUrl: string): Promise<StatementFigures> {
  const perRequest = { shipped: {}, 'loaders-off': {}, raw: {}, 'apollo-floor': { Typename: 0 }, postgraphile: {} } as Record<
    VariantName,
    Record<string, number>
  >;
  const counter = new CountingLogger();
  let serverCount: CompanyCountSource = 'COUNT(*)';
  const dataSource = await openBenchDatabase(databaseUrl, counter);
  for (const [name, batching] of [
    ['shipped', 'on'],
    ['loaders-off', 'off'],
  ] as const) {
    const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', LOADER_BATCHING: batching }), createLogger('silent'));
    for (const operation of OPERATIONS) {
      counter.reset();
      counter.readRowCount = false;
      await app.apollo.executeOperation(
        { query: operation.query, variables: operation.variables, operationName: operation.name },
        { contextValue: app.contextFor('bench') },
      );
      perRequest[name][operation.name] = counter.statements;
      if (name === 'shipped' && operation.name === 'FrontEnd' && counter.readRowCount) serverCount = 'row_count';
    }
    await app.stop();
  }
  await dataSource.destroy();
  let raw = 0;
  const rawDatabase = await openRawDatabase(databaseUrl, () => (raw += 1));
  try {
    // A fair comparison does the same work: counting 100,000 rows costs more than the rest of the page.
    if (rawDatabase.companyCount !== serverCount) {
      throw new Error(`the raw handler would count companies with ${rawDatabase.companyCount}, the server with ${serverCount}`);
    }
    const handle = createRawHandler(rawDatabase);
    for (const operation of OPERATIONS) {
      raw = 0;
      await handle(operation.name, operation.variables);
      perRequest.raw[operation.name] = raw;
    }
  } finally {
    await rawDatabase.close();
  }
  return { perRequest, companyCount: serverCount };
}

/** Where two answers that should be the same first part, for the error message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))} vs ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
}

/** The command that repeats this run: the options that differ from the defaults. */
function reproduceCommand(): string {
  const options = [
    `--db ${dialect}`,
    ...(args.scales !== '1000,10000,100000' ? [`--scales ${args.scales}`] : []),
    ...(settings.operations.length !== OPERATIONS.length ? [`--operations ${args.operations}`] : []),
    ...(quick ? ['--quick'] : []),
    ...(!quick && args.warmup !== '10' ? [`--warmup ${args.warmup}`] : []),
    ...(!quick && args.runs !== '3' ? [`--runs ${args.runs}`] : []),
    ...(!quick && args.duration !== '20' ? [`--duration ${args.duration}`] : []),
    ...(args['no-postgraphile'] ? ['--no-postgraphile'] : []),
    ...[...givenDatabases.keys()].map((n) => `--database-url ${n}=…`),
  ];
  return `npm run bench -- ${options.join(' ')}`;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/src/main.js'))) throw new Error('run `npm run build` first (npm run bench does)');
  const started = new Date();
  databases = await openBenchDatabases(dialect, ROOT);
  const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const rows: string[] = [];
  const ratios: string[] = [];
  const frontEnd = new Map<number, { vsRaw: number; vsOff: number; vsPeer: { rate: number; cpu: number } | null }>();
  const typenameVsPeer = new Map<number, number>();
  /** `{ __typename }`: this server, Apollo Server alone and PostGraphile, by scale. */
  const floorRows: string[] = [];
  const hasPeer = VARIANTS.some((v) => v.name === 'postgraphile');
  /** For each measured round, the share of the machine's CPU that other processes used meanwhile. */
  const othersShare: number[] = [];
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const latencies = new Map<string, Map<number, number>>();
  const companyCounts = new Set<CompanyCountSource>();
  const apq: string[] = [];
  for (const companies of settings.scales) {
    const databaseUrl = givenDatabases.get(companies) ?? (await databases.prepare(companies));
    // Opened in-process first: that applies pending migrations, which a server on PostgreSQL
    // would refuse to start without (a kept bench_N may predate one).
    const statements = await statementsPerRequest(databaseUrl);
    const servers: Partial<Record<VariantName, { child: ChildProcess; url: string }>> = {};
    if (VARIANTS.some((v) => v.name === 'postgraphile')) ensurePostgraphileInstalled(ROOT);
    for (const variant of VARIANTS) servers[variant.name] = await start(variant, databaseUrl);
    const postgresCpu = dialect === 'postgres' ? await postgresCpuReader(databaseUrl) : null;
    companyCounts.add(statements.companyCount);
    const results = new Map<string, Measured>();
    for (const operation of settings.operations) {
      const variants = VARIANTS.filter((v) => answers(v, operation));
      const same = variants.filter((v) => !v.body);
      const bodies = await Promise.all(same.map((v) => fetchBody(servers[v.name]!.url, operation)));
      for (const [i, body] of bodies.entries()) {
        if (body !== bodies[0])
          throw new Error(
            `${operation.name} at ${companies} companies: ${same[i].name} answers differently from ${same[0].name}, ${firstDifference(bodies[0], body)}`,
          );
      }
      // A peer with a schema of its own (PostGraphile) must return the same companies, count and lawsuits.
      for (const peer of variants.filter((v) => v.body)) {
        const theirs = JSON.stringify(comparable(operation.name, await fetchBody(servers[peer.name]!.url, operation, bodyOf(peer, operation)), 'postgraphile'));
        const ours = JSON.stringify(comparable(operation.name, bodies[0], 'server'));
        if (theirs !== ours)
          throw new Error(`${operation.name} at ${companies} companies: ${peer.name} returns other rows than the server, ${firstDifference(ours, theirs)}`);
      }
      // Warm-up of each, then rounds alternating between the variants (in a rotating order), so
      // that whatever else the machine does falls on all of them alike.
      for (const variant of variants) {
        process.stdout.write(`${companies} companies · ${operation.name} · ${variant.name}: warm-up ${settings.warmup} s\n`);
        await load(servers[variant.name]!.url, { post: bodyOf(variant, operation) }, settings.warmup);
      }
      const rounds = new Map<VariantName, { m: Measurement; cpuMs: number; postgresCpuMs: number }[]>(variants.map((v) => [v.name, []]));
      for (let r = 0; r < settings.runs; r++) {
        for (let k = 0; k < variants.length; k++) {
          const variant = variants[(r + k) % variants.length];
          const pid = servers[variant.name]!.child.pid!;
          const before = { node: processCpuMs(pid), pg: postgresCpu?.() ?? NaN, machine: machineCpuMs(), self: process.cpuUsage() };
          const m = await load(servers[variant.name]!.url, { post: bodyOf(variant, operation) }, settings.duration);
          const node = processCpuMs(pid) - before.node;
          const pg = (postgresCpu?.() ?? NaN) - before.pg;
          const machine = machineCpuMs();
          const self = process.cpuUsage(before.self);
          const others = machine.busy - before.machine.busy - node - (Number.isNaN(pg) ? 0 : pg) - (self.user + self.system) / 1000;
          othersShare.push(others / (machine.total - before.machine.total));
          const n = m.requests || NaN;
          rounds.get(variant.name)!.push({ m, cpuMs: node / n, postgresCpuMs: pg / n });
          process.stdout.write(
            `${companies} companies · ${operation.name} · ${variant.name} round ${r + 1}: ${m.reqPerSec.toFixed(0)} req/s, p50 ${m.p50} ms, CPU ${(node / n).toFixed(2)} ms/req${Number.isNaN(pg) ? '' : ` + PostgreSQL ${(pg / n).toFixed(2)}`}\n`,
          );
        }
      }
      for (const variant of variants) {
        const runs = rounds.get(variant.name)!;
        const measured: Measured = {
          reqPerSec: median(runs.map((x) => x.m.reqPerSec)),
          p50: median(runs.map((x) => x.m.p50)),
          p99: median(runs.map((x) => x.m.p99)),
          errors: runs.reduce((n, x) => n + x.m.errors, 0),
          requests: runs.reduce((n, x) => n + x.m.requests, 0),
          cpuMs: median(runs.map((x) => x.cpuMs)),
          postgresCpuMs: median(runs.map((x) => x.postgresCpuMs)),
        };
        if (measured.errors > 0) throw new Error(`${variant.name} had ${measured.errors} errors on ${operation.name}`);
        results.set(`${variant.name}:${operation.name}`, measured);
        if (variant.name === 'shipped') {
          const byScale = latencies.get(operation.name) ?? new Map<number, number>();
          byScale.set(companies, measured.p50);
          latencies.set(operation.name, byScale);
        }
      }
    }
    if (settings.operations.some((o) => o.name === 'FrontEnd')) {
      const frontEndOperation = settings.operations.find((o) => o.name === 'FrontEnd')!;
      const posted = results.get('shipped:FrontEnd')!;
      for (const [label, measured] of await persistedQueryOverGet(servers.shipped!.url, frontEndOperation)) {
        apq.push(
          `| ${companies.toLocaleString('en')} | ${label} | ${measured.reqPerSec.toFixed(0)} | ${measured.p50} | ${measured.p99} | ${(measured.reqPerSec / posted.reqPerSec).toFixed(2)}× |`,
        );
      }
    }
    const rss = Object.fromEntries(VARIANTS.map((v) => [v.name, peakRssMb(servers[v.name]!.child.pid!)])) as Record<VariantName, number>;
    const ms = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(2));
    for (const operation of settings.operations) {
      for (const variant of VARIANTS.filter((v) => answers(v, operation))) {
        const m = results.get(`${variant.name}:${operation.name}`)!;
        const statementCount = statements.perRequest[variant.name][operation.name];
        rows.push(
          `| ${companies.toLocaleString('en')} | ${operation.name} | ${variant.label} | ${m.reqPerSec.toFixed(0)} | ${m.p50} | ${m.p99} | ${ms(m.cpuMs)} |${dialect === 'postgres' ? ` ${ms(m.postgresCpuMs)} | ${ms(m.cpuMs + m.postgresCpuMs)} |` : ''} ${statementCount ?? '—'} | ${rss[variant.name].toFixed(0)} |`,
        );
      }
      const shipped = results.get(`shipped:${operation.name}`)!;
      const raw = results.get(`raw:${operation.name}`)!.reqPerSec;
      const off = results.get(`loaders-off:${operation.name}`)!.reqPerSec;
      const peer = results.get(`postgraphile:${operation.name}`);
      const cpu = (m: Measured) => m.cpuMs + (Number.isNaN(m.postgresCpuMs) ? 0 : m.postgresCpuMs);
      const vsPeer = peer ? { rate: shipped.reqPerSec / peer.reqPerSec, cpu: cpu(shipped) / cpu(peer) } : null;
      ratios.push(
        `| ${companies.toLocaleString('en')} | ${operation.name} | ${(shipped.reqPerSec / raw).toFixed(2)}× | ${(shipped.reqPerSec / off).toFixed(2)}× |${hasPeer ? ` ${vsPeer ? `${vsPeer.rate.toFixed(2)}× | ${vsPeer.cpu.toFixed(2)}×` : '— | —'} |` : ''}`,
      );
      if (operation.name === 'FrontEnd') frontEnd.set(companies, { vsRaw: shipped.reqPerSec / raw, vsOff: shipped.reqPerSec / off, vsPeer });
      if (operation.name === 'Typename' && vsPeer) typenameVsPeer.set(companies, vsPeer.rate);
      const floor = results.get(`apollo-floor:${operation.name}`);
      if (floor) {
        const cells = [shipped, floor, ...(peer ? [peer] : [])].map((m) => `${m.reqPerSec.toFixed(0)} req/s, ${ms(cpu(m))} ms`);
        floorRows.push(
          `| ${companies.toLocaleString('en')} | ${cells.join(' | ')} | ${(shipped.reqPerSec / floor.reqPerSec).toFixed(2)}× |${peer ? ` ${(floor.reqPerSec / peer.reqPerSec).toFixed(2)}× |` : ''}`,
        );
      }
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
  const peerTargets = hasPeer
    ? [
        ...[...frontEnd]
          .filter(([n, f]) => n >= 10_000 && f.vsPeer)
          .flatMap(([n, f]) => [
            `| FrontEnd ≥ 1.5× PostGraphile (${n.toLocaleString('en')} companies) | ${verdict(f.vsPeer!.rate, 1.5)} |`,
            `| FrontEnd CPU per request (Node + PostgreSQL) ≤ 2/3 of PostGraphile's (${n.toLocaleString('en')} companies) | ${verdict(f.vsPeer!.cpu, 2 / 3, false)} |`,
          ]),
        ...[...typenameVsPeer].map(([n, rate]) => `| Typename ≥ 0.8× PostGraphile (${n.toLocaleString('en')} companies) | ${verdict(rate, 0.8)} |`),
      ]
    : [];
  const targets = [
    ...peerTargets,
    ...(dialect === 'sqlite'
      ? [...frontEnd].map(([n, f]) => `| FrontEnd ≥ 0.6× the raw handler (${n.toLocaleString('en')} companies) | ${verdict(f.vsRaw, 0.6)} |`)
      : []),
    ...(atLargest
      ? [
          `| FrontEnd ≥ 0.5× the raw handler (${largest.toLocaleString('en')} companies) | ${verdict(atLargest.vsRaw, 0.5)} |`,
          `| FrontEnd ≥ 5× loaders off (${largest.toLocaleString('en')} companies) | ${verdict(atLargest.vsOff, 5)} |`,
        ]
      : []),
    ...[...latencies].map(
      ([name, byScale]) =>
        `| ${name}: p50 at ${largest.toLocaleString('en')} ≤ 1.5× p50 at ${smallest.toLocaleString('en')} | ${verdict(byScale.get(largest)! / Math.max(byScale.get(smallest)!, 1), 1.5, false)} |`,
    ),
  ];
  const COUNT_DESCRIPTIONS: Record<CompanyCountSource, string> = {
    row_count: 'the trigger-kept `row_count`',
    'COUNT(*)': '`COUNT(*)` (this database has no `row_count`)',
  };
  const counting = [...companyCounts].map((c) => COUNT_DESCRIPTIONS[c]).join(' / ');
  const section = [
    `## ${DIALECT_TITLES[dialect]}`,
    '',
    `Run ${started.toISOString()} on: ${machine}; ${databases.description}.`,
    `autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up of each variant, then ${settings.runs} rounds of ${settings.duration} s alternating between the variants (in a rotating order); medians of the rounds. Every variant answered every operation with zero errors and byte-identical bodies (checked before measuring)${hasPeer ? '; PostGraphile, with a schema of its own, was checked to return the same companies, count, lawsuits and sides of each lawsuit' : ''}. Reproduce: \`${reproduceCommand()}\`.`,
    `CPU ms / request: the variant's process's user + system time${dialect === 'postgres' ? ", and the PostgreSQL server's (postmaster and every backend)" : ''}, read from /proc around each round and divided by the requests answered in it; median of the rounds. The load generator's own CPU is in neither.`,
    `How loaded the machine was: load average ${loadBefore} at the start, ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at the end; during the measured rounds, processes other than the measured ones and the load generator used a median of ${(100 * median(othersShare)).toFixed(0)} % of the machine's CPU (max ${(100 * Math.max(...othersShare)).toFixed(0)} %).`,
    `The front-end page's \`totalCount\` is read with ${counting} by both the server and the raw handler (checked before measuring).` +
      (dialect === 'postgres'
        ? ` The raw handler uses a pg pool of ${RAW_POSTGRES_POOL_SIZE} connections, as does the server (TypeORM's default). Peak RSS is the Node process's; PostgreSQL's own processes are not included.` +
          ` Statements per request are counted on one execution; how the loaders' batches form depends on when answers arrive, so a count can differ by one between runs.`
        : ''),
    '',
    '### Targets',
    '',
    '| target | result |',
    '| --- | --- |',
    ...targets,
    '',
    '### Throughput and latency',
    '',
    dialect === 'postgres'
      ? '| companies | operation | variant | req/s | p50 ms | p99 ms | CPU ms / request (Node) | CPU ms / request (PostgreSQL) | CPU ms / request (both) | SQL statements / request | peak RSS MB |'
      : '| companies | operation | variant | req/s | p50 ms | p99 ms | CPU ms / request (Node) | SQL statements / request | peak RSS MB |',
    dialect === 'postgres'
      ? '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
      : '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '### Ratios (this server ÷ the other variant, req/s)',
    '',
    hasPeer
      ? "| companies | operation | vs raw handler | vs loaders off | vs PostGraphile (req/s) | CPU per request ÷ PostGraphile's (Node + PostgreSQL) |"
      : '| companies | operation | vs raw handler | vs loaders off |',
    hasPeer ? '| ---: | --- | ---: | ---: | ---: | ---: |' : '| ---: | --- | ---: | ---: |',
    ...ratios,
    '',
    ...(floorRows.length
      ? [
          "### A request's fixed cost against Apollo Server alone (`{ __typename }`)",
          '',
          'Apollo Server 5 on node:http with a one-field schema and no plugin, context or database (`bench/apollo-floor.ts`): the least a request costs on this stack. Req/s and CPU ms per request (Node, and PostgreSQL where there is one), medians of the same rounds as above.',
          '',
          hasPeer
            ? '| companies | this server | Apollo Server alone | PostGraphile | this server ÷ Apollo alone | Apollo alone ÷ PostGraphile |'
            : '| companies | this server | Apollo Server alone | this server ÷ Apollo alone |',
          hasPeer ? '| ---: | ---: | ---: | ---: | ---: | ---: |' : '| ---: | ---: | ---: | ---: |',
          ...floorRows,
          '',
        ]
      : []),
    '### The front-end page as an automatic persisted query over GET (this server)',
    '',
    'Registered once by POST (query + sha256), then sent as `GET /graphql?operationName=FrontEnd&extensions=…` with the hash alone (checked to answer the same body). Every GET is answered in full (autocannon keeps no cache); the revalidation row sends the ETag in `If-None-Match`, as a CDN or browser does once its copy is older than `max-age`, and is answered `304`.',
    '',
    '| companies | request | req/s | p50 ms | p99 ms | ÷ the same page POSTed |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...apq,
    '',
    `### Latency growth with the store (this server, p50, ${smallest.toLocaleString('en')} → ${largest.toLocaleString('en')} companies)`,
    '',
    '| operation | p50 ms (small) | p50 ms (large) | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...growth,
  ].join('\n');
  const newFileHeader = [
    '# Benchmark results',
    '',
    'One section per database; `npm run bench -- --db sqlite|postgres` rewrites its own section and leaves the rest of this file as it is.',
    '',
    '## Operations',
    '',
    ...OPERATIONS.map((o) => `- **${o.name}**: ${o.description}`),
  ].join('\n');
  writeResultsSection(args.out!, dialect, section, newFileHeader);
  process.stdout.write(
    `\n${ratios.join('\n')}\n${growth.join('\n')}\nwrote the ${DIALECT_TITLES[dialect]} section of ${path.relative(process.cwd(), args.out!)}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
