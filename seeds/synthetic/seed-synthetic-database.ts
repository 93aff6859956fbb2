import { SingleBar, Presets } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { searchDialect } from '../../src/modules/search/search.dialect';
import { seedAll } from '../seed-all';
import { installRowCounts } from '../../src/common/database/row-counts';
import { bulkLoad, createBulkWriter } from './bulk-writer';
import { SYNTHETIC_TABLES, writeSyntheticGraph } from './synthetic-graph';

/**
 * Fills an opened, empty database with the seed documents and a synthetic graph of `companies`,
 * with a progress bar and a summary on stdout. Shared by `npm run seed:synthetic` and the benchmark.
 */
export async function seedSyntheticDatabase(dataSource: DataSource, { companies, seed }: { companies: number; seed: number }): Promise<void> {
  const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM source WHERE slug LIKE 'synthetic-report-%'`);
  if (Number(n) > 0) throw new Error('this database already holds synthetic data: point DATABASE_URL at a new database');
  await seedAll(dataSource);
  // The search index is rebuilt in one pass after the load rather than row by row by its triggers.
  const search = searchDialect(dataSource);
  if (search) await dataSource.transaction((manager) => search.dropIndex(manager));
  const bar = new SingleBar(
    { format: 'synthetic graph |{bar}| {percentage}% | {value}/{total} companies | {rows} rows | {rate} rows/s', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(companies, 0, { rows: 0, rate: 0 });
  const started = performance.now();
  let written: Record<string, number> = {};
  const times = await bulkLoad(
    dataSource,
    // The row counts' triggers are set aside with the indexes; the rebuild recounts and creates them again.
    { tables: SYNTHETIC_TABLES, triggerPrefixes: ['row_count_'] },
    async () => {
      written = await writeSyntheticGraph(createBulkWriter(dataSource), {
        companies,
        seed,
        onProgress: (done, rows) => bar.update(done, { rows, rate: Math.round(rows / ((performance.now() - started) / 1000)) }),
      });
      bar.stop();
    },
    async (runner) => {
      await installRowCounts(runner);
      if (search) await search.ensureIndex(runner);
    },
  );
  const total = Object.values(written).reduce((a, b) => a + b, 0);
  const all = (performance.now() - started) / 1000;
  process.stdout.write(
    `${total} rows in ${times.loadSeconds.toFixed(1)} s (${Math.round(total / times.loadSeconds)} rows/s): ${Object.entries(written)
      .map(([t, count]) => `${t} ${count}`)
      .join(', ')}\n` +
      `indexes built in ${times.indexSeconds.toFixed(1)} s; counts and search index rebuilt in ${times.rebuildSeconds.toFixed(1)} s; ` +
      `${all.toFixed(1)} s in all (${Math.round(total / all)} rows/s)\n`,
  );
  // Planner statistics and the visibility map now, rather than whenever autovacuum next gets to these tables.
  if (dataSource.options.type === 'postgres') await dataSource.query('VACUUM ANALYZE');
}
