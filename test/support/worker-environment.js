/*
 * The integration tier's Jest test environment: Node's, plus what one worker process keeps across
 * the suites it runs, seen by each of them as `globalThis.__conflictExplorerWorker`.
 *
 * Jest gives each test file a global object and a module registry of its own, and tears them down
 * when the file is done: a server made by one suite's modules cannot serve the next suite (a
 * module it requires lazily, Apollo's hashing for one, is refused once its registry is gone). So
 * the worker's shared read-only server (`sharedTestServer` in test/helpers.ts) is made here,
 * outside every registry, from the built server in dist/ (which the integration tier runs anyway:
 * `npm test` builds first, and the global setup refuses a missing or stale build), and closed when
 * the worker exits. Plain JavaScript: Jest loads a test environment without the project's transform.
 */
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const DIST = path.resolve(__dirname, '../../dist');

/** Starts the built server on this (seeded) database with this environment; its sockets do not keep the worker alive. */
async function startBuiltServer(url, env) {
  require('reflect-metadata');
  const { openDatabase } = require(path.join(DIST, 'src/database.js'));
  const { readConfig } = require(path.join(DIST, 'src/config.js'));
  const { createLogger } = require(path.join(DIST, 'src/logger.js'));
  const { createApp } = require(path.join(DIST, 'src/server/app.js'));
  const dataSource = await openDatabase(url, { migrate: true });
  // Closed only as the worker exits, when no request is in flight and its only sockets are the worker's own idle
  // clients: no grace period to wait out (the default would keep the worker past Jest's half second to exit).
  const app = await createApp(dataSource, readConfig({ ...env, SHUTDOWN_GRACE_MS: '1' }), createLogger('silent'));
  const port = await app.listen(0);
  app.httpServer.unref();
  app.httpServer.on('connection', (socket) => socket.unref());
  return {
    app,
    dataSource,
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      await app.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

const perWorker = new Map();
let shared = null;
// `database()` makes the server's database (a copy of the seeded one): called only when the server starts.
perWorker.set('sharedServer', (database, env) => {
  if (!shared) {
    shared = database().then((url) => startBuiltServer(url, env));
    shared.catch(() => (shared = null)); // a start that failed is not kept: the next suite tries again
  }
  return shared;
});

// Closed once nothing else keeps the process alive: the worker (or, in band, Jest's own process) is about to exit.
process.once('beforeExit', async () => {
  const server = await shared?.catch(() => null);
  await server?.close().catch(() => undefined);
});

module.exports = class WorkerEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__conflictExplorerWorker = perWorker;
  }
};
