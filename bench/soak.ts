import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * `npm run soak`: the built server as its own process on a fresh SQLite file, under autocannon
 * (50 connections, 60 s; SOAK_CONNECTIONS / SOAK_SECONDS to change) sending a mix of reads and
 * writes, on 127.0.0.1 only. Reports requests, latency, unexpected errors (socket errors,
 * timeouts, non-2xx answers, GraphQL errors), writes answered but not stored, and the server's
 * RSS over time.
 * Exits 1 when there was any unexpected error or lost write, or RSS climbed after the warm-up.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const SOURCE = '2020-02-06-huawei-verizon';

const READS = [
  `{ companies(first: 10) { totalCount edges { cursor node { slug lawsuits { slug kind plaintiffs { __typename ... on Company { slug sanctions { slug } people { role person { name } } } ... on Authority { slug } } defendants { __typename ... on Company { slug } ... on Authority { slug sanctionsImposed { slug } } ... on Person { slug } } } } } } }`,
  `{ company(slug: "huawei") { name adversaries { __typename ... on Company { slug name } ... on Authority { slug name kind } } sanctions { description status authority { name } citations { quote source { publisher publishedOn { iso } } } } } }`,
  `{ lawsuits(filter: { kind: PATENT_INFRINGEMENT, party: "verizon" }, first: 10) { totalCount edges { node { title status filed { iso precision approximate } technologies plaintiffs { ... on Company { name } } defendants { ... on Company { name } } } } } }`,
  `{ person(slug: "meng-wanzhou") { name affiliations { role organization { ... on Company { name } } } relatives { relation person { name } } events { title location date { iso precision approximate bound } citations { quote } } legalCases { title kind status } statements { text } } }`,
];

const WRITE = 'mutation Soak($input: RecordStatementInput!) { recordStatement(input: $input) { slug } }';

function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-soak-'));
  // No per-client budget: the soak's 50 connections all come from one address.
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${path.join(dir, 'soak.sqlite')}`,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    PORT: '0',
    CLIENT_COST_BUDGET: 'off',
  };
  const created = spawnSync(process.execPath, [path.join(ROOT, 'dist/scripts/keys.js'), 'create', '--role', 'editor', '--name', 'soak'], {
    env,
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`could not create a key: ${created.stderr}`);
  const key = created.stdout.trim();

  const server = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let logLines = 0;
  const slow: { at: string; ms: number; operation: string | null }[] = [];
  const warnings: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      logLines += lines.length;
      for (const line of lines) {
        const entry = JSON.parse(line);
        if (entry.url) resolve(String(entry.url).replace('localhost', '127.0.0.1'));
        if (typeof entry.ms === 'number' && entry.ms >= 1000) slow.push({ at: entry.time, ms: entry.ms, operation: entry.operationName ?? null });
        if (entry.level >= 40) warnings.push(line.slice(0, 300));
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

  const rss: { at: number; kib: number }[] = [];
  const started = Date.now();
  const sample = () => rss.push({ at: Math.round((Date.now() - started) / 1000), kib: rssKiB(server.pid!) });
  sample();
  const sampler = setInterval(sample, 5000);

  let writes = 0;
  const answered = new Set<string>();
  let graphqlErrors = 0;
  const examples: string[] = [];
  const check = (status: number, body: string) => {
    if (status !== 200) return;
    if (body.includes('"errors"')) {
      graphqlErrors += 1;
      if (examples.length < 5) examples.push(body.slice(0, 300));
      return true;
    }
    return false;
  };
  const read = (query: string) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    onResponse: (status: number, body: string) => void check(status, body),
  });
  const write = {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    // One document, different variables, as a front-end sends it.
    setupRequest: (request: autocannon.Request) => {
      writes += 1;
      const input = {
        slug: `soak-${writes}`,
        speaker: 'huawei',
        text: `Soak statement ${writes}.`,
        citations: [{ source: SOURCE, quote: 'Huawei said last year' }],
      };
      return { ...request, body: JSON.stringify({ query: WRITE, variables: { input } }) };
    },
    onResponse: (status: number, body: string) => {
      if (status === 200 && !check(status, body)) answered.add(JSON.parse(body).data.recordStatement.slug);
    },
  };

  // Four reads, then a write, on every connection: a fifth of the requests write.
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [...READS.map(read), write] });
  clearInterval(sampler);
  sample();

  const stored = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ company(slug: "huawei") { statements { slug } } }' }),
  });
  const storedSlugs = new Set<string>(((await stored.json()) as any).data.company.statements.map((s: { slug: string }) => s.slug));
  // A write is lost when it was answered as done but is not stored (writes cut off by the end of the run may be stored unanswered).
  const lost = [...answered].filter((slug) => !storedSlugs.has(slug));

  server.kill('SIGTERM');
  const exitCode = await new Promise<number | null>((resolve) => server.once('exit', resolve));

  const unexpected = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  const mib = (kib: number) => Math.round(kib / 102.4) / 10;
  const report = {
    connections: CONNECTIONS,
    seconds: SECONDS,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    writesSent: writes,
    writesAnswered: answered.size,
    writesStored: [...storedSlugs].filter((slug) => slug.startsWith('soak-')).length,
    writesLost: lost.length,
    unexpectedErrors: { total: unexpected, socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors, examples },
    rssMiB: {
      start: mib(rss[0].kib),
      afterWarmUp: mib(rss[Math.min(2, rss.length - 1)].kib),
      end: mib(rss.at(-1)!.kib),
      max: mib(Math.max(...rss.map((s) => s.kib))),
    },
    rssSamples: rss.map((s) => `${s.at}s ${mib(s.kib)} MiB`),
    serverLogLines: logLines,
    serverWarnings: warnings.slice(0, 5),
    operationsOver1s: { count: slow.length, first: slow.slice(0, 5) },
    serverExitCode: exitCode,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // Flat memory: after the warm-up (JIT, caches, first GCs) RSS may wander but not climb.
  const flat = rss.at(-1)!.kib <= 1.5 * rss[Math.min(2, rss.length - 1)].kib;
  const ok = unexpected === 0 && lost.length === 0 && exitCode === 0 && flat;
  process.stdout.write(ok ? 'soak: OK\n' : 'soak: FAILED\n');
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  process.stderr.write(`soak: ${(error as Error).stack}\n`);
  process.exit(1);
});
