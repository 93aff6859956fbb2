import { readSeedDocuments } from '../seeds/seed-all';
import { Role } from '../src/common/role.enum';
import { FactWriter } from '../src/common/writes/fact-writer';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';
import { invariantViolations } from './says-who-invariant';

const SOURCE = '2020-02-06-huawei-verizon';
const cite = (quote: string, source = SOURCE) => ({ source, quote });

/** Writes through the API: editors only, every fact cited, all or nothing, audited. */
describe('mutations', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
    admin = bearer(await createKey(server, Role.ADMIN, 'ops'));
  });
  afterAll(() => server.close());
  afterEach(async () => {
    jest.restoreAllMocks();
    // Whatever the write path did, every current value still says who says so, and the rows hold them.
    expect(await invariantViolations(server.dataSource)).toEqual([]);
  });

  const count = async (table: string) => Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(['party', 'lawsuit', 'lawsuit_party', 'citation', 'source', 'audit_entry', 'statement'].map(async (t) => [t, await count(t)])),
    );

  it('files a lawsuit with parties by slug and roles, cited, and audits it', async () => {
    const res = await server.gql(
      `mutation($input: FileLawsuitInput!) { fileLawsuit(input: $input) {
      id slug kind status filed { iso approximate } venue technologies
      plaintiffs { ... on Company { slug } } defendants { ... on Company { slug } } citations { quote source { slug } } } }`,
      {
        input: {
          slug: 'huawei-v-verizon-third',
          title: 'Huawei v. Verizon (third suit)',
          kind: 'PATENT_INFRINGEMENT',
          filed: '2020-02~',
          venue: 'US District Court',
          technologies: ['parental controls'],
          parties: [
            { party: 'huawei', role: 'PLAINTIFF' },
            { party: 'verizon', role: 'DEFENDANT' },
          ],
          citations: [cite('Huawei Technologies has filed two patent infringement lawsuits against Verizon Communications')],
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.fileLawsuit).toMatchObject({
      slug: 'huawei-v-verizon-third',
      status: 'FILED',
      filed: { iso: '2020-02', approximate: true },
      plaintiffs: [{ slug: 'huawei' }],
      defendants: [{ slug: 'verizon' }],
      citations: [{ quote: 'Huawei Technologies has filed two patent infringement lawsuits against Verizon Communications', source: { slug: SOURCE } }],
    });
    const log = await server.gql(`{ auditLog(first: 1) { totalCount edges { node { actor role action subject changes { op table values } } } } }`, {}, admin);
    expect(log.errors).toBeUndefined();
    const [entry] = log.data.auditLog.edges;
    expect(entry.node).toMatchObject({ actor: 'desk', role: 'EDITOR', action: 'fileLawsuit', subject: res.data.fileLawsuit.id });
    expect(entry.node.changes.map((c: any) => `${c.op} ${c.table}`)).toEqual([
      'INSERT lawsuit',
      'INSERT lawsuit_party',
      'INSERT lawsuit_party',
      'INSERT citation',
    ]);
    expect(entry.node.changes[0].values).toMatchObject({ slug: 'huawei-v-verizon-third', filed: '2020-02~' });
  });

  it('records a sanction, a regulatory action, a negotiation, a statement and an event, each cited', async () => {
    const quote = 'in the wake of crippling sanctions from Washington';
    const ops: [string, string, Record<string, unknown>][] = [
      [
        'recordSanction',
        'RecordSanctionInput',
        { slug: 'us-entity-list-2', target: 'huawei', authority: 'us-government', description: 'Entity list', status: 'IN_EFFECT', imposed: '2019' },
      ],
      [
        'recordRegulatoryAction',
        'RecordRegulatoryActionInput',
        { slug: 'fcc-order-2', authority: 'fcc', subject: 'huawei', description: 'An order', date: '2019-11' },
      ],
      [
        'recordNegotiation',
        'RecordNegotiationInput',
        { slug: 'huawei-qualcomm-talks', subject: 'patent portfolio', status: 'ONGOING', parties: ['huawei', 'qualcomm'] },
      ],
      ['recordStatement', 'RecordStatementInput', { slug: 'huawei-on-sanctions', speaker: 'huawei', text: 'Sanctions are crippling.' }],
      [
        'recordEvent',
        'RecordEventInput',
        { slug: 'sanctions-announced', title: 'Sanctions announced', participants: ['us-government', 'huawei'], location: 'Washington' },
      ],
    ];
    for (const [mutation, type, input] of ops) {
      const res = await server.gql(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { __typename id slug citations { quote } } }`,
        { input: { ...input, citations: [cite(quote)] } },
        editor,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data[mutation]).toMatchObject({ slug: input.slug, citations: [{ quote }] });
      const back = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: res.data[mutation].id });
      expect(back.data.node).toEqual({ id: res.data[mutation].id });
    }
  });

  it('creates and updates companies, people and authorities', async () => {
    const created = await server.gql(
      `mutation {
      c: createCompany(input: { slug: "nokia", name: "Nokia", country: "FI", citations: [{ source: "${SOURCE}", quote: "European and US entities" }] }) { slug name country }
      p: createPerson(input: { slug: "guo-ping", name: "Guo Ping", citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { slug name }
      a: createAuthority(input: { slug: "eu-commission", name: "European Commission", kind: REGULATOR, citations: [{ source: "${SOURCE}", quote: "European and US entities" }] }) { slug kind }
    }`,
      {},
      editor,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({
      c: { slug: 'nokia', name: 'Nokia', country: 'FI' },
      p: { slug: 'guo-ping', name: 'Guo Ping' },
      a: { slug: 'eu-commission', kind: 'REGULATOR' },
    });
    const badCode = await server.gql(
      `mutation {
      updateAuthority(input: { slug: "eu-commission", jurisdiction: "Europe", citations: [{ source: "${SOURCE}", quote: "European and US entities" }] }) { jurisdiction }
    }`,
      {},
      editor,
    );
    expect(badCode.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badCode.errors?.[0].message).toMatch(/jurisdiction: must be an ISO 3166-1 alpha-2 code/);
    const updated = await server.gql(
      `mutation {
      updateCompany(input: { slug: "nokia", headquarters: "Espoo", citations: [{ source: "${SOURCE}", quote: "European and US entities" }],
        provenance: [{ field: "headquarters", basis: INFERRED, note: "a test: not stated in so many words" }] }) { name headquarters country }
      updatePerson(input: { slug: "guo-ping", aliases: ["Ken Hu"], citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }],
        provenance: [{ field: "aliases", basis: INFERRED, note: "a test: not stated in so many words" }] }) { aliases }
    }`,
      {},
      editor,
    );
    expect(updated.data).toEqual({ updateCompany: { name: 'Nokia', headquarters: 'Espoo', country: 'FI' }, updatePerson: { aliases: ['Ken Hu'] } });
    const wrongKind = await server.gql(
      `mutation { updateCompany(input: { slug: "guo-ping", name: "x", citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { name } }`,
      {},
      editor,
    );
    expect(wrongKind.errors?.[0].extensions?.invalidArguments).toEqual([{ field: 'slug', problems: ['unknown company "guo-ping"'] }]);
  });

  it('updates a case status with its statement, and refuses a change that carries none', async () => {
    const quote = 'Huawei sued the Federal Communications Commission in December';
    const unsaid = await server.gql(
      `mutation { updateLawsuitStatus(input: { slug: "huawei-v-fcc", status: PENDING, citations: [{ source: "${SOURCE}", quote: "${quote}" }] }) { slug status } }`,
      {},
      editor,
    );
    expect(unsaid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((unsaid.errors![0].extensions!.invalidArguments as { field: string }[]).map((a) => a.field)).toEqual(['status']);
    const res = await server.gql(
      `mutation { updateLawsuitStatus(input: { slug: "huawei-v-fcc", status: PENDING, citations: [{ source: "${SOURCE}", quote: "${quote}" }],
      provenance: [{ field: "status", basis: INFERRED, note: "sued in December, no outcome reported" }] }) { slug status provenance { field basis note } history(field: "status") { value basis rank } } }`,
      {},
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateLawsuitStatus).toMatchObject({ slug: 'huawei-v-fcc', status: 'PENDING' });
    expect(res.data.updateLawsuitStatus.provenance.find((p: { field: string }) => p.field === 'status')).toEqual({
      field: 'status',
      basis: 'INFERRED',
      note: 'sued in December, no outcome reported',
    });
    // The same source's earlier reading of the field is deprecated, not deleted.
    expect(res.data.updateLawsuitStatus.history.map((h: { value: string; rank: string }) => `${h.value} ${h.rank}`)).toEqual([
      '"FILED" DEPRECATED',
      '"PENDING" NORMAL',
    ]);
  });

  it('adds a source that facts can then cite, and imports whole source documents', async () => {
    const added = await server.gql(
      `mutation($input: AddSourceInput!) { addSource(input: $input) { slug publishedOn { iso precision } } }`,
      {
        input: {
          slug: 'reuters-2020-03-01',
          title: 'Huawei and Nokia',
          publisher: 'Reuters',
          publishedOn: '2020-03-01',
          text: 'Nokia said on Sunday it had signed a patent deal with Huawei.',
        },
      },
      editor,
    );
    expect(added.data.addSource).toEqual({ slug: 'reuters-2020-03-01', publishedOn: { iso: '2020-03-01', precision: 'DAY' } });
    const talk = await server.gql(
      `mutation { recordStatement(input: { slug: "nokia-signed-deal", speaker: "huawei", text: "A deal was signed.",
      citations: [{ source: "reuters-2020-03-01", quote: "signed a patent deal with Huawei" }] }) { citations { source { publisher } } } }`,
      {},
      editor,
    );
    expect(talk.data.recordStatement.citations).toEqual([{ source: { publisher: 'Reuters' } }]);

    const document = {
      source: {
        slug: 'wire-2020-04-01',
        title: 'Qualcomm and Huawei',
        publisher: 'Wire',
        publishedOn: '2020-04',
        text: 'Qualcomm sued Huawei in April. Huawei denies it.',
      },
      lawsuits: [
        {
          slug: 'qualcomm-v-huawei',
          title: 'Qualcomm v. Huawei',
          kind: 'CONTRACT',
          status: 'FILED',
          filed: '2020-04',
          plaintiffs: ['qualcomm'],
          defendants: ['huawei'],
          quotes: ['Qualcomm sued Huawei in April'],
        },
      ],
    };
    const imported = await server.gql(
      `mutation($doc: JSONObject!) { importSource(input: $doc) { source status written { table rows } } }`,
      { doc: document },
      editor,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importSource).toMatchObject({ source: 'wire-2020-04-01', status: 'created' });
    expect(imported.data.importSource.written).toContainEqual({ table: 'lawsuit', rows: 1 });
    const again = await server.gql(`mutation($doc: JSONObject!) { importSource(input: $doc) { status written { table } } }`, { doc: document }, editor);
    expect(again.data.importSource).toEqual({ status: 'unchanged', written: [] });
  });

  it('lists every invalid field and why, and writes nothing', async () => {
    const before = await counts();
    const res = await server.gql(
      `mutation($input: FileLawsuitInput!) { fileLawsuit(input: $input) { slug } }`,
      {
        input: { slug: 'Not A Slug', title: '', kind: 'CRIMINAL', filed: '2020-13', parties: [{ party: 'huawei', role: 'PLAINTIFF' }], citations: [] },
      },
      editor,
    );
    const [error] = res.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions!.invalidArguments as { field: string }[]).map((i) => i.field).sort();
    expect(fields).toEqual(['citations', 'filed', 'parties', 'slug', 'title']);
    expect(error.message).toMatch(/no fact without a source/);
    expect(error.message).toMatch(/"2020-13" has no month 13/);
    expect(await counts()).toEqual(before);
  });

  it('names unknown slugs and quotes that do not occur in the source, and writes nothing', async () => {
    const before = await counts();
    const res = await server.gql(
      `mutation { fileLawsuit(input: { slug: "nokia-v-ericsson", title: "x", kind: OTHER,
      parties: [{ party: "nokia-oyj", role: PLAINTIFF }, { party: "ericsson", role: DEFENDANT }, { party: "huawei", role: DEFENDANT }],
      challenges: "no-such-action",
      citations: [{ source: "${SOURCE}", quote: "Nokia sued Ericsson" }, { source: "the-times", quote: "anything at all" }] }) { slug } }`,
      {},
      editor,
    );
    const [error] = res.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.invalidArguments).toEqual([
      { field: 'parties[0].party', problems: ['unknown party "nokia-oyj"'] },
      { field: 'parties[1].party', problems: ['unknown party "ericsson"'] },
      { field: 'challenges', problems: ['unknown regulatory action "no-such-action"'] },
      { field: 'citations[0].quote', problems: [`"Nokia sued Ericsson" does not occur verbatim in the text of source "${SOURCE}"`] },
      { field: 'citations[1].source', problems: ['unknown source "the-times": add it with addSource or importSource first'] },
    ]);
    const taken = await server.gql(
      `mutation { createPerson(input: { slug: "huawei", name: "x", citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { slug } }`,
      {},
      editor,
    );
    expect(taken.errors?.[0].message).toMatch(/"huawei" is already taken by a company/);
    const wrongType = await server.gql(
      `mutation { recordSanction(input: { slug: "s-x", target: "huawei", authority: "verizon", description: "x", status: PROPOSED, citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { slug } }`,
      {},
      editor,
    );
    expect(wrongType.errors?.[0].message).toMatch(/authority: "verizon" is a company, expected authority/);
    const badDoc = await server.gql(
      `mutation($doc: JSONObject!) { importSource(input: $doc) { status } }`,
      { doc: { source: { slug: 'x' }, lawsuits: [{ slug: 'y' }] } },
      editor,
    );
    expect(badDoc.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badDoc.errors?.[0].extensions?.problems).toEqual(
      expect.arrayContaining([
        'source.title: is required (a non-empty string)',
        'lawsuits[0].quotes: every fact needs at least one verbatim quote of the source',
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when a write fails midway, and answers a masked error', async () => {
    const before = await counts();
    const original = FactWriter.prototype.cite;
    jest.spyOn(FactWriter.prototype, 'cite').mockImplementation(async function (this: FactWriter, ...args) {
      await original.apply(this, args);
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    });
    const res = await server.gql(
      `mutation { fileLawsuit(input: { slug: "doomed", title: "Doomed", kind: OTHER,
      parties: [{ party: "huawei", role: PLAINTIFF }, { party: "verizon", role: DEFENDANT }],
      citations: [{ source: "${SOURCE}", quote: "Huawei said last year" }] }) { slug } }`,
      {},
      editor,
    );
    expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0].message).not.toMatch(/disk I\/O/);
    jest.restoreAllMocks();
    expect(await counts()).toEqual(before);
    expect(await server.dataSource.query(`SELECT slug FROM lawsuit WHERE slug = 'doomed'`)).toEqual([]);
    // The database itself is fine: the server is still ready.
    await expect(server.app.database.check()).resolves.toBe('available');
  });

  it('keeps every seed document importable through the API unchanged (same validated path as the CLI)', async () => {
    const [{ document }] = readSeedDocuments();
    const res = await server.gql(`mutation($doc: JSONObject!) { importSource(input: $doc) { status } }`, { doc: document }, editor);
    expect(res.data.importSource.status).toBe('unchanged');
  });
});

/**
 * The identity writes in the write-path table: each row one mutation, done or refused; after
 * every row the says-who invariant holds over the whole store (rows run in order: later ones use
 * what earlier ones wrote).
 */
describe('identity writes keep the says-who invariant', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR, 'identity-rows'));
  });
  afterAll(() => server.close());
  afterEach(async () => expect(await invariantViolations(server.dataSource)).toEqual([]));

  const QUALCOMM = 'European and US entities including Verizon and Qualcomm';
  const rows: [string, string, 'done' | 'refused'][] = [
    [
      'createCompany (a second record of Qualcomm)',
      `createCompany(input: { slug: "qualcomm-inc", name: "Qualcomm Inc.", citations: [{ source: "${SOURCE}", quote: "${QUALCOMM}" }] }) { id }`,
      'done',
    ],
    [
      'addPartyAlias, STATED',
      `addPartyAlias(input: { party: "qualcomm-inc", alias: "Qualcomm", citations: [{ source: "${SOURCE}", quote: "${QUALCOMM}" }] }) { __typename }`,
      'done',
    ],
    [
      'addPartyAlias, INFERRED',
      `addPartyAlias(input: { party: "ibm", alias: "International Business Machines", note: "IBM’s full name", citations: [{ source: "${SOURCE}", quote: "It joined IBM, Apple and Amazon" }] }) { __typename }`,
      'done',
    ],
    [
      'removePartyAlias',
      `removePartyAlias(input: { party: "ibm", alias: "International Business Machines", reason: "not in the report" }) { __typename }`,
      'done',
    ],
    ['removePartyAlias of a name it does not have', `removePartyAlias(input: { party: "ibm", alias: "Big Blue", reason: "r" }) { __typename }`, 'refused'],
    ['markNotSameParty', `markNotSameParty(input: { party: "ibm", other: "apple", reason: "two companies" }) { id }`, 'done'],
    ['mergeParties of a not-same pair', `mergeParties(input: { keep: "ibm", absorb: "apple", reason: "no" }) { id }`, 'refused'],
    ['mergeParties', `mergeParties(input: { keep: "qualcomm", absorb: "qualcomm-inc", reason: "one company" }) { id }`, 'done'],
    ['mergeParties into itself', `mergeParties(input: { keep: "qualcomm", absorb: "qualcomm-inc", reason: "again" }) { id }`, 'refused'],
    [
      'changeSlug',
      `changeSlug(input: { id: "${Buffer.from('Lawsuit:5').toString('base64url')}", slug: "meng-extradition", reason: "shorter" }) { id }`,
      'done',
    ],
    [
      'changeSlug to a former slug of another row',
      `changeSlug(input: { id: "${Buffer.from('Lawsuit:4').toString('base64url')}", slug: "meng-wanzhou-extradition", reason: "no" }) { id }`,
      'refused',
    ],
  ];

  it.each(rows)('%s', async (_name, field, outcome) => {
    const res = await server.gql(`mutation { ${field} }`, {}, editor);
    if (outcome === 'done') expect(res.errors).toBeUndefined();
    else expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
