import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { SANDBOX_CDN, SANDBOX_FRAME } from './landing-page.plugin';

/** A connect-style handler on plain node:http (every path goes through these, /graphql too). */
type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The path of a request, without its query. */
const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?', 1)[0];

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
export function securityHeaders({ production }: { production: boolean }): Handler {
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
  const isSandboxPage = (req: IncomingMessage) =>
    req.method === 'GET' && /^\/graphql\/?$/i.test(pathOf(req)) && (req.headers.accept ?? '').includes('text/html');
  const sourceMaps = production ? noSourceMaps : pointToSourceMaps;
  return (req, res, next) =>
    (isSandboxPage(req) ? sandboxPage : site)(req, res, (error?: unknown) => (error ? next(error) : sourceMaps(req, res, next)));
}

/** Production: a `.map` file is not found, wherever it is asked for. */
const noSourceMaps: Handler = (req, res, next) => {
  if (!pathOf(req).endsWith('.map')) return next();
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
};

/** Elsewhere: the explorer's and GraphiQL's bundles name their source maps in a header. */
const pointToSourceMaps: Handler = (req, res, next) => {
  const path = pathOf(req);
  if (path === '/explorer/explorer.js' || path === '/graphiql/graphiql.js') res.setHeader('SourceMap', `${path}.map`);
  next();
};
