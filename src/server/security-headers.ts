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
    helmetOnce(
      helmet({
        contentSecurityPolicy: { useDefaults: false, directives },
        frameguard: { action: 'deny' },
        referrerPolicy: { policy: 'no-referrer' },
      }),
    );
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

/**
 * What a helmet middleware does to a response, found once and replayed on every request: with
 * static options (no function directives, no nonces) its headers depend on nothing in the request,
 * and replaying them in one loop spares each request helmet's chain of a dozen middlewares. Should
 * a helmet version ever read the request or answer asynchronously, this refuses to start.
 */
export function helmetOnce(middleware: Handler): Handler {
  const steps: ({ set: string; value: string | number | readonly string[] } | { remove: string })[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void steps.push({ set: name, value }),
    removeHeader: (name: string) => void steps.push({ remove: name }),
  };
  const request = new Proxy({}, { get: (_target, key) => { throw new Error(`helmet read req.${String(key)}: its headers are not static`); } });
  let finished = false;
  middleware(request as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously: its headers cannot be captured');
  return (_req, res, next) => {
    for (const step of steps) {
      if ('set' in step) res.setHeader(step.set, step.value);
      else res.removeHeader(step.remove);
    }
    next();
  };
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
