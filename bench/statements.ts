import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { processCpuMs } from './cpu-time';
import { freePort } from './free-port';
import { OPERATIONS, requestBody, type BenchOperation } from './operations';
import { serverNodeFlags } from './server-flags';
import { waitForServer } from './wait-for-server';

/**
 * `node dist/bench/statements.js --before DIR`: CPU time per request of the front-end page and
 * the dispute page, side by side, for the build in DIR (another checkout, built: the code before
 * field statements) and this one, each on its own SQLite copy of the same synthetic graph
 * (seeded by its own build: the schemas differ), in alternating rounds; plus this build's
 * dispute page as of a date. Prints medians; bench/results/statements.md records a run.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    companies: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '4' },
  },
});
if (!args.before) throw new Error('--before DIR: a built checkout of the code to compare with');

const disputePage = (
  asOf: boolean,
) => `query DisputePage($slug: String!${asOf ? ', $asOf: String' : ''}) { dispute(slug: $slug${asOf ? ', asOf: $asOf' : ''}) { id slug title kind status started { iso }
  attribution hedges claimedBy { __typename } provenance { field basis note citations { quote } }
  citations { quote source { title publisher publishedOn { iso } } }
  sides { side label party { __typename ... on Company { slug name } ... on Authority { slug name } ... on Person { slug name } } }
  lawsuits { id slug title kind status filed { iso bound } attribution provenance { field basis citations { quote } }
    plaintiffs { __typename ... on Company { slug name } } defendants { __typename ... on Company { slug name } } }
  negotiations { slug status hedges provenance { field basis } }
  events { slug title date { iso } }
  timeline(first: 20) { totalCount edges { node { kind title date { iso } } } } } }`;

const operation = (name: string, variables: Record<string, unknown>): BenchOperation => ({
  name,
  description: name,
  query: disputePage('asOf' in variables),
  variables,
});
const FRONT_END = OPERATIONS.find((o) => o.name === 'FrontEnd')!;
const CASES: { label: string; operation: BenchOperation; sides: ('before' | 'after')[] }[] = [
  { label: 'front-end page', operation: FRONT_END, sides: ['before', 'after'] },
  { label: 'dispute page', operation: operation('DisputePage', { slug: 'huawei-verizon-patents' }), sides: ['before', 'after'] },
  { label: 'dispute page, asOf 2020-06', operation: operation('DisputePage', { slug: 'huawei-verizon-patents', asOf: '2020-06' }), sides: ['after'] },
];

function run(command: string, argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...argv], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function start(root: string, databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeFlags(root), path.join(root, 'dist/src/main.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForServer(url, requestBody(OPERATIONS[0]), 60_000);
  return { child, url };
}

async function load(url: string, body: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: Number(args.connections),
    duration: seconds,
  });
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.total;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const roots = { before: path.resolve(args.before!), after: ROOT };
  const servers: Record<string, { child: ChildProcess; url: string }> = {};
  for (const [side, root] of Object.entries(roots)) {
    const file = `/tmp/conflict-explorer-statements-bench-${side}-${args.companies}.sqlite`;
    if (!existsSync(file))
      await run(path.join(root, 'dist/seeds/seed-synthetic.js'), ['--companies', args.companies!], { DATABASE_URL: `sqlite:${file}` }, root);
    servers[side] = await start(root, `sqlite:${file}`);
  }
  try {
    for (const { label, operation: op, sides } of CASES) {
      const body = requestBody(op);
      const answers = await Promise.all(
        sides.map(async (side) => (await fetch(servers[side].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text()),
      );
      if (sides.length === 2 && answers[0] !== answers[1])
        process.stdout.write(`note: ${label}: the two answers differ (${answers[0].length} and ${answers[1].length} bytes)\n`);
      for (const side of sides) await load(servers[side].url, body, 2);
      const cpu: Record<string, number[]> = { before: [], after: [] };
      for (let r = 0; r < Number(args.rounds); r++) {
        // Alternate which side goes first, so neither always runs on a warmer machine.
        for (const side of r % 2 ? [...sides].reverse() : sides) {
          const pid = servers[side].child.pid!;
          const start = processCpuMs(pid);
          const requests = await load(servers[side].url, body, Number(args.duration));
          cpu[side].push((processCpuMs(pid) - start) / requests);
        }
      }
      const line = sides.map((side) => `${side} ${median(cpu[side]).toFixed(3)} ms`).join(' · ');
      const ratio = sides.length === 2 ? ` · after/before ${(median(cpu.after) / median(cpu.before)).toFixed(3)}` : '';
      process.stdout.write(
        `${label}: CPU per request (median of ${args.rounds} rounds): ${line}${ratio} · rounds ${sides.map((s) => cpu[s].map((v) => v.toFixed(3)).join('/')).join(' | ')}\n`,
      );
    }
  } finally {
    for (const { child } of Object.values(servers)) child.kill('SIGTERM');
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
