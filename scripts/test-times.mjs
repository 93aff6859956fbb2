#!/usr/bin/env node
// Where a Jest run's time went, from its JSON results (`npx jest --json --outputFile=FILE`):
// each suite's run time (slowest first) with its tier, its slowest tests, and the totals per tier.
// Usage: node scripts/test-times.mjs FILE [more FILEs: one column each, side by side]
import { readFileSync } from 'node:fs';
import path from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/test-times.mjs results.json [results2.json …]');
  process.exit(2);
}
const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')));
const name = (suite) => path.relative(process.cwd(), suite.name).replace(/^.*?\b(src|test|seeds)\//, '$1/');
const tier = (suite) => (name(suite).startsWith('src/') ? 'unit' : 'integration');
const seconds = (ms) => (ms / 1000).toFixed(1);

const rows = new Map();
runs.forEach((run, i) => {
  for (const suite of run.testResults) {
    const row = rows.get(name(suite)) ?? { tier: tier(suite), times: [], slowest: [] };
    row.times[i] = suite.endTime - suite.startTime;
    if (i === 0)
      row.slowest = suite.assertionResults
        .filter((t) => t.duration != null)
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((t) => `${seconds(t.duration)} s ${t.title.slice(0, 70)}`);
    rows.set(name(suite), row);
  }
});

console.log(`| suite | tier | ${files.map((f) => path.basename(f)).join(' | ')} | slowest tests (first file) |`);
console.log(`| --- | --- | ${files.map(() => '---:').join(' | ')} | --- |`);
for (const [suite, row] of [...rows].sort((a, b) => (b[1].times[0] ?? 0) - (a[1].times[0] ?? 0))) {
  console.log(
    `| ${suite} | ${row.tier} | ${files.map((_, i) => (row.times[i] == null ? '–' : seconds(row.times[i]))).join(' | ')} | ${row.slowest.join('; ')} |`,
  );
}
runs.forEach((run, i) => {
  const wall = Math.max(...run.testResults.map((s) => s.endTime)) - run.startTime;
  const byTier = {};
  for (const suite of run.testResults) {
    const t = (byTier[tier(suite)] ??= { suites: 0, passed: 0, skipped: 0, failed: 0, ms: 0 });
    t.suites += 1;
    t.ms += suite.endTime - suite.startTime;
    for (const test of suite.assertionResults) {
      if (test.status === 'passed') t.passed += 1;
      else if (test.status === 'failed') t.failed += 1;
      else t.skipped += 1;
    }
  }
  const tiers = Object.entries(byTier)
    .map(([k, t]) => `${k}: ${t.suites} suites, ${t.passed} passed, ${t.skipped} skipped, ${t.failed} failed, ${seconds(t.ms)} s summed`)
    .join('; ');
  console.log(`\n${path.basename(files[i])}: ${seconds(wall)} s from start to last suite's end; ${tiers}`);
});
