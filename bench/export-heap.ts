import 'reflect-metadata';
import { Writable } from 'node:stream';
import { openDatabase } from '../src/database';
import { exportFtm, onSnapshot } from '../src/modules/export/export.service';

/**
 * `node --expose-gc dist/bench/export-heap.js sqlite:FILE`: the FtM export into nothing, with a full
 * collection every 10,000 entities and the live heap then, in MB: flat when the export holds a page
 * at a time whatever the store's size (bench/exports.sh runs it on both stores).
 */
async function main(url: string) {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  const dataSource = await openDatabase(url);
  let entities = 0;
  const samples: number[] = [];
  const out = new Writable({
    write(_chunk, _encoding, done) {
      entities += 1;
      if (entities % 10_000 === 0) {
        collect();
        samples.push(Math.round(process.memoryUsage().heapUsed / 1e6));
      }
      done();
    },
  });
  try {
    await onSnapshot(dataSource, (reader) => exportFtm(reader, out));
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write(`entities=${entities} live_heap_mb_every_10000=${samples.join(',')}\n`);
}

main(process.argv[2] ?? process.env.DATABASE_URL ?? '').catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
