import type { DataSource } from 'typeorm';
import { onPostgres, openTestDatabase } from '../../test/helpers';
import { createBulkWriter } from './bulk-writer';
import { writeSyntheticGraph } from './synthetic-graph';

describe('the synthetic graph', () => {
  const opened: DataSource[] = [];
  const generate = async (companies: number, seed = 2020) => {
    const dataSource = await openTestDatabase();
    opened.push(dataSource);
    const written = await writeSyntheticGraph(createBulkWriter(dataSource), { companies, seed, batchSize: 997 });
    return { dataSource, written };
  };
  afterAll(() => Promise.all(opened.map((d) => d.destroy())));

  it('is deterministic: the same seed and size give the same rows', async () => {
    const a = await generate(300);
    const b = await generate(300);
    expect(a.written).toEqual(b.written);
    for (const table of ['party', 'lawsuit', 'lawsuit_party', 'citation']) {
      expect(await b.dataSource.query(`SELECT * FROM ${table} ORDER BY id`)).toEqual(await a.dataSource.query(`SELECT * FROM ${table} ORDER BY id`));
    }
    const c = await generate(300, 7);
    expect(await c.dataSource.query('SELECT slug FROM party ORDER BY id LIMIT 20')).not.toEqual(
      await a.dataSource.query('SELECT slug FROM party ORDER BY id LIMIT 20'),
    );
  });

  it('has about ten rows per company in realistic proportions, with 2–4 parties per suit', async () => {
    const { dataSource, written } = await generate(2000);
    const total = Object.values(written).reduce((x, y) => x + y, 0);
    expect(total / 2000).toBeGreaterThan(8);
    expect(total / 2000).toBeLessThan(12);
    const [sizes] = await dataSource.query(
      'SELECT MIN(n) AS min, MAX(n) AS max FROM (SELECT COUNT(*) AS n FROM lawsuit_party GROUP BY lawsuit_id) AS per_suit',
    );
    expect({ min: Number(sizes.min), max: Number(sizes.max) }).toEqual({ min: 2, max: 4 });
    expect(written.sanction).toBeGreaterThan(100);
    expect(written.affiliation).toBeGreaterThan(1000);
  });

  it('keeps every foreign key and quotes every citation verbatim at its offset', async () => {
    const { dataSource } = await generate(500);
    if (onPostgres) {
      // PostgreSQL checked every foreign key as the rows went in; none may be left unvalidated.
      expect(await dataSource.query(`SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated`)).toEqual([]);
    } else {
      expect(await dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
    }
    const bad = await dataSource.query(
      `SELECT c.id FROM citation c JOIN source s ON s.id = c.source_id WHERE substr(s.text, c."offset" + 1, length(c.quote)) <> c.quote`,
    );
    expect(bad).toEqual([]);
    const uncited = await dataSource.query(`SELECT id FROM lawsuit WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type = 'Lawsuit')`);
    expect(uncited).toEqual([]);
  });
});
