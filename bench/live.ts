import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { openDatabase } from '../src/database';
import { Role } from '../src/common/role.enum';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { seedAll } from '../seeds/seed-all';
import { freePort } from './free-port';
import { serverNodeFlags } from './server-flags';
import { followUpReport } from './follow-up-report';

/**
 * `npm run bench:live [-- --subscribers 2000 --rounds 5]`: one built server on a fresh seeded
 * SQLite file; N websocket subscribers of `disputeChanged` (graphql-ws), each its own connection;
 * then, per round, one write (importSource of a follow-up report that settles the dispute's suits)
 * and the time from sending it until each subscriber has its first event: p50 and p99 over all
 * subscribers, median over rounds. Memory: the server's RSS after two full collections, before the
 * subscribers, with them idle, and after they left. Prints a Markdown table (and writes
 * bench/results/live-run.md with --write). With `--baseline DIR` (another build's package root)
 * the two builds are measured in turn, `--passes` times each (A B A B …), each on a fresh database.
 */
const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    write: { type: 'boolean', default: false },
    // Another build's folder (its package root, with dist/ built): measured in turn with this one, side by side.
    baseline: { type: 'string' },
    passes: { type: 'string', default: '1' },
  },
});
const N = Number(args.subscribers);
const ROUNDS = Number(args.rounds);
const ROOT = path.resolve(__dirname, '../..');
const SEED = JSON.parse(readFileSync(path.join(ROOT, 'seeds/2020-02-06-huawei-verizon.json'), 'utf8'));
const DISPUTE = 'huawei-verizon-patents';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs: number[]) => percentile(xs, 50);

/** A follow-up report: the suits stated SETTLED (or FILED again) by a new source, so each round adds statements. */
const report = (round: number) => followUpReport(SEED, round + 1, { wire: 'Bench Wire', publishedOn: `2022-01-${String(1 + round).padStart(2, '0')}` });

/** The server's memory after two full collections (heap-on-signal.js prints it): RSS and the live heap, in kB. */
let lastHeap: { rss: number; heapUsed: number; external: number; arrayBuffers: number } | null = null;
async function memoryKb(child: ChildProcess): Promise<{ rss: number; heap: number }> {
  lastHeap = null;
  child.kill('SIGUSR2');
  for (let i = 0; lastHeap === null; i++) {
    if (i > 200) throw new Error('the server did not report its heap');
    await sleep(50);
  }
  const { rss, heapUsed, external } = lastHeap as { rss: number; heapUsed: number; external: number };
  return { rss: rss / 1024, heap: (heapUsed + external) / 1024 };
}

/** A process's CPU time so far (user + system, ms) from /proc: what the server spent on a round, whatever else the machine ran. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Subscriber {
  socket: WebSocket;
  firstEventAt: number | null;
}

function subscribe(wsUrl: string, index: number): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const subscriber: Subscriber = { socket, firstEventAt: null };
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: String(index),
            type: 'subscribe',
            payload: { query: `subscription { disputeChanged(slug: "${DISPUTE}") { change { kind field value cursor } dispute { status } } }` },
          }),
        );
        // graphql-ws answers nothing until an event: a ping/pong round trip after the subscribe says it was read.
        socket.send(JSON.stringify({ type: 'ping' }));
      } else if (message.type === 'pong') resolve(subscriber);
      else if (message.type === 'next' && subscriber.firstEventAt === null) subscriber.firstEventAt = performance.now();
      else if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
    });
  });
}

interface Figures {
  writes: number[];
  p50s: number[];
  p99s: number[];
  maxes: number[];
  p99sAfter: number[];
  /** The server's CPU per round: the write and every event of it to every subscriber. */
  cpu: number[];
  before: { rss: number; heap: number };
  idle: { rss: number; heap: number };
  after: { rss: number; heap: number };
}

