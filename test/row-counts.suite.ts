import { installRowCounts } from '../src/common/database/row-counts';
import { datedRowCountName } from '../src/common/database/counted-rows';
import { factTypes } from '../src/facts';
import { Company } from '../src/modules/company/company.entity';
import { startTestServer, type TestServer } from './helpers';

/** The trigger-kept counts behind unfiltered totalCount agree with COUNT(*) through every kind of write. */
describe('row counts', () => {
  let server: TestServer;
  const dated = factTypes.filter((fact) => fact.timeline);
  beforeAll(async () => {
    server = await startTestServer({ syntheticCompanies: 300 });
  });
  afterAll(() => server.close());

  async function expectExact() {
    const kept = Object.fromEntries(
      (await server.dataSource.query('SELECT name, n FROM row_count')).map((r: { name: string; n: number | string }) => [r.name, Number(r.n)]),
    );
    const counted = Object.fromEntries(
      [
        ...(await server.dataSource.query(`SELECT 'party:' || party_type AS name, COUNT(*) AS n FROM party GROUP BY party_type`)),
        ...(await server.dataSource.query(
          `SELECT 'lawsuit' AS name, COUNT(*) AS n FROM lawsuit UNION ALL SELECT 'sanction', COUNT(*) FROM sanction UNION ALL SELECT 'source', COUNT(*) FROM source UNION ALL SELECT 'dispute', COUNT(*) FROM dispute`,
        )),
        // The timeline's: every dated fact table's rows with a date.
        ...(await server.dataSource.query(
          dated
            .map(({ table, timeline }) => `SELECT '${datedRowCountName(table)}' AS name, COUNT(*) AS n FROM ${table} WHERE ${timeline!.date} IS NOT NULL`)
            .join(' UNION ALL '),
        )),
        // COUNT(*) is a bigint, which PostgreSQL's driver returns as a string.
      ].map((r: { name: string; n: number | string }) => [r.name, Number(r.n)]),
    );
    // A count that went to zero may stay as a row saying 0.
    expect(Object.fromEntries(Object.entries(kept).filter(([, n]) => n !== 0))).toEqual(Object.fromEntries(Object.entries(counted).filter(([, n]) => n !== 0)));
    const datedTotal = dated.reduce((sum, { table }) => sum + (counted[datedRowCountName(table)] ?? 0), 0);
    expect(datedTotal).toBeGreaterThan(0);
    const timeline = await server.gql('{ timeline(first: 1) { totalCount } }');
    expect(timeline.data.timeline.totalCount).toBe(datedTotal);
    const { data } = await server.gql(
      '{ companies { totalCount } people { totalCount } authorities { totalCount } lawsuits { totalCount } sanctions { totalCount } sources { totalCount } disputes { totalCount } }',
    );
    expect(data).toEqual({
      companies: { totalCount: counted['party:COMPANY'] },
      people: { totalCount: counted['party:PERSON'] },
      authorities: { totalCount: counted['party:AUTHORITY'] },
      lawsuits: { totalCount: counted.lawsuit },
      sanctions: { totalCount: counted.sanction },
      sources: { totalCount: counted.source },
      disputes: { totalCount: counted.dispute },
    });
  }

  it('match COUNT(*) after the seed and a bulk synthetic load', async () => {
    await expectExact();
  });

  it('follow inserts and deletes', async () => {
    const repository = server.dataSource.getRepository(Company);
    const created = await repository.save(
      repository.create({ slug: 'row-count-probe', name: 'Probe', aliases: [], description: null, headquarters: null, country: null }),
    );
    await expectExact();
    await repository.delete(created.id);
    await expectExact();
  });

  it('count the dated rows of the timeline through inserts, updates of the date and deletes', async () => {
    const [{ id }] = await server.dataSource.query(`SELECT id FROM lawsuit WHERE filed IS NOT NULL ORDER BY id LIMIT 1`);
    await server.dataSource.query(`UPDATE lawsuit SET filed = NULL WHERE id = ${Number(id)}`);
    await expectExact();
    await server.dataSource.query(`UPDATE lawsuit SET title = title || ' (undated)' WHERE id = ${Number(id)}`);
    await expectExact();
    await server.dataSource.query(`UPDATE lawsuit SET filed = '2019-03' WHERE id = ${Number(id)}`);
    await expectExact();
    await server.dataSource.query(`UPDATE lawsuit SET filed = '2019-04' WHERE id = ${Number(id)}`);
    await expectExact();
    await server.dataSource.query(`INSERT INTO event (slug, title, date, location) VALUES ('row-count-event', 'Probe', '2020-02-06', NULL)`);
    await server.dataSource.query(`INSERT INTO event (slug, title, date, location) VALUES ('row-count-undated', 'Probe', NULL, NULL)`);
    await expectExact();
    await server.dataSource.query(`DELETE FROM event WHERE slug IN ('row-count-event', 'row-count-undated')`);
    await expectExact();
  });

  it('are recounted when reinstalled, e.g. after a schema change rebuilt a table', async () => {
    await server.dataSource.query(`UPDATE row_count SET n = 0`);
    await server.dataSource.transaction((manager) => installRowCounts(manager));
    await expectExact();
  });

  it('leave filtered counts to COUNT over the index', async () => {
    const { data } = await server.gql('{ lawsuits(filter: { kind: PATENT_INFRINGEMENT }) { totalCount } }');
    const [{ n }] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT'`);
    expect(data.lawsuits.totalCount).toBe(Number(n));
  });
});
