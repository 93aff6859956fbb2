import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { freePort } from './free-port';
import { largeImportDocument } from './large-import';
import { serverNodeFlags } from './server-flags';

/**
 * The hostile families about sockets, shutdown and imports, each against the built production
 * server as its own process on a fresh SQLite file, while `GET /healthz` is probed from a second
 * loopback address (127.0.0.2: the per-address cap counts the first one):
 * - idle sockets: thousands of silent sockets from 127.0.0.1;
 * - slow sockets: sockets that send a request head a line at a time and never finish it;
 * - large import: an editor's 100 kB `importSource`, several times;
 * - writes across SIGTERM: `createCompany` in a loop on several keep-alive connections and a large
 *   import in flight when the server is told to stop; every answer is matched with the database.
 * `npm run attack` runs them after the hostile corpus (bench/attack.ts); alone:
 * `node dist/bench/attack-connections.js [--out FILE]`. The client tools are the tests' too
 * (test/hostile-connections.suite.ts, test/shutdown.test.ts).
 */

// ---------------------------------------------------------------------------------------------
// Client tools.

export interface Probe {
  /** 0: no answer (refused, reset, or none within the limit). */
  status: number;
  ms: number;
  error?: string;
}

/** One GET on a new socket bound to `from` (a loopback address), so the server sees that address. */
export function probe(port: number, from = '127.0.0.2', urlPath = '/healthz', limitMs = 10_000): Promise<Probe> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, error?: string) => resolve({ status, ms: performance.now() - started, ...(error ? { error } : {}) });
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, localAddress: from, agent: false, timeout: limitMs }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', (error) => done(0, error.message));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within the limit')));
    req.on('error', (error) => done(0, (error as NodeJS.ErrnoException).code ?? error.message));
  });
}

/**
 * Runs `work` while probing every `everyMs` (one probe in flight at most, one more after the work
 * ends), the prober in a process of its own: what the attack's own process does (opening
 * thousands of sockets, encoding a 100 kB body) must not show as the server's latency.
 */
export async function probeDuring<T>(port: number, everyMs: number, work: () => Promise<T>, from = '127.0.0.2'): Promise<{ result: T; probes: Probe[] }> {
  const child = spawn(process.execPath, ['-e', PROBER, String(port), String(everyMs), from], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The first probe's answer: the prober is running.
  while (!output.includes('\n')) {
    if (child.exitCode !== null) throw new Error('the prober exited');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  let result: T;
  try {
    result = await work();
  } finally {
    child.stdin!.end();
    await exited;
  }
  return {
    result,
    probes: output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Probe),
  };
}

/** The prober's code (node -e): probes until its stdin ends, one more after, then prints every probe as a JSON line. */
const PROBER = `
const http = require('node:http');
const [port, everyMs, from] = process.argv.slice(1);
let running = true;
process.stdin.resume().on('end', () => (running = false));
const probe = () => new Promise((resolve) => {
  const started = performance.now();
  const done = (status, error) => resolve({ status, ms: performance.now() - started, ...(error ? { error } : {}) });
  const req = http.get({ host: '127.0.0.1', port: Number(port), path: '/healthz', localAddress: from, agent: false, timeout: 10000 }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode || 0));
    res.on('error', (error) => done(0, error.message));
  });
  req.on('timeout', () => req.destroy(new Error('no answer within the limit')));
  req.on('error', (error) => done(0, error.code || error.message));
});
(async () => {
  while (running) {
    process.stdout.write(JSON.stringify(await probe()) + '\\n');
    if (running) await new Promise((resolve) => setTimeout(resolve, Number(everyMs)));
  }
  process.stdout.write(JSON.stringify(await probe()) + '\\n');
})();
`;

/** A socket opened by the attack, with when it opened and closed (performance.now() ms). */
export interface TrackedSocket {
  socket: net.Socket;
  openedAt: number;
  closedAt: number | null;
}

function track(socket: net.Socket): TrackedSocket {
  const tracked: TrackedSocket = { socket, openedAt: performance.now(), closedAt: null };
  socket.on('error', () => undefined);
  // Read what the server sends (a 408, then its end): a paused socket would never see it close.
  socket.resume();
  socket.once('close', () => (tracked.closedAt = performance.now()));
  return tracked;
}

/**
 * Opens `count` sockets from `from` and sends nothing (in batches, so the listen backlog is not
 * what refuses them); resolves once each has connected or failed.
 */
export async function openIdleSockets(port: number, count: number, from = '127.0.0.1'): Promise<TrackedSocket[]> {
  const opened: TrackedSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, () => track(net.connect({ host: '127.0.0.1', port, localAddress: from })));
    await Promise.all(
      batch.map(
        ({ socket }) =>
          new Promise<void>((resolve) => {
            socket.once('connect', () => resolve());
            socket.once('close', () => resolve());
          }),
      ),
    );
    opened.push(...batch);
  }
  return opened;
}

