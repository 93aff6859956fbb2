// Bundles the explorer (TypeScript + cytoscape) into dist/explorer with esbuild; run by `npm run build`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../dist/explorer');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [path.join(here, 'src/main.ts')],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  outfile: path.join(out, 'explorer.js'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'explorer.css']) copyFileSync(path.join(here, file), path.join(out, file));
