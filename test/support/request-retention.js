/*
 * Run by test/request-memory.suite.ts as `node --expose-gc --max-semi-space-size=64
 * test/support/request-retention.js` (plain JavaScript: it needs a process and a heap of its own).
 *
 * The built server (dist/) on an in-memory SQLite database with the seed and 300 synthetic
 * companies answers the benchmark's front-end page over HTTP, one request at a time. After each
 * finished request the young-generation collector runs three times, and the growth of the old
 * generation between the first run and the third is what the finished request still had reachable
 * for that collector: it was copied into the old generation, to be freed only by a full
 * collection. Printed as JSON: the median over 31 requests, after 20 to warm up.
 */
require('reflect-metadata');
const path = require('node:path');
const v8 = require('node:v8');

const ROOT = path.resolve(__dirname, '../..');
const oldGeneration = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_used_size;
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function measure(request) {
  for (let i = 0; i < 20; i++) await request();
  const growth = [];
  for (let i = 0; i < 31; i++) {
    await request();
    await tick();
    gc({ type: 'minor' });
    const before = oldGeneration();
    await tick();
    gc({ type: 'minor' });
    await tick();
    gc({ type: 'minor' });
    growth.push(oldGeneration() - before);
  }
  growth.sort((a, b) => a - b);
  return growth[15];
}

async function frontEndPageRetention() {
  const dist = (file) => require(path.join(ROOT, 'dist', file));
  const { openDatabase } = dist('src/database');
  const { readConfig } = dist('src/config');
  const { createLogger } = dist('src/logger');
  const { createApp } = dist('src/server/app');
  const { seedAll } = dist('seeds/seed-all');
  const { createBulkWriter } = dist('seeds/synthetic/bulk-writer');
  const { writeSyntheticGraph } = dist('seeds/synthetic/synthetic-graph');
  const { OPERATIONS, requestBody } = dist('bench/operations');
  const dataSource = await openDatabase('sqlite::memory:');
  await seedAll(dataSource);
  await writeSyntheticGraph(createBulkWriter(dataSource), { companies: 300 });
  const app = await createApp(dataSource, readConfig({ NODE_ENV: 'production', CLIENT_COST_BUDGET: 'off' }), createLogger('silent'));
  const port = await app.listen(0);
  const body = requestBody(OPERATIONS.find((operation) => operation.name === 'FrontEnd'));
  const request = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`unexpected answer ${response.status} ${text.slice(0, 300)}`);
  };
  const growth = await measure(request);
  await app.stop();
  return growth;
}

frontEndPageRetention()
  .then((bytes) => {
    process.stdout.write(JSON.stringify({ oldGenerationGrowth: bytes }) + '\n');
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