/** Sockets that send a request head a line every `dripMs` and never end it (slowloris). */
export async function openSlowSockets(port: number, count: number, dripMs: number, from = '127.0.0.1'): Promise<TrackedSocket[]> {
  const sockets = await openIdleSockets(port, count, from);
  for (const tracked of sockets) {
    const { socket } = tracked;
    if (socket.destroyed) continue;
    socket.write('GET /healthz HTTP/1.1\r\nHost: attack\r\n');
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(`X-Drip-${Math.floor(performance.now())}: 1\r\n`)), dripMs);
    socket.once('close', () => clearInterval(timer));
  }
  return sockets;
}

export const stillOpen = (sockets: TrackedSocket[]) => sockets.filter((s) => s.closedAt === null).length;

/** Resolves once every socket has closed, or after `limitMs` (then some are still open). */
export async function closedWithin(sockets: TrackedSocket[], limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  while (stillOpen(sockets) > 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

export const lifetimes = (sockets: TrackedSocket[]) => sockets.filter((s) => s.closedAt !== null).map((s) => s.closedAt! - s.openedAt);

// ---------------------------------------------------------------------------------------------
// Writes across a shutdown.

/** What became of one write sent while the server was told to stop. */
export interface WriteOutcome {
  slug: string;
  /** `ok`: 200 with the company; `refused`: 503 SERVICE_UNAVAILABLE; `answered-error`: any other answer; `not-connected`: the port was closed (nothing was sent); `lost`: sent, and no answer. */
  kind: 'ok' | 'refused' | 'answered-error' | 'not-connected' | 'lost';
  status: number;
  code?: string;
  connection?: string;
  error?: string;
}

const CREATE = 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { slug } }';
const IMPORT = 'mutation($doc: JSONObject!) { importSource(input: $doc) { status } }';

/** A POST on `agent` (a keep-alive connection of its own); the raw outcome. */
function postJson(
  port: number,
  agent: http.Agent,
  key: string,
  body: string,
): Promise<{ status: number; text: string; connection?: string; error?: string; errorCode?: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
        res.on('error', (error) => resolve({ status: 0, text, error: error.message }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, text: '', error: error.message, errorCode: (error as NodeJS.ErrnoException).code }));
    req.end(body);
  });
}

function classify(slug: string, answer: Awaited<ReturnType<typeof postJson>>): WriteOutcome {
  const base = { slug, status: answer.status, ...(answer.connection ? { connection: answer.connection } : {}) };
  if (answer.status === 0) return { ...base, kind: answer.errorCode === 'ECONNREFUSED' ? 'not-connected' : 'lost', error: answer.errorCode ?? answer.error };
  let json: { data?: { createCompany?: { slug: string } }; errors?: { extensions?: { code?: string } }[] } = {};
  try {
    json = JSON.parse(answer.text);
  } catch {
    // not JSON: an answer all the same
  }
  const code = json.errors?.[0]?.extensions?.code;
  if (answer.status === 200 && json.data?.createCompany?.slug === slug && !json.errors) return { ...base, kind: 'ok' };
  if (answer.status === 503 && code === 'SERVICE_UNAVAILABLE') return { ...base, kind: 'refused', code };
  return { ...base, kind: 'answered-error', ...(code ? { code } : {}) };
}

export interface ShutdownRun {
  writes: WriteOutcome[];
  /** The large import in flight when the signal was sent (null when none was sent). */
  importOutcome: { status: number; kind: WriteOutcome['kind']; error?: string } | null;
  /** The source slug of that import. */
  importSlug: string | null;
}

