import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database';
import { seedSyntheticDatabase } from './synthetic/seed-synthetic-database';
import { DEFAULT_SYNTHETIC_SEED } from './synthetic/synthetic-graph';

/** `npm run seed:synthetic -- --companies N [--seed S]`: a large deterministic graph for benchmarks. */
async function main() {
  const { values } = parseArgs({ options: { companies: { type: 'string' }, seed: { type: 'string', default: String(DEFAULT_SYNTHETIC_SEED) } } });
  const companies = Number(values.companies);
  const seed = Number(values.seed);
  if (!Number.isInteger(companies) || companies < 1)
    throw new Error(`--companies must be a positive whole number (got ${JSON.stringify(values.companies ?? null)})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${JSON.stringify(values.seed)})`);

  const dataSource = await openDatabase(process.env.DATABASE_URL);
  try {
    await seedSyntheticDatabase(dataSource, { companies, seed });
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
