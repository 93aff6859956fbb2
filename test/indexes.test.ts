import type { DataSource } from 'typeorm';
import { openTestDatabase } from './helpers';

/** Every foreign key, and every column the connections filter or order by, leads some index. */
describe('indexes', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(() => dataSource.destroy());

  async function leadingColumns(table: string): Promise<Set<string>> {
    const leading = new Set<string>(['id']);
    for (const index of await dataSource.query(`PRAGMA index_list("${table}")`)) {
      const [first] = await dataSource.query(`PRAGMA index_info("${index.name}")`);
      if (first) leading.add(first.name);
    }
    return leading;
  }

  it('covers every foreign key column', async () => {
    const missing: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      const leading = await leadingColumns(metadata.tableName);
      for (const foreignKey of metadata.foreignKeys) {
        const column = foreignKey.columnNames[0];
        if (!leading.has(column)) missing.push(`${metadata.tableName}.${column}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('serves the connections’ filters and slug order without sorting', async () => {
    const plans: Record<string, string> = {
      companies: `SELECT * FROM party WHERE party_type = 'COMPANY' AND slug > 'a' ORDER BY slug LIMIT 21`,
      lawsuitsByKind: `SELECT * FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT' ORDER BY slug LIMIT 21`,
      lawsuitsByStatus: `SELECT * FROM lawsuit WHERE status = 'PENDING' ORDER BY slug LIMIT 21`,
      lawsuitsByBoth: `SELECT * FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT' AND status = 'PENDING' ORDER BY slug LIMIT 21`,
      sanctions: `SELECT * FROM sanction ORDER BY slug LIMIT 21`,
    };
    for (const [name, sql] of Object.entries(plans)) {
      const plan = (await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`)).map((row: { detail: string }) => row.detail).join(' | ');
      expect({ name, plan }).toEqual({ name, plan: expect.stringMatching(/USING (COVERING )?INDEX/) });
      expect({ name, plan }).toEqual({ name, plan: expect.not.stringMatching(/TEMP B-TREE/) });
    }
  });
});
