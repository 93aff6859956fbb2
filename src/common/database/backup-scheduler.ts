import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { backupFileName, backupTime, listBackups, pruneBackups } from './backup-files';
import { backupSqlite, BackupError, type AuditSummary } from './sqlite-backup';

interface SchedulerLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface BackupSchedulerOptions {
  dir: string;
  intervalMs: number;
  keep: number;
  /** The file names' base (the database file's name without its extension). */
  base: string;
  /** The SQLite file to copy, or null while the database is unavailable. */
  source: () => string | null;
  logger: SchedulerLogger;
  /** The clock for file names and the schedule (tests move it). */
  now?: () => Date;
}

export interface BackupOutcome {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
  latestAudit: AuditSummary | null;
  pruned: string[];
}

/** setTimeout's longest delay; a later time is reached in several waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The server's scheduled online backups of its SQLite file (BACKUP_DIR, BACKUP_INTERVAL,
 * BACKUP_KEEP): every interval a copy through the backup API and its check (integrity_check),
 * both in a worker thread, so requests keep being served (bench/results/backups.md measures
 * it); a copy gets its final name only once checked, then all but the newest `keep` are deleted. The first one is due an interval after
 * the newest already in the directory, so restarts neither skip nor bunch backups.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupOutcome | null> | null = null;
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly now: () => Date;

  constructor(private readonly options: BackupSchedulerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Checks the directory (created if missing; refuses one it cannot write), removes unfinished copies of a crashed run, and schedules the next backup. */
  async start(): Promise<void> {
    const { dir, base } = this.options;
    try {
      await fs.mkdir(dir, { recursive: true });
      await fs.access(dir, fsConstants.W_OK);
    } catch (error) {
      throw new Error(`BACKUP_DIR ${dir} cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    for (const name of await listBackups(dir, base, 'sqlite', { partial: true })) await fs.rm(path.join(dir, name), { force: true });
    const newest = (await listBackups(dir, base, 'sqlite')).map(backupTime).pop();
    // A newest backup "from the future" (the clock was set back) must not postpone the next one past an interval.
    const now = this.now().getTime();
    this.schedule(Math.min(newest ? newest.getTime() : 0, now) + this.options.intervalMs);
  }

  /** Makes one backup now (joining the one under way, if any); logs and returns what it wrote, or null when it failed. */
  runOnce(): Promise<BackupOutcome | null> {
    this.running ??= this.backup().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** No further backups; one under way is abandoned (its unfinished file deleted). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(at: number): void {
    if (this.stopped) return;
    const delay = Math.max(0, at - this.now().getTime());
    this.timer = setTimeout(
      () => {
        if (this.now().getTime() < at) return this.schedule(at);
        void this.runOnce().then(() => this.schedule(this.now().getTime() + this.options.intervalMs));
      },
      Math.min(delay, MAX_TIMER_MS),
    ).unref();
  }

  private async backup(): Promise<BackupOutcome | null> {
    const { dir, base, keep, logger } = this.options;
    const file = path.join(dir, backupFileName(base, 'sqlite', this.now()));
    const started = process.hrtime.bigint();
    try {
      const source = this.options.source();
      if (!source) throw new BackupError('the database is unavailable');
      const result = await backupSqlite(source, file, { signal: this.abort.signal });
      const pruned = await pruneBackups(dir, base, 'sqlite', keep);
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
      const outcome: BackupOutcome = { file, bytes: result.bytes, pages: result.pages, ms, latestAudit: result.latestAudit, pruned };
      logger.info({ file, bytes: result.bytes, pages: result.pages, ms, latestAuditId: result.latestAudit?.id ?? null, pruned }, 'backup written');
      return outcome;
    } catch (error) {
      if (!this.stopped) logger.error({ file, reason: (error as Error).message }, 'backup failed');
      return null;
    }
  }
}
