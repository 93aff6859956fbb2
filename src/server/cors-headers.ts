import type { IncomingMessage } from 'node:http';
import corsMiddleware from 'cors';
import { LRUCache } from 'lru-cache';
import type { Middleware } from './middleware';
import { recordHeaders, type HeaderList } from './response-headers';

/** Distinct Origin values whose CORS headers are remembered (the configured origins, and a few others). */
const REMEMBERED_ORIGINS = 256;

export interface CorsHeaders {
  /** Answers an OPTIONS preflight (204, with the allowed methods and headers), as the cors package does. */
  preflight: Middleware;
  /** The CORS headers of the answer to any other request. */
  headersFor(req: IncomingMessage): HeaderList;
}

/**
 * CORS with the cors package. Outside a preflight, what it sets depends only on the request's
 * Origin, so its headers are recorded once per Origin value (a bounded number of them) and each
 * request gets the list (response-headers.ts says why a list).
 */
export function corsHeaders(origins: string[] | '*'): CorsHeaders {
  const middleware = corsMiddleware({ origin: origins === '*' ? '*' : origins, maxAge: 600 }) as Middleware;
  const byOrigin = new LRUCache<string, HeaderList>({ max: REMEMBERED_ORIGINS });
  const NO_ORIGIN = '\0none';
  const cors: CorsHeaders = {
    preflight: middleware,
    headersFor(req) {
      const origin = req.headers.origin;
      const key = origin ?? NO_ORIGIN;
      let headers = byOrigin.get(key);
      if (headers === undefined) {
        const request = { method: 'GET', headers: origin === undefined ? {} : { origin } } as IncomingMessage;
        headers = recordHeaders(middleware, request).headers;
        byOrigin.set(key, headers);
      }
      return headers;
    },
  };
  // Recorded once now, so that a cors version whose headers cannot be recorded stops the start, not a request.
  cors.headersFor({ method: 'GET', headers: {} } as IncomingMessage);
  return cors;
}
