import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { distinctDocument, distinctInvalidDocument, type CorpusParties } from './hostile-corpus';

/**
 * The attack's volume families: many requests from one address, each cheap alone, judged by what
 * they add up to — the server's memory (RSS) over 2,000 distinct valid documents, and 429s once
 * the per-client budget is spent (distinct valid and distinct invalid documents, expensive reads
 * repeated). Sent one after another as fast as the server answers, while /healthz is probed.
 */
export interface VolumeFamily {
  name: string;
  /** The i-th request's body. */
  body: (i: number) => string;
  count: number;
  /** Stop once this many 429s came back (the family has met the budget). */
  stopAfter429?: number;
  /**
   * Requests sent before the "warm" RSS is read: the server's young generation (up to 3 ×
   * --max-semi-space-size = 192 MB) and code space grow to their working size over the first
   * requests of any load; growth after that is what the family keeps.
   */
  warmUp?: number;
}

export interface VolumeOutcome {
  name: string;
  budget: string;
  sent: number;
  statuses: Record<string, number>;
  worstProbeMs: number;
  rssBeforeMB: number;
  /** After `warmUp` requests (null when the family has none). */
  rssWarmMB: number | null;
  rssAfterMB: number;
  /** The loopback address the family was sent from (its own anonymous budget). */
  from: string;
  /** RSS after a full collection, before and after the family (null when not taken). */
  collected: { beforeMB: number; afterMB: number } | null;
}

/** The server process's resident set, MB (Linux /proc). */
export function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/**
 * The server's RSS after full collections: the server runs with `--expose-gc --require
 * dist/bench/gc-on-signal.js`, which collects on SIGUSR2; RSS is read once that has had time to run.
 */
export async function rssAfterCollectionMB(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return rssMB(pid);
}

const json = (query: string) => JSON.stringify({ query });

/** Distinct valid documents, each sent twice (the second sight is what graphql-jit compiles): memory, with no budget. */
export function memoryFamilies(): VolumeFamily[] {
  return [{ name: '2,000 distinct valid documents, each sent twice', body: (i) => json(distinctDocument(Math.floor(i / 2))), count: 4000, warmUp: 400 }];
}

/** The families that must meet 429 under the default budget (CLIENT_COST_BUDGET 100,000 per minute). */
export function budgetFamilies(parties: CorpusParties): VolumeFamily[] {
  const paths = `{ a: conflictPath(from: "${parties.isolated}", to: "${parties.hub}") { nodes { id } } b: conflictPath(from: "${parties.hub}", to: "${parties.isolated}") { nodes { id } } }`;
  return [
    { name: 'distinct valid documents', body: (i) => json(distinctDocument(100_000 + i)), count: 2000, stopAfter429: 50 },
    { name: 'distinct invalid documents (120 × name(x: N))', body: (i) => json(distinctInvalidDocument(i)), count: 2000, stopAfter429: 50 },
    { name: 'two path searches, repeated', body: () => json(paths), count: 500, stopAfter429: 50 },
  ];
}

const agents = new Map<string, http.Agent>();

/** A POST to /graphql from a given loopback address (127.0.0.0/8 all reach the server; each is its own client). */
export function postFrom(port: number, from: string, body: string): Promise<{ status: number; ms: number }> {
  let agent = agents.get(from);
  if (!agent) agents.set(from, (agent = new http.Agent({ keepAlive: true })));
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number) => resolve({ status, ms: performance.now() - started });
    const request = http.request(
      {
        host: '127.0.0.1',
        localAddress: from,
        port,
        method: 'POST',
        path: '/graphql',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode ?? 0));
        response.on('error', () => done(0));
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error('no answer within 60 s')));
    request.on('error', () => done(0));
    request.end(body);
  });
}

