import http from 'node:http';
import { createHash } from 'node:crypto';
import { CatalogService } from '../src/common/catalog.service';
import { Role } from '../src/common/role.enum';
import { PartyService } from '../src/modules/party/party.service';
import { FactWriter } from '../src/common/writes/fact-writer';
import { bearer, capturingLogger, createKey, eventually, startTestServer, type TestServer } from './helpers';

/** What the HTTP layer refuses, and how it answers. */
describe('HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(() => jest.restoreAllMocks());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a body over 100 kB with 413 and a JSON error', async () => {
    const response = await post(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(101 * 1024) } }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as any;
    expect(body.errors[0]).toMatchObject({ message: 'The request body is larger than the limit of 100 kB', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers array batching with 400', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it('answers GET queries without custom headers (no CSRF prevention: no cookies to forge), and refuses non-JSON POSTs with 415', async () => {
    const simpleGet = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(simpleGet.status).toBe(200);
    expect(await simpleGet.json()).toEqual({ data: { __typename: 'Query' } });
    const textPlain = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(textPlain.status).toBe(415);
    expect(((await textPlain.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('lets anonymous GET answers be cached (Cache-Control, ETag, 304), never keyed, failed or POSTed ones', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ company(slug: "huawei") { name } }')}`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch adds `Cache-Control: no-cache` to a conditional request, which asks for a full answer.
    const again = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(url, { headers: { 'if-none-match': etag! } }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        })
        .on('error', reject);
    });
    expect(again).toEqual({ status: 304, body: '' });
    const viewer = await createKey(server, Role.VIEWER);
    expect((await fetch(url, { headers: bearer(viewer) })).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${server.url}?query=${encodeURIComponent('{ company(slug: "x") { nope } }')}`)).headers.get('cache-control')).toBe('no-store');
    expect((await post(JSON.stringify({ query: '{ __typename }' }))).headers.get('cache-control')).toBe('no-store');
  });

  it('keeps a cached answer the same for every reader under a budget: its cost without any client budget, its ETag matching again', async () => {
    const budgeted = await startTestServer({ env: { CLIENT_COST_BUDGET: '100000' } });
    try {
      const url = `${budgeted.url}?query=${encodeURIComponent('{ company(slug: "huawei") { name } }')}`;
      const first = await fetch(url);
      const second = await fetch(url);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const [a, b] = [(await first.json()) as any, (await second.json()) as any];
      expect(a.extensions.cost).toEqual({ requested: expect.any(Number), actual: expect.any(Number) });
      expect(b).toEqual(a);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      // An answer no one else is served still reports the client's budget.
      const posted = (await (
        await fetch(budgeted.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ company(slug: "huawei") { name } }' }),
        })
      ).json()) as any;
      expect(posted.extensions.cost.budget).toMatchObject({ perMinute: 100000, remaining: expect.any(Number) });
    } finally {
      await budgeted.close();
    }
  });

  it('registers an automatic persisted query over POST and answers it over GET by hash alone', async () => {
    const query = '{ company(slug: "huawei") { slug name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const unknown = await fetch(`${server.url}?extensions=${extensions}`);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(registered.status).toBe(200);
    const byHash = await fetch(`${server.url}?extensions=${extensions}`);
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toEqual({ data: { company: { slug: 'huawei', name: 'Huawei Technologies' } } });
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('leaves no timer behind once it is answered in time, answered with an error, or refused before a context is made', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 10; i++) {
      expect((await server.gql(`{ __typename }`)).status).toBe(200);
      expect((await server.gql(`{ nope }`)).status).toBe(400);
      expect((await server.gql(`{ __typename }`, {}, { authorization: 'Bearer unknown-key' })).status).toBe(401);
    }
    // A deadline not settled would keep its timer for REQUEST_TIMEOUT_MS: thirty of them here. (On this server's
    // default deadline, not a short one: on a loaded machine a request may take longer than 0.2 s.)
    expect(timers() - before).toBeLessThan(5);
  });

  it('refuses mutations over GET', async () => {
    const editor = await createKey(server, Role.EDITOR);
    const query = `mutation { recordStatement(input: { slug: "via-get", speaker: "huawei", text: "x", citations: [{ source: "2020-02-06-huawei-verizon", quote: "Huawei said last year" }] }) { slug } }`;
    const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers: bearer(editor) });
    expect(response.status).toBe(405);
    expect(((await response.json()) as any).errors[0].message).toMatch(/GET requests only support query operations/);
    expect(await server.dataSource.query(`SELECT id FROM statement WHERE slug = 'via-get'`)).toEqual([]);
  });

  it('gives every answer a request id (the client’s own when it sends a sane one)', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'newsroom-42' });
    expect(response.headers.get('x-request-id')).toBe('newsroom-42');
    const generated = await post(JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('includes stack traces and field suggestions outside production', async () => {
    jest.spyOn(PartyService.prototype, 'adversaries').mockRejectedValue(new Error('secret detail'));
    const res = await server.gql(`{ company(slug: "huawei") { adversaries { __typename } } }`);
    expect(res.errors?.[0].extensions?.stacktrace).toBeDefined();
    const typo = await server.gql(`{ compny(slug: "huawei") { slug } }`);
    expect(typo.errors?.[0].message).toMatch(/Did you mean "company"/);
  });

  it('serves GraphiQL at /graphiql (bundled: no script or stylesheet from elsewhere)', async () => {
    const origin = new URL(server.url).origin;
    const redirect = await fetch(`${origin}/graphiql`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/graphiql/');
    const page = await fetch(`${origin}/graphiql/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/GraphiQL/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.sort()).toEqual(['/graphiql/graphiql.css', '/graphiql/graphiql.js', '/graphiql/page.css']);
    // Each body read whole: an unread one, if large, would hold its socket open past the server's close.
    const bodies = new Map<string, string>();
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset}`);
      bodies.set(asset, await response.text());
      expect([asset, response.status]).toEqual([asset, 200]);
    }
    // Each example of schema/examples.graphql is embedded as a tab.
    expect(bodies.get('/graphiql/graphiql.js')).toContain('query RenToWashington');
  });

  it('serves browsers at /graphql Apollo Sandbox, with a fallback to /graphiql/ when its script cannot load', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    // The page's script is a served file (no inline script), its settings in data- attributes.
    const tag = /<script src="([^"]+)"([^>]*)><\/script>/.exec(html);
    expect(tag?.[1]).toBe('/graphiql/sandbox-landing.js');
    const data = Object.fromEntries(
      [...tag![2].matchAll(/data-([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')]),
    );
    expect(data.sandbox).toMatch(/^https:\/\/embeddable-sandbox\.cdn\.apollographql\.com\//);
    expect(JSON.parse(data.config)).toMatchObject({ initialState: { includeCookies: false } });
    expect(data.fallback).toBe('/graphiql/');
    const script = await fetch(`${new URL(server.url).origin}${tag![1]}`);
    expect(script.status).toBe(200);
    expect(await script.text()).toMatch(/script\.onerror/);
  });
});

describe('HTTP in production', () => {
  let server: TestServer;
  const log = capturingLogger();
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' }, appLogger: log.logger });
  });
  afterAll(() => server.close());
  afterEach(() => jest.restoreAllMocks());

  it('masks internal errors as INTERNAL_SERVER_ERROR with a request id, and logs the real cause under that id', async () => {
    jest.spyOn(PartyService.prototype, 'adversaries').mockRejectedValue(new Error('secret detail: table party is corrupt'));
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ company(slug: "huawei") { name adversaries { __typename } } }` }),
    });
    const body = (await response.json()) as any;
    const requestId = response.headers.get('x-request-id');
    expect(body.data.company).toBeNull();
    expect(body.errors).toEqual([
      {
        message: `Internal server error (request id ${requestId})`,
        path: ['company', 'adversaries'],
        locations: expect.any(Array),
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/secret|stacktrace/);
    const line = log.lines().find((l) => l.requestId === requestId && l.level === 50);
    expect(line).toMatchObject({ msg: 'secret detail: table party is corrupt', code: 'INTERNAL_SERVER_ERROR', path: ['company', 'adversaries'] });
    expect(line!.err.stack).toMatch(/secret detail/);
  });

  it('gives no field suggestions and no stack traces', async () => {
    const typo = await server.gql(`{ compny(slug: "huawei") { slug } }`);
    expect(typo.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(typo.errors?.[0].extensions?.stacktrace).toBeUndefined();
    const bad = await server.gql(`{ companies(first: 500) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      invalidArguments: [{ field: 'first', problems: ['first must be between 1 and 100'] }],
    });
  });

  it('serves no source maps and the bundles name none', async () => {
    const origin = new URL(server.url).origin;
    for (const bundle of ['/explorer/explorer.js', '/graphiql/graphiql.js']) {
      const response = await fetch(`${origin}${bundle}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('sourcemap')).toBeNull();
      expect(await response.text()).not.toMatch(/sourceMappingURL/);
      expect((await fetch(`${origin}${bundle}.map`)).status).toBe(404);
    }
  });

  it('keeps introspection on', async () => {
    const res = await server.gql(`{ __schema { queryType { name } } }`);
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('a request that runs past the time limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { REQUEST_TIMEOUT_MS: '200' } });
  });
  afterAll(() => server.close());
  afterEach(() => jest.restoreAllMocks());

  it('is answered with a clear REQUEST_TIMEOUT error', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = CatalogService.prototype.connection;
    jest.spyOn(CatalogService.prototype, 'connection').mockImplementation(async function (this: CatalogService, ...args) {
      await gate;
      return original.apply(this, args);
    });
    const res = await server.gql(`{ companies { totalCount } }`);
    release();
    expect(res.status).toBe(503);
    expect(res.errors).toEqual([
      { message: 'The request was aborted: it ran longer than 0.2 s', extensions: { code: 'REQUEST_TIMEOUT', requestId: expect.any(String) } },
    ]);
    // The server goes on answering (retried: on a loaded machine one request may itself need more than 0.2 s).
    jest.restoreAllMocks();
    await eventually(async () => (await server.gql(`{ companies { totalCount } }`)).data?.companies.totalCount === 6, 'an answer in time');
  });

  it('is abandoned: a mutation that times out commits nothing', async () => {
    const editor = await createKey(server, Role.EDITOR);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = FactWriter.prototype.cite;
    jest.spyOn(FactWriter.prototype, 'cite').mockImplementation(async function (this: FactWriter, ...args) {
      await gate;
      return original.apply(this, args);
    });
    const before = await server.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry');
    const res = await server.gql(
      `mutation { recordStatement(input: { slug: "too-slow", speaker: "huawei", text: "x",
      citations: [{ source: "2020-02-06-huawei-verizon", quote: "Huawei said last year" }] }) { slug } }`,
      {},
      bearer(editor),
    );
    expect(res.errors?.[0].extensions?.code).toBe('REQUEST_TIMEOUT');
    release();
    // Waits for the abandoned transaction to end (writes run one at a time), then looks.
    await server.app.database.write(async () => undefined);
    expect(await server.dataSource.query(`SELECT id FROM statement WHERE slug = 'too-slow'`)).toEqual([]);
    expect(await server.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry')).toEqual(before);
  });
});
