import 'reflect-metadata';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setEventLoopSlicing } from '../src/common/event-loop-slices';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { Role } from '../src/common/role.enum';
import { documentProblems } from '../src/modules/source-import/validate-source-document';
import { createApp } from '../src/server/app';
import { seedAll } from '../seeds/seed-all';
import { largeImportDocument } from './large-import';

/**
 * `npm run build && node dist/bench/import-slices.js [--kb 100 --rounds 5 --out FILE]`: how long an
 * editor's large `importSource` holds the main thread, with the write cut into slices and without
 * (as before), side by side: an in-process production server on a fresh SQLite file imports a new
 * `--kb` kB document per variant per round (the variants alternate, in a rotating order) while an
 * event-loop-delay histogram runs. Reports, per variant, the medians over the rounds of the
 * import's time and of the longest event-loop stall (what a `/healthz` beside it waits at most),
 * and the validation's own time (the same document checked alone). Writes bench/results/import-slices.md.
 */
const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const { values: args } = parseArgs({
  options: {
    kb: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(ROOT, 'bench/results/import-slices.md') },
  },
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-import-slices-'));
  const dataSource = await openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`, { migrate: true });
  await seedAll(dataSource);
  const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off' }), createLogger('silent'));
  const port = await app.listen(0);
  const { key } = await app.database.write((manager) => new ApiKeyService(dataSource).create(manager, 'bench', Role.EDITOR));
  const url = `http://127.0.0.1:${port}/graphql`;
  const query = 'mutation($doc: JSONObject!) { importSource(input: $doc) { status } }';
  const variants = { sliced: true, 'one slice (before)': false } as const;
  const results: Record<string, { importMs: number[]; stallMs: number[]; validationMs: number[] }> = {};
  for (const name of Object.keys(variants)) results[name] = { importMs: [], stallMs: [], validationMs: [] };
  let parties = 0;
  let bodyKb = 0;
  const rounds = Number(args.rounds);
  for (let round = 0; round < rounds; round++) {
    const order = Object.entries(variants);
    if (round % 2 === 1) order.reverse();
    for (const [name, sliced] of order) {
      const doc = largeImportDocument(Number(args.kb) * 1024, `r${round}-${sliced ? 's' : 'u'}-${Date.now()}`);
      parties = (doc.parties as unknown[]).length;
      const body = JSON.stringify({ query, variables: { doc } });
      bodyKb = body.length / 1024;
      const validationStarted = performance.now();
      if (documentProblems(doc, new Map()).length) throw new Error('the generated document is invalid');
      results[name].validationMs.push(performance.now() - validationStarted);
      setEventLoopSlicing(sliced);
      const histogram = monitorEventLoopDelay({ resolution: 1 });
      histogram.enable();
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
      const answer = (await response.json()) as { errors?: unknown[] };
      results[name].importMs.push(performance.now() - started);
      histogram.disable();
      if (answer.errors) throw new Error(`import failed: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      results[name].stallMs.push(histogram.max / 1e6);
      process.stdout.write(
        `round ${round + 1} ${name.padEnd(20)} import ${results[name].importMs.at(-1)!.toFixed(0)} ms, longest stall ${results[name].stallMs.at(-1)!.toFixed(1)} ms\n`,
      );
    }
  }
  setEventLoopSlicing(true);
  await app.stop();
  await dataSource.destroy();

  const rows = Object.entries(results).map(
    ([name, r]) =>
      `| ${name} | ${median(r.importMs).toFixed(0)} | ${median(r.stallMs).toFixed(1)} | ${Math.max(...r.stallMs).toFixed(1)} | ${median(r.validationMs).toFixed(1)} |`,
  );
  const text = [
    '# A large importSource beside other requests',
    '',
    `Run ${new Date().toISOString()} on ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end (a shared machine: the figures are upper bounds, the ratio is what to read).`,
    `An in-process production server on a fresh SQLite file with the seeded report; each import a new ${bodyKb.toFixed(0)} kB body (${parties} companies and ${parties} characterizations, each cited); ${rounds} rounds, the two variants alternating in a rotating order.`,
    '"Longest stall" is the event-loop-delay histogram\'s maximum over the import (perf_hooks.monitorEventLoopDelay): how long a request arriving beside it could wait at most.',
    '',
    '| variant | import ms (median) | longest stall ms (median) | longest stall ms (worst round) | validation alone ms (median) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Reproduce: \`npm run build && node dist/bench/import-slices.js --kb ${args.kb} --rounds ${rounds}\`.`,
    '',
  ].join('\n');
  mkdirSync(path.dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, text);
  process.stdout.write(`\n${text}`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
