import net from 'node:net';
import { closedWithin, openIdleSockets, openSlowSockets, probe, stillOpen, type TrackedSocket } from '../bench/attack-connections';
import { largeImportDocument } from '../bench/large-import';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, eventually, startTestServer, type TestServer } from './helpers';

/**
 * Hostile families about sockets and imports (bench/attack-connections.ts runs them against the
 * production server): many idle sockets from one address while another probes, slow and silent
 * sockets, a large import beside `/healthz`. Sockets, answers and rows are counted, never timed;
 * where a timeout must fire, the test only bounds how long it waits for it, generously.
 */
const portOf = (server: TestServer) => Number(new URL(server.url).port);
const closeAll = (sockets: TrackedSocket[]) => sockets.forEach(({ socket }) => socket.destroy());

describe('socket caps', () => {
  let server: TestServer;
  const opened: TrackedSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_CONNECTIONS: '60', MAX_CONNECTIONS_PER_ADDRESS: '20' } });
  });
  afterAll(async () => {
    closeAll(opened);
    await server.close();
  });

  it('closes the sockets one address opens past its cap at once, and another address still gets /healthz', async () => {
    const port = portOf(server);
    const flood = await openIdleSockets(port, 50, '127.0.0.1');
    opened.push(...flood);
    await eventually(() => stillOpen(flood) === 20, 'the sockets past the cap to be closed');
    expect(server.app.connections.open).toBe(20);
    expect(server.app.connections.refused).toBe(30);

    expect((await probe(port, '127.0.0.2')).status).toBe(200);
    // The flooding address gets nothing more.
    expect((await probe(port, '127.0.0.1')).status).toBe(0);
    expect(server.app.connections.refused).toBe(31);
    expect(stillOpen(flood)).toBe(20);
  });

  it('caps sockets in all, and takes new ones again once some close', async () => {
    const port = portOf(server);
    const before = server.app.connections.open;
    const third = await openIdleSockets(port, 20, '127.0.0.3');
    const fourth = await openIdleSockets(port, 30, '127.0.0.4');
    opened.push(...third, ...fourth);
    await eventually(() => stillOpen(third) + stillOpen(fourth) === 60 - before, 'the total cap to be reached');
    expect(server.app.connections.open).toBe(60);
    expect((await probe(port, '127.0.0.5')).status).toBe(0);

    closeAll(third);
    await eventually(() => server.app.connections.open === 40, 'the server to see them close');
    expect((await probe(port, '127.0.0.5')).status).toBe(200);
  });
});

describe('socket caps behind a trusted proxy', () => {
  it("counts a trusted proxy's sockets only in the total (it carries many clients)", async () => {
    const server = await startTestServer({ env: { TRUST_PROXY: 'loopback', MAX_CONNECTIONS: '40', MAX_CONNECTIONS_PER_ADDRESS: '5' } });
    const sockets = await openIdleSockets(portOf(server), 30, '127.0.0.1');
    try {
      // Every one is held: the count reaches 30, not 5 (one more probe would show it).
      await eventually(() => server.app.connections.open === 30, 'thirty sockets held');
      expect(server.app.connections.refused).toBe(0);
      expect(stillOpen(sockets)).toBe(30);
    } finally {
      closeAll(sockets);
      await server.close();
    }
  });
});

describe('socket timeouts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { HEADERS_TIMEOUT_MS: '300', KEEP_ALIVE_TIMEOUT_MS: '300' } });
  });
  afterAll(() => server.close());

  // Node checks header timeouts every 30 s by default: a 300 ms timeout then fired up to 30 s late.
  // The waits below allow 10 s, more than 30 times the timeout, and far less than that.
  it('closes silent sockets and sockets that send their head a line at a time', async () => {
    const port = portOf(server);
    const silent = await openIdleSockets(port, 5, '127.0.0.2');
    const slow = await openSlowSockets(port, 5, 100, '127.0.0.3');
    await closedWithin([...silent, ...slow], 10_000);
    expect(stillOpen(silent)).toBe(0);
    expect(stillOpen(slow)).toBe(0);
    await eventually(() => server.app.connections.open === 0, 'the server to count them closed');
  });

  it('closes a keep-alive socket left idle after its answer', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: portOf(server), localAddress: '127.0.0.4' });
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n');
    await eventually(() => received.includes('"status":"ok"'), 'the answer');
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received.toLowerCase()).toContain('connection: keep-alive');
    await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 10 s')), 10_000))]);
  });
});

describe('a large import beside /healthz', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  const importSource = 'mutation($doc: JSONObject!) { importSource(input: $doc) { status written { table rows } } }';
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR));
  });
  afterAll(() => server.close());

  it('lets other requests be answered while it writes (the event loop gets turns), and imports everything', async () => {
    const doc = largeImportDocument(100 * 1024, 'beside');
    expect(JSON.stringify(doc).length).toBeGreaterThan(95 * 1024);
    let answeredDuring = 0;
    let done = false;
    const importing = server.gql(importSource, { doc }, editor).finally(() => (done = true));
    // /healthz, one after another, while the import is in flight. Before the import's write gave
    // the event loop turns, none was answered until it ended (its write alone held the loop ~0.5–2 s).
    while (!done) {
      const answer = await probe(portOf(server), '127.0.0.2');
      if (!done && answer.status === 200) answeredDuring++;
    }
    const imported = await importing;
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importSource.status).toBe('created');
    expect(imported.data.importSource.written).toContainEqual({ table: 'party', rows: (doc.parties as unknown[]).length });
    expect(answeredDuring).toBeGreaterThanOrEqual(3);
  });

  it('writes nothing when it runs out of time midway (the deadline can fire now), and lets go of the write lock', async () => {
    const hurried = await startTestServer({ env: { REQUEST_TIMEOUT_MS: '40' } });
    try {
      const key = bearer(await createKey(hurried, Role.EDITOR));
      const doc = largeImportDocument(100 * 1024, 'hurried');
      const answer = await hurried.gql(importSource, { doc }, key);
      expect(answer.status).toBe(503);
      expect(answer.errors?.[0].extensions?.code).toBe('REQUEST_TIMEOUT');
      // Once the abandoned write has let go of the write lock, the next write can run, and the import left no row.
      await hurried.app.database.write(async () => undefined);
      const [{ parties }] = await hurried.dataSource.query(`SELECT COUNT(*) AS parties FROM party WHERE slug LIKE 'bulk-hurried-%'`);
      const [{ sources }] = await hurried.dataSource.query(`SELECT COUNT(*) AS sources FROM source WHERE slug = 'bulk-hurried'`);
      expect({ parties: Number(parties), sources: Number(sources) }).toEqual({ parties: 0, sources: 0 });
    } finally {
      await hurried.close();
    }
  });
});
