import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { isThenable } from '../common/thenable';
import type { Middleware } from './middleware';
import { writeHead, type HeaderList } from './response-headers';

/**
 * `/graphql` on plain node:http, through Apollo's documented integration API
 * (`executeHTTPGraphQLRequest`), without Express's router, request/response prototypes and
 * `res.send`: at a trivial query these cost more than Apollo's whole pipeline. What Express did
 * here is done the same way: the body is parsed by the same body-parser (`express.json`), errors
 * get the same answers (app.ts), and a GET answer gets Express's weak ETag and a 304 when it is fresh.
 */

export interface GraphQLHttpOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  /** Parses a JSON body into `req.body` (express.json: limits, charsets, encodings, its errors). */
  parseBody: Middleware;
  /** Builds the request's context (may throw a GraphQLError, answered by Apollo): at once, or as a promise when it has to wait. */
  context: (req: IncomingMessage, res: ServerResponse) => TContext | Promise<TContext>;
  /** Answers an error raised outside GraphQL (the body parser's, or an unexpected one). */
  onError: (error: unknown, req: IncomingMessage, res: ServerResponse) => void;
  /** Answers a POST whose body is not JSON (415). */
  notJson: (req: IncomingMessage, res: ServerResponse) => void;
  /** Called once Apollo has answered (or failed), with the context it was given: lets go of what the request held. */
  release?: (context: TContext) => void;
}

/** Express's default ETag (`etag fn` = weak): W/"<length in hex>-<sha1 base64, 27 characters>". */
function weakEtag(body: string): string {
  const length = Buffer.byteLength(body, 'utf8');
  if (length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  return `W/"${length.toString(16)}-${createHash('sha1').update(body, 'utf8').digest('base64').substring(0, 27)}"`;
}

/** Whether the client's copy (If-None-Match) is still the answer, as Express's `req.fresh` decides it for a response with an ETag and no Last-Modified. */
function isFresh(req: IncomingMessage, etag: string): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (!noneMatch) return false;
  const cacheControl = req.headers['cache-control'];
  if (cacheControl && /(?:^|,)\s*?no-cache\s*?(?:,|$)/.test(cacheControl)) return false;
  // With If-Modified-Since too, the answer (which has no Last-Modified) is stale.
  if (req.headers['if-modified-since']) return false;
  if (noneMatch.trim() === '*') return true;
  return noneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === `W/${etag}` || `W/${t}` === etag;
  });
}

/** A header list without the headers that describe a body (a 304 has none). */
function withoutBodyHeaders(headers: HeaderList): HeaderList {
  const kept: HeaderList = [];
  for (let i = 0; i < headers.length; i += 2) {
    if (!/^(content-type|content-length|transfer-encoding)$/i.test(headers[i])) kept.push(headers[i], headers[i + 1]);
  }
  return kept;
}

/** A node:http request, its body already parsed, as Apollo's integration API takes it. */
export function httpGraphQLRequestOf(req: IncomingMessage, body: unknown): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  const raw = req.headers;
  for (const key in raw) {
    const value = raw[key];
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return { method: req.method!.toUpperCase(), headers, search: query === -1 ? '' : url.slice(query), body };
}

export function graphqlHttpHandler<TContext extends object>(options: GraphQLHttpOptions<TContext>) {
  const { apollo, parseBody, context, onError, notJson, release } = options;

  async function execute(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const httpGraphQLRequest = httpGraphQLRequestOf(req, req.body);
    let made: TContext | undefined;
    // Apollo awaits what this returns: a context made at once is handed over as it is, not as a promise.
    const contextThunk = () => {
      const value = context(req, res);
      return isThenable(value) ? value.then((ready) => (made = ready)) : (made = value);
    };
    try {
      const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: contextThunk as () => Promise<TContext> });
      const sending = send(req, res, httpGraphQLRequest.method, response);
      if (sending) await sending;
    } finally {
      // Once the answer is written (an incremental one included), nothing reads the request's context again.
      if (made && release) release(made);
    }
  }

  /** Writes Apollo's answer; only an incremental one, written as it comes, returns a promise. */
  function send(req: IncomingMessage, res: ServerResponse, method: string, response: HTTPGraphQLResponse): Promise<void> | undefined {
    // A request that timed out was answered already; what is left of it is dropped.
    if (res.headersSent) return;
    const headers: HeaderList = [];
    for (const [key, value] of response.headers) headers.push(key, value);
    const status = response.status ?? 200;
    if (response.body.kind !== 'complete') {
      writeHead(res, status, headers);
      return writeChunks(res, response.body.asyncIterator);
    }
    const body = response.body.string;
    if ((method === 'GET' || method === 'HEAD') && status >= 200 && status < 300) {
      const etag = weakEtag(body);
      if (isFresh(req, etag)) {
        // Not modified: the answer's own headers but its content type and length.
        writeHead(res, 304, withoutBodyHeaders(headers).concat('etag', etag));
        res.end();
        return;
      }
      headers.push('etag', etag);
    }
    headers.push('content-length', String(Buffer.byteLength(body, 'utf8')));
    writeHead(res, status, headers);
    if (method === 'HEAD') res.end();
    else res.end(body);
  }

  async function writeChunks(res: ServerResponse, chunks: AsyncIterable<string>): Promise<void> {
    for await (const chunk of chunks) res.write(chunk);
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    parseBody(req, res, (error) => {
      if (error) return onError(error, req, res);
      if (req.method === 'POST' && (req as { body?: unknown }).body === undefined) return notJson(req, res);
      execute(req, res).catch((failure) => {
        if (!res.headersSent) onError(failure, req, res);
      });
    });
  };
}
