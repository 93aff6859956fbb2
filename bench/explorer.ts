import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openBenchDatabases, type BenchDialect } from './bench-databases';
import { explorerDocuments } from './explorer-documents';
import { freePort } from './free-port';
import { serverNodeFlags } from './server-flags';
import { waitForServer } from './wait-for-server';

/**
 * `node dist/bench/explorer.js --companies N [--db sqlite|postgres] [--build label=dir …]`: the
 * explorer's own reads (explorer/src/operations.graphql, each sent as the explorer sends it: the
 * operation and the fragments it uses) against one synthetic database, for one build or several
 * side by side. For each build and read: the first request after the server started (cold), then
 * one client's latency (rounds of sequential requests, alternating between the builds), then
 * requests per second with `--connections` connections (autocannon, alternating too). The party
 * reads go through `--parties` companies spread evenly over the ids (the oldest are the most sued).
 * `--build-database label=url` gives one build a database of its own (a copy of the same store).
 * Prints a markdown table; medians over the rounds.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    companies: { type: 'string', default: '1000' },
    'database-url': { type: 'string' },
    build: { type: 'string', multiple: true, default: [] },
    // `label=url`: that build's server reads its own copy of the store (e.g. one without a later migration).
    'build-database': { type: 'string', multiple: true, default: [] },
    parties: { type: 'string', default: '20' },
    requests: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    operations: { type: 'string', default: 'DisputeList,DisputePage,PartyPage,PartyNetwork,PartyTimeline,Search,TimelineCount,TimelineRange' },
  },
});
const settings = {
  parties: Number(args.parties),
  requests: Number(args.requests),
  rounds: Number(args.rounds),
  duration: Number(args.duration),
  connections: Number(args.connections),
};
const builds = (args.build!.length ? args.build! : [`this=${ROOT}`]).map((spec) => {
  const [label, dir] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [path.basename(spec), spec];
  return { label, dir: path.resolve(dir) };
});

interface Read {
  name: string;
  /** The request bodies it cycles through. */
  bodies: string[];
}

/** Slugs to read: companies spread evenly over the ids, the disputes, and a word of each company's name. */
async function sample(url: string): Promise<{ parties: string[]; names: string[]; disputes: string[] }> {
  const queries = {
    count: `SELECT COUNT(*) AS n FROM party WHERE party_type = 'COMPANY'`,
    party: `SELECT slug, name FROM party WHERE party_type = 'COMPANY' ORDER BY id LIMIT 1 OFFSET $1`,
    disputes: `SELECT slug FROM dispute ORDER BY id`,
  };
  let run: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
  let close: () => Promise<void>;
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    run = async (sql, parameters = []) => db.prepare(sql.replace(/\$\d/g, '?')).all(...parameters) as Record<string, unknown>[];
    close = async () => void db.close();
  } else {
    const client = new Client({ connectionString: url });
    await client.connect();
    run = async (sql, parameters = []) => (await client.query(sql, parameters)).rows;
    close = () => client.end();
  }
  try {
    const total = Number((await run(queries.count))[0].n);
    const parties: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < settings.parties; i++) {
      const [row] = await run(queries.party, [Math.floor((i * total) / settings.parties)]);
      parties.push(String(row.slug));
      names.push(String(row.name).split(' ')[0]);
    }
    return { parties, names, disputes: (await run(queries.disputes)).map((row) => String(row.slug)) };
  } finally {
    await close();
  }
}

function reads(documents: Map<string, string>, { parties, names, disputes }: Awaited<ReturnType<typeof sample>>): Read[] {
  const body = (name: string, variables: Record<string, unknown>) => JSON.stringify({ operationName: name, query: documents.get(name), variables });
  const all: Read[] = [
    { name: 'DisputeList', bodies: [body('DisputeList', {})] },
    { name: 'DisputePage', bodies: disputes.map((slug) => body('DisputePage', { slug })) },
    { name: 'PartyPage', bodies: parties.map((slug) => body('PartyPage', { slug })) },
    { name: 'PartyNetwork', bodies: parties.map((slug) => body('PartyNetwork', { slug, depth: 2 })) },
    { name: 'PartyTimeline', bodies: parties.map((slug) => body('PartyTimeline', { slug, after: null })) },
    { name: 'Search', bodies: names.map((text) => body('Search', { text })) },
    // Not the explorer's: the whole graph's timeline, its first page and count.
    {
      name: 'TimelineCount',
      bodies: [
        JSON.stringify({ operationName: 'TimelineCount', query: 'query TimelineCount { timeline(first: 20) { totalCount edges { node { title } } } }' }),
      ],
    },
    // The same within a half year: its count is a COUNT over each dated table's index range.
    {
      name: 'TimelineRange',
      bodies: [
        JSON.stringify({
          operationName: 'TimelineRange',
          query: 'query TimelineRange { timeline(first: 20, from: "2019-01", to: "2019-06") { totalCount edges { node { title } } } }',
        }),
      ],
    },
  ];
  const wanted = args.operations!.split(',');
  return all.filter((read) => wanted.includes(read.name));
}

