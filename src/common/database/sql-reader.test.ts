import type { DataSource } from 'typeorm';
import { openDatabase } from '../../database';
import { seedAll } from '../../../seeds/seed-all';
import { addRowsSeedingLacks, nullFirstRows, openProbeDatabase, probeEntities, readBothWays } from '../../../test/row-mapping';
import { SqlReader } from './sql-reader';
import { expectSameEntities } from '../../../test/row-mapping';
import { Company } from '../../modules/company/company.entity';
import { PartyEntity } from '../../modules/party/party.entity';

/** The row mapping on in-memory SQLite (test/row-mapper.suite.ts runs the same on the suite's database, PostgreSQL too). */
describe('SqlReader row mapping, as TypeORM maps rows', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase('sqlite::memory:', { migrate: true });
    await seedAll(dataSource);
    await addRowsSeedingLacks(dataSource);
    await nullFirstRows(dataSource);
  });
  afterAll(() => dataSource?.destroy());

  it('gives every entity of the seeded data, nulls included, exactly what find gives', async () => {
    for (const { entity, rows, mapped, found } of await readBothWays(dataSource)) {
      expect({ entity, rows: rows > 0 }).toEqual({ entity, rows: true });
      expectSameEntities(entity, mapped, found);
    }
  });

  it('maps party rows to the subtype their discriminator names, and reads a subtype alone', async () => {
    const reader = new SqlReader(dataSource);
    const parties = await reader.select(PartyEntity, [], [], 'ORDER BY id');
    expect(new Set(parties.map((p) => p.constructor.name))).toEqual(new Set(['Company', 'Person', 'Authority']));
    const companies = await reader.select(Company, [], [], 'ORDER BY id');
    expect(companies.every((c) => c instanceof Company)).toBe(true);
    expectSameEntities('Company', companies, await dataSource.getRepository(Company).find({ order: { id: 'ASC' } }));
  });

  it('handles booleans, dates, simple-array, simple-enum, reals and a list of transformers as find does', async () => {
    const probes = await openProbeDatabase({ type: 'better-sqlite3', database: ':memory:' });
    try {
      for (const { entity, rows, mapped, found } of await readBothWays(probes, probeEntities)) {
        expect({ entity, rows: rows > 0 }).toEqual({ entity, rows: true });
        expectSameEntities(entity, mapped, found);
      }
      const [small] = await new SqlReader(probes).select(probeEntities[1], [], [], 'ORDER BY id LIMIT 1');
      expect(small).toMatchObject({ flag: true, maybeFlag: null, tags: ['a', 'b'], extra: { a: [1, 2] }, shout: 'HI!', size: 'S' });
      expect((small as { at: Date }).at).toEqual(new Date('2020-02-06T12:34:56.789Z'));
    } finally {
      await probes.destroy();
    }
  });
});
