import type { SqlReader } from '../../common/database/sql-reader';

/** Rows read per statement: what one export holds in memory at a time, whatever the store's size. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every row of a table in id order, a page per statement (keyset: `id > last`), so an export
 * holds one page however large the table is and never re-reads or skips a row as OFFSET would.
 * `conditions` (SQL with `?`) narrow it (a party type, the rows an exported change touched);
 * `columns` leaves out what is not needed (a source's text).
 */
export async function* keysetPages<T extends { id: number }>(
  reader: SqlReader,
  table: string,
  conditions: string[] = [],
  parameters: unknown[] = [],
  { pageSize = EXPORT_PAGE_SIZE, columns = '*' }: { pageSize?: number; columns?: string } = {},
): AsyncGenerator<T[]> {
  let after = 0;
  const where = ['id > ?', ...conditions].join(' AND ');
  for (;;) {
    const rows = await reader.query<T>(`SELECT ${columns} FROM "${table}" WHERE ${where} ORDER BY id LIMIT ${pageSize}`, [after, ...parameters]);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].id);
  }
}
