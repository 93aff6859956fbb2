import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { helmetOnce, securityHeaders } from './security-headers';

/** A response that keeps the headers set on it, as node:http's does (names case-insensitive). */
function recordingResponse() {
  const headers = new Map<string, unknown>([['x-powered-by', 'Express']]);
  return Object.assign(new EventEmitter(), {
    headers,
    setHeader: (name: string, value: unknown) => void headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  });
}

function run(handler: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void, req: Partial<IncomingMessage>) {
  const res = recordingResponse();
  let nexts = 0;
  handler(req as IncomingMessage, res as unknown as ServerResponse, (error) => {
    if (error) throw error;
    nexts += 1;
  });
  return { headers: Object.fromEntries(res.headers), nexts };
}

describe('helmetOnce', () => {
  const options = { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } }, frameguard: { action: 'deny' as const } };

  it('sets and removes exactly what helmet itself does, once per request', () => {
    const req = { method: 'POST', url: '/graphql', headers: {} };
    const replayed = run(helmetOnce(helmet(options)), req);
    expect(replayed).toEqual(run(helmet(options), req));
    expect(replayed.nexts).toBe(1);
    expect(replayed.headers['x-powered-by']).toBeUndefined();
    expect(replayed.headers['content-security-policy']).toBe("default-src 'self'");
  });

  it('gives the Sandbox page its CDN in the policy and every other answer the site policy', () => {
    for (const req of [
      { method: 'POST', url: '/graphql', headers: {} },
      { method: 'GET', url: '/graphql', headers: { accept: 'text/html' } },
      { method: 'GET', url: '/explorer/', headers: { accept: 'text/html' } },
    ]) {
      const { headers } = run(securityHeaders({ production: true }), req);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(String(headers['content-security-policy'])).toMatch(req.url === '/graphql' && req.method === 'GET' ? /script-src 'self' https:\/\// : /script-src 'self';/);
    }
  });

  it('refuses to start with a middleware whose headers depend on the request, or that answers later', () => {
    expect(() => helmetOnce((req, res, next) => { res.setHeader('x-url', req.url!); next(); })).toThrow(/req\.url/);
    expect(() => helmetOnce((_req, _res, next) => void setImmediate(next))).toThrow(/synchronously/);
    expect(() => helmetOnce((_req, _res, next) => next(new Error('bad option')))).toThrow(/bad option/);
  });
});
