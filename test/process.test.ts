import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eventually } from './helpers';
import { MAIN, post, ROOT_WITHOUT_OVERRIDES, startServer, stop } from './server-process';

const FRONT_END_QUERY = `{
  companies(first: 10) { totalCount edges { cursor node { slug
    lawsuits { slug kind
      plaintiffs { __typename ... on Company { slug sanctions { slug } people { role person { name } } } ... on Authority { slug } }
      defendants { __typename ... on Company { slug sanctions { slug } people { role person { name } } } ... on Authority { slug sanctionsImposed { slug } } ... on Person { slug } }
    } } } }
}`;

describe('the server process', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-process-'));
  const databaseUrl = `sqlite:${path.join(dir, 'conflicts.sqlite')}`;

  it('creates and seeds the database on first start, answers nested front-end queries in one request, and logs JSON lines', async () => {
    const { child, url, logs } = await startServer({ DATABASE_URL: databaseUrl });
    try {
      const { response, body } = await post(url, FRONT_END_QUERY);
      expect(response.status).toBe(200);
      expect(body.errors).toBeUndefined();
      const huawei = body.data.companies.edges.find((e: any) => e.node.slug === 'huawei').node;
      const fccSuit = huawei.lawsuits.find((l: any) => l.slug === 'huawei-v-fcc');
      expect(fccSuit.plaintiffs[0]).toMatchObject({ slug: 'huawei', sanctions: [{ slug: 'us-sanctions-on-huawei' }] });
      expect(fccSuit.plaintiffs[0].people.map((p: any) => p.person.name)).toEqual(['Meng Wanzhou', 'Ren Zhengfei']);
      expect(fccSuit.defendants).toEqual([{ __typename: 'Authority', slug: 'fcc', sanctionsImposed: [] }]);
      for (const line of logs.filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
      expect(logs.some((l) => JSON.parse(l).msg === 'seed source' && JSON.parse(l).status === 'created')).toBe(true);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('does not duplicate anything on restart', async () => {
    const { child, url, logs } = await startServer({ DATABASE_URL: databaseUrl });
    try {
      const { body } = await post(url, '{ companies { totalCount } lawsuits { totalCount } sources { totalCount } }');
      expect(body.data).toEqual({ companies: { totalCount: 6 }, lawsuits: { totalCount: 5 }, sources: { totalCount: 1 } });
      expect(logs.some((l) => l.startsWith('{') && JSON.parse(l).status === 'unchanged')).toBe(true);
    } finally {
      await stop(child);
    }
  });

  it('allows cross-origin calls (any origin by default, a list with CORS_ORIGINS) and serves Apollo Sandbox to browsers', async () => {
    const open = await startServer({ DATABASE_URL: databaseUrl });
    const restricted = await startServer({ DATABASE_URL: databaseUrl, CORS_ORIGINS: 'https://newsroom.example, https://desk.example' });
    try {
      const { response } = await post(open.url, '{ __typename }', { origin: 'https://anywhere.example' });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const allowed = await post(restricted.url, '{ __typename }', { origin: 'https://desk.example' });
      expect(allowed.response.headers.get('access-control-allow-origin')).toBe('https://desk.example');
      // The answer depends on the Origin (CORS) and on the key (the HTTP cache): a shared cache must know both.
      expect(allowed.response.headers.get('vary')?.split(/,\s*/).sort()).toEqual(['Authorization', 'Origin']);
      const preflight = await fetch(restricted.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://desk.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://desk.example');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
      expect(preflight.headers.get('access-control-max-age')).toBe('600');
      expect(preflight.headers.get('x-request-id')).toBeTruthy();
      const refused = await post(restricted.url, '{ __typename }', { origin: 'https://evil.example' });
      expect(refused.response.headers.get('access-control-allow-origin')).toBeNull();
      const page = await fetch(open.url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/sandbox/i);
    } finally {
      await stop(open.child);
      await stop(restricted.child);
    }
  });

  const badDatabases: [string, () => string][] = [
    [
      'a path under a regular file',
      () => {
        const file = path.join(dir, 'a-file');
        writeFileSync(file, 'x');
        return path.join(file, 'db.sqlite');
      },
    ],
    ['a directory', () => dir],
    [
      'a file that is not a database',
      () => {
        const file = path.join(dir, 'not-a-db.sqlite');
        writeFileSync(file, 'this is not sqlite '.repeat(100));
        return file;
      },
    ],
  ];
  it.each(badDatabases)('exits with one clear line naming the path when the database is %s', (_label, makePath) => {
    const file = makePath();
    const result = spawnSync(process.execPath, [MAIN], { env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PORT: '0' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: cannot open database at /);
    expect(lines[0]).toContain(file);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the server process under failure', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-sigterm-'));
    const { child, url, logs } = await startServer({ DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}` });
    const { hostname, port } = new URL(url);
    // A request in flight when the signal comes: its headers are in (the server answered
    // `100 Continue`, so it is handling it), its body not yet sent.
    const body = JSON.stringify({ query: '{ companies { totalCount } }' });
    let inFlight!: http.ClientRequest;
    let accepted!: () => void;
    const headersIn = new Promise<void>((resolve) => (accepted = resolve));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight = http.request(
        {
          hostname,
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      inFlight.on('continue', accepted);
      inFlight.on('error', reject);
      inFlight.flushHeaders();
    });
    await headersIn;
    const exited = new Promise<number | null>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
    });
    child.kill('SIGTERM');
    await eventually(() => logs.some((l) => l.includes('"shutting down"')), 'the shutdown log line');
    await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).rejects.toThrow();
    inFlight.end(body);
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ data: { companies: { totalCount: 6 } } });
    expect(await exited).toBe(0);
    // The exit can come before the parent has read the last lines of the child's stdout.
    await eventually(() => logs.some((l) => l.includes('"stopped"')), 'the "stopped" log line');
  });

  // As root, file permissions would not apply: the server then runs without the capabilities that override them.
  const asRoot = process.getuid?.() === 0;
  it('answers SERVICE_UNAVAILABLE and /readyz 503 while its database is read-only, and recovers by itself', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-readonly-'));
    const file = path.join(dir, 'db.sqlite');
    const { child, url } = await startServer(
      { DATABASE_URL: `sqlite:${file}`, DATABASE_CHECK_MS: '50', NODE_ENV: 'production' },
      asRoot ? ROOT_WITHOUT_OVERRIDES : [],
    );
    const readyz = url.replace('/graphql', '/readyz');
    try {
      expect((await fetch(readyz)).status).toBe(200);
      chmodSync(file, 0o444);
      await eventually(async () => (await fetch(readyz)).status === 503, '/readyz to answer 503');
      expect(await (await fetch(readyz)).json()).toEqual({ status: 'unavailable' });
      const { response, body } = await post(url, '{ companies { totalCount } }');
      expect(response.status).toBe(503);
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/sqlite|readonly|EACCES/i);
      chmodSync(file, 0o644);
      await eventually(async () => (await fetch(readyz)).status === 200, '/readyz to answer 200 again');
      expect((await post(url, '{ companies { totalCount } }')).body.data).toEqual({ companies: { totalCount: 6 } });
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});

/** The PIDs of a process's descendants (Linux `ps`). */
function descendants(pid: number): number[] {
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((l) => l.trim())
    .map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('`npm start`', () => {
  // The user's PID is npm's (`npm start &` -> $!). npm forwards SIGTERM to the script's shell, and the start script
  // `exec`s node, so the shell *is* the server: the signal reaches main.ts's handler. Without `exec`, the shell
  // died and node kept serving, orphaned. `--ignore-scripts` leaves out `prestart` (the build): a test never
  // rebuilds dist/, which other suites are running the server from (`npm test` has built it first).
  it("on SIGTERM to npm's PID shuts the server down gracefully, and npm exits 0", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-npm-start-'));
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: string[] = [];
    let buffer = '';
    npm.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      logs.push(...lines);
    });
    npm.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    const npmExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const entries = () => logs.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    let url: string | undefined;
    let serverPids: number[] = [];
    try {
      await eventually(() => (url = entries().find((e) => e.url)?.url) !== undefined, 'the server to log its URL', 120_000);
      expect((await post(url!, '{ companies { totalCount } }')).body.data).toEqual({ companies: { totalCount: 6 } });

      serverPids = descendants(npm.pid!);
      expect(serverPids.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      expect(await npmExit).toEqual({ code: 0, signal: null });
      expect(entries().map((e) => e.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
      // The server itself is gone (not orphaned): its port stops answering.
      await eventually(
        () =>
          fetch(url!, { method: 'POST' }).then(
            () => false,
            () => true,
          ),
        'the port to stop answering',
      );
      await eventually(() => serverPids.every((pid) => !alive(pid)), 'the processes under npm to end');
    } finally {
      // On failure, leave nothing behind (an orphaned server would keep the output pipes, and jest, open).
      for (const pid of [npm.pid!, ...descendants(npm.pid!), ...serverPids]) if (alive(pid)) process.kill(pid, 'SIGKILL');
      npm.stdout!.destroy();
      npm.stderr!.destroy();
    }
  }, 600_000);
});
