import 'reflect-metadata';
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3';
import { DEFAULT_SQLITE_PATH, dataSourceOptions } from '../ormconfig';
import { backupFileName, formatBytes } from '../src/common/database/backup-files';
import { backupPostgres, withoutPassword } from '../src/common/database/postgres-backup';
import { BackupError, backupSqlite, describeAudit } from '../src/common/database/sqlite-backup';

/** Where backups go unless told: BACKUP_DIR (the server's scheduled backups use it too), else data/backups. */
export function defaultBackupDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.BACKUP_DIR || path.join(path.dirname(DEFAULT_SQLITE_PATH), 'backups'));
}

/** The file to write: `--to` as given, or a timestamped name inside it when it is a directory, or in the default directory. */
function targetPath(to: string | undefined, base: string, ext: string): string {
  const name = backupFileName(base, ext, new Date());
  if (!to) return path.join(defaultBackupDir(), name);
  const resolved = path.resolve(to);
  const stat = (() => {
    try {
      return statSync(resolved);
    } catch {
      return null;
    }
  })();
  // An existing directory, or one named with a trailing slash, gets the timestamped name inside it.
  return stat?.isDirectory() || /[\\/]$/.test(to) ? path.join(resolved, name) : resolved;
}

const seconds = (start: bigint) => `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`;

/**
 * `npm run backup -- [--to PATH]`: a consistent backup of DATABASE_URL while the server keeps
 * serving and writing. SQLite: the online backup API in one step, one read transaction (`VACUUM
 * INTO` would rebuild every table and index instead of copying pages), checked with PRAGMA integrity_check.
 * PostgreSQL: pg_dump's custom format, checked with pg_restore --list. Prints the file, its size
 * and the newest audit entry it holds.
 */
async function main() {
  const { values } = (() => {
    try {
      return parseArgs({ options: { to: { type: 'string' } } });
    } catch (error) {
      throw new BackupError(`${(error as Error).message.split('\n')[0]}; usage: npm run backup -- [--to PATH]`);
    }
  })();
  const options = (() => {
    try {
      return dataSourceOptions(process.env.DATABASE_URL, undefined, []);
    } catch (error) {
      throw new BackupError((error as Error).message);
    }
  })();
  const start = process.hrtime.bigint();
  if (options.type === 'postgres') {
    const url = (options as { url: string }).url;
    const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
    const target = targetPath(values.to, database, 'dump');
    const result = await backupPostgres(url, target);
    process.stdout.write(
      [
        `backup of ${withoutPassword(url)}`,
        `written: ${target}`,
        `size: ${formatBytes(result.bytes)} (${result.bytes} bytes)`,
        `verified: pg_restore --list reads ${result.entries} entries, the data of ${result.tables.length} tables`,
        `latest audit entry: ${describeAudit(result.latestAudit)}`,
        `took: ${seconds(start)}`,
      ].join('\n') + '\n',
    );
    return;
  }
  const file = String(options.database);
  if (file === ':memory:') throw new BackupError('an in-memory database has nothing to back up');
  try {
    // Opened here first only to fail with a clear line when the file is missing or not a database.
    const probe = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      probe.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    } finally {
      probe.close();
    }
  } catch (error) {
    throw new BackupError(`cannot open the SQLite database at ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const target = targetPath(values.to, path.basename(file).replace(/\.[^.]*$/, '') || 'database', 'sqlite');
  const result = await backupSqlite(file, target);
  process.stdout.write(
    [
      `backup of sqlite:${file}`,
      `written: ${target}`,
      `size: ${formatBytes(result.bytes)} (${result.bytes} bytes, ${result.pages} pages)`,
      `verified: PRAGMA integrity_check ${result.integrity}`,
      `latest audit entry: ${describeAudit(result.latestAudit)}`,
      `took: ${seconds(start)}`,
    ].join('\n') + '\n',
  );
}

main().catch((error) => {
  const message = error instanceof BackupError ? error.message : `backup failed: ${(error as Error).message.split('\n')[0]}`;
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
