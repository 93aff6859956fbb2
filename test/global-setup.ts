import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup as namePostgresRun } from './postgres-databases';

/**
 * Jest globalSetup of the integration tier, run once before its suites: names this run's PostgreSQL
 * databases, and gives it a folder for the seeded database that test servers copy (helpers.ts).
 * It does not build: `npm test` builds first (`pretest`), and a test never does, so no suite
 * rewrites dist/ while another runs the built server from it. It refuses a build older than its
 * sources: the process tests and the shared read-only server (helpers.ts) run dist/, and would
 * test yesterday's code.
 */
export default async function setup(): Promise<void> {
  await namePostgresRun();
  process.env.CONFLICT_TEST_TEMPLATES = mkdtempSync(path.join(os.tmpdir(), 'conflict-explorer-templates-'));
  const main = path.resolve(__dirname, '../dist/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (\`npm test\` does)`);
  // The build's record (tsc -b writes or touches it on every build that finds newer sources, even when it emits nothing).
  const root = path.resolve(__dirname, '..');
  const info = path.join(root, 'dist/tsconfig.build.tsbuildinfo');
  const stale = existsSync(info) ? newerSource(root, 'src', statSync(info).mtimeMs) : undefined;
  if (stale) throw new Error(`${stale} changed since the last build: run \`npm run build\` first (\`npm test\` does)`);
}

/** The first source file of the build under `folder` changed after `since`, if any. */
function newerSource(root: string, folder: string, since: number): string | undefined {
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const found = newerSource(root, relative, since);
      if (found) return found;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && statSync(path.join(root, relative)).mtimeMs > since) return relative;
  }
  return undefined;
}
