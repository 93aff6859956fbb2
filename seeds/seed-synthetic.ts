import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { DatabaseOpenError, openDatabase } from '../src/database';
import { seedAll } from './seed-all';
import { searchDialect } from '../src/modules/search/search.dialect';
import { createBulkWriter } from './synthetic/bulk-writer';
import { writeSyntheticGraph } from './synthetic/synthetic-graph';

/** `npm run seed:synthetic -- --companies N [--seed S]`: a large deterministic graph for benchmarks. */
async function main() {
  const { values } = parseArgs({ options: { companies: { type: 'string' }, seed: { type: 'string', default: '2020' } } });
  const companies = Number(values.companies);
  const seed = Number(values.seed);
  if (!Number.isInteger(companies) || companies < 1) throw new Error(`--companies must be a positive whole number (got ${JSON.stringify(values.companies ?? null)})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${JSON.stringify(values.seed)})`);

  const dataSource = await openDatabase(process.env.DATABASE_URL);
  try {
    const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM source WHERE slug LIKE 'synthetic-report-%'`);
    if (Number(n) > 0) throw new Error('this database already holds synthetic data: point DATABASE_URL at a new database');
    await seedAll(dataSource);
    // The search index is rebuilt in one pass after the load rather than row by row by its triggers.
    const search = searchDialect(dataSource);
    if (search) await dataSource.transaction((manager) => search.dropIndex(manager));
    const bar = new SingleBar({ format: 'synthetic graph |{bar}| {percentage}% | {value}/{total} companies | {rows} rows | {rate} rows/s', hideCursor: true }, Presets.shades_classic);
    bar.start(companies, 0, { rows: 0, rate: 0 });
    const started = performance.now();
    const written = await writeSyntheticGraph(createBulkWriter(dataSource), {
      companies,
      seed,
      onProgress: (done, rows) => bar.update(done, { rows, rate: Math.round(rows / ((performance.now() - started) / 1000)) }),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    const total = Object.values(written).reduce((a, b) => a + b, 0);
    process.stdout.write(`${total} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} rows/s): ${Object.entries(written).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
    const indexing = performance.now();
    if (search) await dataSource.transaction((manager) => search.ensureIndex(manager));
    const all = (performance.now() - started) / 1000;
    process.stdout.write(`search index rebuilt in ${((performance.now() - indexing) / 1000).toFixed(1)} s; ${Math.round(total / all)} rows/s including it\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${error instanceof DatabaseOpenError ? error.message : (error as Error).message}\n`);
  process.exit(1);
});
