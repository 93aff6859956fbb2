import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../ormconfig';
import { formatBytes } from '../src/common/database/backup-files';
import { databaseReport } from '../src/common/database/database-report';
import { postgresTableCount, restorePostgres, verifyDump, withoutPassword } from '../src/common/database/postgres-backup';
import { BackupError, backupFormat, describeAudit, restoreSqlite, sqliteIsEmpty } from '../src/common/database/sqlite-backup';
import { DatabaseOpenError, openDatabase } from '../src/database';

const USAGE = 'usage: npm run restore -- PATH [--to DATABASE_URL] [--force]';

/** The migrations a database records as applied (none when it has no migrations table). */
async function appliedMigrations(url: string): Promise<Set<string>> {
  const dataSource: DataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    if (!(await dataSource.createQueryRunner().hasTable('migrations'))) return new Set();
    return new Set((await dataSource.query('SELECT name FROM migrations')).map((row: { name: string }) => row.name));
  } finally {
    await dataSource.destroy();
  }
}

/** parseArgs' result, or its complaint (an unknown option, a missing value) with the usage. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new BackupError(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
}

const seconds = (start: bigint) => `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`;

/**
 * `npm run restore -- PATH [--to DATABASE_URL] [--force]`: puts a backup made by `npm run
 * backup` (or by the server's schedule) into the database at --to (default DATABASE_URL). It
 * checks the backup before touching anything, refuses a database that has tables unless
 * --force, applies the migrations the backup is behind, then counts every table, checks the
 * stored row counts against them and prints the newest audit entry.
 */
async function main() {
  const { values, positionals } = parsed(() =>
    parseArgs({ options: { to: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: true }),
  );
  if (positionals.length !== 1) throw new BackupError(USAGE);
  const backup = path.resolve(positionals[0]);
  if (!existsSync(backup) || !statSync(backup).isFile()) throw new BackupError(`no backup file at ${backup}`);
  const url = values.to ?? process.env.DATABASE_URL;
  const options = (() => {
    try {
      return dataSourceOptions(url, undefined, []);
    } catch (error) {
      throw new BackupError((error as Error).message);
    }
  })();
  const format = backupFormat(backup);
  if (format === 'unknown') throw new BackupError(`${backup} is neither a SQLite database nor a pg_dump custom-format archive`);
  const start = process.hrtime.bigint();
  let where: string;
  let targetUrl: string;
  if (options.type === 'postgres') {
    if (format !== 'pg_dump') throw new BackupError(`${backup} is a SQLite backup; restore it into a sqlite: DATABASE_URL`);
    targetUrl = (options as { url: string }).url;
    where = withoutPassword(targetUrl);
    await verifyDump(backup);
    const tables = await postgresTableCount(targetUrl);
    if (tables > 0 && !values.force) {
      throw new BackupError(
        `the database at ${where} is not empty (${tables} tables): restore into an empty database, or pass --force to replace its contents`,
      );
    }
    await restorePostgres(backup, targetUrl, { clean: tables > 0 });
  } else {
    if (format !== 'sqlite') throw new BackupError(`${backup} is a pg_dump archive; restore it into a postgres:// DATABASE_URL`);
    const file = String(options.database);
    if (file === ':memory:') throw new BackupError('cannot restore into an in-memory database');
    targetUrl = `sqlite:${file}`;
    where = file;
    if (!(await sqliteIsEmpty(file).catch(() => false)) && !values.force) {
      throw new BackupError(
        `the database at ${where} is not empty: restore into an empty database, or pass --force to replace its contents (stop the server on it first)`,
      );
    }
    await restoreSqlite(backup, file);
  }
  const restoredIn = seconds(start);
  const before = await appliedMigrations(targetUrl);
  // As `npm run migrate` does: the backup may come from an older release.
  const dataSource = await openDatabase(targetUrl, { migrate: true });
  try {
    const after: string[] = (await dataSource.query('SELECT name FROM migrations ORDER BY id')).map((row: { name: string }) => row.name);
    const applied = after.filter((name) => !before.has(name));
    const report = await databaseReport(dataSource.manager);
    const width = Math.max(...report.rows.map((r) => r.table.length));
    process.stdout.write(
      [
        `restored ${backup} (${formatBytes(statSync(backup).size)}) into ${options.type === 'postgres' ? where : `sqlite:${where}`} in ${restoredIn}`,
        `migrations: ${after.length} applied${applied.length ? `, of which now: ${applied.join(', ')}` : ', none pending'}`,
        'rows by table:',
        ...report.rows.map(({ table, rows }) => `  ${table.padEnd(width)}  ${rows.toLocaleString('en-US')}`),
        `row counts: ${report.mismatches.length ? `${report.mismatches.length} disagree with their tables` : 'every stored count agrees with its table'}`,
        `latest audit entry: ${describeAudit(report.latestAudit)}`,
        `took: ${seconds(start)}`,
      ].join('\n') + '\n',
    );
    if (report.mismatches.length) {
      const shown = report.mismatches
        .slice(0, 5)
        .map((m) => `${m.name} stored ${m.stored}, counted ${m.counted}`)
        .join('; ');
      throw new BackupError(`the restored database's row counts disagree with its tables: ${shown}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  const message =
    error instanceof BackupError || error instanceof DatabaseOpenError ? error.message : `restore failed: ${(error as Error).message.split('\n')[0]}`;
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
