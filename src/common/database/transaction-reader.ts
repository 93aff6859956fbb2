import type { QueryRunner } from 'typeorm';
import type { Database } from '../../database';
import { SqlReader } from './sql-reader';

const sqliteReaders = new WeakMap<Database, SqlReader>();

/**
 * A reader that sees what an open write transaction has written (a mutation's answer, before
 * the operation commits). SQLite: the write connection itself (a second better-sqlite3
 * connection, which only the transaction holding the write lock uses), with no worker processes:
 * they could not see the uncommitted rows. PostgreSQL: the transaction's own QueryRunner, which
 * the reader must not release (the transaction ends it).
 */
export function transactionReader(database: Database, runner: QueryRunner): SqlReader {
  if (database.writer.options.type === 'better-sqlite3') {
    let reader = sqliteReaders.get(database);
    if (!reader) sqliteReaders.set(database, (reader = new SqlReader(database.writer, 'master', null)));
    return reader;
  }
  return new SqlReader(database.writer, 'master', null, runner);
}

/**
 * A reader that reads through `current()` when it returns one, else through `fallback`: a mutation's
 * loaders are given this before any field runs, and the transaction opens with the first write.
 */
export function deferredReader(current: () => SqlReader | null, fallback: SqlReader): SqlReader {
  return new Proxy(fallback, {
    get: (_target, property) => {
      const reader = current() ?? fallback;
      const value = Reflect.get(reader, property, reader);
      return typeof value === 'function' ? value.bind(reader) : value;
    },
  });
}
