import 'reflect-metadata';
import { readConfig } from './config';
import { createLogger } from './logger';
import { openDatabase, DatabaseOpenError } from './database';
import { createApp } from './server/app';
import { loadDraftingLibraries } from './modules/draft/extract';
import { seedAll } from '../seeds/seed-all';

/** `npm start`: open (and on first start create and seed) the database, then serve GraphQL. */
async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = await openDatabase(config.databaseUrl);
  const reports = await seedAll(dataSource);
  for (const report of reports) logger.info(report, 'seed source');
  const app = await createApp(dataSource, config, logger);
  loadDraftingLibraries();
  const port = await app.listen();
  logger.info({ url: `http://localhost:${port}/graphql` }, 'GraphQL API ready (Apollo Sandbox at this URL in a browser)');

  // Refuse new requests (503), let admitted ones finish (SHUTDOWN_GRACE_MS at most), close the database, exit 0.
  let stopping: Promise<void> | null = null;
  // pino writes asynchronously: the last lines ("stopped") go out before the process does.
  const exit = (code: number) => logger.flush(() => process.exit(code));
  const shutdown = async (signal: string) => {
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    try {
      await app.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      logger.info({ signal }, 'stopped');
      exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    }
  };
  // A second SIGTERM (an orchestrator repeating itself) must not cut the answers still being written;
  // a second SIGINT (Ctrl-C again) is someone who wants it to stop now.
  process.on('SIGTERM', () => {
    if (stopping) return logger.info({ signal: 'SIGTERM' }, 'already shutting down');
    stopping = shutdown('SIGTERM');
  });
  process.on('SIGINT', () => {
    if (stopping) process.exit(130);
    stopping = shutdown('SIGINT');
  });
}

main().catch((error) => {
  // One clear line, no stack trace, for the failures a user can fix (e.g. an unusable database path).
  const message = error instanceof DatabaseOpenError ? error.message : `startup failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
