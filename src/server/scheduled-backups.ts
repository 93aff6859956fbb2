import path from 'node:path';
import { BackupScheduler } from '../common/database/backup-scheduler';
import type { BackupSchedule } from '../config';
import type { Database } from '../database';
import type { Logger } from '../logger';

/**
 * Starts the server's scheduled backups (BACKUP_DIR) of its SQLite file. On PostgreSQL the server refuses to start:
 * an operator who set BACKUP_DIR expects backups, and PostgreSQL's are taken outside the server
 * (pg_dump, WAL archiving: docs/backups.md).
 */
export async function startScheduledBackups(database: Database, schedule: BackupSchedule, logger: Logger): Promise<BackupScheduler> {
  const file = database.sqliteFile;
  if (!file) {
    throw new Error('BACKUP_DIR: the server schedules backups of a SQLite file only; on PostgreSQL use pg_dump or WAL archiving (docs/backups.md)');
  }
  const scheduler = new BackupScheduler({
    ...schedule,
    dir: path.resolve(schedule.dir),
    base: path.basename(file).replace(/\.[^.]*$/, '') || 'database',
    source: () => (database.available ? file : null),
    logger,
  });
  await scheduler.start();
  logger.info({ dir: path.resolve(schedule.dir), intervalMs: schedule.intervalMs, keep: schedule.keep }, 'scheduled backups on');
  return scheduler;
}
