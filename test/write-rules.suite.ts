import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, freshDatabaseUrl, startTestServer, type TestServer } from './helpers';
import { runScriptAsync } from './server-process';
import { invariantViolations } from './says-who-invariant';

/**
 * One validator per fact: the same bad value is refused, with the same field path relative to
 * the fact, by all three write paths — its GraphQL mutation, `importSource`, and `npm run import`
 * (the built CLI, as a separate process on the same database) — and nothing is written.
 */

const TEXT =
  'Wire, 1 May 2020. Huawei holds more patents than ever, the company said. Regulators in Brussels opened a review of the licensing terms. Nokia and Huawei met in Espoo.';
const QUOTE = 'Huawei holds more patents than ever';
const SOURCE = '2020-02-06-huawei-verizon';
const SEED_QUOTE = 'Huawei Technologies has filed two patent infringement lawsuits against Verizon Communications';

/** A valid document with one item under `key` (or none), from a source of its own. */
function documentWith(key: string | null, item: Record<string, unknown> | null, source: Record<string, unknown> = {}) {
  return {
    source: { slug: 'rules-wire', title: 'Rules wire', publisher: 'Wire', publishedOn: '2020-05-01', url: 'https://example.com/wire', text: TEXT, ...source },
    ...(key && item ? { [key]: [item] } : {}),
  };
}

const party = (fields: Record<string, unknown>) => ({ type: 'COMPANY', slug: 'rules-co', name: 'Rules Co', quotes: [QUOTE], ...fields });
const statement = (fields: Record<string, unknown>) => ({ slug: 'rules-statement', speaker: 'huawei', text: 'We hold more.', quotes: [QUOTE], ...fields });

interface Case {
  rule: string;
  /** The mutation, its input type, and the input. */
  mutation: [name: string, type: string, input: Record<string, unknown>];
  /** The path of the bad value relative to the fact, in the mutation's input. */
  inputPath: string;
  /** The bad document, and the path of the bad value in it. */
  document: Record<string, unknown>;
  documentPath: string;
}

const cite = [{ source: SOURCE, quote: SEED_QUOTE }];
const company = (fields: Record<string, unknown>) => ({ slug: 'rules-co', name: 'Rules Co', citations: cite, ...fields });
const source = (fields: Record<string, unknown>) => ({
  slug: 'rules-wire',
  title: 'Rules wire',
  publisher: 'Wire',
  publishedOn: '2020-05-01',
  text: TEXT,
  ...fields,
});
const stmt = (fields: Record<string, unknown>) => ({ slug: 'rules-statement', speaker: 'huawei', text: 'We hold more.', citations: cite, ...fields });

