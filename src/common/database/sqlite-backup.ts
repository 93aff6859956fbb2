import { constants as fsConstants, openSync, readSync, closeSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { PARTIAL } from './backup-files';

/** A backup could not be made, verified or restored; the message is one line an operator can act on. */
export class BackupError extends Error {}

/** The newest entry of the audit log in a database: what a backup holds up to. */
export interface AuditSummary {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
}

export const LATEST_AUDIT_SQL = 'SELECT id, at, actor, action, subject FROM audit_entry ORDER BY id DESC LIMIT 1';

export function describeAudit(entry: AuditSummary | null): string {
  if (!entry) return 'none (the audit log is empty)';
  return `#${entry.id} at ${entry.at}: ${entry.action} by ${entry.actor}${entry.subject ? ` (${entry.subject})` : ''}`;
}

export interface SqliteCopyStats {
  pages: number;
  steps: number;
  /** Times the copy started over because another connection wrote between two steps. */
  restarts: number;
}

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the open database `source` into the file `target` with SQLite's online backup API
 * (better-sqlite3's `backup()`), on the calling thread. `all`: one step, one read transaction: a
 * consistent copy whatever other connections write meanwhile (in WAL mode they go on writing).
 * A number of pages per step lets the event loop run between steps, but a write through another
 * connection between two steps restarts the copy, and the destination's final commit (its fsync)
 * still blocks at once: measured in bench/results/backups.md, which is why the server copies in
 * a worker thread instead (backupSqlite). A new file is deleted again if the copy does not finish.
 */
export async function copySqlite(source: Sqlite.Database, target: string, pagesPerStep: number | 'all' = 'all'): Promise<SqliteCopyStats> {
  const rate = pagesPerStep === 'all' ? ALL_PAGES : Math.max(1, pagesPerStep);
  const stats: SqliteCopyStats = { pages: 0, steps: 1, restarts: 0 };
  let lastRemaining = Infinity;
  await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      stats.steps++;
      stats.pages = totalPages;
      if (remainingPages > lastRemaining) stats.restarts++;
      lastRemaining = remainingPages;
      return rate;
    },
  });
  return stats;
}

export interface SqliteVerification {
  /** `ok`, or the first problems PRAGMA integrity_check found. */
  integrity: string;
  latestAudit: AuditSummary | null;
  bytes: number;
  /** Pages copied (0 when only verifying). */
  pages: number;
}

/**
 * Runs SQLITE_WORKER in a worker thread: the copy's reads and final fsync, and integrity_check
 * (which reads every page and index), take seconds on a large file, and the server's event loop
 * must not wait for them. `signal` stops the worker.
 */
function runSqliteWorker(data: { source?: string; file: string; selfContained: boolean }, signal?: AbortSignal): Promise<SqliteVerification> {
  if (signal?.aborted) return Promise.reject(new BackupError('backup stopped'));
  const worker = new Worker(SQLITE_WORKER, {
    eval: true,
    workerData: { ...data, module: require.resolve('better-sqlite3'), latestAuditSql: LATEST_AUDIT_SQL },
  });
  const reply = new Promise<Omit<SqliteVerification, 'bytes'>>((resolve, reject) => {
    const stop = () => {
      reject(new BackupError('backup stopped'));
      void worker.terminate();
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (message: { result?: Omit<SqliteVerification, 'bytes'>; error?: string }) => {
      signal?.removeEventListener('abort', stop);
      if (message.error !== undefined) reject(new BackupError(message.error));
      else resolve(message.result!);
    });
    worker.once('error', reject);
    // After a message this does nothing (the promise is settled).
    worker.once('exit', (code) => reject(new BackupError(`the SQLite worker for ${data.file} stopped (exit ${code})`)));
  });
  return reply.then(async (result) => ({ ...result, bytes: (await fs.stat(data.file)).size }));
}

/**
 * With `source`: copies it into `file` in one step of the backup API from a read-only connection
 * of its own (one read transaction, so a consistent copy while the server writes: WAL lets
 * writers go on beside a reader). Then checks `file` (integrity_check), reads its newest audit
 * entry, and with `selfContained` switches it to rollback-journal mode: one file, no -wal beside it.
 */
