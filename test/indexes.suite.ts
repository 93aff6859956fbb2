import type { DataSource } from 'typeorm';
import { StatementCounter } from '../src/common/database/statement-counter';
import { SqlReader } from '../src/common/database/sql-reader';
import { Loaders } from '../src/common/loaders/loaders';
import { Authority } from '../src/modules/authority/authority.entity';
import { Company } from '../src/modules/company/company.entity';
import { Lawsuit } from '../src/modules/lawsuit/lawsuit.entity';
import { Person } from '../src/modules/person/person.entity';
import { onPostgres, openTestDatabase } from './helpers';

/** Every foreign key, and every column the connections filter or order by, leads some index. */
describe('indexes', () => {
  let dataSource: DataSource;
  const logger = new StatementCounter({ record: true });
  beforeAll(async () => {
    dataSource = await openTestDatabase({ logger });
  });
  afterAll(() => dataSource.destroy());

  /** The first column of each index on a table (and the primary key's id). */
  async function leadingColumns(table: string): Promise<Set<string>> {
    const leading = new Set<string>(['id']);
    if (onPostgres) {
      const rows = await dataSource.query(
        `SELECT a.attname AS name FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] WHERE t.relname = $1`,
        [table],
      );
      for (const { name } of rows) leading.add(name);
      return leading;
    }
    for (const index of await dataSource.query(`PRAGMA index_list("${table}")`)) {
      const [first] = await dataSource.query(`PRAGMA index_info("${index.name}")`);
      if (first) leading.add(first.name);
    }
    return leading;
  }

  /**
   * Whether the plan reads through an index, and whether it sorts. PostgreSQL would scan tables
   * this small whole, so it is told to avoid scans and sorts wherever an index can serve.
   */
  async function plan(sql: string): Promise<{ usesIndex: boolean; sorts: boolean; text: string }> {
    if (onPostgres) {
      const runner = dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        await runner.query('SET enable_sort = off');
        const rows = await runner.query(`EXPLAIN ${sql}`);
        const text = rows.map((row: Record<string, string>) => row['QUERY PLAN']).join(' | ');
        await runner.query('RESET ALL');
        return { usesIndex: /Index (Only )?Scan/.test(text), sorts: /Sort/.test(text), text };
      } finally {
        await runner.release();
      }
    }
    const text = (await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`)).map((row: { detail: string }) => row.detail).join(' | ');
    return { usesIndex: /USING (COVERING )?INDEX/.test(text), sorts: /TEMP B-TREE/.test(text), text };
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
      const { usesIndex, sorts, text } = await plan(sql);
      expect({ name, usesIndex, sorts, text }).toEqual({ name, usesIndex: true, sorts: false, text });
    }
  });

  /**
   * A root lookup by slug (`company(slug:)`) must look the slug up: ordered by id, SQLite walked a
   * subtype's whole `party_type` index in id order instead (56 ms for one company at 100,000).
   */
  it('looks a root entity up by its slug index, whatever its subtype (the SQL the loaders send)', async () => {
    for (const entity of [Company, Person, Authority, Lawsuit]) {
      logger.reset();
      await new Loaders(new SqlReader(dataSource, 'master')).oneBy(entity, 'slug').load('no-such-slug');
      const { sql } = logger.recorded.find(({ sql: text }) => /slug/.test(text))!;
      const literal = onPostgres ? sql.replace('$1', `ARRAY['no-such-slug']`) : sql.replace('?', `'["no-such-slug"]'`);
      const { usesIndex, text } = await plan(literal);
      const bySlug = onPostgres ? /Index (Only )?Scan using \S+ on \w+.*slug/.test(text) : /slug=\?/.test(text);
      expect({ entity: entity.name, usesIndex, bySlug, text }).toEqual({ entity: entity.name, usesIndex: true, bySlug: true, text });
    }
  });
});
