import 'reflect-metadata';
import { openDatabase } from '../src/database';
import { seedAll } from './seed-all';

/** `npm run seed`: (re)load every seed source; safe to run any number of times. */
async function main() {
  const dataSource = await openDatabase(process.env.DATABASE_URL);
  try {
    for (const report of await seedAll(dataSource, { force: process.argv.includes('--force') })) {
      const written =
        Object.entries(report.written)
          .map(([table, n]) => `${table} ${n}`)
          .join(', ') || 'nothing written';
      process.stdout.write(`${report.source}: ${report.status} (${written})\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
