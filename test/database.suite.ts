import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../src/common/role.enum';
import net from 'node:net';
import {
  bearer,
  createKey,
  describeOnPostgres,
  describeOnSqlite,
  eventually,
  freshDatabaseUrl,
  startTestServer,
  tempSqliteUrl,
  type TestServer,
} from './helpers';

const SOURCE = '2020-02-06-huawei-verizon';
const statement = (slug: string) =>
  `mutation { recordStatement(input: { slug: "${slug}", speaker: "huawei", text: "Said.", citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { slug } }`;

const readyz = async (server: TestServer) => (await fetch(server.url.replace('/graphql', '/readyz'))).status;

/** An outage as clients see it: 503 with a clear code and nothing of the internals; liveness stays 200. */
async function expectUnavailable(server: TestServer, editor: Record<string, string>, internals: RegExp) {
  await eventually(async () => (await readyz(server)) === 503, '/readyz to answer 503');
  const read = await server.gql(`{ companies { totalCount } }`);
  expect(read.status).toBe(503);
  expect(read.errors).toEqual([
    { message: expect.stringMatching(/database is unavailable/), extensions: { code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) } },
  ]);
  const write = await server.gql(statement('during-outage'), {}, editor);
  expect(write.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(JSON.stringify(write)).not.toMatch(internals);
  expect((await fetch(server.url.replace('/graphql', '/healthz'))).status).toBe(200);
}

/** Back without a restart: what was written before is there, what was refused meanwhile is not, and writes work again. */
async function expectRecovered(server: TestServer, editor: Record<string, string>) {
  await eventually(async () => (await readyz(server)) === 200, '/readyz to answer 200 again');
  const after = await server.gql(`{ company(slug: "huawei") { statements { slug } } }`);
  const slugs = after.data.company.statements.map((s: { slug: string }) => s.slug);
  expect(slugs).toContain('before-outage');
  expect(slugs).not.toContain('during-outage');
  expect((await server.gql(statement('after-outage'), {}, editor)).errors).toBeUndefined();
}

/** Concurrent writers, on the database the suite runs on (SQLite, or PostgreSQL with `npm run test:pg`). */
describe('the database under concurrent writes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('loses no write: 100 concurrent mutations from 10 clients, with reads in between', async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, (_, i) => createKey(server, Role.EDITOR, `client-${i}`)));
    const auditBefore = Number((await server.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
    const results = await Promise.all(
      clients.flatMap((key, c) =>
        Array.from({ length: 10 }, async (_, n) => {
          const [write, read] = await Promise.all([
            server.gql(statement(`concurrent-${c}-${n}`), {}, bearer(key)),
            server.gql(`{ company(slug: "huawei") { statements { slug } } }`),
          ]);
          expect(read.errors).toBeUndefined();
          return write;
        }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const rows = await server.dataSource.query(`SELECT slug FROM statement WHERE slug LIKE 'concurrent-%'`);
    expect(rows).toHaveLength(100);
    const audit = await server.dataSource.query(`SELECT actor, COUNT(*) AS n FROM audit_entry WHERE id > ${auditBefore} GROUP BY actor ORDER BY actor`);
    expect(audit.map(({ actor, n }: { actor: string; n: number | string }) => ({ actor, n: Number(n) }))).toEqual(
      clients.map((_, i) => ({ actor: `client-${i}`, n: 10 })),
    );
  });
});

/** SQLite under load and under failure: WAL, busy timeout, another writing process, a file that goes away and comes back. */
describeOnSqlite('the SQLite database', () => {
  let server: TestServer;
  let file: string;
  let editor: Record<string, string>;
  beforeAll(async () => {
    const url = tempSqliteUrl();
    file = url.slice('sqlite:'.length);
    server = await startTestServer({ url, env: { DATABASE_CHECK_MS: '50' } });
    editor = bearer(await createKey(server, Role.EDITOR));
  });
  afterAll(() => server.close());

  it('runs SQLite in WAL mode with a 5 s busy timeout, on both connections', async () => {
    for (const dataSource of [server.app.database.reader, server.app.database.writer]) {
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
    }
    expect(server.app.database.writer).not.toBe(server.app.database.reader);
  });

  it('lets readers read while another process holds the write lock, and waits for it to write', async () => {
    // Another process (as `npm run import` would be) takes the write lock and holds it a moment.
    const locker = spawn(
      process.execPath,
      [
        '-e',
        `
      const db = new (require('better-sqlite3'))(${JSON.stringify(file)}, { timeout: 120000 });
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE party SET description = description WHERE slug = 'huawei'").run();
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);
    `,
      ],
      { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => locker.once('exit', resolve));
    // (A locker that fails before it holds the lock fails the test at once, instead of leaving it waiting.)
    await new Promise<void>((resolve, reject) => {
      locker.stdout!.once('data', () => resolve());
      locker.once('exit', (code) => reject(new Error(`the locking process exited (${code}) before it held the lock`)));
    });
    const read = await server.gql(`{ companies { totalCount } }`);
    expect(read.data.companies.totalCount).toBe(6);
    const write = await server.gql(statement('while-locked'), {}, editor);
    expect(write.errors).toBeUndefined();
    await exited;
  });

  it('goes unavailable when its file disappears, answers clearly meanwhile, and recovers by itself when it returns', async () => {
    expect(await readyz(server)).toBe(200);
    expect((await server.gql(statement('before-outage'), {}, editor)).errors).toBeUndefined();

    renameSync(file, `${file}.moved`);
    await expectUnavailable(server, editor, /sqlite|ENOENT|\/tmp/i);
    // It must not create an empty database in the old place.
    expect(existsSync(file)).toBe(false);

    renameSync(`${file}.moved`, file);
    await expectRecovered(server, editor);
  });

  it('recovers when a removed file is restored from a backup', async () => {
    const backup = `${file}.backup`;
    await server.app.database.reader.query(`VACUUM INTO '${backup}'`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    await eventually(async () => (await readyz(server)) === 503, '/readyz to answer 503');
    copyFileSync(backup, file);
    await eventually(async () => (await readyz(server)) === 200, '/readyz to answer 200 again');
    const res = await server.gql(`{ company(slug: "huawei") { statements { slug } } }`);
    expect(res.data.company.statements.map((s: { slug: string }) => s.slug)).toContain('after-outage');
  });
});

/**
 * A TCP proxy in front of PostgreSQL: cutting it is the database server going away (a restart,
 * a network partition) without stopping the server the rest of the suite shares.
 */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = null;
  }
}

describeOnPostgres('the PostgreSQL database', () => {
  let server: TestServer;
  let proxy: CuttableProxy;
  let editor: Record<string, string>;
  beforeAll(async () => {
    const direct = new URL(await freshDatabaseUrl());
    proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port) });
    await proxy.open();
    direct.port = String(proxy.port);
    server = await startTestServer({ url: direct.toString(), env: { DATABASE_CHECK_MS: '50' } });
    editor = bearer(await createKey(server, Role.EDITOR));
  });
  afterAll(async () => {
    await server.close();
    await proxy.cut();
  });

  it('goes unavailable when the database server goes away, answers clearly meanwhile, and recovers by itself when it returns', async () => {
    expect((await server.gql(statement('before-outage'), {}, editor)).errors).toBeUndefined();
    await proxy.cut();
    await expectUnavailable(server, editor, /ECONNREFUSED|127\.0\.0\.1|postgres/i);
    await proxy.open();
    await expectRecovered(server, editor);
  });
});
