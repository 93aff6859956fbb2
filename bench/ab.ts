import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import path from 'node:path';
import autocannon from 'autocannon';
import { machineCpuMs, postgresCpuReader, processCpuMs } from './cpu-time';
import { freePort } from './free-port';
import { OPERATIONS, requestBody } from './operations';
import { serverNodeFlags } from './server-flags';

/**
 * `node dist/bench/ab.js --a DIST_A --b DIST_B --db DATABASE_URL [--db-b DATABASE_URL] [--operations Typename,FrontEnd]`:
 * one change measured by itself. Two builds of the server (each a `dist` folder, e.g. a copy made
 * before the change, next to a node_modules) on the same database, loaded in alternating rounds
 * (A B, B A, …) by autocannon with 10 connections; prints for each the median req/s and CPU ms per
 * request (its process's, and PostgreSQL's on PostgreSQL), read from /proc around each round, and B ÷ A.
 */
const { values: args } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    db: { type: 'string' },
    // B's own database, when the builds cannot share one (e.g. a build before a migration or a seed change).
    'db-b': { type: 'string' },
    operations: { type: 'string', default: 'Typename,FrontEnd' },
    rounds: { type: 'string', default: '6' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '4' },
    env: { type: 'string', default: '' },
    // Settings for one side only (K=V,…), e.g. the same build with LOG_LEVEL=info against warn.
    'env-a': { type: 'string', default: '' },
    'env-b': { type: 'string', default: '' },
    // Node flags for one side only (space-separated), e.g. a V8 GC flag.
    'flags-a': { type: 'string', default: '' },
    'flags-b': { type: 'string', default: '' },
  },
});
/** This repository (dist/bench/ab.js → the root), whose package.json gives the server's Node flags. */
const ROOT = path.resolve(__dirname, '../..');
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

const settings = (list: string) =>
  Object.fromEntries(
    list
      .split(',')
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  );

async function start(dist: string, db: string, own: string, flags: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const extra = { ...settings(args.env!), ...settings(own) };
  const child = spawn(process.execPath, [...serverNodeFlags(ROOT), ...flags.split(' ').filter(Boolean), path.join(path.resolve(dist), 'src/main.js')], {
    env: { ...process.env, DATABASE_URL: db, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off', ...extra },
    // stdout through a pipe that is read, as a log collector reads it (not /dev/null).
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(OPERATIONS[0]) })).status === 200)
        return { child, url };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`${dist} did not start`);
}

async function main() {
  const db = args.db!;
  const a = await start(args.a!, db, args['env-a']!, args['flags-a']!);
  // If B cannot start, A is not left running.
  const b = await start(args.b!, args['db-b'] ?? db, args['env-b']!, args['flags-b']!).catch((error) => {
    a.child.kill('SIGTERM');
    throw error;
  });
  const sides = { A: a, B: b };
  const pgCpu = db.startsWith('postgres') ? await postgresCpuReader(db) : null;
  const others: number[] = [];
  try {
    for (const name of args.operations!.split(',')) {
      const operation = OPERATIONS.find((o) => o.name === name)!;
      const body = requestBody(operation);
      const run = (url: string, duration: number) =>
        autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration });
      for (const side of Object.values(sides)) await run(side.url, Number(args.warmup));
      const figures: Record<'A' | 'B', { rate: number[]; cpu: number[]; pg: number[] }> = {
        A: { rate: [], cpu: [], pg: [] },
        B: { rate: [], cpu: [], pg: [] },
      };
      for (let r = 0; r < Number(args.rounds); r++) {
        for (const key of (r % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) {
          const { child, url } = sides[key];
          const before = { node: processCpuMs(child.pid!), pg: pgCpu?.() ?? NaN, machine: machineCpuMs() };
          const result = await run(url, Number(args.duration));
          if (result.non2xx || result.errors) throw new Error(`${key} ${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          const node = processCpuMs(child.pid!) - before.node;
          const pg = (pgCpu?.() ?? NaN) - before.pg;
          const machine = machineCpuMs();
          others.push((machine.busy - before.machine.busy - node - (Number.isNaN(pg) ? 0 : pg)) / (machine.total - before.machine.total));
          figures[key].rate.push(result.requests.average);
          figures[key].cpu.push(node / result.requests.total);
          figures[key].pg.push(pg / result.requests.total);
        }
      }
      const m = (k: 'A' | 'B') => ({ rate: median(figures[k].rate), cpu: median(figures[k].cpu), pg: median(figures[k].pg) });
      const [a, b] = [m('A'), m('B')];
      const pgText = (x: { pg: number }) => (Number.isNaN(x.pg) ? '' : ` + PostgreSQL ${x.pg.toFixed(3)}`);
      process.stdout.write(
        `${name}: A ${a.rate.toFixed(0)} req/s, CPU ${a.cpu.toFixed(3)} ms/req${pgText(a)} | B ${b.rate.toFixed(0)} req/s, CPU ${b.cpu.toFixed(3)} ms/req${pgText(b)} | B÷A req/s ${(b.rate / a.rate).toFixed(2)}×, CPU ${(b.cpu / a.cpu).toFixed(2)}× (rounds: A ${figures.A.cpu.map((x) => x.toFixed(3)).join(' ')}; B ${figures.B.cpu.map((x) => x.toFixed(3)).join(' ')})\n`,
      );
    }
    process.stdout.write(
      `other processes used a median of ${(100 * median(others)).toFixed(0)} % of the machine's CPU during the rounds (max ${(100 * Math.max(...others)).toFixed(0)} %)\n`,
    );
  } finally {
    for (const side of Object.values(sides)) side.child.kill('SIGTERM');
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
