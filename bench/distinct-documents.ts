import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { createApp } from '../src/server/app';
import { seedAll } from '../seeds/seed-all';
import { distinctDocument } from './hostile-corpus';

/**
 * `node --expose-gc dist/bench/distinct-documents.js [--documents N]`: sends N distinct valid
 * documents to an in-process server on a fresh seeded store, and prints heap and RSS after a
 * forced collection every N/10 documents: what the per-document caches hold.
 */
async function main() {
  const { values } = parseArgs({ options: { documents: { type: 'string', default: '1000' }, repeat: { type: 'string', default: '1' } } });
  const total = Number(values.documents);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'distinct-documents-'));
  const dataSource = await openDatabase(`sqlite:${path.join(dir, 'store.sqlite')}`, { migrate: true });
  await seedAll(dataSource);
  const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off', LOG_LEVEL: 'silent' }), createLogger('silent'));
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  const measure = (sent: number) => {
    gc();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    console.log(JSON.stringify({ sent, heapMB: +(heapUsed / 2 ** 20).toFixed(1), rssMB: +(rss / 2 ** 20).toFixed(1), compiles: app.jit?.compiles ?? null }));
  };
  const statuses = new Map<number, number>();
  measure(0);
  for (let i = 0; i < total; i++) {
    for (let r = 0; r < Number(values.repeat); r++) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: distinctDocument(i) }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    if ((i + 1) % Math.max(1, Math.floor(total / 10)) === 0) measure(i + 1);
  }
  console.log(JSON.stringify({ statuses: Object.fromEntries(statuses) }));
  await app.stop();
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