/** One server of the build at `root`, N subscribers, ROUNDS writes. */
async function measure(root: string): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-live-'));
  const url = `sqlite:${path.join(dir, 'live.sqlite')}`;
  const dataSource = await openDatabase(url, { migrate: true });
  await seedAll(dataSource);
  const { key } = await dataSource.transaction((manager) => new ApiKeyService(dataSource).create(manager, 'bench', Role.EDITOR));
  await dataSource.destroy();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...serverNodeFlags(ROOT), '--expose-gc', '--require', path.join(ROOT, 'dist/bench/heap-on-signal.js'), path.join(root, 'dist/src/main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        CLIENT_COST_BUDGET: 'off',
        MAX_CONNECTIONS: String(N + 200),
        MAX_CONNECTIONS_PER_ADDRESS: String(N + 200),
        SUBSCRIPTIONS_PER_CLIENT: String(N + 10),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) if (line.startsWith('{"heap"')) lastHeap = JSON.parse(line).heap;
  });
  const http = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(http, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok) break;
    } catch {
      if (i > 600) throw new Error('the server did not start');
    }
    await sleep(100);
  }
  const before = await memoryKb(child);
  const subscribers: Subscriber[] = [];
  // In batches, so the server's accept queue is not the thing measured.
  for (let i = 0; i < N; i += 100)
    subscribers.push(...(await Promise.all(Array.from({ length: Math.min(100, N - i) }, (_, j) => subscribe(`ws://127.0.0.1:${port}/graphql`, i + j)))));
  const idle = await memoryKb(child);
  const p50s: number[] = [];
  const p99s: number[] = [];
  const maxes: number[] = [];
  const writes: number[] = [];
  const p99sAfter: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of subscribers) s.firstEventAt = null;
    const cpuBefore = cpuMs(child.pid!);
    const sent = performance.now();
    const response = await fetch(http, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'mutation($input: JSONObject!) { importSource(input: $input) { status } }', variables: { input: report(round) } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    const answered = performance.now();
    if (body.errors) throw new Error(`the write failed: ${JSON.stringify(body.errors)}`);
    for (let i = 0; subscribers.some((s) => s.firstEventAt === null); i++) {
      if (i > 600) throw new Error(`${subscribers.filter((s) => s.firstEventAt === null).length} subscribers got no event`);
      await sleep(50);
    }
    const latencies = subscribers.map((s) => s.firstEventAt! - sent);
    p50s.push(percentile(latencies, 50));
    p99s.push(percentile(latencies, 99));
    writes.push(answered - sent);
    // From the write's answer (its commit comes just before): what delivery adds; events that came first count as 0.
    const afterAnswer = subscribers.map((s) => Math.max(0, s.firstEventAt! - answered));
    p99sAfter.push(percentile(afterAnswer, 99));
    maxes.push(Math.max(...latencies));
    await sleep(1000); // the rest of the write's events
    cpu.push(cpuMs(child.pid!) - cpuBefore);
  }
  for (const s of subscribers) s.socket.close();
  await sleep(3000);
  const after = await memoryKb(child);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { writes, p50s, p99s, maxes, p99sAfter, cpu, before, idle, after };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
  const builds: [string, string][] = args.baseline
    ? [
        ['baseline', path.resolve(args.baseline)],
        ['this build', ROOT],
      ]
    : [['this build', ROOT]];
  const runs = new Map<string, Figures[]>(builds.map(([name]) => [name, []]));
  const load: number[] = [os.loadavg()[0]];
  for (let pass = 0; pass < Number(args.passes); pass++)
    for (const [name, root] of builds) {
      process.stderr.write(`pass ${pass + 1}: ${name} (${root})\n`);
      runs.get(name)!.push(await measure(root));
      load.push(os.loadavg()[0]);
    }
  const lines: string[] = [];
  if (builds.length > 1) {
    const all = (name: string, pick: (f: Figures) => number[]) => runs.get(name)!.flatMap(pick);
    const row = (name: string) =>
      `| ${name} | ${ms(median(all(name, (f) => f.writes)))} | ${ms(median(all(name, (f) => f.p50s)))} | ${ms(median(all(name, (f) => f.p99s)))} | ${ms(median(all(name, (f) => f.maxes)))} | ${ms(median(all(name, (f) => f.p99sAfter)))} | ${ms(median(all(name, (f) => f.cpu)))} |`;
    const ratio = (pick: (f: Figures) => number[]) => (median(all('this build', pick)) / median(all('baseline', pick))).toFixed(2);
    lines.push(
      `${N} subscribers, ${ROUNDS} rounds × ${args.passes} passes per build, alternating; medians over all rounds. Load average (1 min) at the start and after each pass: ${load.map((l) => l.toFixed(1)).join(', ')}.`,
      '',
      '| build | the write | write → first event, p50 | p99 | slowest | answer → event, p99 | server CPU per round |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      row('baseline'),
      row('this build'),
      `| this ÷ baseline | ${ratio((f) => f.writes)}× | ${ratio((f) => f.p50s)}× | ${ratio((f) => f.p99s)}× | ${ratio((f) => f.maxes)}× | ${ratio((f) => f.p99sAfter)}× | ${ratio((f) => f.cpu)}× |`,
      '',
    );
    for (const [name] of builds)
      lines.push(
        `Rounds of ${name} (p50 / p99 ms): ${runs
          .get(name)!
          .flatMap((f) => f.p50s.map((p, i) => `${p.toFixed(0)} / ${f.p99s[i].toFixed(0)}`))
          .join(', ')}.`,
      );
    lines.push('');
  }
  const { writes, p50s, p99s, maxes, p99sAfter, before, idle, after } = runs.get('this build')!.at(-1)!;
  lines.push(
    `| subscribers | the write (request → answer) | write sent → first event, p50 (median of ${ROUNDS} rounds) | p99 | slowest | answer → event, p99 |`,
    '| --- | --- | --- | --- | --- | --- |',
    `| ${N} | ${median(writes).toFixed(0)} ms | ${median(p50s).toFixed(0)} ms | ${median(p99s).toFixed(0)} ms | ${median(maxes).toFixed(0)} ms | ${median(p99sAfter).toFixed(0)} ms |`,
    '',
    '| server memory after two full GCs | before the subscribers | with them idle | per idle subscriber | after they left |',
    '| --- | --- | --- | --- | --- |',
    `| live heap (V8 heap used + external) | ${(before.heap / 1024).toFixed(1)} MB | ${(idle.heap / 1024).toFixed(1)} MB | ${((idle.heap - before.heap) / N).toFixed(1)} kB | ${(after.heap / 1024).toFixed(1)} MB |`,
    `| RSS | ${(before.rss / 1024).toFixed(1)} MB | ${(idle.rss / 1024).toFixed(1)} MB | ${((idle.rss - before.rss) / N).toFixed(1)} kB | ${(after.rss / 1024).toFixed(1)} MB |`,
    '',
    `Rounds (p50 / p99 ms): ${p50s.map((p, i) => `${p.toFixed(0)} / ${p99s[i].toFixed(0)}`).join(', ')}.`,
  );
  process.stdout.write(lines.join('\n') + '\n');
  if (args.write) writeFileSync(path.join(ROOT, 'bench/results/live-run.md'), lines.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