/** Runs one family from its own address, probing with `probe` every 100 ms (one probe in flight at most). */
export async function runVolumeFamily(
  family: VolumeFamily,
  budget: string,
  pid: number,
  port: number,
  from: string,
  probe: () => Promise<{ status: number; ms: number }>,
  /** True when the server collects on SIGUSR2 (gc-on-signal.ts): RSS is then also read after full collections. */
  collects = false,
): Promise<VolumeOutcome> {
  const send = (body: string) => postFrom(port, from, body);
  let collectedBefore: number | null = null;
  const rssBeforeMB = rssMB(pid);
  let rssWarmMB: number | null = null;
  const statuses: Record<string, number> = {};
  let worstProbeMs = 0;
  let inFlight: Promise<void> | null = null;
  const fire = () => {
    if (inFlight) return;
    inFlight = probe().then(({ status, ms }) => {
      worstProbeMs = Math.max(worstProbeMs, ms);
      if (status !== 200) statuses[`probe ${status}`] = (statuses[`probe ${status}`] ?? 0) + 1;
      inFlight = null;
    });
  };
  const timer = setInterval(fire, 100);
  let sent = 0;
  try {
    for (let i = 0; i < family.count; i++) {
      const { status } = await send(family.body(i));
      sent += 1;
      if (sent === family.warmUp) {
        rssWarmMB = rssMB(pid);
        // The baseline of what the family keeps: after the warm-up, once the young generation has grown to its working size.
        if (collects) collectedBefore = await rssAfterCollectionMB(pid);
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (family.stopAfter429 && (statuses[429] ?? 0) >= family.stopAfter429) break;
    }
  } finally {
    clearInterval(timer);
  }
  await inFlight;
  const rssAfterMB = rssMB(pid);
  const collected = collectedBefore !== null ? { beforeMB: collectedBefore, afterMB: await rssAfterCollectionMB(pid) } : null;
  return { name: family.name, budget, sent, statuses, worstProbeMs, rssBeforeMB, rssWarmMB, rssAfterMB, from, collected };
}

export function volumeMarkdown(outcomes: VolumeOutcome[]): string[] {
  return [
    '## Volume families',
    '',
    'Many requests, one after another, each family from its own loopback address (its own anonymous budget), while `GET /healthz` is probed every 100 ms from 127.0.0.1. ' +
      "RSS is the server process's resident set (/proc), read without a forced collection (an upper bound on what it keeps): at the start, after the warm-up (the young generation, up to 3 × `--max-semi-space-size=64` MB, and code space grow to their working size under any load), and at the end. " +
      'Targets: RSS growth ≤ 150 MB over the 2,000 distinct documents (after full collections); every budget family meets 429; worst probe ≤ 100 ms; never a 500. ' +
      "The bounded caches' own figures, with a forced collection, are in bench/results/budgets.md.",
    '',
    'For the memory family the server runs with `--expose-gc --require dist/bench/gc-on-signal.js` (two full collections on SIGUSR2): RSS is also read 3 s after one, after the warm-up (its first 200 documents) and at the end. ' +
      'A full collection does not shrink the young generation, which grows from a few MB to its working size (up to 192 MB with `--max-semi-space-size=64`) under any load; hence the baseline after the warm-up.',
    '',
    '| family | from | CLIENT_COST_BUDGET | sent | statuses | 429s | worst probe ms | RSS start MB | RSS warm MB | RSS end MB | growth after warm-up MB | RSS after full GC: warm → end MB |',
    '| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...outcomes.map(
      (o) =>
        `| ${o.name} | ${o.from} | ${o.budget} | ${o.sent} | ${Object.entries(o.statuses)
          .map(([s, n]) => `${s}: ${n}`)
          .join(
            ', ',
          )} | ${o.statuses[429] ?? 0} | ${Math.round(o.worstProbeMs)} | ${o.rssBeforeMB} | ${o.rssWarmMB ?? '–'} | ${o.rssAfterMB} | ${o.rssWarmMB === null ? '–' : Math.round((o.rssAfterMB - o.rssWarmMB) * 10) / 10} | ${o.collected ? `${o.collected.beforeMB} → ${o.collected.afterMB} (+${Math.round((o.collected.afterMB - o.collected.beforeMB) * 10) / 10})` : '–'} |`,
    ),
    '',
  ];
}