/**
 * `writers` keep-alive connections each send `createCompany` (slugs `<tag>-w<writer>-<n>`) one
 * after another, each stopping at its first answer that is not a 2xx or at a connection failure;
 * once `writesBeforeSignal` have been answered, a large import is sent on a connection of its
 * own (when `importKb` is set) and, as soon as the server is reading it, `signal()` is called.
 */
export async function writesAcrossShutdown(options: {
  port: number;
  key: string;
  tag: string;
  writers: number;
  writesBeforeSignal: number;
  importKb?: number;
  signal: () => void;
  /** A bound on each writer's writes (the run always ends). */
  maxPerWriter?: number;
}): Promise<ShutdownRun> {
  const { port, key, tag, writers, writesBeforeSignal, importKb, signal, maxPerWriter = 2000 } = options;
  const writes: WriteOutcome[] = [];
  let answered = 0;
  let signalled = false;
  let reachedThreshold!: () => void;
  const threshold = new Promise<void>((resolve) => (reachedThreshold = resolve));
  const writer = async (w: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let n = 0; n < maxPerWriter; n++) {
        const slug = `${tag}-w${w}-${n}`;
        const body = JSON.stringify({
          query: CREATE,
          variables: { input: { slug, name: `Writer ${w} company ${n}`, citations: [{ source: SOURCE_SLUG, quote: SOURCE_QUOTE }] } },
        });
        const outcome = classify(slug, await postJson(port, agent, key, body));
        writes.push(outcome);
        if (outcome.kind !== 'ok') return;
        if (++answered >= writesBeforeSignal) reachedThreshold();
      }
    } finally {
      agent.destroy();
    }
  };
  const running = Array.from({ length: writers }, (_, w) => writer(w));
  await Promise.race([threshold, Promise.all(running)]);
  let importOutcome: ShutdownRun['importOutcome'] = null;
  let importSlug: string | null = null;
  let importing: Promise<void> = Promise.resolve();
  if (importKb) {
    const doc = largeImportDocument(importKb * 1024, `${tag}-import`);
    importSlug = (doc.source as { slug: string }).slug;
    const body = JSON.stringify({ query: IMPORT, variables: { doc } });
    // `Expect: 100-continue`: the server says when it is handling the request; the body follows, then the signal.
    importing = new Promise<void>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}`, expect: '100-continue' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
            const ok = res.statusCode === 200 && !json.errors;
            // A 503 REQUEST_TIMEOUT (the import ran out of time, and committed nothing) is an answer, not a refusal.
            const refused = res.statusCode === 503 && json.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE';
            importOutcome = { status: res.statusCode ?? 0, kind: ok ? 'ok' : refused ? 'refused' : 'answered-error' };
            resolve();
          });
        },
      );
      req.on('continue', () =>
        req.end(body, () => {
          signalled = true;
          signal();
        }),
      );
      req.on('error', (error) => {
        importOutcome = { status: 0, kind: 'lost', error: (error as NodeJS.ErrnoException).code ?? error.message };
        resolve();
      });
      req.flushHeaders();
    });
  } else {
    signalled = true;
    signal();
  }
  await importing;
  if (!signalled) signal();
  await Promise.all(running);
  return { writes, importOutcome, importSlug };
}

/** The seeded report and one of its quotes: what every `createCompany` of the attack cites. */
export const SOURCE_SLUG = '2020-02-06-huawei-verizon';
export const SOURCE_QUOTE = 'The Chinese telecoms gear and smartphone-making giant';

/** Every write's answer against what the database holds afterwards (`committed`: the slugs stored). */
export function judgeShutdown(run: ShutdownRun, committed: ReadonlySet<string>, importCommitted: boolean) {
  const ok = run.writes.filter((w) => w.kind === 'ok');
  const refused = run.writes.filter((w) => w.kind === 'refused');
  return {
    ok: ok.length,
    refused: refused.length,
    notConnected: run.writes.filter((w) => w.kind === 'not-connected').length,
    answeredError: run.writes.filter((w) => w.kind === 'answered-error').length,
    lost: run.writes.filter((w) => w.kind === 'lost').length,
    /** Committed without a 2xx answer (the hole this guards against). */
    committedWithoutOk: [...committed].filter((slug) => !ok.some((w) => w.slug === slug)),
    /** Answered 2xx but not stored. */
    okNotCommitted: ok.filter((w) => !committed.has(w.slug)).map((w) => w.slug),
    /** Answered 503 but stored anyway. */
    refusedButCommitted: refused.filter((w) => committed.has(w.slug)).map((w) => w.slug),
    /** The refusals that did not close their connection. */
    refusedKeptOpen: refused.filter((w) => w.connection !== 'close').length,
    importAnswered: run.importOutcome?.kind ?? 'none',
    importCommitted,
  };
}

/** Slugs of the parties stored with this prefix, and whether a source of that slug is stored (the server must have stopped). */
export function storedAfter(file: string, prefix: string, sourceSlug: string | null): { committed: Set<string>; importCommitted: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT slug FROM party WHERE slug LIKE ? || '%'`).all(`${prefix}-w`) as { slug: string }[];
    const source = sourceSlug ? db.prepare('SELECT 1 FROM source WHERE slug = ?').get(sourceSlug) : undefined;
    return { committed: new Set(rows.map((r) => r.slug)), importCommitted: source !== undefined };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The attack.

