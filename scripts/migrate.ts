import 'reflect-metadata';
import { createDataSource } from '../ormconfig';
import { openDatabase } from '../src/database';

/**
 * `npm run migrate`: applies the pending migrations to the database in DATABASE_URL (run it
 * once per deployment, before starting the instances). `--check` only reports, and exits 1
 * when some are pending, e.g. for a deploy pipeline.
 */
async function main() {
  if (process.argv.includes('--check')) {
    const dataSource = createDataSource();
    await dataSource.initialize();
    try {
      const pending = await dataSource.showMigrations();
      process.stdout.write(pending ? 'migrations pending\n' : 'schema up to date\n');
      process.exitCode = pending ? 1 : 0;
    } finally {
      await dataSource.destroy();
    }
    return;
  }
  const dataSource = await openDatabase(process.env.DATABASE_URL, { migrate: true });
  try {
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    for (const { name } of applied) process.stdout.write(`${name}\n`);
    process.stdout.write(`schema up to date: ${applied.length} migrations applied\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
