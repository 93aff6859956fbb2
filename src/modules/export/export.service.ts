import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { SqlReader } from '../../common/database/sql-reader';
import { FtmExport } from './ftm';
import { keysetPages } from './keyset';
import { storeRow, storeTables, type StoreTable } from './store-tables';

export type ExportFormat = 'ftm' | 'jsonl' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['ftm', 'jsonl', 'csv'];

/**
 * Which rows of a type to export: all of them, or (for `--since`) those a condition selects.
 * `type` is the API's type name (`Lawsuit`, `Company`), `Party` for the whole party table.
 */
export type ExportFilter = (type: string) => { conditions: string[]; parameters: unknown[] };
const everything: ExportFilter = () => ({ conditions: [], parameters: [] });

const PARTY_TYPES = "('Company', 'Person', 'Authority')";

/**
 * `--since`: the FtM entities a change after the change id touched: a party's or fact's own changes
 * (a case's parties come with the case), and the sources the changes' statements come from.
 */
export function ftmChangedSince(changeId: number): ExportFilter {
  return (type) => {
    if (type === 'Source') return { conditions: ['id IN (SELECT source_id FROM change_event WHERE id > ? AND source_id IS NOT NULL)'], parameters: [changeId] };
    const types = type === 'Party' ? PARTY_TYPES : `('${type.replace(/'/g, "''")}')`;
    return { conditions: [`id IN (SELECT subject_id FROM change_event WHERE id > ? AND subject_type IN ${types})`], parameters: [changeId] };
  };
}

/** `--since` for the store's rows: each table's rows that a change after the change id touched (`StoreTable.changedSince`). */
export function rowsChangedSince(changeId: number): (table: StoreTable) => { conditions: string[]; parameters: unknown[] } {
  return (table) => ({ conditions: [table.changedSince], parameters: [changeId] });
}

/** The newest change's id in the snapshot (0: none): the cursor from which the next `--since` export goes on. */
export async function newestChange(reader: SqlReader): Promise<number> {
  const [row] = await reader.query<{ newest: number | string | null }>('SELECT MAX(id) AS newest FROM change_event', []);
  return Number(row?.newest ?? 0);
}

/**
 * Runs an export on one snapshot of the store, so rows written meanwhile cannot make it
 * inconsistent (a case's party without its case): SQLite reads inside one deferred transaction
 * (WAL keeps its snapshot while writers go on), PostgreSQL in a read-only REPEATABLE READ one.
 */
export async function onSnapshot<T>(dataSource: DataSource, run: (reader: SqlReader) => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.query('BEGIN');
    try {
      return await run(new SqlReader(dataSource, 'master'));
    } finally {
      await dataSource.query('COMMIT');
    }
  }
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await run(new SqlReader(dataSource, 'master', null, runner));
    } finally {
      await runner.query('COMMIT');
    }
  } finally {
    await runner.release();
  }
}

export interface ExportCounts {
  /** Lines (entities or rows) written, by type. */
  byType: Record<string, number>;
  total: number;
}

/** Writes a line and waits when the stream's buffer is full, so a slow disk or pipe never makes the export hold more than a page. */
async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

function count(counts: ExportCounts, type: string) {
  counts.byType[type] = (counts.byType[type] ?? 0) + 1;
  counts.total += 1;
}

/** FollowTheMoney entities, one JSON object per line. */
export async function exportFtm(reader: SqlReader, out: Writable, filter: ExportFilter = everything): Promise<ExportCounts> {
  const counts: ExportCounts = { byType: {}, total: 0 };
  for await (const entity of new FtmExport(reader).entities(filter)) {
    await writeLine(out, `${JSON.stringify(entity)}\n`);
    count(counts, entity.schema);
  }
  return counts;
}

/** The store's own rows, one JSON object per line, each with its `type`. */
export async function exportJsonl(dataSource: DataSource, reader: SqlReader, out: Writable, filter: RowFilter = allRows): Promise<ExportCounts> {
  const counts: ExportCounts = { byType: {}, total: 0 };
  for (const table of storeTables(dataSource)) {
    for await (const rows of tablePages(reader, table, filter)) {
      for (const row of rows) {
        await writeLine(out, `${JSON.stringify(storeRow(table, row))}\n`);
        count(counts, table.type);
      }
    }
  }
  return counts;
}

/** One CSV file per type in `directory` (`Company.csv`, `Lawsuit.csv`…), a header row and then its rows; JSON columns as JSON text. */
export async function exportCsv(
  dataSource: DataSource,
  reader: SqlReader,
  directory: string,
  filter: RowFilter = allRows,
): Promise<ExportCounts & { files: string[] }> {
  mkdirSync(directory, { recursive: true });
  const counts: ExportCounts = { byType: {}, total: 0 };
  const files: string[] = [];
  for (const table of storeTables(dataSource)) {
    const file = path.join(directory, `${table.type}.csv`);
    const out = createWriteStream(file);
    const closed = once(out, 'close');
    try {
      await writeLine(out, stringify([table.columns.map((c) => c.property)]));
      counts.byType[table.type] = 0;
      for await (const rows of tablePages(reader, table, filter)) {
        const records = rows.map((row) => table.columns.map(({ column, convert }) => csvValue(convert(row[column]))));
        await writeLine(out, stringify(records));
        for (let i = 0; i < rows.length; i += 1) count(counts, table.type);
      }
    } finally {
      out.end();
    }
    await closed;
    files.push(file);
  }
  return { ...counts, files };
}

type RowFilter = (table: StoreTable) => { conditions: string[]; parameters: unknown[] };
const allRows: RowFilter = () => ({ conditions: [], parameters: [] });

function tablePages(reader: SqlReader, table: StoreTable, filter: RowFilter) {
  const { conditions, parameters } = filter(table);
  // A source's text is up to 90,000 characters: its pages are smaller, so no page holds more than a few megabytes.
  const pageSize = table.type === 'Source' ? 20 : undefined;
  return keysetPages<Record<string, unknown> & { id: number }>(reader, table.table, [...table.conditions, ...conditions], parameters, { pageSize });
}

/** A CSV cell: lists and objects as JSON, null as empty. */
function csvValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}
