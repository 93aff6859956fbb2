/**
 * The unit tier as `npm test` runs it: every other `src/**\/*.test.ts`, each in a describe named by its path, in
 * one Jest file. Jest gives each file a module registry of its own, and most unit files load the entities and
 * the schema, which cost more than their tests; in one registry they load once (the tier's CPU time fell to
 * less than half). A new unit test needs no configuration. `npm run test:unit [path]` runs the files one by one,
 * for a single file while working on it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

function unitTestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return unitTestFiles(file);
      return entry.name.endsWith('.test.ts') && file !== __filename ? [file] : [];
    });
}

for (const file of unitTestFiles(__dirname))
  describe(path.relative(__dirname, file).replace(/\.test\.ts$/, ''), () => {
    require(file);
  });
