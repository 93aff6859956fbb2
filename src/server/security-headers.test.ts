import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { Middleware } from './middleware';
import type { HeaderList } from './response-headers';
import { helmetOnce, hidesSourceMap, securityHeaders } from './security-headers';

/** A response that keeps the headers set on it, as node:http's does (names case-insensitive). */
function recordingResponse() {
  const headers = new Map<string, unknown>();
  return Object.assign(new EventEmitter(), {
    headers,
    setHeader: (name: string, value: unknown) => void headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  });
}

/** The headers a middleware sets on a real-looking response, by lower-case name. */
function run(handler: Middleware, req: Partial<IncomingMessage>) {
  const res = recordingResponse();
  let nexts = 0;
  handler(req as IncomingMessage, res as unknown as ServerResponse, (error) => {
    if (error) throw error;
    nexts += 1;
  });
  return { headers: Object.fromEntries(res.headers), nexts };
}

/** A header list by lower-case name. */
const byName = (list: HeaderList) => Object.fromEntries(Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i].toLowerCase(), list[2 * i + 1]]));

describe('helmetOnce', () => {
  const options = { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } }, frameguard: { action: 'deny' as const } };

  it('lists exactly the headers helmet itself sets, with their values', () => {
    const req = { method: 'POST', url: '/graphql', headers: {} };
    const recorded = helmetOnce(helmet(options));
    const helmets = run(helmet(options), req);
    expect(helmets.nexts).toBe(1);
    expect(byName(recorded)).toEqual(Object.fromEntries(Object.entries(helmets.headers).map(([k, v]) => [k, String(v)])));
    expect(recorded.length).toBe(2 * Object.keys(helmets.headers).length);
    expect(byName(recorded)['content-security-policy']).toBe("default-src 'self'");
  });

  it('gives the Sandbox page its CDN in the policy and every other answer the site policy', () => {
    for (const req of [
      { method: 'POST', url: '/graphql', headers: {} },
      { method: 'GET', url: '/graphql', headers: { accept: 'text/html' } },
      { method: 'GET', url: '/explorer/', headers: { accept: 'text/html' } },
    ]) {
      const headers = byName(securityHeaders({ production: true })(req as IncomingMessage));
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-security-policy']).toMatch(
        req.url === '/graphql' && req.method === 'GET' ? /script-src 'self' https:\/\// : /script-src 'self';/,
      );
    }
  });

  it("names the bundles' source maps outside production only, and hides every source map in production", () => {
    const bundle = { method: 'GET', url: '/explorer/explorer.js?v=1', headers: {} } as unknown as IncomingMessage;
    expect(byName(securityHeaders({ production: false })(bundle)).sourcemap).toBe('/explorer/explorer.js.map');
    expect(byName(securityHeaders({ production: true })(bundle)).sourcemap).toBeUndefined();
    const map = { method: 'GET', url: '/explorer/explorer.js.map', headers: {} } as unknown as IncomingMessage;
    expect([hidesSourceMap(true, map), hidesSourceMap(false, map), hidesSourceMap(true, bundle)]).toEqual([true, false, false]);
  });

  it('refuses to start with a middleware whose headers depend on the request, or that answers later', () => {
    expect(() =>
      helmetOnce((req, res, next) => {
        res.setHeader('x-url', req.url!);
        next();
      }),
    ).toThrow(/req\.url/);
    expect(() => helmetOnce((_req, _res, next) => void setImmediate(next))).toThrow(/synchronously/);
    expect(() => helmetOnce((_req, _res, next) => next(new Error('bad option')))).toThrow(/bad option/);
    expect(() =>
      helmetOnce((_req, res, next) => {
        res.statusCode = 204;
        next();
      }),
    ).toThrow(/res\.statusCode/);
  });
});
