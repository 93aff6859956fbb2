import type { LawsuitKind } from '../src/modules/lawsuit/lawsuit.enums';
import type { DataSource } from 'typeorm';
import { SourceImportService } from '../src/modules/source-import/source-import.service';
import { readSeedDocuments, seedAll } from '../seeds/seed-all';
import { openTestDatabase } from './helpers';

async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const keysOf = new Map(dataSource.entityMetadatas.map((m) => [m.tableName, m.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ')]));
  const result: Record<string, unknown[]> = {};
  for (const table of [...keysOf.keys()].sort()) result[table] = await dataSource.query(`SELECT * FROM "${table}" ORDER BY ${keysOf.get(table)}`);
  return result;
}

describe('loading sources', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = await openTestDatabase();
  });
  afterEach(() => dataSource.destroy());

  it('changes nothing when a source is loaded twice (even when forced past the unchanged check)', async () => {
    const [first] = await seedAll(dataSource);
    expect(first.status).toBe('created');
    const before = await snapshot(dataSource);
    expect(before.party).toHaveLength(11);
    expect(before.audit_entry).toEqual([expect.objectContaining({ actor: 'seed', action: 'seed' })]);

    const [again] = await seedAll(dataSource);
    expect(again).toEqual({ source: '2020-02-06-huawei-verizon', status: 'unchanged', written: {} });
    const [forced] = await seedAll(dataSource, { force: true });
    expect(forced.written).toEqual({});
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it('rejects an invalid document with every problem listed, and writes nothing', async () => {
    const [{ document }] = readSeedDocuments();
    const broken = structuredClone(document);
    broken.lawsuits![0].quotes = ['Huawei sued Nokia in 2031'];
    broken.lawsuits![1].kind = 'MURDER' as LawsuitKind; // not a kind: refused
    broken.sanctions![0].target = 'nokia';
    broken.events![0].quotes = [];
    broken.statements![0].date = '2019-13';
    await expect(new SourceImportService(dataSource).import(broken)).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          'lawsuits[0].quotes[0]: "Huawei sued Nokia in 2031" does not occur verbatim in the source text',
          'lawsuits[1].kind: must be one of PATENT_INFRINGEMENT, REGULATORY_CHALLENGE, CRIMINAL, EXTRADITION, ANTITRUST, CONTRACT, OTHER (got "MURDER")',
          'sanctions[0].target: unknown party "nokia": define it under parties or import its source first',
          'statements[0].date: "2019-13" has no month 13',
          'events[0].quotes: every fact needs at least one verbatim quote of the source',
        ],
      },
    });
    const counts = await Promise.all(['party', 'source', 'citation'].map((table) => dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)));
    expect(counts.map(([row]) => Number(row.n))).toEqual([0, 0, 0]);
  });

  it('rolls back everything when a write fails midway', async () => {
    const [{ document }] = readSeedDocuments();
    const importer = new SourceImportService(dataSource);
    const original = dataSource.transaction.bind(dataSource);
    // Fail the transaction after its first writes, as a lost database would.
    jest.spyOn(dataSource, 'transaction').mockImplementation(((work: (m: unknown) => Promise<unknown>) =>
      original(async (manager) => {
        await work(manager);
        throw new Error('disk I/O error');
      })) as never);
    await expect(importer.import(document)).rejects.toThrow('disk I/O error');
    jest.restoreAllMocks();
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM party');
    expect(Number(n)).toBe(0);
  });
});
