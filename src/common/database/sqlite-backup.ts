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

export interface SqliteCopyOptions {
  /**
   * Pages copied per step. Each step reads the source in one short read transaction and blocks
   * the calling thread meanwhile; between steps the event loop runs. `all`: one step, so one
   * read transaction and a snapshot whatever other connections write (the CLI's choice: it
   * serves nobody). In steps, a write through another connection restarts the copy; a write
   * through the source connection itself is copied as it happens (the server's choice: it
   * copies from its write connection).
   */
  pagesPerStep: number | 'all';
  /** Restarts tolerated before the rest is copied in one step (another process kept writing). */
  maxRestarts?: number;
  /** Checked before every step: true stops the copy (and deletes the unfinished file). */
  aborted?: () => boolean;
}

export interface SqliteCopyStats {
  pages: number;
  steps: number;
  restarts: number;
  /** Steps that found the source connection inside a write transaction and waited for its end. */
  waits: number;
}

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the open database `source` into the new file `target` with SQLite's online backup API
 * (better-sqlite3's `backup()`): a page-by-page copy of a consistent state, made while others
 * keep reading and writing. The file is deleted again if the copy does not finish.
 */
export async function copySqlite(source: Sqlite.Database, target: string, options: SqliteCopyOptions): Promise<SqliteCopyStats> {
  const { pagesPerStep, maxRestarts = 3, aborted = () => false } = options;
  const step = pagesPerStep === 'all' ? ALL_PAGES : Math.max(1, pagesPerStep);
  const stats: SqliteCopyStats = { pages: 0, steps: 0, restarts: 0, waits: 0 };
  let lastRemaining = Infinity;
  let rate = step;
  await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      if (aborted()) throw new BackupError('backup stopped');
      stats.steps++;
      stats.pages = totalPages;
      if (remainingPages > lastRemaining) {
        stats.restarts++;
        // Another connection keeps writing between steps: the rest goes in one read transaction.
        if (stats.restarts >= maxRestarts) rate = ALL_PAGES;
      } else if (remainingPages === lastRemaining) {
        stats.waits++;
      }
      lastRemaining = remainingPages;
      return rate;
    },
  });
  stats.steps++; // the last step, after which progress is not called
  return stats;
}

export interface SqliteVerification {
  /** `ok`, or the first problem PRAGMA integrity_check found. */
  integrity: string;
  latestAudit: AuditSummary | null;
  bytes: number;
}

/**
 * Checks a SQLite file (PRAGMA integrity_check reads every page and index) and reads its newest
 * audit entry, in a worker thread: on a large file it takes seconds, which the server's event
 * loop must not wait for. `selfContained` also switches the file to rollback-journal mode, so it
 * is one file with no -wal beside it (a backup copied elsewhere needs nothing else).
 */
export function verifySqlite(file: string, { selfContained = false } = {}): Promise<SqliteVerification> {
  const worker = new Worker(VERIFY_WORKER, { eval: true, workerData: { module: require.resolve('better-sqlite3'), file, selfContained, latestAuditSql: LATEST_AUDIT_SQL } });
  const reply = new Promise<Omit<SqliteVerification, 'bytes'>>((resolve, reject) => {
    worker.once('message', (message: { result?: Omit<SqliteVerification, 'bytes'>; error?: string }) => {
      if (message.error !== undefined) reject(new BackupError(message.error));
      else resolve(message.result!);
    });
    worker.once('error', reject);
    // After a message this does nothing (the promise is settled).
    worker.once('exit', (code) => reject(new BackupError(`the verification of ${file} stopped (exit ${code})`)));
  });
  return reply.then(async (result) => ({ ...result, bytes: (await fs.stat(file)).size }));
}

const VERIFY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.module);
let db;
try {
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
  parentPort.postMessage({ result: { integrity, latestAudit } });
} catch (error) {
  try { db && db.close(); } catch {}
  parentPort.postMessage({ error: String(error.message).split('\\n')[0] });
}
`;

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
 * Writes a verified backup of the open SQLite database `source` to `target`: copied (as
 * `copy` says) into `target.partial`, checked, made self-contained, then renamed, so a file
 * under the final name is always a complete, verified backup.
 */
export async function backupSqlite(
  source: Sqlite.Database,
  target: string,
  copy: SqliteCopyOptions,
): Promise<SqliteVerification & { stats: SqliteCopyStats }> {
  await prepareTarget(target);
  const partial = `${target}${PARTIAL}`;
  try {
    const stats = await copySqlite(source, partial, copy);
    const verification = await verifySqlite(partial, { selfContained: true });
    if (verification.integrity !== 'ok') throw new BackupError(`the copy failed its integrity check: ${verification.integrity}`);
    await fs.rename(partial, target);
    return { ...verification, stats };
  } catch (error) {
    await fs.rm(partial, { force: true });
    for (const suffix of ['-journal', '-wal', '-shm']) await fs.rm(`${partial}${suffix}`, { force: true });
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
      await copySqlite(staged, target, { pagesPerStep: 'all' });
    } finally {
      staged.close();
    }
    return verification;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) await fs.rm(`${stage}${suffix}`, { force: true });
  }
}
