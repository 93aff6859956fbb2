import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';

/** The package root: the nearest folder above this file with a package.json (from src/ or dist/src/). */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

/** Where `npm run build` puts the bundled web explorer (explorer/ in the repository). */
export const EXPLORER_DIR = path.join(packageRoot(__dirname), 'dist', 'explorer');

/** Where `npm run build` puts the bundled GraphiQL (explorer/src/graphiql.ts, explorer/graphiql/). */
export const GRAPHIQL_DIR = path.join(packageRoot(__dirname), 'dist', 'graphiql');

/** A built folder's static files at `mount` (`/explorer` answers a redirect to `/explorer/`). */
function staticRoutes(mount: string, dir: string, what: string): RequestHandler[] {
  const missing: RequestHandler = (_req, res, next) => {
    if (existsSync(path.join(dir, 'index.html'))) return next();
    res.status(503).type('text/plain').send(`The ${what} is not built: run \`npm run build\`.\n`);
  };
  const slash: RequestHandler = (req, res, next) => (req.originalUrl === mount ? res.redirect(301, `${mount}/`) : next());
  return [slash, missing, express.static(dir, { index: 'index.html', fallthrough: true, maxAge: 0 })];
}

/** The web explorer's static files at /explorer (it talks only to /graphql, like any other client). */
export function explorerRoutes(): RequestHandler[] {
  return staticRoutes('/explorer', EXPLORER_DIR, 'explorer');
}

/** GraphiQL's static files at /graphiql: bundled, so it works offline (Apollo Sandbox at /graphql needs Apollo's CDN). */
export function graphiqlRoutes(): RequestHandler[] {
  return staticRoutes('/graphiql', GRAPHIQL_DIR, 'GraphiQL page');
}
