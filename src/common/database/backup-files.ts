import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The names of backup files: `<base>-<UTC time to the millisecond>.<ext>`, e.g.
 * `conflicts-2026-12-05T09-31-27-123Z.sqlite`. The time sorts as text, so the newest is last;
 * pruning only ever touches names of this shape (whatever else an operator keeps in the directory stays).
 */
export function backupFileName(base: string, ext: string, at: Date): string {
  return `${base}-${at.toISOString().replace(/[:.]/g, '-')}.${ext}`;
}

const STAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The suffix of a file being written: renamed to its final name only once verified. */
export const PARTIAL = '.partial';

/** The backups of `base` in `dir`, oldest first (names only); `partial`: the unfinished ones instead. */
export async function listBackups(dir: string, base: string, ext: string, { partial = false } = {}): Promise<string[]> {
  const pattern = new RegExp(`^${escape(base)}-${STAMP}\\.${escape(ext)}${partial ? escape(PARTIAL) : ''}$`);
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((name) => pattern.test(name)).sort();
}

/** Deletes all but the `keep` newest backups of `base` in `dir`; returns the names deleted. */
export async function pruneBackups(dir: string, base: string, ext: string, keep: number): Promise<string[]> {
  const backups = await listBackups(dir, base, ext);
  const doomed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of doomed) await fs.rm(path.join(dir, name), { force: true });
  return doomed;
}

/** The time in a backup's name (null for a name not made by backupFileName). */
export function backupTime(name: string): Date | null {
  const match = new RegExp(`-(${STAMP})\\.`).exec(name);
  if (!match) return null;
  const [date, time] = match[1].split('T');
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return new Date(`${date}T${h}:${m}:${s}.${ms}Z`);
}

/** 1,234,567 bytes as "1.2 MB" (decimal units, as `ls -h --si` and disk vendors count). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
