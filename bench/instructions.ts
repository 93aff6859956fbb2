import { execFileSync, spawn } from 'node:child_process';
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
 * `node dist/bench/instructions.js --db URL [--operation Typename] [--script dist/src/main.js]
 * [--postgraphile] [--warmup 40000] [--requests 6000] [--connections 10] [--env K=V,…]`: the machine instructions a
 * server executes per request, counted by Valgrind's callgrind (Debian's `valgrind` package) in
 * user space, the server process only. The server runs uninstrumented (at near full speed) through
 * start-up and `--warmup` requests, so V8 has compiled its hot code; counting is then switched on
 * for `--requests` requests and off again (`callgrind_control`).
 *
 * Why: requests per second and CPU time per request swing with the machine (rounds of every variant
 * swung 2× on this shared 2-core machine), while a count of instructions does not: two runs of the
 * same build agree within about 2 %, close enough to see a change of a few per cent in a request's
 * fixed cost. It leaves out the kernel's work (socket reads and writes), which is the same for every
 * server answering the same bytes, and says nothing of cache misses or waiting.
 */
const ROOT = path.resolve(__dirname, '../..');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    operation: { type: 'string', default: 'Typename' },
    script: { type: 'string', default: 'dist/src/main.js' },
    postgraphile: { type: 'boolean', default: false },
    warmup: { type: 'string', default: '40000' },
    requests: { type: 'string', default: '6000' },
    connections: { type: 'string', default: '10' },
    env: { type: 'string', default: '' },
  },
});

async function main() {
  if (!args.db) throw new Error('--db DATABASE_URL is required');
  const operation = OPERATIONS.find((o) => o.name === args.operation);
  if (!operation) throw new Error(`unknown operation ${args.operation}`);
  const requests = Number(args.requests);
  const body = args.postgraphile ? postgraphileRequestBody(operation.name) : requestBody(operation);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-instructions-'));
  const port = await freePort();
  const extra = Object.fromEntries(
    args
      .env!.split(',')
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  );
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      '--smc-check=all-non-file',
      `--callgrind-out-file=${path.join(dir, 'callgrind.out.%p')}`,
      process.execPath,
      ...serverNodeFlags(ROOT),
      path.resolve(ROOT, args.script!),
    ],
    {
      env: { ...process.env, DATABASE_URL: args.db, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off', ...extra },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/graphql`;
  // No timeout: a request under callgrind's instrumentation can take seconds (the front-end page), and a timed-out one would not be counted.
  const load = (amount: number) =>
    autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: Number(args.connections), amount, timeout: 3600 });
  try {
    // Start-up under valgrind takes several times longer than without.
    await waitForServer(url, body, 120_000);
    await load(Number(args.warmup));
    const control = (...command: string[]) => execFileSync('callgrind_control', [...command, String(child.pid)], { stdio: 'ignore' });
    control('--instr=on');
    const counted = await load(requests);
    control('--instr=off');
    control('--dump');
    if (counted.non2xx > 0 || counted.errors > 0) throw new Error(`${counted.non2xx} non-2xx answers and ${counted.errors} errors while counting`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  // Every dump file's `totals:` line, summed (the instrumented stretch lies in the one --dump wrote;
  // its header's `summary:` can read 0).
  let instructions = 0;
  for (const file of readdirSync(dir)) {
    for (const totals of readFileSync(path.join(dir, file), 'utf8').matchAll(/^totals:\s+(\d+)$/gm)) instructions += Number(totals[1]);
  }
  if (instructions === 0) throw new Error(`callgrind counted nothing (its files are in ${dir})`);
  process.stdout.write(
    `${operation.name}: ${Math.round(instructions / requests)} instructions per request (${args.script}${args.postgraphile ? ', PostGraphile' : ''}; ${requests} requests after ${args.warmup})\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
