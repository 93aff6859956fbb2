import { createHash } from 'node:crypto';
import { ECHO_MAX_CHARACTERS } from '../src/common/errors';
import { Role } from '../src/common/role.enum';
import { bearer, capturingLogger, createKey, startTestServer, type TestServer } from './helpers';

/**
 * A client's mistakes: answered 4xx with a code, logged at info without a stack (only internal
 * errors are logged at error level, with one: test/http.suite.ts), its input echoed back cut to a
 * short prefix; and party names that mix lookalike scripts refused on every write path.
 */
const SOURCE = '2020-02-06-huawei-verizon';
const QUOTE = 'The Chinese telecoms gear and smartphone-making giant';
const SPOOF = 'Hu\u0430wei'; // a Cyrillic а

describe('client mistakes', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  const log = capturingLogger();
  beforeAll(async () => {
    // Production: answers carry no stack trace, so their size is what a client gets.
    server = await startTestServer({ env: { NODE_ENV: 'production' }, appLogger: log.logger });
    editor = bearer(await createKey(server, Role.EDITOR));
  });
  afterAll(() => server.close());

  const post = async (body: unknown) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as any };
  };

  it('logs a wrong APQ hash or version at info, without a stack, and answers 400 BAD_REQUEST', async () => {
    const before = log.lines().length;
    const wrongHash = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    const wrongVersion = await post({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 2, sha256Hash: createHash('sha256').update('{ __typename }').digest('hex') } },
    });
    for (const answer of [wrongHash, wrongVersion]) {
      expect(answer.status).toBe(400);
      expect(answer.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    const lines = log
      .lines()
      .slice(before)
      .filter((line) => line.msg !== 'graphql request');
    expect(lines.map((line) => ({ level: line.level, code: line.code, stack: line.err?.stack ?? null }))).toEqual([
      { level: 30, code: 'BAD_REQUEST', stack: null },
      { level: 30, code: 'BAD_REQUEST', stack: null },
    ]);
  });

  it('echoes an invalid cursor, ID or Int cut to a short prefix, in the answer and in the log', async () => {
    const long = 'x'.repeat(12_000);
    const cases = [
      { query: 'query($a: String) { companies(first: 1, after: $a) { totalCount } }', variables: { a: long } },
      { query: 'query($a: ID!) { node(id: $a) { id } }', variables: { a: long } },
      // graphql-js's own message quotes the value: cut too.
      { query: 'query($a: Int) { companies(first: $a) { totalCount } }', variables: { a: long } },
    ];
    const before = log.lines().length;
    for (const body of cases) {
      const answer = await post(body);
      expect(answer.status).toBeLessThan(500);
      expect(answer.json.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|BAD_REQUEST/);
      const message: string = answer.json.errors[0].message;
      expect(message).toContain(`${'x'.repeat(ECHO_MAX_CHARACTERS)}…`);
      expect(message).not.toContain('x'.repeat(ECHO_MAX_CHARACTERS + 1));
      expect(JSON.stringify(answer.json).length).toBeLessThan(1000);
    }
    const logged = log
      .lines()
      .slice(before)
      .filter((line) => line.msg !== 'graphql request');
    expect(logged.every((line) => line.level === 30 && line.msg.length < 500)).toBe(true);
  });

  it('refuses a party name or alias that mixes lookalike scripts, by mutation and by importSource, writing nothing', async () => {
    const viaMutation = await server.gql(
      'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { slug } }',
      { input: { slug: 'huawei-spoof', name: SPOOF, citations: [{ source: SOURCE, quote: QUOTE }] } },
      editor,
    );
    expect(viaMutation.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaMutation.errors?.[0].message).toContain('name: mixes scripts');
    const viaAlias = await server.gql(
      'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { slug } }',
      { input: { slug: 'huawei', aliases: [SPOOF], citations: [{ source: SOURCE, quote: QUOTE }] } },
      editor,
    );
    expect(viaAlias.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaAlias.errors?.[0].message).toContain('aliases[0]: mixes scripts');

    const doc = {
      source: {
        slug: 'spoof-wire',
        title: 'Spoof',
        publisher: 'Wire',
        publishedOn: '2024-01-01',
        text: 'The company Huawei said many things today about its plans.',
      },
      parties: [{ type: 'COMPANY', slug: 'huawei-copy', name: SPOOF, quotes: ['The company Huawei said many things'] }],
    };
    const viaImport = await server.gql('mutation($doc: JSONObject!) { importSource(input: $doc) { status } }', { doc }, editor);
    expect(viaImport.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(viaImport.errors)).toContain('parties[0].name: mixes scripts');
    const [{ n }] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM party WHERE slug IN ('huawei-spoof', 'huawei-copy')`);
    expect(Number(n)).toBe(0);
    const [{ aliases }] = await server.dataSource.query(`SELECT aliases FROM party WHERE slug = 'huawei'`);
    expect(String(aliases)).not.toContain(SPOOF);
  });

  it("answers a write refused for the client's own mistakes with its 4xx, and keeps 200 for partial data and for failures that are not the client's", async () => {
    const viewer = bearer(await createKey(server, Role.VIEWER));
    let field = 0;
    const create = (slug: string, name: string) =>
      `f${++field}: createCompany(input: { slug: "${slug}", name: "${name}", citations: [{ source: "${SOURCE}", quote: "${QUOTE}" }] }) { slug }`;
    // A bad argument: 400, and nothing written.
    const bad = await server.gql(`mutation { ${create('Not A Slug', 'Bad')} }`, {}, editor);
    expect({ status: bad.status, code: bad.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    // The first field would have succeeded; the second is refused, so the operation as a whole is: 400, the first rolled back.
    const half = await server.gql(`mutation { ${create('status-first', 'First')} ${create('Not A Slug', 'Second')} }`, {}, editor);
    expect(half.status).toBe(400);
    expect(half.errors?.map((e) => e.extensions?.code).sort()).toEqual(['BAD_USER_INPUT', 'MUTATION_ROLLED_BACK']);
    // No key: 401; a key below the field's role: 403.
    const anonymous = await server.gql(`mutation { ${create('status-anonymous', 'Anonymous')} }`);
    expect({ status: anonymous.status, code: anonymous.errors?.[0].extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const forbidden = await server.gql(`mutation { ${create('status-viewer', 'Viewer')} }`, {}, viewer);
    expect({ status: forbidden.status, code: forbidden.errors?.[0].extensions?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const [{ n }] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM party WHERE slug LIKE 'status-%'`);
    expect(Number(n)).toBe(0);
    // A query answered in part (one field's error beside data) stays 200: the data is the answer.
    const partial = await server.gql(`{ company(slug: "huawei") { slug } node(id: "not-an-id") { id } }`);
    expect(partial.status).toBe(200);
    expect(partial.data).toMatchObject({ company: { slug: 'huawei' } });
    expect(partial.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A query that produced nothing, for the client's mistake alone: 400.
    const nothing = await server.gql(`{ node(id: "not-an-id") { id } }`);
    expect({ status: nothing.status, data: nothing.data, code: nothing.errors?.[0].extensions?.code }).toEqual({
      status: 400,
      data: { node: null },
      code: 'BAD_USER_INPUT',
    });
  });
});