const cases: Case[] = [
  {
    rule: 'URL other than http(s)',
    mutation: ['addSource', 'AddSourceInput', source({ url: 'javascript:alert(document.domain)' })],
    inputPath: 'url',
    document: documentWith(null, null, { url: 'javascript:alert(document.domain)' }),
    documentPath: 'source.url',
  },
  {
    rule: 'integer out of bounds',
    mutation: ['recordPatentStat', 'RecordPatentStatInput', { holder: 'huawei', scope: 'WORLDWIDE', count: 20_000_000, citations: cite }],
    inputPath: 'count',
    document: documentWith('patentStats', { holder: 'huawei', scope: 'WORLDWIDE', count: 20_000_000, quotes: [QUOTE] }),
    documentPath: 'patentStats[0].count',
  },
  {
    rule: 'integer beyond GraphQL Int',
    mutation: ['recordPatentStat', 'RecordPatentStatInput', { holder: 'huawei', scope: 'WORLDWIDE', count: 3_000_000_000, citations: cite }],
    inputPath: 'count',
    document: documentWith('patentStats', { holder: 'huawei', scope: 'WORLDWIDE', count: 3_000_000_000, quotes: [QUOTE] }),
    documentPath: 'patentStats[0].count',
  },
  {
    rule: 'wrong type (a description true)',
    mutation: [
      'recordSanction',
      'RecordSanctionInput',
      { slug: 'rules-sanction', target: 'huawei', authority: 'us-government', description: true, status: 'IN_EFFECT', citations: cite },
    ],
    inputPath: 'description',
    document: documentWith('sanctions', {
      slug: 'rules-sanction',
      target: 'huawei',
      authority: 'us-government',
      description: true,
      status: 'IN_EFFECT',
      quotes: [QUOTE],
    }),
    documentPath: 'sanctions[0].description',
  },
  {
    rule: 'overlong string (a 60,000-character name)',
    mutation: ['createCompany', 'CreateCompanyInput', company({ name: 'N'.repeat(60_000) })],
    inputPath: 'name',
    document: documentWith('parties', party({ name: 'N'.repeat(60_000) })),
    documentPath: 'parties[0].name',
  },
  {
    rule: 'source text over the limit',
    mutation: ['addSource', 'AddSourceInput', source({ text: `${TEXT} ${'x'.repeat(90_000)}` })],
    inputPath: 'text',
    document: documentWith(null, null, { text: `${TEXT} ${'x'.repeat(90_000)}` }),
    documentPath: 'source.text',
  },
  {
    rule: 'control character',
    mutation: ['recordEvent', 'RecordEventInput', { slug: 'rules-event', title: 'Talks\u0007in Espoo', participants: ['huawei'], citations: cite }],
    inputPath: 'title',
    document: documentWith('events', { slug: 'rules-event', title: 'Talks\u0007in Espoo', participants: ['huawei'], quotes: [QUOTE] }),
    documentPath: 'events[0].title',
  },
  {
    rule: 'bidirectional override',
    mutation: ['createPerson', 'CreatePersonInput', { slug: 'rules-person', name: 'Eve \u202Egnaw', citations: cite }],
    inputPath: 'name',
    document: documentWith('parties', party({ type: 'PERSON', slug: 'rules-person', name: 'Eve \u202Egnaw' })),
    documentPath: 'parties[0].name',
  },
  {
    rule: 'surrounding whitespace',
    mutation: ['createCompany', 'CreateCompanyInput', company({ name: ' Rules Co ' })],
    inputPath: 'name',
    document: documentWith('parties', party({ name: ' Rules Co ' })),
    documentPath: 'parties[0].name',
  },
  {
    rule: 'bad slug',
    mutation: ['recordStatement', 'RecordStatementInput', stmt({ slug: 'Rules Statement' })],
    inputPath: 'slug',
    document: documentWith('statements', statement({ slug: 'Rules Statement' })),
    documentPath: 'statements[0].slug',
  },
  {
    rule: 'bad country code',
    mutation: ['createCompany', 'CreateCompanyInput', company({ country: 'Finland' })],
    inputPath: 'country',
    document: documentWith('parties', party({ country: 'Finland' })),
    documentPath: 'parties[0].country',
  },
  {
    rule: 'weak quote',
    mutation: ['createCompany', 'CreateCompanyInput', company({ citations: [{ source: SOURCE, quote: 'a' }] })],
    inputPath: 'citations[0].quote',
    document: documentWith('parties', party({ quotes: ['a'] })),
    documentPath: 'parties[0].quotes[0]',
  },
  {
    rule: 'quote not in the source',
    mutation: ['recordStatement', 'RecordStatementInput', stmt({ citations: [{ source: SOURCE, quote: 'Nokia sued Ericsson yesterday' }] })],
    inputPath: 'citations[0].quote',
    document: documentWith('statements', statement({ quotes: ['Nokia sued Ericsson yesterday'] })),
    documentPath: 'statements[0].quotes[0]',
  },
  {
    rule: 'unknown party',
    mutation: ['recordStatement', 'RecordStatementInput', stmt({ speaker: 'no-such-party' })],
    inputPath: 'speaker',
    document: documentWith('statements', statement({ speaker: 'no-such-party' })),
    documentPath: 'statements[0].speaker',
  },
];

const TABLES = ['party', 'source', 'citation', 'lawsuit', 'sanction', 'statement', 'event', 'patent_stat', 'ranking', 'ranking_entry', 'audit_entry'];

