import { rmSync } from 'node:fs';
import { teardown as dropPostgresDatabases } from './postgres-databases';

/** Jest globalTeardown of the integration tier: drops this run's PostgreSQL databases and the seeded template. */
export default async function teardown(): Promise<void> {
  await dropPostgresDatabases();
  if (process.env.CONFLICT_TEST_TEMPLATES) rmSync(process.env.CONFLICT_TEST_TEMPLATES, { recursive: true, force: true });
}
