import type { DataSource } from 'typeorm';
import { seedAll } from '../seeds/seed-all';
import { freshDatabaseUrl, onPostgres, openTestDatabase } from './helpers';
import { addRowsSeedingLacks, expectSameEntities, nullFirstRows, openProbeDatabase, probeEntities, readBothWays } from './row-mapping';

/**
 * SqlReader's row mapping against TypeORM's own `find`, on the suite's database (SQLite, or
 * PostgreSQL under `npm run test:pg`, whose driver hands back other JavaScript types): every
 * entity of src/entities.ts over the seeded data, a row of each table with every nullable
 * column NULL, and probe entities for the column kinds ours do not use yet.
 */
describe(`row mapping on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  const opened: DataSource[] = [];
  afterAll(() => Promise.all(opened.map((d) => d.destroy())));

  it('gives every entity of the seeded data, nulls included, exactly what find gives', async () => {
    const dataSource = await openTestDatabase();
    opened.push(dataSource);
    await seedAll(dataSource);
    await addRowsSeedingLacks(dataSource);
    await nullFirstRows(dataSource);
    const compared = await readBothWays(dataSource);
    expect(compared.length).toBeGreaterThanOrEqual(20);
    for (const { entity, rows, mapped, found } of compared) {
      expect({ entity, rows: rows > 0 }).toEqual({ entity, rows: true });
      expectSameEntities(entity, mapped, found);
    }
  });

  it('handles booleans, dates, simple-array, simple-enum, reals, a list of transformers and subtypes as find does', async () => {
    const url = await freshDatabaseUrl();
    const probes = await openProbeDatabase(onPostgres ? { type: 'postgres', url } : { type: 'better-sqlite3', database: url.slice('sqlite:'.length) });
    opened.push(probes);
    for (const { entity, rows, mapped, found } of await readBothWays(probes, probeEntities)) {
      expect({ entity, rows: rows > 0 }).toEqual({ entity, rows: true });
      expectSameEntities(entity, mapped, found);
    }
  });
});
