import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { SourceDocument } from '../src/modules/source-import/source-document';
import { SourceImportService, type ImportReport } from '../src/modules/source-import/source-import.service';

/** seeds/ in the repository, whether running from TypeScript or from dist/. */
export const SEEDS_DIR = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../../seeds' : '.');

/** The seed source documents: every `*.json` in seeds/, one per source. */
export function readSeedDocuments(dir = SEEDS_DIR): { file: string; document: SourceDocument }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: path.join(dir, name), document: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) }));
}

/** Imports every seed document, each in its own transaction; unchanged ones are skipped (and a load that changed anything is audited as `seed`). */
export async function seedAll(dataSource: DataSource, options: { force?: boolean } = {}): Promise<ImportReport[]> {
  const importer = new SourceImportService(dataSource);
  const reports: ImportReport[] = [];
  const actor = { name: 'seed', keyId: null, role: null, action: 'seed' };
  for (const { document } of readSeedDocuments()) reports.push(await importer.import(document, { ...options, actor }));
  return reports;
}
