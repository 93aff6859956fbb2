import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { Role } from '../src/modules/api-key/role.enum';
import { documentProblems } from '../src/modules/source-import/validate-source-document';
import { createApp } from '../src/server/app';
import { seedAll } from '../seeds/seed-all';
import { largeImportDocument } from './large-import';

/**
 * `node dist/bench/import-slices.js [--kb 100 --runs 5]`: how long an editor's large
 * `importSource` holds the main thread. An in-process server on a fresh SQLite file imports
 * `--runs` new documents of `--kb` kB each over HTTP while an event-loop-delay histogram runs;
 * prints, per run, the whole import's time, the validation's own time (the same document checked
 * alone) and the longest event-loop stall (what a `/healthz` probe beside it would wait at most).
 */
const { values: args } = parseArgs({ options: { kb: { type: 'string', default: '100' }, runs: { type: 'string', default: '5' } } });

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-import-slices-'));
  const dataSource = await openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`, { migrate: true });
  await seedAll(dataSource);
  const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off' }), createLogger('silent'));
  const port = await app.listen(0);
  const { key } = await app.database.write((manager) => new ApiKeyService(dataSource).create(manager, 'bench', Role.EDITOR));
  const url = `http://127.0.0.1:${port}/graphql`;
  const query = 'mutation($doc: JSONObject!) { importSource(input: $doc) { status written { table rows } } }';
  const rows: string[] = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const doc = largeImportDocument(Number(args.kb) * 1024, `r${run}-${Date.now()}`);
    const body = JSON.stringify({ query, variables: { doc } });
    const validationStarted = performance.now();
    const problems = documentProblems(doc, new Map());
    const validationMs = performance.now() - validationStarted;
    if (problems.length) throw new Error(`the generated document is invalid: ${JSON.stringify(problems.slice(0, 3))}`);
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
    const answer = (await response.json()) as { data?: { importSource: { status: string } }; errors?: unknown[] };
    const ms = performance.now() - started;
    histogram.disable();
    if (answer.errors) throw new Error(`import failed: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    const line = `run ${run}: ${(body.length / 1024).toFixed(0)} kB, ${(doc.parties as unknown[]).length} parties; import ${ms.toFixed(0)} ms; validation alone ${validationMs.toFixed(1)} ms; longest event-loop stall ${(histogram.max / 1e6).toFixed(1)} ms`;
    process.stdout.write(`${line}\n`);
    rows.push(line);
  }
  await app.stop();
  await dataSource.destroy();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
