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

/** The web explorer's static files at /explorer (it talks only to /graphql, like any other client). */
export function explorerRoutes(): RequestHandler[] {
  const missing: RequestHandler = (_req, res, next) => {
    if (existsSync(path.join(EXPLORER_DIR, 'index.html'))) return next();
    res.status(503).type('text/plain').send('The explorer is not built: run `npm run build`.\n');
  };
  const slash: RequestHandler = (req, res, next) => (req.originalUrl === '/explorer' ? res.redirect(301, '/explorer/') : next());
  return [slash, missing, express.static(EXPLORER_DIR, { index: 'index.html', fallthrough: true, maxAge: 0 })];
}
