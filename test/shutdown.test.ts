import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { judgeShutdown, storedAfter, writesAcrossShutdown } from '../bench/attack-connections';
import { eventually } from './helpers';
import { runScript, startServer } from './server-process';

/**
 * Shutdown never loses an answer: the built server as a real process, writes sent across its
 * SIGTERM from several keep-alive connections with a large import in flight, and every answer
 * matched against what the database holds once the process has exited.
 */
describe('SIGTERM with writes in flight', () => {
  it.each([0, 1])(
    'answers every committed write 2xx and every refused one 503 (Connection: close), loses none (round %i)',
    async (round) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-shutdown-'));
      const file = path.join(dir, 'db.sqlite');
      // Deadlines far past what the run needs: on a loaded machine a write queued behind the import must not time out (that would be an answer, but not the one checked here).
      const env = { DATABASE_URL: `sqlite:${file}`, NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '60000', SHUTDOWN_GRACE_MS: '90000' };
      const created = runScript('keys', ['create', '--role', 'editor', '--name', 'desk'], env);
      expect(created.status).toBe(0);
      const { child, url, logs } = await startServer(env);
      const exited = new Promise<number | null>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', (code) => resolve(code));
      });
      const tag = `shutdown-${round}`;
      const run = await writesAcrossShutdown({
        port: Number(new URL(url).port),
        key: created.stdout.trim(),
        tag,
        writers: 6,
        writesBeforeSignal: 30,
        importKb: 100,
        signal: () => child.kill('SIGTERM'),
      });
      expect(await exited).toBe(0);
      expect(logs.some((line) => line.includes('"shutting down"'))).toBe(true);

      const stored = storedAfter(file, tag, run.importSlug);
      const verdict = judgeShutdown(run, stored.committed, stored.importCommitted);
      expect(verdict).toMatchObject({
        lost: 0,
        answeredError: 0,
        committedWithoutOk: [],
        okNotCommitted: [],
        refusedButCommitted: [],
        refusedKeptOpen: 0,
        importAnswered: 'ok',
        importCommitted: true,
      });
      // Every writer ended on a refusal: a 503 on its open connection, or the port closed before it could send.
      expect(verdict.refused + verdict.notConnected).toBe(6);
      expect(verdict.refused).toBeGreaterThan(0);
      expect(verdict.ok).toBeGreaterThanOrEqual(30);
    },
    600_000,
  );

  it('closes an idle keep-alive connection and exits without waiting for its keep-alive timeout', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-shutdown-idle-'));
    // A keep-alive timeout and a grace period far past the test's limit: only the drain can close the socket in time.
    const { child, url } = await startServer({
      DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
      KEEP_ALIVE_TIMEOUT_MS: '600000',
      SHUTDOWN_GRACE_MS: '600000',
    });
    const exited = new Promise<number | null>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', (code) => resolve(code));
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let socketClosed = false;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url.replace('/graphql', '/healthz'), { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('socket', (socket) => socket.once('close', () => (socketClosed = true)));
      req.on('error', reject);
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await eventually(() => socketClosed, 'the idle socket to be closed by the server');
    agent.destroy();
  }, 600_000);
});
