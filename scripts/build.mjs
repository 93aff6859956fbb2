// `npm run build`: compile the server, scripts, seeds and bench (tsc -b, incremental) and build the explorer,
// skipping whatever is already up to date, so that a no-change build (which `npm start`, `npm test`, `npm run keys`,
// ... each run first) takes well under a second of work. `rm -rf dist` forces a full build.
//  1. `tsc -b tsconfig.build.json`: up-to-date check against dist/tsconfig.build.tsbuildinfo; recompiles only
//     what changed.
//  2. Prunes dist/**/*.js(.map) and .d.ts whose TypeScript source is gone (a deleted or renamed file would otherwise stay
//     runnable, e.g. `node dist/scripts/old.js`).
//  3. The explorer (codegen + tsc + esbuild) only when a SHA-256 of its inputs differs from the one stamped in
//     dist/explorer/.inputs.sha256 after its last successful build, or its outputs are missing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, out);
    else out.push(file);
  }
  return out;
}

// 1. The server and its scripts.
run([tsc, '-b', 'tsconfig.build.json']);

// 2. Stale outputs. tsconfig.build.json compiles these roots (and ormconfig.ts); dist/explorer is step 3's.
for (const top of ['src', 'seeds', 'scripts', 'bench']) {
  for (const file of walk(path.join(dist, top))) {
    const match = /^(.*)\.(?:js|js\.map|d\.ts)$/.exec(path.relative(dist, file));
    if (match && !existsSync(path.join(root, `${match[1]}.ts`))) rmSync(file);
  }
}

// 3. The explorer.
const explorer = path.join(root, 'explorer');
const inputs = [
  ...walk(path.join(explorer, 'src')).filter((f) => !f.includes(`${path.sep}generated${path.sep}`)),
  ...readdirSync(explorer)
    .filter((f) => /\.(html|css|mjs|json)$/.test(f))
    .map((f) => path.join(explorer, f)),
  ...walk(path.join(explorer, 'graphiql')), // GraphiQL's page
  path.join(root, 'schema/schema.graphql'),
  path.join(root, 'schema/examples.graphql'), // GraphiQL's tabs
  path.join(root, 'package-lock.json'), // esbuild, cytoscape and the codegen plugins' versions
].sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
const digest = hash.digest('hex');
const stamp = path.join(dist, 'explorer/.inputs.sha256');
const outputs = [
  ...['explorer.js', 'index.html', 'explorer.css', 'review.css'].map((f) => path.join(dist, 'explorer', f)),
  ...['graphiql.js', 'graphiql.css', 'index.html'].map((f) => path.join(dist, 'graphiql', f)),
];
const upToDate = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest && outputs.every((f) => existsSync(f) && statSync(f).size > 0);
if (!upToDate) {
  rmSync(stamp, { force: true });
  run(['explorer/codegen.mjs']);
  run([tsc, '-p', 'explorer/tsconfig.json']);
  run(['explorer/build.mjs']);
  writeFileSync(stamp, `${digest}\n`);
}
