import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from './free-port';
import { OPERATIONS, requestBody } from './operations';
import { postgraphileRequestBody } from './postgraphile-operations';
import { serverNodeFlags } from './server-flags';
import { waitForServer } from './wait-for-server';

/**
 * `node dist/bench/profile.js --db URL --operation FrontEnd [--seconds 15] [--env K=V,…]`: runs the
 * built server under `node --cpu-prof` on DATABASE_URL, loads it with autocannon (10 connections)
 * for the given time with one operation, stops it (SIGTERM, so the profile is written) and prints
 * where its CPU time went, by category: each sample is charged to the innermost frame of the stack
 * that has a category (so a builtin such as JSON.stringify or a native call counts for the code
 * that called it). `--profile FILE` summarises an existing .cpuprofile instead.
 */
const ROOT = path.resolve(__dirname, '../..');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    operation: { type: 'string', default: 'FrontEnd' },
    seconds: { type: 'string', default: '15' },
    env: { type: 'string', default: '' },
    profile: { type: 'string' },
    top: { type: 'string', default: '0' },
    warmup: { type: 'string', default: '3' },
    // Another server to profile instead of dist/src/main.js (e.g. bench/postgraphile/server.js), relative to the root.
    script: { type: 'string', default: 'dist/src/main.js' },
    // The PostGraphile form of the operation (bench/postgraphile-operations.ts).
    postgraphile: { type: 'boolean', default: false },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Categories, tried in order on a frame's URL and function name. */
const CATEGORIES: [string, (url: string, fn: string) => boolean][] = [
  ['GC', (_u, f) => f === '(garbage collector)'],
  // The socket write system call. On a loaded 2-core machine it is mostly time spent descheduled:
  // the write wakes the reader (the load generator, a PostgreSQL backend), which then takes the core,
  // and the sampler goes on charging this frame. The raw handler makes the same calls.
  ['writev (socket writes; mostly time descheduled on a loaded machine)', (_u, f) => f === 'writev' || f === 'writeBuffer' || f === 'writeUtf8String'],
  ['idle', (_u, f) => f === '(idle)'],
  [
    'logging',
    (u) =>
      /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free)\//.test(u) ||
      /dist\/src\/(logger|server\/request-log\.plugin)\.js/.test(u),
  ],
  [
    'plugin: query limits + cost (query-limits, operation-measure, graphql-armor)',
    (u) => /dist\/src\/server\/(query-limits|operation-measure|variable-values|client-budget)\.js/.test(u) || /@escape\.tech\/graphql-armor/.test(u),
  ],
  ['plugin: http cache (ETag, Cache-Control)', (u) => /http-cache\.plugin\.js/.test(u)],
  ['plugin: NUL character', (u) => /nul-character\.plugin\.js/.test(u)],
  ['plugin: landing page', (u) => /landing-page\.plugin\.js/.test(u)],
  ['plugin: drain HTTP server', (u) => /drainHttpServer/.test(u)],
  ['error formatting', (u) => /format-error\.js/.test(u)],
  ['context + API key lookup', (u) => /dist\/src\/(context|common\/auth[^/]*|modules\/api-keys\/[^/]*)\.js/.test(u) || /dist\/src\/modules\/api-key/.test(u)],
  ['row mapping + SQL reader', (u) => /dist\/src\/common\/database\//.test(u) || /dist\/src\/entities/.test(u)],
  ['loaders (DataLoader + src/common/loaders)', (u) => /node_modules\/dataloader\//.test(u) || /dist\/src\/common\/loaders\//.test(u)],
  ['SQL driver (pg / better-sqlite3 / TypeORM)', (u) => /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-array|better-sqlite3|typeorm)\//.test(u)],
  ['execution: graphql-jit', (u) => /node_modules\/graphql-jit\//.test(u) || /dist\/src\/server\/jit-executor\.js/.test(u)],
  [
    'execution: resolvers (type-graphql + src/modules)',
    (u) =>
      /node_modules\/type-graphql\//.test(u) ||
      /dist\/src\/(modules|common)\//.test(u) ||
      /dist\/src\/schema\.js/.test(u) ||
      /class-validator|class-transformer/.test(u),
  ],
  ['execution: graphql-js', (u) => /node_modules\/graphql\/execution\//.test(u)],
  ['Apollo: parse + validate (graphql-js)', (u) => /node_modules\/graphql\/(language|validation|utilities)\//.test(u)],
  ['Apollo: serialisation of the answer', (_u, f) => /prettyJSONStringify|stringify/i.test(f)],
  [
    'Apollo request pipeline (@apollo/server, its utils, caches)',
    (u) =>
      /node_modules\/@apollo\//.test(u) ||
      /node_modules\/(lru-cache|@graphql-tools|negotiator|uuid|node-abort-controller|whatwg-mimetype|loglevel|async-retry)\//.test(u) ||
      /node_modules\/graphql\//.test(u),
  ],
  [
    'HTTP: our /graphql handler or Express, and middleware (cors, body parsing, request id, deadline)',
    (u) =>
      /node_modules\/(express|router|body-parser|raw-body|cors|vary|on-finished|finalhandler|send|serve-static|content-type|type-is|iconv-lite|qs|depd|http-errors|statuses|mime-types|mime-db|proxy-addr|forwarded|ipaddr\.js|accepts|parseurl|encodeurl|escape-html|fresh|range-parser|etag|cookie|content-disposition|merge-descriptors|media-typer|bytes|unpipe|destroy|ee-first|debug|ms|setprototypeof|toidentifier|inherits|safe-buffer|path-to-regexp|is-promise|math-intrinsics|side-channel[^/]*|object-inspect|call-bound|get-intrinsic|es-[a-z-]+|function-bind|hasown|gopd|has-symbols|dunder-proto|get-proto|call-bind-apply-helpers)\//.test(
        u,
      ) ||
      /@as-integrations\/express5/.test(u) ||
      /dist\/src\/server\/(app|graphql-http)\.js/.test(u),
  ],
  [
    'PostGraphile (graphile-build, postgraphile, pg-sql2)',
    (u) => /node_modules\/(postgraphile|postgraphile-core|graphile-build|graphile-build-pg|graphile-utils|pg-sql2|@graphile[^/]*)\//.test(u),
  ],
  [
    'HTTP: node:http, net, streams',
    (u) =>
      /^node:(_http|http|net|stream|internal\/(streams|http|stream_base|net|js_stream))/.test(u) ||
      /^node:internal\/(streams|http|stream_base_commons|net|dns)/.test(u),
  ],
  ['Node: AbortController / EventTarget (the deadline)', (u) => /^node:internal\/(abort_controller|event_target)/.test(u)],
  ['Node: timers', (u) => /^node:(timers|internal\/timers)/.test(u)],
  ['Node: crypto (request ids)', (u) => /^node:(crypto|internal\/crypto)/.test(u)],
  ['Node: module loading', (u) => /^node:internal\/(modules|bootstrap)/.test(u)],
  ['Node runtime, other (promises, async hooks, events, buffers)', (u) => /^node:/.test(u)],
  ['(program): native code, V8 compilation', (_u, f) => f === '(program)'],
];

/** `skipMs`: the samples of the first milliseconds (start-up, warm-up) are left out. */
function summarise(file: string, top: number, skipMs = 0): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const { callFrame } = byId.get(id)!;
    let category = CATEGORIES.find(([, test]) => test(callFrame.url, callFrame.functionName))?.[0];
    if (!category) {
      const up = parent.get(id);
      category = up === undefined || byId.get(up)!.callFrame.functionName === '(root)' ? 'other' : resolve(up);
    }
    categoryOf.set(id, category);
    return category;
  };
  const time = new Map<string, number>();
  const fnTime = new Map<string, number>();
  let total = 0;
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    elapsed += dt;
    if (elapsed < skipMs * 1000) return;
    const category = resolve(id);
    time.set(category, (time.get(category) ?? 0) + dt);
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*dist\//, 'dist/')}:${lineNumber + 1}`;
    fnTime.set(key, (fnTime.get(key) ?? 0) + dt);
    total += dt;
  });
  const busy = total - (time.get('idle') ?? 0);
  const lines = ['| category | ms | % of busy time |', '| --- | ---: | ---: |'];
  for (const [category, us] of [...time].sort((a, b) => b[1] - a[1])) {
    if (category === 'idle') continue;
    lines.push(`| ${category} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} |`);
  }
  lines.push(`| **busy in all** (idle ${((time.get('idle') ?? 0) / 1000).toFixed(0)} ms not counted) | ${(busy / 1000).toFixed(0)} | 100 |`);
  const writes = [...time].find(([c]) => c.startsWith('writev'))?.[1] ?? 0;
  lines.push(`| busy without writev | ${((busy - writes) / 1000).toFixed(0)} | ${((100 * (busy - writes)) / busy).toFixed(1)} |`);
  if (top > 0) {
    lines.push('', `Top ${top} functions by self time:`, '');
    for (const [key, us] of [...fnTime].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`- ${((100 * us) / busy).toFixed(1)} % ${key}`);
  }
  return lines.join('\n');
}