/** Reads measured with one client only: the whole graph's timeline is not a page the explorer loads. */
const ONE_CLIENT_ONLY = new Set(['TimelineCount', 'TimelineRange']);

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});
process.once('SIGINT', () => process.exit(130));

async function start(dir: string, databaseUrl: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeFlags(dir), path.join(dir, 'dist/src/main.js')], {
    cwd: dir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      CLIENT_COST_BUDGET: 'off',
      REQUEST_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForServer(url, JSON.stringify({ query: '{ __typename }' }), 120_000);
  return url;
}

async function post(url: string, body: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${JSON.parse(body).operationName} answered ${response.status}: ${text.slice(0, 300)}`);
  return ms;
}

interface Load {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

function throughput(url: string, bodies: string[], seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((body) => ({ body })),
        connections: settings.connections,
        duration: seconds,
      },
      (error, result) => {
        if (error) return reject(error);
        // Errors are counted, not fatal: under load a slow read answers REQUEST_TIMEOUT, which is a result.
        resolve({
          reqPerSec: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
  });
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const median = (xs: number[]) => percentile(xs, 50);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function main() {
  const dialect = args.db as BenchDialect;
  let databaseUrl = args['database-url'];
  const databases = databaseUrl ? null : await openBenchDatabases(dialect, ROOT);
  try {
    if (!databaseUrl) databaseUrl = await databases!.prepare(Number(args.companies));
    const list = reads(explorerDocuments(ROOT), await sample(databaseUrl));
    const servers: { label: string; url: string; cold: Map<string, number> }[] = [];
    for (const build of builds) {
      const own = args['build-database']!.find((spec) => spec.startsWith(`${build.label}=`));
      const url = await start(build.dir, own ? own.slice(build.label.length + 1) : databaseUrl);
      const cold = new Map<string, number>();
      // The first request of each read after the server started, in order.
      for (const read of list) cold.set(read.name, await post(url, read.bodies[0]));
      servers.push({ label: build.label, url, cold });
    }
    const latencies = new Map<string, number[]>();
    const loads = new Map<string, Load[]>();
    // One client first, every round; then the loaded rounds, so that no request left queued by a
    // loaded round (a slow read times out after it) lands in a measured single-client request.
    for (let round = 0; round < settings.rounds; round++) {
      // Alternating: each round runs every build once, in an order that turns round by round.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      for (const read of list) {
        for (const server of order) {
          const key = `${server.label}|${read.name}`;
          const times = latencies.get(key) ?? [];
          for (let i = 0; i < settings.requests; i++) times.push(await post(server.url, read.bodies[(round * settings.requests + i) % read.bodies.length]));
          latencies.set(key, times);
          process.stdout.write(`round ${round + 1} ${read.name} ${server.label}: p50 ${ms(median(times))} ms\n`);
        }
      }
    }
    for (let round = 0; round < settings.rounds && settings.duration > 0; round++) {
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      for (const read of list.filter((r) => !ONE_CLIENT_ONLY.has(r.name))) {
        for (const server of order) {
          const key = `${server.label}|${read.name}`;
          const measured = await throughput(server.url, read.bodies, settings.duration);
          loads.set(key, [...(loads.get(key) ?? []), measured]);
          process.stdout.write(
            `round ${round + 1} ${read.name} ${server.label}: ${measured.reqPerSec.toFixed(0)} req/s with ${settings.connections}, ${measured.errors} errors\n`,
          );
        }
      }
    }
    const lines = [
      `| read | build | cold (first request) ms | one client p50 ms | p99 ms | ${settings.connections} connections req/s | p50 ms | errors |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const read of list) {
      for (const server of servers) {
        const key = `${server.label}|${read.name}`;
        const times = latencies.get(key)!;
        const load = loads.get(key);
        lines.push(
          `| ${read.name} | ${server.label} | ${ms(server.cold.get(read.name)!)} | ${ms(median(times))} | ${ms(percentile(times, 99))} | ${
            load ? median(load.map((l) => l.reqPerSec)).toFixed(0) : '–'
          } | ${load ? median(load.map((l) => l.p50)) : '–'} | ${load ? load.reduce((n, l) => n + l.errors, 0) : '–'} |`,
        );
      }
    }
    process.stdout.write(
      `\n${databaseUrl.replace(/:[^:@/]*@/, ':@')}, ${settings.parties} parties, ${settings.requests} requests × ${settings.rounds} rounds\n${lines.join('\n')}\n`,
    );
  } finally {
    for (const child of running) child.kill('SIGTERM');
    databases?.release();
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).stack}\n`);
  process.exit(1);
});
