import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { SANDBOX_CDN, SANDBOX_FRAME } from './landing-page.plugin';

/**
 * Defence in depth for the pages the server renders (the explorer at /explorer, GraphiQL at
 * /graphiql, the Apollo Sandbox page at GET /graphql) and every other answer, with helmet:
 *
 * - Content-Security-Policy: scripts only from this server (`script-src 'self'`, no inline script
 *   anywhere: every page's script is a served file), and nothing else from elsewhere either. The
 *   one exception is the Sandbox page, which loads Sandbox's script from Apollo's CDN and draws it
 *   in a frame from Apollo's origin; those two origins are allowed on that page only.
 * - `frame-ancestors 'none'` (and X-Frame-Options: DENY for old browsers): no page can be framed
 *   by another site (clickjacking).
 * - X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, and helmet's other defaults.
 *
 * Source maps: the bundles do not reference theirs (explorer/build.mjs writes them beside the
 * bundles without a sourceMappingURL comment). Outside production a `SourceMap` header points
 * browsers' developer tools at them; in production (NODE_ENV=production) no `.map` is served.
 */
export function securityHeaders({ production }: { production: boolean }): RequestHandler[] {
  const common = {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    // GraphiQL's stylesheet inlines its fonts and icons as data: URLs.
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
  };
  const headers = (directives: Record<string, string[]>) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
  const site = headers({ ...common, scriptSrc: ["'self'"], styleSrc: ["'self'"], frameSrc: ["'none'"] });
  const sandboxPage = headers({
    ...common,
    scriptSrc: ["'self'", SANDBOX_CDN],
    styleSrc: ["'self'", SANDBOX_CDN],
    frameSrc: [SANDBOX_FRAME],
  });
  const isSandboxPage = (req: Request) =>
    req.method === 'GET' && (req.path === '/graphql' || req.path === '/graphql/') && (req.headers.accept ?? '').includes('text/html');
  const choose: RequestHandler = (req, res, next) => (isSandboxPage(req) ? sandboxPage : site)(req, res, next);
  return [choose, production ? noSourceMaps : pointToSourceMaps];
}

/** Production: a `.map` file is not found, wherever it is asked for. */
const noSourceMaps: RequestHandler = (req, res, next) => {
  if (!req.path.endsWith('.map')) return next();
  res.status(404).type('text/plain').send('Not found\n');
};

/** Elsewhere: the explorer's and GraphiQL's bundles name their source maps in a header. */
const pointToSourceMaps: RequestHandler = (req, res, next) => {
  if (req.path === '/explorer/explorer.js' || req.path === '/graphiql/graphiql.js') res.setHeader('SourceMap', `${req.path}.map`);
  next();
};
