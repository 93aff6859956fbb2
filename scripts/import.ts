import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/database';
import { SourceImportService } from '../src/modules/source-import/source-import.service';
import type { SourceDocument } from '../src/modules/source-import/source-document';

/**
 * `npm run import -- FILE...`: validates and loads source documents, each file in its own
 * transaction (an invalid or failing file writes nothing; the others still load). Prints one
 * report per file; exits 1 when any file failed.
 */
async function main(files: string[]) {
  if (files.length === 0) {
    process.stderr.write('usage: npm run import -- FILE.json [FILE.json …]\n');
    process.exit(2);
  }
  const dataSource = await openDatabase(process.env.DATABASE_URL);
  const importer = new SourceImportService(dataSource);
  let failed = 0;
  try {
    for (const file of files) {
      let document: SourceDocument;
      try {
        document = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        failed += 1;
        process.stdout.write(`${file}: failed: cannot read a JSON document: ${(error as Error).message}\n`);
        continue;
      }
      try {
        const report = await importer.import(document, { actor: { name: 'cli:import', keyId: null, role: null, action: 'cli:import' } });
        const written =
          Object.entries(report.written)
            .map(([table, n]) => `${table} ${n}`)
            .join(', ') || 'nothing written';
        process.stdout.write(`${file}: ${report.status} ${report.source} (${written})\n`);
      } catch (error) {
        failed += 1;
        const problems = (error as { extensions?: { problems?: string[] } }).extensions?.problems;
        if (problems) process.stdout.write(`${file}: invalid, nothing written:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
        else process.stdout.write(`${file}: failed, nothing written: ${(error as Error).message.split('\n')[0]}\n`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write(`${files.length - failed} of ${files.length} file(s) loaded\n`);
  process.exit(failed ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
