import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import { SANDBOX_CDN, SANDBOX_FRAME } from './landing-page.plugin';
import type { Middleware } from './middleware';
import { recordHeaders, type HeaderList } from './response-headers';

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
 * browsers' developer tools at them; in production (NODE_ENV=production) no `.map` is served
 * (`hidesSourceMap`).
 *
 * Returns the headers of the answer to a request, as one list (response-headers.ts says why).
 */
export function securityHeaders({ production }: { production: boolean }): (req: IncomingMessage) => HeaderList {
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
  return (req) => {
    const chosen = isSandboxPage(req) ? sandboxPage : site;
    if (production) return chosen;
    const path = pathOf(req);
    // Outside production the explorer's and GraphiQL's bundles name their source maps.
    return path === '/explorer/explorer.js' || path === '/graphiql/graphiql.js' ? chosen.concat('SourceMap', `${path}.map`) : chosen;
  };
}

/** Whether the request asks for a source map that is not served (in production, none is). */
export function hidesSourceMap(production: boolean, req: IncomingMessage): boolean {
  return production && req.url !== undefined && req.url.includes('.map') && pathOf(req).endsWith('.map');
}

/**
 * The headers a helmet middleware sets, found once: with static options (no function directives,
 * no nonces) they depend on nothing in the request, so each request gets the recorded list instead
 * of running helmet's chain of a dozen middlewares. Should a helmet version ever read the request
 * or answer asynchronously, this refuses to start. (What helmet removes, X-Powered-By, nothing
 * here sets: Express's is disabled.)
 */
export function helmetOnce(middleware: Middleware): HeaderList {
  const request = new Proxy(
    {},
    {
      get: (_target, key) => {
        throw new Error(`helmet read req.${String(key)}: its headers are not static`);
      },
    },
  );
  return recordHeaders(middleware, request as IncomingMessage).headers;
}
