import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { fastJsonBody } from '../src/server/json-body';
import type { Middleware } from '../src/server/middleware';

const LIMIT = 100 * 1024;

/** A server that answers what the middleware made of the request: its body, or its error's status, type and message. */
async function serve(middleware: Middleware): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) =>
    middleware(req, res, (error) => {
      const failure = error as { status?: number; type?: string; message?: string } | undefined;
      res.end(
        JSON.stringify(failure ? { status: failure.status, type: failure.type, message: failure.message } : { body: (req as { body?: unknown }).body ?? null }),
      );
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Sends a POST as raw bytes with its length declared (in two writes when `split`), with the given headers. */
function post(url: string, body: Buffer, headers: http.OutgoingHttpHeaders, split = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-length': body.length, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    request.on('error', reject);
    if (split && body.length > 2) {
      request.write(body.subarray(0, 2));
      setTimeout(() => request.end(body.subarray(2)), 5);
    } else request.end(body);
  });
}

describe('fastJsonBody', () => {
  const parser = express.json({ limit: '100kb' }) as unknown as Middleware;
  let fast: Awaited<ReturnType<typeof serve>>;
  let reference: Awaited<ReturnType<typeof serve>>;
  let parsedByExpress = 0;
  beforeAll(async () => {
    fast = await serve(fastJsonBody(LIMIT, (req, res, next) => ((parsedByExpress += 1), parser(req, res, next))));
    reference = await serve(parser);
  });
  afterAll(async () => Promise.all([fast.close(), reference.close()]));

  const json = { 'content-type': 'application/json' };
  const cases: [string, Buffer, http.OutgoingHttpHeaders, boolean][] = [
    ['an object', Buffer.from('{"query":"{ __typename }","variables":{"s":"é ✓"}}'), json, false],
    ['an object sent in pieces', Buffer.from('{"query":"{ __typename }"}'), json, true],
    ['an object, charset named', Buffer.from('{"a":1}'), { 'content-type': 'application/json; charset=utf-8' }, false],
    ['invalid JSON', Buffer.from('{"query": '), json, false],
    ['an array', Buffer.from('[{"query":"{ a }"}]'), json, false],
    ['a scalar (strict mode)', Buffer.from('"text"'), json, false],
    ['leading whitespace', Buffer.from('  {"a":1}'), json, false],
    ['a byte-order mark', Buffer.from('\uFEFF{"a":1}'), json, false],
    ['an empty body', Buffer.alloc(0), json, false],
    ['a body over the limit', Buffer.from(`{"a":"${'x'.repeat(LIMIT)}"}`), json, false],
    ['another charset', Buffer.from('{"a":1}'), { 'content-type': 'application/json; charset=latin1' }, false],
    ['a type that is not JSON', Buffer.from('{"a":1}'), { 'content-type': 'text/plain' }, false],
    ['a JSON type with parameters', Buffer.from('{"a":1}'), { 'content-type': 'application/graphql-response+json' }, false],
  ];

  it.each(cases)('answers %s as express.json does', async (_name, body, headers, split) => {
    const [ours, theirs] = await Promise.all([post(fast.url, body, headers, split), post(reference.url, body, headers, split)]);
    expect(ours).toEqual(theirs);
  });

  it('parses a plain JSON object without express.json, and hands it everything else', async () => {
    parsedByExpress = 0;
    await post(fast.url, Buffer.from('{"query":"{ a }"}'), json);
    await post(fast.url, Buffer.from('{"query":"{ a }"}'), json, true);
    expect(parsedByExpress).toBe(0);
    await post(fast.url, Buffer.from('{"query": '), json);
    await post(fast.url, Buffer.from('{"a":1}'), { 'content-type': 'text/plain' });
    expect(parsedByExpress).toBe(2);
  });
});
