import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openBenchDatabases } from './bench-databases';
import { freePort } from './free-port';
import { attackConnections } from './attack-connections';
import { hostileCorpus, type CorpusParties, type HostileRequest } from './hostile-corpus';
import { serverNodeFlags } from './server-flags';
import { budgetFamilies, memoryFamilies, runVolumeFamily, volumeMarkdown, type VolumeFamily, type VolumeOutcome } from './attack-volume';
import { DEFAULT_CLIENT_COST_BUDGET } from '../src/config';

/**
 * `npm run attack [-- --companies N --timeout-ms MS --out FILE]`: the hostile corpus, one request
 * at a time, against the built production server on a copy of the benchmark's synthetic SQLite
 * store, while GET /healthz is probed every 100 ms. Each request is judged against its expected
 * outcome and the targets (an answer within REQUEST_TIMEOUT_MS + 1 s, no probe slower than 100 ms,
 * never a 500); one line per request is printed and the table is written to bench/results/attack.md.
 * Exits 1 when any request fails.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const { values: args } = parseArgs({
  options: {
    companies: { type: 'string', default: '100000' },
    'timeout-ms': { type: 'string', default: '10000' },
    out: { type: 'string', default: path.join(ROOT, 'bench/results/attack.md') },
  },
});
const COMPANIES = Number(args.companies);
const TIMEOUT_MS = Number(args['timeout-ms']);
const PROBE_EVERY_MS = 100;
const MAX_PROBE_MS = 100;
/** The slack past REQUEST_TIMEOUT_MS the target allows before an answer counts as late. */
const ANSWER_SLACK_MS = 1000;
/** The harness gives up on an answer later than this (the server's own socket timeout is REQUEST_TIMEOUT_MS + 20 s). */
const GIVE_UP_MS = TIMEOUT_MS + 30_000;

for (const [name, value] of [
  ['--companies', COMPANIES],
  ['--timeout-ms', TIMEOUT_MS],
] as const) {
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`error: ${name} must be a positive integer\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: the server process and the temporary copy go whatever happens (an error, Ctrl-C).

let server: ChildProcess | null = null;
let tempDir: string | null = null;
process.once('exit', () => {
  // SIGKILL: the exit handler cannot wait for a graceful stop, and the server's database is a throwaway copy.
  if (server && server.exitCode === null) server.kill('SIGKILL');
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

// ---------------------------------------------------------------------------------------------
// The store and its parties.

/** A copy of the benchmark's kept store: the server seeds the report into the database it opens, and the kept file must stay as it is. */
async function copyOfStore(): Promise<string> {
  const databases = await openBenchDatabases('sqlite', ROOT);
  const kept = (await databases.prepare(COMPANIES)).replace(/^sqlite:/, '');
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-attack-'));
  const copy = path.join(tempDir, `synthetic-${COMPANIES}.sqlite`);
  copyFileSync(kept, copy);
  // A kept file is normally closed (checkpointed); if something has it open, its WAL holds the latest pages.
  if (existsSync(`${kept}-wal`)) copyFileSync(`${kept}-wal`, `${copy}-wal`);
  return copy;
}

/** The corpus's parties on this store, read before the server starts (read-only, on the copy). */
function pickParties(file: string): CorpusParties {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const slug = (sql: string) => (db.prepare(sql).get() as { slug: string } | undefined)?.slug;
    const hub = slug(`SELECT p.slug FROM lawsuit_party lp JOIN party p ON p.id = lp.party_id GROUP BY lp.party_id ORDER BY COUNT(*) DESC, p.id LIMIT 1`);
    // A company, like the seeded default (zte); the newest one, so it is a synthetic one.
    const isolated = slug(`SELECT p.slug FROM party p WHERE p.party_type = 'COMPANY'
      AND NOT EXISTS (SELECT 1 FROM lawsuit_party x WHERE x.party_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM sanction s WHERE s.target_id = p.id OR s.authority_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM regulatory_action r WHERE r.subject_id = p.id OR r.authority_id = p.id)
      ORDER BY p.id DESC LIMIT 1`);
    const other = slug(`SELECT slug FROM party WHERE party_type = 'PERSON' ORDER BY id DESC LIMIT 1`);
    if (!hub || !isolated || !other) throw new Error(`could not pick the corpus's parties in ${file} (hub ${hub}, isolated ${isolated}, other ${other})`);
    return { hub, isolated, other };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive, so a probe's latency is the server's, not a new connection's.

const agent = new http.Agent({ keepAlive: true });

interface Answer {
  /** 0 when no answer came (the connection failed, or the harness gave up). */
  status: number;
  body: string;
  ms: number;
}

function send(port: number, method: 'GET' | 'POST', urlPath: string, body?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, text: string) => resolve({ status, body: text, ms: performance.now() - started });
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const request = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(response.statusCode ?? 0, Buffer.concat(chunks).toString()));
      response.on('error', (error) => done(0, String(error)));
    });
    request.setTimeout(GIVE_UP_MS, () => request.destroy(new Error(`no answer within ${GIVE_UP_MS} ms`)));
    request.on('error', (error) => done(0, String(error)));
    request.end(body);
  });
}