const SQLITE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.module);
(async () => {
  let db;
  try {
    let pages = 0;
    if (workerData.source) {
      db = new Sqlite(workerData.source, { readonly: true, fileMustExist: true, timeout: 5000 });
      pages = (await db.backup(workerData.file, { progress: () => 0x7fffffff })).totalPages;
      db.close();
    }
    db = new Sqlite(workerData.file, { fileMustExist: true });
    const problems = db.pragma('integrity_check', { simple: false }).map((row) => row.integrity_check);
    const integrity = problems.length === 1 && problems[0] === 'ok' ? 'ok' : problems.slice(0, 3).join('; ');
    let latestAudit = null;
    if (integrity === 'ok') {
      const hasAudit = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'").get();
      latestAudit = hasAudit ? db.prepare(workerData.latestAuditSql).get() ?? null : null;
      if (workerData.selfContained) db.pragma('journal_mode = DELETE');
    }
    db.close();
    parentPort.postMessage({ result: { integrity, latestAudit, pages } });
  } catch (error) {
    try { db && db.open && db.close(); } catch {}
    parentPort.postMessage({ error: String(error.message).split('\\n')[0] });
  }
})();
`;

/** Checks a SQLite file and reads its newest audit entry, in a worker thread (see SQLITE_WORKER). */
export function verifySqlite(file: string, { selfContained = false } = {}): Promise<SqliteVerification> {
  return runSqliteWorker({ file, selfContained });
}

/** What a file holds, by its first bytes. */
export type BackupFormat = 'sqlite' | 'pg_dump' | 'unknown';

export function backupFormat(file: string): BackupFormat {
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, header, 0, 16, 0);
    if (read === 16 && header.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
    if (read >= 5 && header.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
    return 'unknown';
  } finally {
    closeSync(fd);
  }
}

/** Makes sure `file` can be created: its directory exists (created if need be) and is writable, and nothing is there yet. */
export async function prepareTarget(file: string): Promise<void> {
  const dir = path.dirname(file);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fsConstants.W_OK);
  } catch (error) {
    throw new BackupError(`cannot write to ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const existing = await fs.stat(file).catch(() => null);
  if (existing) throw new BackupError(`${file} already exists: choose another path (a backup never overwrites one)`);
  await fs.rm(`${file}${PARTIAL}`, { force: true });
}

/**
 * Writes a verified backup of the SQLite file `source` to `target`, all in a worker thread (see
 * SQLITE_WORKER): copied into `target.partial`, checked, made self-contained, then renamed, so a
 * file under the final name is always a complete, verified backup. `signal` abandons it.
 */
export async function backupSqlite(source: string, target: string, { signal }: { signal?: AbortSignal } = {}): Promise<SqliteVerification> {
  await prepareTarget(target);
  const partial = `${target}${PARTIAL}`;
  try {
    const result = await runSqliteWorker({ source, file: partial, selfContained: true }, signal);
    if (result.integrity !== 'ok') throw new BackupError(`the copy failed its integrity check: ${result.integrity}`);
    await fs.rename(partial, target);
    return result;
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) await fs.rm(`${partial}${suffix}`, { force: true });
    throw error instanceof BackupError ? error : new BackupError(`backup failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** A SQLite file holds no table of its own (missing, empty, or only SQLite's internal tables). */
export function sqliteIsEmpty(file: string): Promise<boolean> {
  return fs.stat(file).then(
    ({ size }) => {
      if (size === 0) return true;
      const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
      try {
        return !db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`).get();
      } finally {
        db.close();
      }
    },
    () => true,
  );
}

/**
 * Replaces the contents of the SQLite database `target` (created if missing) with the verified
 * backup `backup`, through the backup API into the target: one write transaction on the target,
 * so its readers see the old database or the new one, never a mix, and its own WAL is handled by
 * SQLite (copying a file over a database whose -wal is still there would corrupt it). The backup
 * is staged first in a temporary copy beside the target, which is checked before anything is written.
 */
export async function restoreSqlite(backup: string, target: string): Promise<SqliteVerification> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`cannot create ${dir}: ${error.code ?? error.message}`);
  });
  const stage = path.join(dir, `.${path.basename(target)}.restoring-${process.pid}`);
  try {
    await fs.copyFile(backup, stage);
    const verification = await verifySqlite(stage, { selfContained: true }).catch((error: Error) => {
      throw new BackupError(`${backup} is not a usable SQLite database: ${error.message}`);
    });
    if (verification.integrity !== 'ok') throw new BackupError(`${backup} fails its integrity check: ${verification.integrity}`);
    const staged = new Sqlite(stage, { readonly: true, fileMustExist: true });
    try {
      await copySqlite(staged, target);
    } finally {
      staged.close();
    }
    return verification;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) await fs.rm(`${stage}${suffix}`, { force: true });
  }
}
