import { execFile } from 'node:child_process';
import { accessSync, constants as fsConstants, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { PARTIAL } from './backup-files';
import { BackupError, LATEST_AUDIT_SQL, prepareTarget, type AuditSummary } from './sqlite-backup';

/**
 * PostgreSQL's client tools (pg_dump, pg_restore): from PG_BINDIR when it is set, else the newest
 * of Debian's /usr/lib/postgresql/N/bin (pg_dump must be at least as new as the server, and the
 * /usr/bin wrapper picks by cluster, not by server), else the PATH.
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const executable = (file: string) => {
    try {
      accessSync(file, fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env.PG_BINDIR) {
    const file = path.join(env.PG_BINDIR, name);
    if (executable(file)) return file;
    throw new BackupError(`${name} not found in PG_BINDIR (${env.PG_BINDIR})`);
  }
  const debian = '/usr/lib/postgresql';
  const versions = (() => {
    try {
      return readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a));
    } catch {
      return [];
    }
  })();
  for (const version of versions) {
    const file = path.join(debian, version, 'bin', name);
    if (executable(file)) return file;
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  throw new BackupError(`${name} not found: install PostgreSQL's client tools (Debian: postgresql-client) or set PG_BINDIR`);
}

/** The URL without its password (shown in messages and given to the tools, which get the password as PGPASSWORD). */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

function toolEnv(url: string): NodeJS.ProcessEnv {
  const password = decodeURIComponent(new URL(url).password);
  return password ? { ...process.env, PGPASSWORD: password } : { ...process.env };
}

/** Runs a client tool; rejects with its first line of stderr. */
function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const line =
        String(stderr)
          .split('\n')
          .find((l) => l.trim()) ?? error.message.split('\n')[0];
      reject(new BackupError(`${path.basename(tool)} failed: ${line.replace(/^\S*pg_(dump|restore): (error: )?/, '')}`));
    });
  });
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'conflict-explorer-backup' });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`cannot connect to ${withoutPassword(url)}: ${(error as Error).message.split('\n')[0]}`);
  }
  return client;
}

export interface DumpVerification {
  /** Entries in the archive's table of contents (pg_restore --list). */
  entries: number;
  /** The tables whose data it holds. */
  tables: string[];
}

/** Reads a custom-format archive's table of contents (pg_restore --list): the file is an archive pg_restore can read. */
export async function verifyDump(file: string): Promise<DumpVerification> {
  const listing = await run(postgresTool('pg_restore'), ['--list', file], process.env).catch((error: Error) => {
    throw new BackupError(`${file} is not a readable pg_dump archive: ${error.message}`);
  });
  const lines = listing.split('\n').filter((line) => /^\d+;/.test(line));
  const tables = lines.map((line) => / TABLE DATA \S+ (\S+) /.exec(line)?.[1]).filter((t): t is string => Boolean(t));
  return { entries: lines.length, tables };
}

/**
 * `pg_dump --format=custom` of the database at `url` into `target`, from a snapshot exported by
 * a transaction of this process: the audit entry read in that transaction is exactly the newest
 * the archive holds, while the server keeps writing (pg_dump reads one snapshot; it blocks no
 * writer, only DDL on the tables it dumps). Written as `target.partial`, listed, then renamed.
 */
export async function backupPostgres(url: string, target: string): Promise<DumpVerification & { latestAudit: AuditSummary | null; bytes: number }> {
  const pgDump = postgresTool('pg_dump');
  await prepareTarget(target);
  const partial = `${target}${PARTIAL}`;
  const client = await connect(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const {
      rows: [{ snapshot }],
    } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const hasAudit = (await client.query(`SELECT to_regclass('audit_entry') IS NOT NULL AS has`)).rows[0].has;
    const latest = hasAudit ? ((await client.query<AuditSummary>(LATEST_AUDIT_SQL)).rows[0] ?? null) : null;
    await run(pgDump, ['--format=custom', `--snapshot=${snapshot}`, '--file', partial, '--dbname', withoutPassword(url)], toolEnv(url));
    await client.query('COMMIT');
    const verification = await verifyDump(partial);
    if (hasAudit && !verification.tables.includes('audit_entry')) throw new BackupError('the archive holds no data for audit_entry');
    await fs.rename(partial, target);
    const { size } = await fs.stat(target);
    return { ...verification, latestAudit: latest && { ...latest, id: Number(latest.id) }, bytes: size };
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error instanceof BackupError ? error : new BackupError(`backup failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same server, another database. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The tables in the database's current schema; creates the database first when it does not exist. */
export async function postgresTableCount(url: string): Promise<number> {
  let client: Client;
  try {
    client = await connect(url);
  } catch (error) {
    if (!/database ".*" does not exist/.test((error as Error).message)) throw error;
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const admin = await connect(withDatabase(url, 'postgres'));
    try {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } catch (createError) {
      throw new BackupError(`cannot create the database ${name}: ${(createError as Error).message.split('\n')[0]}`);
    } finally {
      await admin.end().catch(() => undefined);
    }
    client = await connect(url);
  }
  try {
    const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()');
    return Number(rows[0].n);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * pg_restore of the archive into the database at `url`, in one transaction (all or nothing: a
 * damaged archive leaves the database as it was). `clean` drops the archive's objects first
 * (the caller has been told to replace a database that has tables). Objects are owned by the
 * connecting role, whoever owned them where the dump was taken.
 */
export async function restorePostgres(file: string, url: string, { clean }: { clean: boolean }): Promise<void> {
  const args = ['--dbname', withoutPassword(url), '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'];
  if (clean) args.push('--clean', '--if-exists');
  await run(postgresTool('pg_restore'), [...args, file], toolEnv(url));
}