/** A body given as a string is sent raw; an object as JSON, extensions (APQ) included as Apollo expects them. */
function encode(body: HostileRequest['body']): string {
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body);
  } catch (error) {
    // JSON.stringify recurses: the corpus's values nested 10,000 deep overflow the harness's own stack.
    if (error instanceof RangeError) return stringifyDeep(body);
    throw error;
  }
}

/** Text to write as it is, among the values still to encode. */
class Text {
  constructor(readonly text: string) {}
}

/** JSON.stringify for plain data without recursion: an explicit stack of values still to encode and text between them. */
function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  const todo: unknown[] = [value];
  // Each member is a list of parts (a value, or a key's text then a value); pushed reversed so they pop in order.
  const sequence = (open: string, members: unknown[][], close: string) => {
    const parts: unknown[] = [new Text(open)];
    members.forEach((member, i) => parts.push(...(i > 0 ? [new Text(','), ...member] : member)));
    parts.push(new Text(close));
    todo.push(...parts.reverse());
  };
  while (todo.length > 0) {
    const item = todo.pop();
    if (item instanceof Text) out.push(item.text);
    else if (Array.isArray(item))
      sequence(
        '[',
        item.map((v) => [v === undefined ? null : v]),
        ']',
      );
    else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item).filter(([, v]) => v !== undefined);
      sequence(
        '{',
        entries.map(([k, v]) => [new Text(`${JSON.stringify(k)}:`), v]),
        '}',
      );
    } else out.push(JSON.stringify(item) ?? 'null');
  }
  return out.join('');
}

/** The first error's extensions.code, "data" for an answer without errors, or what else came back. */
function codeOf(answer: Answer): string {
  if (answer.status === 0) return 'no answer';
  try {
    const json = JSON.parse(answer.body);
    if (Array.isArray(json.errors) && json.errors.length > 0) return String(json.errors[0]?.extensions?.code ?? 'no code');
    return 'data' in json ? 'data' : 'no data';
  } catch {
    return 'not JSON';
  }
}

// ---------------------------------------------------------------------------------------------
// Probing while a request runs.

interface Probed<T> {
  result: T;
  /** The slowest probe, ms. */
  worstMs: number;
  probes: number;
  /** Probes answered with anything but 200, or not at all. */
  failedProbes: number;
}

/**
 * Runs `work` while `probe` is sent every 100 ms on a fresh timer. At most one probe is in flight:
 * a tick that finds one outstanding sends nothing, and the outstanding one is measured when it
 * finishes. One probe goes at the start, and one more after the answer (once the last in flight is
 * back), so work the server keeps doing after it answered (a request abandoned at its deadline)
 * counts against the request that caused it.
 */
