import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import { corsHeaders } from './cors-headers';
import type { Middleware } from './middleware';
import { holdHeaders, recordHeaders, setHeldHeaders, writeHead } from './response-headers';

/** Serves `handler` once and returns the raw header lines (name, value …) and status the client got. */
async function answer(handler: (res: http.ServerResponse) => void): Promise<{ status: number; raw: string[] }> {
  const server = http.createServer((_req, res) => handler(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/' }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, raw: res.rawHeaders }));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

/** The values of one header, in order, from raw header lines. */
const valuesOf = (raw: string[], name: string) => raw.filter((_, i) => i % 2 === 1 && raw[i - 1].toLowerCase() === name);

describe('response headers held and written at once', () => {
  it("writes the held headers, then the answer's own, every line of a repeated name kept", async () => {
    const { status, raw } = await answer((res) => {
      holdHeaders(res, ['x-request-id', 'r1', 'Vary', 'Origin']);
      writeHead(res, 201, ['vary', 'Authorization', 'content-type', 'text/plain', 'content-length', '2']);
      res.end('ok');
    });
    expect(status).toBe(201);
    expect(valuesOf(raw, 'x-request-id')).toEqual(['r1']);
    expect(valuesOf(raw, 'vary')).toEqual(['Origin', 'Authorization']);
    expect(valuesOf(raw, 'content-length')).toEqual(['2']);
  });

  it('sets the held headers one by one for code that sets its own after them, and then holds nothing', async () => {
    const { raw } = await answer((res) => {
      holdHeaders(res, ['x-request-id', 'r2', 'vary', 'Origin']);
      setHeldHeaders(res);
      res.setHeader('content-type', 'text/plain');
      writeHead(res, 200, []);
      res.end('ok');
    });
    expect(valuesOf(raw, 'x-request-id')).toEqual(['r2']);
    expect(valuesOf(raw, 'vary')).toEqual(['Origin']);
    expect(valuesOf(raw, 'content-type')).toEqual(['text/plain']);
  });

  it('still refuses a header value that node:http would refuse', async () => {
    const { status } = await answer((res) => {
      holdHeaders(res, ['x-bad', 'a\r\nb']);
      try {
        writeHead(res, 200, []);
      } catch (error) {
        res.writeHead(500).end(String((error as Error).message));
      }
    });
    expect(status).toBe(500);
  });
});

describe('recordHeaders', () => {
  it('records what a middleware sets (its last value for a name), in order, and what it removes', () => {
    const middleware: Middleware = (_req, res, next) => {
      res.setHeader('A', '1');
      res.setHeader('B', ['2', '3']);
      res.setHeader('a', '4');
      res.removeHeader('X-Powered-By');
      next();
    };
    expect(recordHeaders(middleware, {} as http.IncomingMessage)).toEqual({ headers: ['a', '4', 'B', '2', 'B', '3'], removed: ['X-Powered-By'] });
  });

  it('refuses a middleware that does anything to the response but its headers, or answers later', () => {
    expect(() =>
      recordHeaders((_req, res, next) => {
        res.end();
        next();
      }, {} as http.IncomingMessage),
    ).toThrow(/res\.end/);
    expect(() => recordHeaders((_req, _res, next) => void setImmediate(next), {} as http.IncomingMessage)).toThrow(/synchronously/);
  });
});

describe('corsHeaders', () => {
  /** What the cors package sets on a GET with this Origin, as a header list in its order. */
  const corsSets = (origins: string[] | '*', origin?: string) =>
    recordHeaders(
      cors({ origin: origins === '*' ? '*' : origins, maxAge: 600 }) as Middleware,
      { method: 'GET', headers: origin ? { origin } : {} } as http.IncomingMessage,
    ).headers;

  it('gives each request what the cors package would set for its Origin', () => {
    const listed = corsHeaders(['https://desk.example', 'https://newsroom.example']);
    const open = corsHeaders('*');
    for (const origin of [undefined, 'https://desk.example', 'https://newsroom.example', 'https://evil.example', 'null']) {
      const req = { method: 'POST', headers: origin ? { origin } : {} } as http.IncomingMessage;
      expect(listed.headersFor(req)).toEqual(corsSets(['https://desk.example', 'https://newsroom.example'], origin));
      expect(open.headersFor(req)).toEqual(corsSets('*', origin));
    }
    expect(listed.headersFor({ method: 'GET', headers: { origin: 'https://desk.example' } } as http.IncomingMessage)).toEqual([
      'Access-Control-Allow-Origin',
      'https://desk.example',
      'Vary',
      'Origin',
    ]);
    expect(listed.headersFor({ method: 'GET', headers: { origin: 'https://evil.example' } } as http.IncomingMessage)).toEqual(['Vary', 'Origin']);
  });

  it("remembers an Origin's headers, and stays right past the number of Origins it remembers", () => {
    const listed = corsHeaders(['https://desk.example']);
    const req = (origin: string) => ({ method: 'GET', headers: { origin } }) as http.IncomingMessage;
    expect(listed.headersFor(req('https://desk.example'))).toBe(listed.headersFor(req('https://desk.example')));
    for (let i = 0; i < 1000; i++) listed.headersFor(req(`https://o${i}.example`));
    expect(listed.headersFor(req('https://o999.example'))).toEqual(['Vary', 'Origin']);
  });
});
