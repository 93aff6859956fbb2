import type { DataSource, Logger } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../ormconfig';

/** The database could not be opened or written; the message names where. */
export class DatabaseOpenError extends Error {}

function describe(url: string | undefined): string {
  const options = dataSourceOptions(url);
  return options.type === 'better-sqlite3' ? String(options.database) : 'the PostgreSQL database in DATABASE_URL';
}

/** Opens the database and brings its schema up to date; fails with one readable line. */
export async function openDatabase(url: string | undefined, logger?: Logger): Promise<DataSource> {
  let where: string;
  try {
    where = describe(url);
  } catch (error) {
    throw new DatabaseOpenError((error as Error).message);
  }
  const dataSource = createDataSource(url, logger);
  try {
    await dataSource.initialize();
    // A write proves the file is writable, not just readable.
    await dataSource.query('CREATE TABLE IF NOT EXISTS _write_check (x INTEGER)');
    await dataSource.query('DROP TABLE _write_check');
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    const reason = (error as Error).message.split('\n')[0];
    throw new DatabaseOpenError(`cannot open database at ${where}: ${reason}`);
  }
  return dataSource;
}
