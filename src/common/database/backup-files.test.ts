import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupFileName, backupTime, formatBytes, listBackups, pruneBackups } from './backup-files';

describe('backup file names', () => {
  it('carry their UTC time to the millisecond, sort as text in time order, and read back', () => {
    const times = ['2026-12-05T09:31:27.123Z', '2026-12-05T10:00:00.000Z', '2027-01-01T00:00:00.001Z'].map((t) => new Date(t));
    const names = times.map((t) => backupFileName('conflicts', 'sqlite', t));
    expect(names[0]).toBe('conflicts-2026-12-05T09-31-27-123Z.sqlite');
    expect([...names].reverse().sort()).toEqual(names);
    expect(names.map((n) => backupTime(n)?.toISOString())).toEqual(times.map((t) => t.toISOString()));
    expect(backupTime('notes.txt')).toBeNull();
  });

  it('prune only the names of their database and extension, keeping the newest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-backup-files-'));
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute));
    const ours = [1, 2, 3, 4].map((m) => backupFileName('conflicts', 'sqlite', at(m)));
    const others = [
      'notes.txt',
      backupFileName('other', 'sqlite', at(0)), // another database's
      backupFileName('conflicts', 'dump', at(0)), // another format's
      `${backupFileName('conflicts', 'sqlite', at(0))}.partial`, // unfinished: listed separately
      'conflicts-2026-12-05.sqlite', // not our stamp
    ];
    for (const name of [...ours, ...others]) writeFileSync(path.join(dir, name), '');
    expect(await listBackups(dir, 'conflicts', 'sqlite')).toEqual(ours);
    expect(await listBackups(dir, 'conflicts', 'sqlite', { partial: true })).toEqual([others[3]]);
    expect(await pruneBackups(dir, 'conflicts', 'sqlite', 2)).toEqual(ours.slice(0, 2));
    expect(readdirSync(dir).sort()).toEqual([...ours.slice(2), ...others].sort());
    expect(await pruneBackups(dir, 'conflicts', 'sqlite', 5)).toEqual([]);
    expect(await listBackups(path.join(dir, 'missing'), 'conflicts', 'sqlite')).toEqual([]);
  });

  it('sizes read in decimal units', () => {
    expect([999, 1000, 335_847_424, 27_197_035].map(formatBytes)).toEqual(['999 B', '1.0 kB', '335.8 MB', '27.2 MB']);
  });
});