async function probeDuring<T>(work: () => Promise<T>, probe: () => Promise<Answer>): Promise<Probed<T>> {
  const latencies: number[] = [];
  let failedProbes = 0;
  let inFlight: Promise<void> | null = null;
  const fire = (): Promise<void> => {
    if (inFlight) return inFlight;
    inFlight = probe().then((answer) => {
      latencies.push(answer.ms);
      if (answer.status !== 200) failedProbes += 1;
      inFlight = null;
    });
    return inFlight;
  };
  void fire();
  const timer = setInterval(() => void fire(), PROBE_EVERY_MS);
  let result: T;
  try {
    result = await work();
  } finally {
    clearInterval(timer);
  }
  await inFlight;
  await fire();
  return { result, worstMs: Math.max(...latencies), probes: latencies.length, failedProbes };
}

// ---------------------------------------------------------------------------------------------
// Judging.

interface Outcome {
  family: string;
  name: string;
  expect: HostileRequest['expect'];
  status: number;
  code: string;
  ms: number;
  worstProbeMs: number;
  probeKind: string;
  /** Empty when the request passed. */
  failures: string[];
}

function expectationFailure(expect: HostileRequest['expect'], status: number, code: string): string | null {
  switch (expect) {
    case 'refused':
      return status === 400 && code === 'GRAPHQL_VALIDATION_FAILED' ? null : 'expected 400 GRAPHQL_VALIDATION_FAILED';
    case 'client-error':
      return status >= 400 && status < 500 && !['INTERNAL_SERVER_ERROR', 'data', 'no data', 'no code', 'not JSON'].includes(code)
        ? null
        : 'expected a 4xx with an error code';
    case 'bounded':
      // 503 REQUEST_TIMEOUT is the deadline doing its job; any other 5xx (or no answer) is not.
      return (status > 0 && status < 500) || (status === 503 && code === 'REQUEST_TIMEOUT') ? null : 'expected an answer or 503 REQUEST_TIMEOUT';
  }
}

function judge(request: HostileRequest, probed: Probed<Answer>, probeKind: string): Outcome {
  const { status, ms } = probed.result;
  const code = codeOf(probed.result);
  const failures: string[] = [];
  if (status === 0 || ms > TIMEOUT_MS + ANSWER_SLACK_MS) failures.push(`answer after ${Math.round(ms)} ms > ${TIMEOUT_MS + ANSWER_SLACK_MS}`);
  if (status === 500 || code === 'INTERNAL_SERVER_ERROR') failures.push('internal server error');
  const expected = expectationFailure(request.expect, status, code);
  if (expected) failures.push(expected);
  if (probed.worstMs > MAX_PROBE_MS) failures.push(`${probeKind} probe ${Math.round(probed.worstMs)} ms > ${MAX_PROBE_MS}`);
  if (probed.failedProbes > 0) failures.push(`${probed.failedProbes} ${probeKind} probes not answered 200`);
  return { family: request.family, name: request.name, expect: request.expect, status, code, ms, worstProbeMs: probed.worstMs, probeKind, failures };
}

// ---------------------------------------------------------------------------------------------
// The server.

/** Server log lines at warn or above (LOG_LEVEL=warn writes only those), kept for the report. */
const serverLog: string[] = [];