describe('the same rules on every write path', () => {
  let server: TestServer;
  let url: string;
  let editor: Record<string, string>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'write-rules-'));
  beforeAll(async () => {
    url = await freshDatabaseUrl();
    server = await startTestServer({ url });
    editor = bearer(await createKey(server, Role.EDITOR, 'rules-desk'));
  });
  afterAll(() => server.close());
  // After every write path, refused or not, the says-who invariant holds over the whole store.
  afterEach(async () => expect(await invariantViolations(server.dataSource)).toEqual([]));

  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM "${t}"`))[0].n)])));

  /** The fields a GraphQL answer says are wrong: `invalidArguments`, or the input path graphql-js names when a value has the wrong type. */
  function refusedFields(res: { errors?: { message: string; extensions?: Record<string, unknown> }[] }): string[] {
    const [error] = res.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const invalid = error.extensions?.invalidArguments as { field: string }[] | undefined;
    if (invalid) return invalid.map((i) => i.field);
    // graphql-js coerces variables before any resolver runs: `… at "input.count"; Int cannot represent …`.
    const at = /at "input\.([^"]+)"/.exec(error.message);
    return at ? [at[1].replace(/\.(\d+)(?=\.|$)/g, '[$1]')] : [];
  }

  it.each(cases)(
    'refuses $rule through its mutation and through importSource, with the same path',
    async ({ mutation: [name, type, input], inputPath, document, documentPath }) => {
      const before = await counts();
      const viaMutation = await server.gql(`mutation($input: ${type}!) { ${name}(input: $input) { __typename } }`, { input }, editor);
      expect(refusedFields(viaMutation)).toContain(inputPath);
      const viaImport = await server.gql('mutation($doc: JSONObject!) { importSource(input: $doc) { status } }', { doc: document }, editor);
      expect(refusedFields(viaImport)).toContain(documentPath);
      expect(viaImport.errors![0].extensions!.problems).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^${documentPath.replace(/[[\].]/g, '\\$&')}: `))]),
      );
      // The path relative to the fact is the same: the document's adds the fact's place in the document.
      const relative = documentPath.replace(/^(source|\w+\[0\])\./, '');
      expect(relative).toBe(inputPath.replace(/^citations\[0\]\.quote$/, 'quotes[0]'));
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses every case through `npm run import` (a separate process) with the same paths, writing nothing', async () => {
    const before = await counts();
    const files = cases.map((c, i) => {
      const file = path.join(dir, `case-${i}.json`);
      writeFileSync(file, JSON.stringify(c.document));
      return file;
    });
    const run = await runScriptAsync('import', files, { DATABASE_URL: url });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`0 of ${files.length} file(s) loaded`);
    // One block per file: `FILE: invalid, nothing written:` then `  - path: problem` lines.
    const blocks = run.stdout.split(/\n(?=\/)/);
    cases.forEach((c, i) => {
      const block = blocks.find((b) => b.startsWith(`${files[i]}:`));
      expect([c.rule, block]).toEqual([c.rule, expect.stringContaining('invalid, nothing written')]);
      expect([c.rule, block]).toEqual([c.rule, expect.stringContaining(`\n  - ${c.documentPath}: `)]);
    });
    expect(await counts()).toEqual(before);
  });

  it('cannot store a javascript: URL by any path (addSource, importSource, npm run import)', async () => {
    const bad = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];
    const files: string[] = [];
    for (const [i, link] of bad.entries()) {
      const added = await server.gql(
        'mutation($input: AddSourceInput!) { addSource(input: $input) { slug } }',
        { input: source({ slug: 'js-url', url: link }) },
        editor,
      );
      expect(refusedFields(added)).toEqual(['url']);
      const imported = await server.gql(
        'mutation($doc: JSONObject!) { importSource(input: $doc) { status } }',
        { doc: documentWith(null, null, { slug: 'js-url', url: link }) },
        editor,
      );
      expect(refusedFields(imported)).toEqual(['source.url']);
      files.push(path.join(dir, `js-url-${i}.json`));
      writeFileSync(files[i], JSON.stringify(documentWith(null, null, { slug: 'js-url', url: link })));
    }
    // The CLI once for all of them (a process per file takes seconds each on a loaded machine).
    const run = await runScriptAsync('import', files, { DATABASE_URL: url });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`0 of ${files.length} file(s) loaded`);
    expect(run.stdout.split('\n  - source.url: ')).toHaveLength(files.length + 1);
    expect(await server.dataSource.query(`SELECT slug FROM source WHERE url NOT LIKE 'http://%' AND url NOT LIKE 'https://%'`)).toEqual([]);
    // The same document with an https URL is stored, by the CLI as by the API.
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(documentWith(null, null, { slug: 'js-url', url: 'https://example.com/report' })));
    expect((await runScriptAsync('import', [good], { DATABASE_URL: url })).stdout).toContain('created js-url');
  });

  it('refuses citation quotes that prove nothing: " ", "\\n\\n", "a"', async () => {
    const before = await counts();
    for (const quote of [' ', '\n\n', 'a', 'Huawei']) {
      const res = await server.gql(
        'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { slug } }',
        { input: company({ citations: [{ source: SOURCE, quote }] }) },
        editor,
      );
      expect(refusedFields(res)).toEqual(['citations[0].quote']);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses the values that made reads fail or stored what the schema cannot return', async () => {
    const before = await counts();
    const huge = { holder: 'huawei', scope: 'WORLDWIDE', count: 3_000_000_000, quotes: [QUOTE] };
    const docs: [Record<string, unknown>, string][] = [
      [documentWith('patentStats', huge), 'patentStats[0].count'],
      [
        documentWith('rankings', {
          slug: 'rules-ranking',
          name: 'Rules ranking',
          quotes: [QUOTE],
          entries: [{ party: 'huawei', position: 'first', quotes: [QUOTE] }],
        }),
        'rankings[0].entries[0].position',
      ],
      [
        documentWith('sanctions', {
          slug: 'rules-sanction',
          target: 'huawei',
          authority: 'us-government',
          description: true,
          status: 'IN_EFFECT',
          quotes: [QUOTE],
        }),
        'sanctions[0].description',
      ],
      [documentWith('parties', party({ name: 'N'.repeat(60_000) })), 'parties[0].name'],
    ];
    for (const [doc, field] of docs) {
      const res = await server.gql('mutation($doc: JSONObject!) { importSource(input: $doc) { status } }', { doc }, editor);
      expect(refusedFields(res)).toEqual([field]);
    }
    expect(await counts()).toEqual(before);
    // Huawei's patent statistics still read.
    const read = await server.gql('{ company(slug: "huawei") { patentStats { count } } }');
    expect(read.errors).toBeUndefined();
  });
});
