// Bundles the explorer (TypeScript + cytoscape) into dist/explorer, and GraphiQL (React, its CSS and
// the examples of schema/examples.graphql as tabs) into dist/graphiql, with esbuild; run by `npm run build`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleTabs } from './examples.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = path.resolve(here, '../dist/explorer');
const graphiqlOut = path.resolve(here, '../dist/graphiql');
mkdirSync(out, { recursive: true });
mkdirSync(graphiqlOut, { recursive: true });
// Source maps are written beside the bundles but not referenced from them: the server points
// browsers at them (a SourceMap header) only outside production, where it does not serve them at all.
const common = { bundle: true, minify: true, sourcemap: 'external', format: 'iife', target: ['es2020'], logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: [path.join(here, 'src/main.ts')], outfile: path.join(out, 'explorer.js') }),
  build({
    ...common,
    entryPoints: [path.join(here, 'src/graphiql.ts')],
    outfile: path.join(graphiqlOut, 'graphiql.js'),
    define: {
      'process.env.NODE_ENV': '"production"',
      __EXAMPLE_TABS__: JSON.stringify(exampleTabs(path.resolve(here, '../schema/examples.graphql'))),
    },
  }),
  // GraphiQL's stylesheet (its fonts are inlined as data: URLs).
  build({ ...common, sourcemap: false, entryPoints: [require.resolve('graphiql/graphiql.css')], outfile: path.join(graphiqlOut, 'graphiql.css') }),
]);
for (const file of ['index.html', 'explorer.css', 'review.css']) copyFileSync(path.join(here, file), path.join(out, file));
// GraphiQL's page, its stylesheet, and the Apollo Sandbox page's script and stylesheet (src/server/landing-page.plugin.ts).
for (const file of readdirSync(path.join(here, 'graphiql'))) copyFileSync(path.join(here, 'graphiql', file), path.join(graphiqlOut, file));
