import type { DataSource } from 'typeorm';
import { installRowCounts, rowCountMismatches } from '../../src/common/database/row-counts';
import { onPostgres, openTestDatabase } from '../../test/helpers';
import { seedAll } from '../seed-all';
import { bulkLoad, createBulkWriter } from './bulk-writer';
import { seedSyntheticDatabase } from './seed-synthetic-database';
import { SYNTHETIC_TABLES, writeSyntheticGraph } from './synthetic-graph';

/** The indexes and triggers of the current schema, by name with their definitions. */
async function schemaObjects(dataSource: DataSource): Promise<string[]> {
  const rows: { line: string }[] = onPostgres
    ? await dataSource.query(
        `SELECT 'index ' || indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()
         UNION ALL SELECT 'trigger ' || t.tgname || ' on ' || c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`,
      )
    : await dataSource.query(`SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS line FROM sqlite_master WHERE type IN ('index', 'trigger')`);
  return rows.map((row) => row.line.replace(/\s+/g, ' ')).sort();
}

/**
 * The bulk load sets indexes and the row counts' triggers aside and builds them again at the end:
 * the loaded database must be the one a row-by-row load gives, indexes, triggers, counts and
 * search index included.
 */
describe('seedSyntheticDatabase (bulk load)', () => {
  const opened: DataSource[] = [];
  const open = async () => {
    const dataSource = await openTestDatabase();
    opened.push(dataSource);
    return dataSource;
  };
  afterAll(() => Promise.all(opened.map((d) => d.destroy())));

  it('leaves the schema, the row counts and the search index as a row-by-row load does', async () => {
    // The reference: the same documents and graph written row by row, every index and trigger in place.
    const reference = await open();
    const before = await schemaObjects(reference);
    await seedAll(reference);
    await writeSyntheticGraph(createBulkWriter(reference), { companies: 300, seed: 2020 });
    const loaded = await open();
    await seedSyntheticDatabase(loaded, { companies: 300, seed: 2020 });
    expect(await schemaObjects(loaded)).toEqual(before);
    expect(await rowCountMismatches(loaded.manager)).toEqual([]);
    const summary = async (dataSource: DataSource) => ({
      counts: await dataSource.query('SELECT name, n FROM row_count WHERE n <> 0 ORDER BY name'),
      searchIndex: await dataSource.query('SELECT subject_type, COUNT(*) AS n FROM search_index GROUP BY subject_type ORDER BY subject_type'),
      lawsuits: await dataSource.query('SELECT * FROM lawsuit_party ORDER BY id'),
    });
    expect(await summary(loaded)).toEqual(await summary(reference));
    if (!onPostgres) {
      expect(await loaded.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await loaded.query('PRAGMA foreign_key_check')).toEqual([]);
    }
    // The triggers work again: what is written now is counted and indexed.
    for (const dataSource of [loaded, reference]) {
      await dataSource.query(`INSERT INTO party (slug, name, aliases, party_type) VALUES ('late-company', 'Late Company', '[]', 'COMPANY')`);
    }
    expect(await rowCountMismatches(loaded.manager)).toEqual([]);
    expect(await summary(loaded)).toEqual(await summary(reference));
  });

  it('leaves nothing set aside when the load fails', async () => {
    const dataSource = await open();
    const before = await schemaObjects(dataSource);
    await expect(
      bulkLoad(
        dataSource,
        { tables: SYNTHETIC_TABLES, triggerPrefixes: ['row_count_'] },
        async () => {
          await writeSyntheticGraph(createBulkWriter(dataSource), { companies: 50 });
          throw new Error('the generator failed');
        },
        (runner) => installRowCounts(runner),
      ),
    ).rejects.toThrow('the generator failed');
    expect(await schemaObjects(dataSource)).toEqual(before);
    expect(await rowCountMismatches(dataSource.manager)).toEqual([]);
    // SQLite: one transaction, rolled back; PostgreSQL: the rows written stay, counted.
    const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM lawsuit`);
    expect(Number(n) === 0).toBe(!onPostgres);
  });
});