async function main() {
  const top = Number(args.top);
  if (args.profile) {
    process.stdout.write(summarise(args.profile, top) + '\n');
    return;
  }
  if (!args.db) throw new Error('--db DATABASE_URL is required');
  const operation = OPERATIONS.find((o) => o.name === args.operation);
  if (!operation) throw new Error(`unknown operation ${args.operation}`);
  const body = args.postgraphile ? postgraphileRequestBody(operation.name) : requestBody(operation);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-profile-'));
  const port = await freePort();
  const extra = Object.fromEntries(
    args
      .env!.split(',')
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  );
  const spawned = performance.now();
  const child = spawn(process.execPath, [...serverNodeFlags(ROOT), '--cpu-prof', '--cpu-prof-dir', dir, path.resolve(ROOT, args.script!)], {
    env: { ...process.env, DATABASE_URL: args.db, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off', ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForServer(url, body, 60_000);
  const warmup = Number(args.warmup);
  await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: warmup });
  // The profile starts with the process: leave out start-up and warm-up.
  const skipMs = performance.now() - spawned;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 10,
    duration: Number(args.seconds),
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  const file = path.join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!,
  );
  process.stdout.write(
    `${operation.name}: ${result.requests.total} requests in ${args.seconds} s (${result.requests.average.toFixed(0)} req/s, ${result.non2xx} non-2xx) after ${warmup} s of warm-up; profile ${file} (its first ${(skipMs / 1000).toFixed(1)} s, start-up and warm-up, left out)\n\n`,
  );
  process.stdout.write(summarise(file, top, skipMs) + '\n');
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
