import { copyFileSync, rmSync } from 'node:fs';
import type { SqlReader } from '../src/common/database/sql-reader';
import { RequestTimeoutError } from '../src/common/errors';
import { Role } from '../src/common/role.enum';
import { postgresAdmin } from './postgres-databases';
import {
  bearer,
  createKey,
  describeOnPostgres,
  describeOnSqlite,
  eventually,
  startTestServer,
  tempSqliteUrl,
  TEST_POSTGRES_URL,
  type TestServer,
} from './helpers';

/** A statement that runs for minutes (a billion rows counted one by one) unless it is stopped. */
const ENDLESS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) AS n FROM c';

const readerOf = (server: TestServer): SqlReader => server.app.contextFor('test').services.sqlReader;

/** What the pool (SQLite) or the reader (both dialects) counted since `before`. */
function counts(server: TestServer) {
  const pool = server.app.database.readPool;
  return {
    longReads: readerOf(server).longReads,
    jobs: pool?.stats.jobs ?? 0,
    started: pool?.stats.workersStarted ?? 0,
    killed: pool?.stats.workersKilled ?? 0,
  };
}

describe('long reads (search, networks, timelines, filtered counts)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('gives up a statement when its deadline passes, with RequestTimeoutError', async () => {
    const before = counts(server);
    const reading = readerOf(server).queryLong(ENDLESS, [], { deadline: Date.now() + 300, timeoutMs: 300 });
    await expect(reading).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(reading).rejects.toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
    // The reader still answers afterwards.
    expect(await readerOf(server).queryLong<{ n: number }>('SELECT 1 AS n', [], {})).toEqual([{ n: 1 }]);
    expect(counts(server).longReads - before.longReads).toBe(2);
  });

  it('lets the main thread go on while a statement runs', async () => {
    // Counted, not timed: while the endless statement runs (its deadline a minute away), the main
    // thread takes 50 turns and answers a statement of its own; the long one is still running then.
    const controller = new AbortController();
    const reading = readerOf(server).queryLong(ENDLESS, [], { signal: controller.signal, timeoutMs: 60_000, deadline: Date.now() + 60_000 });
    let settled = false;
    reading.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(await server.dataSource.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    expect(settled).toBe(false);
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('gives up a statement when the request is aborted', async () => {
    const controller = new AbortController();
    const reading = readerOf(server).queryLong(ENDLESS, [], { signal: controller.signal, timeoutMs: 10_000, deadline: Date.now() + 10_000 });
    setTimeout(() => controller.abort(), 200);
    await expect(reading).rejects.toBeInstanceOf(RequestTimeoutError);
    // An already aborted request does not start one.
    await expect(readerOf(server).queryLong('SELECT 1', [], { signal: controller.signal, timeoutMs: 10_000 })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('sends search, conflictNetwork, conflictPath, a party’s timeline (page and count), a bounded count and filtered counts through it, and nothing else', async () => {
    const longReadsOf = async (query: string) => {
      const before = counts(server);
      const res = await server.gql(query);
      expect(res.errors).toBeUndefined();
      const after = counts(server);
      if (server.app.database.readPool) expect(after.jobs - before.jobs).toBe(after.longReads - before.longReads);
      return after.longReads - before.longReads;
    };
    // One per tier: the entries holding "meng" whole, then (too few for a page of 10) those starting with it.
    expect(await longReadsOf(`{ search(text: "meng") { snippet node { id } } }`)).toBe(2);
    expect(await longReadsOf(`{ search(text: "meng", first: 1) { snippet node { id } } }`)).toBe(1);
    expect(await longReadsOf(`{ conflictNetwork(center: "huawei", depth: 1) { nodes { id } edges { kind } } }`)).toBe(1);
    expect(await longReadsOf(`{ conflictPath(from: "meng-wanzhou", to: "verizon") { nodes { id } } }`)).toBeGreaterThanOrEqual(2);
    expect(await longReadsOf(`{ timeline(party: "huawei", first: 5) { totalCount edges { node { title } } } }`)).toBe(2);
    expect(await longReadsOf(`{ timeline(party: "huawei", first: 5) { edges { node { title } } } }`)).toBe(1);
    // The whole graph's page reads `first + 1` rows per dated table and its count a trigger-kept row;
    // bounded by from/to, the count is a COUNT over index ranges.
    expect(await longReadsOf(`{ timeline(first: 5) { totalCount edges { node { title } } } }`)).toBe(0);
    expect(await longReadsOf(`{ timeline(first: 5, from: "2019") { totalCount edges { node { title } } } }`)).toBe(1);
    expect(await longReadsOf(`{ lawsuits(filter: { kind: PATENT_INFRINGEMENT }) { totalCount edges { node { slug } } } }`)).toBe(1);
    // The unfiltered count reads a trigger-kept row, and the loaders' batches stay on the main thread.
    expect(
      await longReadsOf(
        `{ companies(first: 50) { totalCount edges { node { slug lawsuits { slug plaintiffs { ... on Company { slug } } } adversaries { ... on Company { slug } } } } } }`,
      ),
    ).toBe(0);
  });
});

describeOnSqlite('the SQLite read pool', () => {
  let server: TestServer;
  let file: string;
  beforeAll(async () => {
    const url = tempSqliteUrl();
    file = url.slice('sqlite:'.length);
    server = await startTestServer({ url, env: { DATABASE_CHECK_MS: '50', READ_WORKERS: '2' } });
  });
  afterAll(() => server.close());

  const pool = () => server.app.database.readPool!;

  it('kills the worker of a statement past its deadline, and replaces it', async () => {
    await readerOf(server).queryLong('SELECT 1', [], {}); // a worker is running
    const before = counts(server);
    // A deadline with room to spare: under load, one that passed before the job reached its worker would kill nothing.
    await expect(readerOf(server).queryLong(ENDLESS, [], { deadline: Date.now() + 2000, timeoutMs: 2000 })).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(counts(server).killed - before.killed).toBe(1);
    // Two reads at once need both workers: the killed one has been replaced.
    await Promise.all([readerOf(server).queryLong('SELECT 1', [], {}), readerOf(server).queryLong('SELECT 2', [], {})]);
    expect(counts(server).started - before.started).toBeGreaterThanOrEqual(1);
    expect(server.app.database.readPool!.size).toBe(2);
  });

  it('drops a queued job whose request is aborted, without killing a worker, and kills the workers of aborted running ones', async () => {
    const running = new AbortController();
    const queued = new AbortController();
    const before = counts(server);
    const busy = [1, 2].map(() => readerOf(server).queryLong(ENDLESS, [], { signal: running.signal, timeoutMs: 10_000 }));
    const waiting = readerOf(server).queryLong('SELECT 1', [], { signal: queued.signal, timeoutMs: 10_000 });
    queued.abort();
    await expect(waiting).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(counts(server).killed).toBe(before.killed);
    running.abort();
    for (const read of busy) await expect(read).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(counts(server).killed - before.killed).toBe(2);
  });

  it('stops its workers while the file is gone, and reads the restored file (not the old one) once it is back', async () => {
    const editor = bearer(await createKey(server, Role.EDITOR));
    await readerOf(server).queryLong('SELECT 1', [], {});
    const backup = `${file}.backup`;
    await server.app.database.reader.query(`VACUUM INTO '${backup}'`);
    const before = counts(server);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    await eventually(() => !server.app.database.available, 'the database to go unavailable');
    expect(counts(server).killed).toBeGreaterThan(before.killed);
    await expect(readerOf(server).queryLong('SELECT 1', [], {})).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    copyFileSync(backup, file);
    await eventually(() => server.app.database.available, 'the database to be available again');
    // Written to the restored file only: a worker still reading the removed one would not find it.
    const write = await server.gql(
      `mutation { recordStatement(input: { slug: "restored-file", speaker: "huawei", text: "Zanzibarian restoration.", citations: [{ source: "2020-02-06-huawei-verizon", quote: "Huawei said last year" }] }) { slug } }`,
      {},
      editor,
    );
    expect(write.errors).toBeUndefined();
    const found = await server.gql(`{ search(text: "zanzibarian") { node { ... on Statement { slug } } } }`);
    expect(found.data.search).toEqual([{ node: { slug: 'restored-file' } }]);
    expect(pool().stats.workersStarted).toBeGreaterThan(before.started);
  });
});

describeOnPostgres('long reads on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const running = async () =>
    (
      await postgresAdmin<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'WITH RECURSIVE c(x)%' AND state = 'active'`,
        TEST_POSTGRES_URL,
      )
    )[0].n;

  it('stops the statement on the server at the deadline (statement_timeout), and resets the connection', async () => {
    await expect(readerOf(server).queryLong(ENDLESS, [], { deadline: Date.now() + 300, timeoutMs: 300 })).rejects.toBeInstanceOf(RequestTimeoutError);
    await eventually(async () => (await running()) === '0', 'the statement to stop on the server');
    const settings = await Promise.all(Array.from({ length: 10 }, () => readerOf(server).query<{ statement_timeout: string }>('SHOW statement_timeout', [])));
    expect(settings.map(([row]) => row.statement_timeout)).toEqual(Array(10).fill('0'));
  });

  it('cancels the statement on the server when the request is aborted', async () => {
    const controller = new AbortController();
    const reading = readerOf(server).queryLong(ENDLESS, [], { signal: controller.signal, timeoutMs: 60_000, deadline: Date.now() + 60_000 });
    await eventually(async () => (await running()) === '1', 'the statement to run');
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(RequestTimeoutError);
    await eventually(async () => (await running()) === '0', 'the statement to stop on the server');
  });
});