const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');

interface Server {
  child: ChildProcess;
  port: number;
  file: string;
  key: string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  logs: string[];
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** The production server on a fresh SQLite file (seeded on start) with an editor key; `env` on top. */
async function startServer(dir: string, env: Record<string, string> = {}): Promise<Server> {
  const file = path.join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`);
  const port = await freePort();
  const base = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${file}`,
    PORT: String(port),
    CLIENT_COST_BUDGET: 'off',
    ...env,
  };
  const created = spawnSync(process.execPath, [path.join(ROOT, 'dist/scripts/keys.js'), 'create', '--role', 'editor', '--name', 'attack'], {
    env: base,
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`could not create a key: ${created.stderr}`);
  const child = spawn(process.execPath, [...serverNodeFlags(ROOT), path.join(ROOT, 'dist/src/main.js')], { env: base, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const logs: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if ((await probe(port, '127.0.0.1', '/readyz', 2000)).status === 200) return { child, port, file, key: created.stdout.trim(), exited, logs };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become ready');
}

async function stopServer(server: Server): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  const code = await server.exited;
  clearTimeout(timer);
  children.delete(server.child);
  return code;
}

export interface FamilyResult {
  family: string;
  what: string;
  /** Answers by status (or by outcome, for the shutdown family). */
  statuses: Record<string, number>;
  worstProbeMs: number | null;
  probesFailed: number;
  lost: number;
  figures: string;
  pass: boolean;
}

const median = (values: number[]) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const worst = (probes: Probe[]) => Math.max(...probes.map((p) => p.ms));
const tally = (values: (string | number)[]) =>
  values.reduce<Record<string, number>>((counts, v) => ((counts[String(v)] = (counts[String(v)] ?? 0) + 1), counts), {});
const MAX_PROBE_MS = 100;

async function idleSockets(dir: string): Promise<FamilyResult> {
  const server = await startServer(dir);
  try {
    const count = 2000;
    let sockets: TrackedSocket[] = [];
    const { probes } = await probeDuring(server.port, 100, async () => {
      sockets = await openIdleSockets(server.port, count);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const accepted = stillOpen(sockets);
    // The accepted ones live until the header timeout (10 s by default) closes them.
    const { probes: later } = await probeDuring(server.port, 100, () => closedWithin(sockets, 30_000));
    const lives = lifetimes(sockets).filter((ms) => ms > 1000);
    const all = [...probes, ...later];
    return {
      family: 'idle sockets',
      what: `${count} silent sockets from 127.0.0.1 (defaults: MAX_CONNECTIONS_PER_ADDRESS 100, HEADERS_TIMEOUT_MS 10000)`,
      statuses: { accepted, 'closed at once': count - accepted },
      worstProbeMs: worst(all),
      probesFailed: all.filter((p) => p.status !== 200).length,
      lost: 0,
      figures: `${accepted} accepted, ${count - accepted} closed at once; accepted ones closed by the header timeout after ${(median(lives) / 1000).toFixed(1)} s (median), ${(Math.max(...lives) / 1000).toFixed(1)} s (longest); ${stillOpen(sockets)} still open after 30 s; probes: during the flood ${probes.length}, median ${median(probes.map((p) => p.ms)).toFixed(1)} ms, worst ${worst(probes).toFixed(0)} ms; while the accepted ones idled ${later.length}, median ${median(later.map((p) => p.ms)).toFixed(1)} ms, worst ${worst(later).toFixed(0)} ms`,
      pass: accepted <= 100 && stillOpen(sockets) === 0 && worst(all) <= MAX_PROBE_MS && all.every((p) => p.status === 200),
    };
  } finally {
    await stopServer(server);
  }
}

async function slowSockets(dir: string): Promise<FamilyResult> {
  const server = await startServer(dir);
  try {
    const count = 80;
    let sockets: TrackedSocket[] = [];
    const { probes } = await probeDuring(server.port, 100, async () => {
      sockets = await openSlowSockets(server.port, count, 1000);
      await closedWithin(sockets, 30_000);
    });
    const lives = lifetimes(sockets);
    return {
      family: 'slow sockets',
      what: `${count} sockets from 127.0.0.1 sending a request head a line a second, never finishing it`,
      statuses: { closed: lives.length, open: stillOpen(sockets) },
      worstProbeMs: worst(probes),
      probesFailed: probes.filter((p) => p.status !== 200).length,
      lost: 0,
      figures: `closed by the header timeout after ${(median(lives) / 1000).toFixed(1)} s (median), ${(Math.max(...lives) / 1000).toFixed(1)} s (longest); ${stillOpen(sockets)} still open after 30 s; ${probes.length} probes, median ${median(probes.map((p) => p.ms)).toFixed(1)} ms`,
      pass: stillOpen(sockets) === 0 && Math.max(...lives) < 12_000 && worst(probes) <= MAX_PROBE_MS && probes.every((p) => p.status === 200),
    };
  } finally {
    await stopServer(server);
  }
}

async function largeImport(dir: string): Promise<FamilyResult> {
  const server = await startServer(dir);
  try {
    const statuses: number[] = [];
    const times: number[] = [];
    const allProbes: Probe[] = [];
    const agent = new http.Agent({ keepAlive: true });
    for (let run = 0; run < 3; run++) {
      const body = JSON.stringify({ query: IMPORT, variables: { doc: largeImportDocument(100 * 1024, `attack-${run}`) } });
      const { result, probes } = await probeDuring(server.port, 20, async () => {
        const started = performance.now();
        const answer = await postJson(server.port, agent, server.key, body);
        times.push(performance.now() - started);
        return answer;
      });
      statuses.push(result.status === 200 && !JSON.parse(result.text).errors ? 200 : result.status);
      allProbes.push(...probes);
    }
    agent.destroy();
    return {
      family: 'large import',
      what: "3 × an editor's 100 kB importSource (209 companies, 209 characterizations each), /healthz probed every 20 ms",
      statuses: tally(statuses),
      worstProbeMs: worst(allProbes),
      probesFailed: allProbes.filter((p) => p.status !== 200).length,
      lost: 0,
      figures: `imports took ${times.map((ms) => Math.round(ms)).join(', ')} ms; ${allProbes.length} probes, median ${median(allProbes.map((p) => p.ms)).toFixed(1)} ms`,
      pass: statuses.every((s) => s === 200) && worst(allProbes) <= MAX_PROBE_MS && allProbes.every((p) => p.status === 200),
    };
  } finally {
    await stopServer(server);
  }
}

async function writesAcrossSigterm(dir: string, round: number): Promise<FamilyResult> {
  const server = await startServer(dir);
  let run: ShutdownRun;
  try {
    run = await writesAcrossShutdown({
      port: server.port,
      key: server.key,
      tag: `sigterm-${round}`,
      writers: 8,
      writesBeforeSignal: 40,
      importKb: 100,
      signal: () => server.child.kill('SIGTERM'),
    });
  } finally {
    await stopServer(server);
  }
  const exitCode = server.child.exitCode;
  const stored = storedAfter(server.file, `sigterm-${round}`, run.importSlug);
  const verdict = judgeShutdown(run, stored.committed, stored.importCommitted);
  const consistent = verdict.committedWithoutOk.length === 0 && verdict.okNotCommitted.length === 0 && verdict.refusedButCommitted.length === 0;
  const importConsistent = (verdict.importAnswered === 'ok') === verdict.importCommitted && verdict.importAnswered !== 'lost';
  return {
    family: 'writes across SIGTERM',
    what: `round ${round + 1}: 8 keep-alive connections sending createCompany, a 100 kB importSource in flight at SIGTERM`,
    statuses: { '200': verdict.ok, '503': verdict.refused, 'port closed': verdict.notConnected, 'other answer': verdict.answeredError, lost: verdict.lost },
    worstProbeMs: null,
    probesFailed: 0,
    lost: verdict.lost + verdict.committedWithoutOk.length,
    figures: `import answered ${verdict.importAnswered}, committed ${verdict.importCommitted}; committed without a 2xx: ${verdict.committedWithoutOk.length}; 2xx not stored: ${verdict.okNotCommitted.length}; 503 but stored: ${verdict.refusedButCommitted.length}; 503 without Connection: close: ${verdict.refusedKeptOpen}; exit code ${exitCode}`,
    pass: consistent && importConsistent && verdict.lost === 0 && verdict.answeredError === 0 && verdict.refusedKeptOpen === 0 && exitCode === 0,
  };
}

/** Runs every family; writes the table to `out` and returns the results. */
export async function attackConnections(out: string, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<FamilyResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-attack-connections-'));
  const started = new Date();
  const results: FamilyResult[] = [];
  try {
    for (const family of [
      idleSockets,
      slowSockets,
      largeImport,
      (d: string) => writesAcrossSigterm(d, 0),
      (d: string) => writesAcrossSigterm(d, 1),
      (d: string) => writesAcrossSigterm(d, 2),
    ]) {
      const result = await family(dir);
      results.push(result);
      log(
        `${result.family.padEnd(22)} ${result.pass ? 'PASS' : 'FAIL'}  worst probe ${result.worstProbeMs === null ? '-' : `${Math.round(result.worstProbeMs)} ms`}  ${JSON.stringify(result.statuses)}  ${result.figures}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, markdown(results, started));
  return results;
}

function markdown(results: FamilyResult[], started: Date): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '# Sockets, shutdown and imports against the production server',
    '',
    `Run ${started.toISOString()} on ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}, ${os.type()} ${os.release()}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end (the machine was shared with other work: times are upper bounds).`,
    'Each family starts `dist/src/main.js` as its own process (NODE_ENV=production, LOG_LEVEL=warn, defaults otherwise) on a fresh SQLite file with the seeded report, and an editor key. ' +
      '`/healthz` is probed from 127.0.0.2 by a process of its own (one probe in flight at most, on a new socket each) while the attack comes from 127.0.0.1. ' +
      `Targets: worst probe ≤ ${MAX_PROBE_MS} ms and every probe answered 200; no lost answer (a write stored without its 2xx, or a request sent and never answered); every refusal 503 SERVICE_UNAVAILABLE with \`Connection: close\`.`,
    '',
    `**${results.filter((r) => r.pass).length} passed, ${results.filter((r) => !r.pass).length} failed.** Reproduce: \`npm run build && node dist/bench/attack-connections.js\` (or \`npm run attack\`, which runs these after the corpus).`,
    '',
    '| family | attack | answers | worst probe ms | failed probes | lost | figures | result |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | --- |',
    ...results.map(
      (r) =>
        `| ${cell(r.family)} | ${cell(r.what)} | ${cell(
          Object.entries(r.statuses)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', '),
        )} | ${r.worstProbeMs === null ? '–' : Math.round(r.worstProbeMs)} | ${r.probesFailed} | ${r.lost} | ${cell(r.figures)} | ${r.pass ? 'PASS' : 'FAIL'} |`,
    ),
    '',
  ].join('\n');
}

if (require.main === module) {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : path.join(ROOT, 'bench/results/attack-connections.md');
  attackConnections(out)
    .then((results) => process.exit(results.every((r) => r.pass) ? 0 : 1))
    .catch((error) => {
      process.stderr.write(`attack-connections: ${(error as Error).stack ?? error}\n`);
      process.exit(1);
    });
}
