import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup as namePostgresRun } from './postgres-databases';

/**
 * Jest globalSetup of the integration tier, run once before its suites: names this run's PostgreSQL
 * databases, and gives it a folder for the seeded database that test servers copy (helpers.ts).
 * It does not build: `npm test` builds first (`pretest`), and a test never does, so no suite
 * rewrites dist/ while another runs the built server from it.
 */
export default async function setup(): Promise<void> {
  await namePostgresRun();
  process.env.CONFLICT_TEST_TEMPLATES = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-templates-'));
  const main = path.resolve(__dirname, '../dist/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (\`npm test\` does)`);
}
