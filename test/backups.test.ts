import { mkdtempSync, readdirSync, truncateSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { BackupScheduler } from '../src/common/database/backup-scheduler';
import { listBackups } from '../src/common/database/backup-files';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { Role } from '../src/common/role.enum';
import {
  bearer,
  capturingLogger,
  createKey,
  describeOnPostgres,
  describeOnSqlite,
  eventually,
  freshDatabaseUrl,
  onPostgres,
  startTestServer,
  type TestServer,
} from './helpers';
import { createTestDatabase, postgresAdmin, withDatabase } from './postgres-databases';
import { post, runScriptAsync, startServer, stop } from './server-process';

const SOURCE = '2020-02-06-huawei-verizon';
const createCompany = (slug: string) =>
  `mutation { createCompany(input: { slug: "${slug}", name: "${slug}", citations: [{ source: "${SOURCE}", quote: "European and US entities" }] }) { id slug } }`;

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-backup-'));
const ext = onPostgres ? 'dump' : 'sqlite';

/** Every audit entry of a database, oldest first. */
async function auditLog(url: string): Promise<{ id: number; action: string; subject: string | null }[]> {
  const dataSource = await openDatabase(url, { migrate: true });
  try {
    const rows = await dataSource.query('SELECT id, action, subject FROM audit_entry ORDER BY id');
    return rows.map((row: { id: unknown; action: string; subject: string | null }) => ({ ...row, id: Number(row.id) }));
  } finally {
    await dataSource.destroy();
  }
}

async function tableCount(url: string): Promise<number> {
  if (url.startsWith('sqlite:')) {
    const db = new Sqlite(url.slice('sqlite:'.length), { readonly: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const [{ n }] = await postgresAdmin<{ n: string }>(`SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = 'public'`, url);
  return Number(n);
}

/** The command failed with exit 1 and one line on stderr saying `what`. */
function expectRefusal(run: { status: number | null; stdout: string; stderr: string }, what: RegExp): void {
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(what);
}

describe('backups that restore', () => {
  let server: TestServer;
  let sourceUrl: string;
  let editor: Record<string, string>;
  const dir = tempDir();
  let backupFile: string;
  /** Companies whose createCompany was answered before the backup process was started, and their audit subjects. */
  const acknowledgedBefore: { slug: string; id: string }[] = [];
  let acknowledgedDuring = 0;

  beforeAll(async () => {
    sourceUrl = await freshDatabaseUrl();
    server = await startTestServer({ url: sourceUrl });
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  });
  afterAll(() => server.close());

  it('takes a backup while writes keep coming, and the backup holds every write acknowledged before it began', async () => {
    let phase: 'before' | 'during' | 'after' = 'before';
    let afterwards = 0;
    const failures: unknown[] = [];
    // A bounded loop of mutations, one at a time, running until a few have been answered after the backup finished.
    const writes = (async () => {
      for (let i = 0; i < 5000 && afterwards < 10; i++) {
        const res = await server.gql(createCompany(`bk-${i}`), {}, editor);
        if (res.errors) failures.push(res.errors);
        const written = res.data?.createCompany;
        if (phase === 'before') acknowledgedBefore.push(written);
        else if (phase === 'during') acknowledgedDuring++;
        else afterwards++;
      }
    })();
    await eventually(() => acknowledgedBefore.length >= 20, 'some writes acknowledged');
    phase = 'during'; // from here on, an answer counts as arriving after the backup began
    backupFile = path.join(dir, `during-writes.${ext}`);
    const backup = await runScriptAsync('backup', ['--to', backupFile], { DATABASE_URL: sourceUrl });
    phase = 'after';
    await writes;
    expect(failures).toEqual([]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`written: ${backupFile}`);
    expect(backup.stdout).toMatch(onPostgres ? /verified: pg_restore --list reads \d+ entries/ : /verified: PRAGMA integrity_check ok/);
    expect(backup.stdout).toMatch(/latest audit entry: #\d+ at .*: createCompany by desk/);
    // The writes really ran while the backup was taken.
    expect(acknowledgedDuring).toBeGreaterThan(0);
    expect(afterwards).toBe(10);
  }, 600_000);

  it('restores into a fresh database: every write acknowledged before the backup is there, the audit log is a prefix of the original, counts agree', async () => {
    const restoredUrl = await freshDatabaseUrl();
    const restore = await runScriptAsync('restore', [backupFile, '--to', restoredUrl], { DATABASE_URL: '' });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('row counts: every stored count agrees with its table');
    expect(restore.stdout).toMatch(/migrations: \d+ applied, none pending/);

    const original = await auditLog(sourceUrl);
    const restored = await auditLog(restoredUrl);
    // A consistent snapshot: the restored log is the original's first N entries, no gaps, nothing after.
    expect(restored.length).toBeGreaterThan(0);
    expect(restored).toEqual(original.slice(0, restored.length));
    const subjects = new Set(restored.map((entry) => entry.subject));
    const missing = acknowledgedBefore.filter(({ id }) => !subjects.has(id));
    expect(missing).toEqual([]);
    // The newest entry restore reports is the backup's newest.
    const newest = restored[restored.length - 1];
    expect(restore.stdout).toContain(`latest audit entry: #${newest.id} at `);
    // It is missing the writes made after the backup (the loop went on): the backup is a point in time.
    expect(restored.length).toBeLessThan(original.length);

    const { child, url } = await startServer({ DATABASE_URL: restoredUrl });
    try {
      const companies = restored.filter((entry) => entry.action === 'createCompany').length;
      const { body } = await post(
        url,
        '{ companies { totalCount } lawsuits { totalCount } sources { totalCount } company(slug: "huawei") { lawsuits { slug } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.companies.totalCount).toBe(6 + companies);
      expect(body.data.lawsuits.totalCount).toBe(5);
      expect(body.data.sources.totalCount).toBe(1);
      expect(body.data.company.lawsuits.map((l: { slug: string }) => l.slug)).toContain('huawei-v-fcc');
      const check = await post(url, `{ company(slug: "${acknowledgedBefore[0].slug}") { slug } }`);
      expect(check.body.data.company).toEqual({ slug: acknowledgedBefore[0].slug });
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 600_000);

  it('refuses a database that has tables unless --force, which replaces its contents', async () => {
    const targetUrl = await freshDatabaseUrl();
    expect((await runScriptAsync('restore', [backupFile, '--to', targetUrl], {})).status).toBe(0);
    // A write after the restore: --force must take the database back to the backup's state.
    const dataSource: DataSource = await openDatabase(targetUrl, { migrate: true });
    await dataSource.query(`DELETE FROM api_key`);
    await dataSource.destroy();
    const before = await auditLog(targetUrl);

    const refused = await runScriptAsync('restore', [backupFile, '--to', targetUrl], {});
    expectRefusal(refused, /is not empty.*--force/);
    expect(await auditLog(targetUrl)).toEqual(before);

    const forced = await runScriptAsync('restore', [backupFile, '--to', targetUrl, '--force'], {});
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    const keys = await (async () => {
      const ds = await openDatabase(targetUrl);
      try {
        return Number((await ds.query('SELECT COUNT(*) AS n FROM api_key'))[0].n);
      } finally {
        await ds.destroy();
      }
    })();
    expect(keys).toBe(1); // the editor's key, as in the backup
    expect(await auditLog(targetUrl)).toEqual(before);
  }, 600_000);

  it('refuses a file that is no backup, and a damaged one leaves the target as it was', async () => {
    const junk = path.join(dir, 'junk.bin');
    writeFileSync(junk, 'not a backup at all '.repeat(200));
    expectRefusal(await runScriptAsync('restore', [junk, '--to', await freshDatabaseUrl()], {}), /neither a SQLite database nor a pg_dump/);
    expectRefusal(await runScriptAsync('restore', [path.join(dir, 'nothing-here')], {}), /no backup file at/);
    expectRefusal(await runScriptAsync('restore', [], {}), /usage: npm run restore/);

    // The first half of a real backup: right header, missing pages (SQLite) or table data (pg_dump).
    const damaged = path.join(dir, `damaged.${ext}`);
    copyFileSync(backupFile, damaged);
    truncateSync(damaged, Math.floor(statSync(damaged).size / 2));
    const targetUrl = await freshDatabaseUrl();
    const run = await runScriptAsync('restore', [damaged, '--to', targetUrl], {});
    expectRefusal(run, onPostgres ? /pg_restore failed|not a readable pg_dump archive/ : /integrity check|not a usable SQLite database/);
    // Nothing was written: the restore is all or nothing.
    if (onPostgres) expect(await tableCount(targetUrl)).toBe(0);
    else expect(readdirSync(path.dirname(targetUrl.slice('sqlite:'.length))).filter((f) => !f.startsWith('.'))).toEqual([]);

    // A backup of one dialect cannot go into the other.
    const other = onPostgres ? `sqlite:${path.join(tempDir(), 'x.sqlite')}` : 'postgres://nobody@127.0.0.1:1/none';
    expectRefusal(await runScriptAsync('restore', [backupFile, '--to', other], {}), onPostgres ? /is a pg_dump archive/ : /is a SQLite backup/);
  }, 600_000);

  it('refuses a missing database, a target it cannot write, an existing file, and a missing pg_dump', async () => {
    const missing = onPostgres ? withDatabase(process.env.TEST_POSTGRES_URL!, 'no_such_database') : `sqlite:${path.join(dir, 'absent', 'x.sqlite')}`;
    expectRefusal(await runScriptAsync('backup', ['--to', path.join(dir, 'x')], { DATABASE_URL: missing }), /cannot (open|connect)/);

    const aFile = path.join(dir, 'a-regular-file');
    writeFileSync(aFile, 'x');
    expectRefusal(await runScriptAsync('backup', ['--to', path.join(aFile, 'sub', 'b.bin')], { DATABASE_URL: sourceUrl }), /cannot write to/);
    expectRefusal(await runScriptAsync('backup', ['--to', backupFile], { DATABASE_URL: sourceUrl }), /already exists/);
    expectRefusal(
      await runScriptAsync('backup', [], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PG_BINDIR: path.join(dir, 'no-bin') }),
      /pg_dump not found in PG_BINDIR/,
    );
    // Nothing half-written was left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 600_000);
});

describeOnSqlite('the server’s scheduled backups (SQLite)', () => {
  it('are refused when half-configured or malformed', () => {
    expect(() => readConfig({ BACKUP_INTERVAL: '1h' })).toThrow('BACKUP_INTERVAL needs BACKUP_DIR');
    expect(() => readConfig({ BACKUP_KEEP: '3' })).toThrow('BACKUP_KEEP needs BACKUP_DIR');
    expect(() => readConfig({ BACKUP_DIR: '/tmp/x', BACKUP_INTERVAL: '10' })).toThrow('BACKUP_INTERVAL must be a duration');
    expect(() => readConfig({ BACKUP_DIR: '/tmp/x', BACKUP_INTERVAL: '0s' })).toThrow('BACKUP_INTERVAL must be a duration');
    expect(() => readConfig({ BACKUP_DIR: '/tmp/x', BACKUP_KEEP: '0' })).toThrow('BACKUP_KEEP must be a positive integer');
    expect(readConfig({ BACKUP_DIR: '/tmp/x', BACKUP_INTERVAL: '15m' }).backup).toEqual({ dir: '/tmp/x', intervalMs: 900_000, keep: 24 });
    expect(readConfig({}).backup).toBeNull();
  });

  it('keep the newest BACKUP_KEEP verified copies, each holding the writes made before it, and touch no other file', async () => {
    const server = await startTestServer();
    const editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'the operator keeps this');
    writeFileSync(path.join(dir, 'test-2020-01-01T00-00-00-000Z.sqlite.partial'), 'left by a crashed run');
    // A backup from a minute before the clock: the scheduler's own first one is due in an hour, so only runOnce makes them here.
    const existing = 'test-2026-11-30T23-59-00-000Z.sqlite';
    writeFileSync(path.join(dir, existing), '');
    const { logger, lines } = capturingLogger();
    let clock = Date.parse('2026-12-01T00:00:00.000Z');
    const scheduler = new BackupScheduler({
      dir,
      intervalMs: 3_600_000,
      keep: 2,
      base: 'test',
      source: () => server.app.database.sqliteFile,
      logger,
      now: () => new Date(clock),
    });
    try {
      await scheduler.start();
      expect(readdirSync(dir).sort()).toEqual(['notes.txt', existing]);
      const companiesIn = (file: string) => {
        const db = new Sqlite(file, { readonly: true });
        try {
          return (db.prepare(`SELECT slug FROM party WHERE slug LIKE 'sch-%'`).all() as { slug: string }[]).map((r) => r.slug).sort();
        } finally {
          db.close();
        }
      };
      const made: string[] = [];
      for (let round = 0; round < 4; round++) {
        expect((await server.gql(createCompany(`sch-${round}`), {}, editor)).errors).toBeUndefined();
        // Writes keep coming while the copy runs: those answered before it began must be in it.
        let stopWrites = false;
        let during = 0;
        const writes = (async () => {
          while (!stopWrites && during < 200) {
            expect((await server.gql(createCompany(`sch-${round}-w${during}`), {}, editor)).errors).toBeUndefined();
            during++;
          }
        })();
        const outcome = await scheduler.runOnce();
        stopWrites = true;
        await writes;
        expect(outcome ? 'written' : lines().filter((line) => line.msg === 'backup failed')).toBe('written');
        made.push(path.basename(outcome!.file));
        expect(companiesIn(outcome!.file)).toEqual(expect.arrayContaining([...Array(round + 1).keys()].map((r) => `sch-${r}`)));
        clock += 3_600_000;
      }
      expect(readdirSync(dir).sort()).toEqual(['notes.txt', ...made.slice(-2)].sort());
      expect(made[0]).toBe('test-2026-12-01T00-00-00-000Z.sqlite');
      for (const name of made.slice(-2)) {
        const db = new Sqlite(path.join(dir, name), { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
        db.close();
      }
      const written = lines().filter((line) => line.msg === 'backup written');
      expect(written).toHaveLength(4);
      expect(written.map((line) => line.pruned)).toEqual([[], [existing], [made[0]], [made[1]]]);
    } finally {
      await scheduler.stop();
      await server.close();
    }
  }, 600_000);

  it('run on the server’s own schedule (BACKUP_DIR, BACKUP_INTERVAL, BACKUP_KEEP) and are pruned to BACKUP_KEEP', async () => {
    const dir = tempDir();
    const { logger, lines } = capturingLogger();
    const server = await startTestServer({ env: { BACKUP_DIR: dir, BACKUP_INTERVAL: '1s', BACKUP_KEEP: '2' }, appLogger: logger });
    try {
      await eventually(() => lines().filter((line) => line.msg === 'backup written').length >= 3, 'three scheduled backups', 60_000);
      const written = lines().filter((line) => line.msg === 'backup written');
      expect(written.some((line) => line.pruned.length > 0)).toBe(true);
    } finally {
      await server.close();
    }
    const files = await listBackups(dir, 'test', 'sqlite');
    expect(files.length).toBeLessThanOrEqual(2);
    expect(readdirSync(dir).filter((f) => !files.includes(f))).toEqual([]);
  }, 600_000);
});

describeOnPostgres('scheduled backups on PostgreSQL', () => {
  it('are refused: the server does not start with BACKUP_DIR', async () => {
    await expect(startTestServer({ url: await createTestDatabase(), env: { BACKUP_DIR: tempDir() } })).rejects.toThrow(/SQLite file only/);
  });
});