async function startServer(databaseFile: string, clientCostBudget = 'off', extraFlags: string[] = []): Promise<number> {
  const port = await freePort();
  server = spawn(process.execPath, [...serverNodeFlags(ROOT), ...extraFlags, path.join(ROOT, 'dist/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: `sqlite:${databaseFile}`,
      REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      // Every request of the attack comes from one address; the per-client budget is tested elsewhere.
      CLIENT_COST_BUDGET: clientCostBudget,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pending = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    serverLog.push(...lines.filter((line) => line.trim()));
  });
  // Opening a 100,000-company store and seeding the report into it takes a while on a busy machine.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before it was ready`);
    const ready = await send(port, 'GET', '/readyz');
    if (ready.status === 200) return port;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer /readyz with 200 within 180 s`);
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // It finishes in-flight requests for SHUTDOWN_GRACE_MS (10 s) at most; give it a little more.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// The run.

const typenameBody = JSON.stringify({ query: '{ __typename }' });

async function attack(port: number, corpus: HostileRequest[]): Promise<Outcome[]> {
  const healthz = () => send(port, 'GET', '/healthz');
  const typename = () => send(port, 'POST', '/graphql', typenameBody);
  // Warm the connections and the server's code paths the probes use, so the first probe measures the server, not a cold start.
  for (let i = 0; i < 20; i++) await Promise.all([healthz(), typename()]);

  const outcomes: Outcome[] = [];
  for (const request of corpus) {
    // Encoded before probing starts: encoding a deep value takes the harness's own time, which no probe should carry.
    const body = encode(request.body);
    const probed = await probeDuring(() => send(port, 'POST', '/graphql', body), healthz);
    outcomes.push(report(judge(request, probed, 'healthz')));
  }

  // The concurrent round: GraphQL requests (which go through Apollo, unlike /healthz) while the slowest bounded request runs.
  const bounded = outcomes.map((o, i) => ({ o, request: corpus[i] })).filter(({ o }) => o.expect === 'bounded');
  const slowest = bounded.sort((a, b) => b.o.ms - a.o.ms)[0];
  if (slowest) {
    const body = encode(slowest.request.body);
    const probed = await probeDuring(() => send(port, 'POST', '/graphql', body), typename);
    const outcome = judge(slowest.request, probed, '__typename');
    outcomes.push(report({ ...outcome, family: 'concurrent', name: `__typename POSTs during "${slowest.request.name}"` }));
  }
  return outcomes;
}

const verdict = (o: Outcome) => (o.failures.length === 0 ? 'PASS' : `FAIL (${o.failures.join('; ')})`);

function report(o: Outcome): Outcome {
  process.stdout.write(
    `${o.family.padEnd(18)} ${o.name.padEnd(48)} ${String(o.status).padStart(3)} ${o.code.padEnd(26)} ${String(Math.round(o.ms)).padStart(6)} ms  probe ${String(Math.round(o.worstProbeMs)).padStart(5)} ms  ${verdict(o)}\n`,
  );
  return o;
}

function markdown(outcomes: Outcome[], parties: CorpusParties, started: Date): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const failed = outcomes.filter((o) => o.failures.length > 0).length;
  const errorLines = serverLog.filter((line) => /"level":\s*(50|60)/.test(line));
  return [
    '# Hostile corpus against the production server',
    '',
    `Run ${started.toISOString()} on ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}, ${os.type()} ${os.release()}.`,
    `Store: the synthetic SQLite store of ${COMPANIES.toLocaleString('en')} companies (a temporary copy of bench/data/synthetic-${COMPANIES}.sqlite). ` +
      `Server: \`dist/src/main.js\` as its own process, NODE_ENV=production, LOG_LEVEL=warn, REQUEST_TIMEOUT_MS=${TIMEOUT_MS}.`,
    `CLIENT_COST_BUDGET=off: the whole attack comes from one address; the per-client budget is tested elsewhere, not by this run.`,
    `Parties: hub \`${parties.hub}\` (most lawsuit_party rows), isolated \`${parties.isolated}\` (no lawsuit, sanction or regulatory action), other \`${parties.other}\` (the newest person).`,
    '',
    `Each request is sent alone while \`GET /healthz\` is probed every ${PROBE_EVERY_MS} ms (one probe in flight at most; one more sent after the answer, so work left running after the answer counts). ` +
      `Targets: an answer within REQUEST_TIMEOUT_MS + ${ANSWER_SLACK_MS / 1000} s; worst probe ≤ ${MAX_PROBE_MS} ms; never 500 / INTERNAL_SERVER_ERROR; ` +
      '`refused` → 400 GRAPHQL_VALIDATION_FAILED; `client-error` → a 4xx with an error code; `bounded` → any status but a 5xx, except 503 REQUEST_TIMEOUT. ' +
      'The last row re-sends the slowest `bounded` request while `{ __typename }` is POSTed every 100 ms instead.',
    '',
    `**${outcomes.length - failed} passed, ${failed} failed.** Reproduce: \`npm run attack -- --companies ${COMPANIES} --timeout-ms ${TIMEOUT_MS}\`.`,
    '',
    '| family | request | expected | status | code | ms | worst probe ms | result |',
    '| --- | --- | --- | ---: | --- | ---: | ---: | --- |',
    ...outcomes.map(
      (o) =>
        `| ${cell(o.family)} | ${cell(o.name)} | ${o.expect} | ${o.status} | ${cell(o.code)} | ${Math.round(o.ms)} | ${Math.round(o.worstProbeMs)} | ${cell(verdict(o))} |`,
    ),
    '',
    `Server log: ${serverLog.length} lines at warn or above, ${errorLines.length} at error.` +
      (errorLines.length ? ` First: \`${cell(errorLines[0].slice(0, 300))}\`` : ''),
    '',
  ].join('\n');
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/src/main.js'))) throw new Error('run `npm run build` first (npm run attack does)');
  const started = new Date();
  process.stdout.write(`copying the ${COMPANIES.toLocaleString('en')}-company store … `);
  const copy = await copyOfStore();
  const parties = pickParties(copy);
  process.stdout.write(`done\nparties: hub ${parties.hub}, isolated ${parties.isolated}, other ${parties.other}\n`);
  process.stdout.write(`CLIENT_COST_BUDGET=off: the attack comes from one address; the per-client budget is tested elsewhere\n`);
  // Full collections on SIGUSR2: the memory family reads RSS after them.
  let port = await startServer(copy, 'off', ['--expose-gc', '--require', path.join(ROOT, 'dist/bench/gc-on-signal.js')]);
  process.stdout.write(`server ready on port ${port} (REQUEST_TIMEOUT_MS=${TIMEOUT_MS}); ${os.cpus().length} cores, Node ${process.version}\n\n`);
  let outcomes: Outcome[];
  const volume: VolumeOutcome[] = [];
  const volumeRun = async (family: VolumeFamily, budget: string, collects = false) => {
    const probe = () => send(port, 'GET', '/healthz');
    const outcome = await runVolumeFamily(family, budget, server!.pid!, port, `127.0.0.${10 + volume.length}`, probe, collects);
    process.stdout.write(
      `${outcome.name.padEnd(50)} budget ${budget.padEnd(7)} sent ${outcome.sent}  ${JSON.stringify(outcome.statuses)}  probe ${Math.round(outcome.worstProbeMs)} ms  RSS ${outcome.rssBeforeMB} → ${outcome.rssAfterMB} MB\n`,
    );
    volume.push(outcome);
  };
  try {
    outcomes = await attack(port, hostileCorpus(parties));
    for (const family of memoryFamilies()) await volumeRun(family, 'off', true);
  } finally {
    await stopServer();
  }
  // The budget families, on a server with the default per-client budget.
  port = await startServer(copy, String(DEFAULT_CLIENT_COST_BUDGET));
  try {
    for (const family of budgetFamilies(parties)) await volumeRun(family, String(DEFAULT_CLIENT_COST_BUDGET));
  } finally {
    await stopServer();
  }
  mkdirSync(path.dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, markdown(outcomes, parties, started) + volumeMarkdown(volume).join('\n'));
  const growth = (o: VolumeOutcome) => (o.collected ? o.collected.afterMB - o.collected.beforeMB : o.rssAfterMB - o.rssBeforeMB);
  const volumeFailures = volume.filter((o) => (o.budget === 'off' ? growth(o) > 150 : !o.statuses[429]) || o.statuses[500] || o.worstProbeMs > MAX_PROBE_MS);
  const failed = outcomes.filter((o) => o.failures.length > 0).length + volumeFailures.length;
  process.stdout.write(`\n${outcomes.length + volume.length - failed} passed, ${failed} failed; wrote ${path.relative(process.cwd(), args.out!)}\n`);
  // Sockets, shutdown and large imports: servers of their own (bench/attack-connections.ts).
  const connectionsOut = path.join(path.dirname(args.out!), 'attack-connections.md');
  process.stdout.write('\nsockets, shutdown and imports:\n');
  const connections = await attackConnections(connectionsOut);
  const connectionsFailed = connections.filter((r) => !r.pass).length;
  process.stdout.write(
    `${connections.length - connectionsFailed} passed, ${connectionsFailed} failed; wrote ${path.relative(process.cwd(), connectionsOut)}\n`,
  );
  process.exit(failed + connectionsFailed > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`attack: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
