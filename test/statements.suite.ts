import { readFileSync } from 'node:fs';
import { Role } from '../src/common/role.enum';
import { seedAll } from '../seeds/seed-all';
import { StatementCounter } from '../src/common/database/statement-counter';
import { bearer, createKey, freshDatabaseUrl, openTestDatabase, SEED_DOCUMENT_PATH, startTestServer, type TestServer } from './helpers';
import { withoutSaysWho } from '../bench/follow-up-report';
import { invariantViolations } from './says-who-invariant';

/**
 * What was known when: the seed report (2020-02-06) says two suits were filed; a follow-up
 * (invented for this test, 2021-07-20) says they were settled and the dispute is over. Recorded
 * through the mutations and, on a store of its own, through importSource; both must answer the
 * same: the current values cite the follow-up, the history keeps the 2020 report's, and an
 * as-of read answers with what was known then.
 */

const SEED = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8'));
const SUITS = ['huawei-v-verizon-patent-suit-rkq', 'huawei-v-verizon-patent-suit-wbt'];
const DISPUTE = 'huawei-verizon-patents';

const SETTLED = 'Huawei and Verizon have settled both of the patent infringement suits';
const OVER = 'the patent fight between the two companies is over';
const FOLLOW_UP = {
  slug: '2021-07-20-huawei-verizon-settled',
  title: 'Huawei and Verizon settle their patent suits',
  publisher: 'Test Wire',
  publishedOn: '2021-07-20',
  url: 'https://example.com/test-wire/huawei-verizon-settled',
  text:
    `Test Wire, 20 July 2021. ${SETTLED} that Huawei filed against the carrier in early 2020, the companies told the court on Tuesday, ` +
    `halting the case partway through trial. Neither side disclosed the terms. With the settlement, ${OVER}.`,
};

const US_COUNT = 'Huawei holds 12 000 US patents, a count of the filings shows';
const COUNT_SOURCE = {
  slug: '2020-03-01-huawei-patent-count',
  title: 'Counting Huawei patents',
  publisher: 'Test Ledger',
  publishedOn: '2020-03-01',
  text: `Test Ledger, 1 March 2020. ${US_COUNT}, more than the company itself has said.`,
};

const seedItem = (key: string, slug: string) => structuredClone(SEED[key].find((item: { slug: string }) => item.slug === slug));

/** The follow-up as a source document: the suits and the dispute restated, only their status changed (and stated). */
function followUpDocument() {
  const suits = SUITS.map((slug) => {
    return {
      ...withoutSaysWho(seedItem('lawsuits', slug)),
      status: 'SETTLED',
      quotes: [SETTLED],
      attribution: 'REPORTED',
      provenance: { status: { basis: 'STATED', quotes: [SETTLED] } },
    };
  });
  const dispute = withoutSaysWho(seedItem('disputes', DISPUTE));
  return {
    source: FOLLOW_UP,
    lawsuits: suits,
    disputes: [{ ...dispute, status: 'RESOLVED', quotes: [OVER], provenance: { status: { basis: 'STATED', quotes: [OVER] } } }],
  };
}

const DISPUTE_QUERY = `query($slug: String!, $asOf: String) { dispute(slug: $slug, asOf: $asOf) {
  status provenance { field basis note source { slug } citations { quote } }
  history(field: "status") { value basis rank knownSince { iso } source { slug } }
  lawsuits { slug status citations { source { slug } } provenance { field source { slug } } history(field: "status") { value knownSince { iso } source { slug } } }
  citations { source { slug } }
  timeline(first: 20) { totalCount edges { node { title citations { source { slug } } } } }
} }`;

describe.each(['the mutations', 'importSource'])('what was known when, recorded through %s', (path) => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ url: await freshDatabaseUrl() });
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  });
  afterAll(() => server.close());
  afterEach(async () => expect(await invariantViolations(server.dataSource)).toEqual([]));

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await server.gql(query, variables, editor);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it('records the follow-up: the suits settled, the dispute resolved', async () => {
    if (path === 'the mutations') {
      await ok('mutation($input: AddSourceInput!) { addSource(input: $input) { slug } }', { input: FOLLOW_UP });
      for (const slug of SUITS) {
        // Without its statement the change is refused, naming the field.
        const bare = await server.gql(
          `mutation($slug: String!) { updateLawsuitStatus(input: { slug: $slug, status: SETTLED, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }] }) { status } }`,
          { slug },
          editor,
        );
        expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalidArguments: [{ field: 'status' }] });
        await ok(
          `mutation($slug: String!) { updateLawsuitStatus(input: { slug: $slug, status: SETTLED, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }],
          provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }] }] }) { status } }`,
          { slug },
        );
      }
      // Both suits ended: the dispute follows, inferred, dated by the follow-up.
      const derived = await ok(DISPUTE_QUERY, { slug: DISPUTE });
      expect(derived.dispute.status).toBe('RESOLVED');
      expect(derived.dispute.provenance.find((p: { field: string }) => p.field === 'status')).toMatchObject({
        basis: 'INFERRED',
        note: `every suit of it has ended: ${SUITS.map((s) => `${s} SETTLED`).join(', ')}`,
        source: { slug: FOLLOW_UP.slug },
      });
      // Then stated outright by the follow-up: the same statement, confirmed with its quote.
      await ok(`mutation { updateDisputeStatus(input: { slug: "${DISPUTE}", status: RESOLVED, citations: [{ source: "${FOLLOW_UP.slug}", quote: "${OVER}" }],
        provenance: [{ field: "status", basis: STATED, quotes: [{ source: "${FOLLOW_UP.slug}", quote: "${OVER}" }] }] }) { status } }`);
    } else {
      const res = await ok('mutation($doc: JSONObject!) { importSource(input: $doc) { status } }', { doc: followUpDocument() });
      expect(res.importSource.status).toBe('created');
    }
  });

  it('answers with the follow-up now, and keeps what the 2020 report said as history', async () => {
    const { dispute } = await ok(DISPUTE_QUERY, { slug: DISPUTE });
    expect(dispute.status).toBe('RESOLVED');
    expect(dispute.provenance.find((p: { field: string }) => p.field === 'status')).toMatchObject({
      basis: 'STATED',
      source: { slug: FOLLOW_UP.slug },
      citations: [{ quote: OVER }],
    });
    expect(dispute.history.map((h: any) => `${h.value} ${h.basis} ${h.knownSince.iso} ${h.source.slug}`)).toEqual([
      `"ACTIVE" INFERRED 2020-02-06 ${SEED.source.slug}`,
      `"RESOLVED" STATED 2021-07-20 ${FOLLOW_UP.slug}`,
    ]);
    for (const suit of dispute.lawsuits) {
      expect(suit.status).toBe('SETTLED');
      expect(suit.provenance.find((p: { field: string }) => p.field === 'status')).toEqual({ field: 'status', source: { slug: FOLLOW_UP.slug } });
      expect(suit.history.map((h: any) => `${h.value} ${h.knownSince.iso} ${h.source.slug}`)).toEqual([
        `"FILED" 2020-02-06 ${SEED.source.slug}`,
        `"SETTLED" 2021-07-20 ${FOLLOW_UP.slug}`,
      ]);
    }
  });

  it('answers as of a date with what was known then: in mid-2020 the 2020 report only', async () => {
    const { dispute } = await ok(DISPUTE_QUERY, { slug: DISPUTE, asOf: '2020-06' });
    expect(dispute.status).toBe('ACTIVE');
    expect(dispute.provenance.find((p: { field: string }) => p.field === 'status')).toMatchObject({ basis: 'INFERRED', source: { slug: SEED.source.slug } });
    expect(dispute.history.map((h: { value: string }) => h.value)).toEqual(['"ACTIVE"']);
    const sources = new Set<string>();
    for (const suit of dispute.lawsuits) {
      expect(suit.status).toBe('FILED');
      expect(suit.history.map((h: { value: string }) => h.value)).toEqual(['"FILED"']);
      for (const c of suit.citations) sources.add(c.source.slug);
    }
    for (const c of dispute.citations) sources.add(c.source.slug);
    for (const edge of dispute.timeline.edges) for (const c of edge.node.citations) sources.add(c.source.slug);
    expect([...sources]).toEqual([SEED.source.slug]);

    const later = await ok(DISPUTE_QUERY, { slug: DISPUTE, asOf: '2021-08' });
    expect(later.dispute.status).toBe('RESOLVED');
    expect(later.dispute.lawsuits.map((s: { status: string }) => s.status)).toEqual(['SETTLED', 'SETTLED']);
    // Before the report, nothing of it was known.
    expect((await ok(DISPUTE_QUERY, { slug: DISPUTE, asOf: '2019' })).dispute).toBeNull();
  });

  it('refuses an asOf that is not a date, as a client error', async () => {
    for (const asOf of ['yesterday', '2020-13', '<2020']) {
      const res = await server.gql(DISPUTE_QUERY, { slug: DISPUTE, asOf });
      expect([asOf, res.status, res.errors?.[0].extensions?.code]).toEqual([asOf, 400, 'BAD_USER_INPUT']);
    }
  });

  it('holds two sources that disagree side by side', async () => {
    const [stat] = SEED.patentStats.filter((p: { scope: string }) => p.scope === 'US');
    const { provenance: _p, attribution: _a, claimedBy: _c, ...item } = structuredClone(stat);
    const doc = {
      source: COUNT_SOURCE,
      patentStats: [{ ...item, count: 12000, quotes: [US_COUNT], provenance: { count: { basis: 'STATED', quotes: [US_COUNT] } } }],
    };
    await ok('mutation($doc: JSONObject!) { importSource(input: $doc) { status } }', { doc });
    const { company } = await ok(
      `{ company(slug: "huawei") { patentStats { scope count disagreements { field values statements { value source { slug } } } } } }`,
    );
    const us = company.patentStats.find((p: { scope: string }) => p.scope === 'US');
    // The later source's count is current; both stay, side by side.
    expect(us.count).toBe(12000);
    expect(us.disagreements).toEqual([
      {
        field: 'count',
        values: ['10000', '12000'],
        statements: [
          { value: '10000', source: { slug: SEED.source.slug } },
          { value: '12000', source: { slug: COUNT_SOURCE.slug } },
        ],
      },
    ]);
    // A status that moved is history, not a disagreement.
    const { lawsuit } = await ok(`{ lawsuit(slug: "${SUITS[0]}") { disagreements { field } } }`);
    expect(lawsuit.disagreements).toEqual([]);
  });

  it('keeps the follow-up when the 2020 report is imported again', async () => {
    const doc = structuredClone(SEED);
    const res = await ok('mutation($doc: JSONObject!) { importSource(input: $doc) { status } }', { doc });
    expect(res.importSource.status).toBe('unchanged');
    const forced = await server.gql(
      'mutation($doc: JSONObject!) { importSource(input: $doc) { status } }',
      { doc: { ...doc, source: { ...doc.source, title: `${doc.source.title} (again)` } } },
      editor,
    );
    expect(forced.errors).toBeUndefined();
    const { dispute } = await ok(DISPUTE_QUERY, { slug: DISPUTE });
    expect(dispute.status).toBe('RESOLVED');
    expect(dispute.lawsuits.map((s: { status: string }) => s.status)).toEqual(['SETTLED', 'SETTLED']);
    expect(dispute.history).toHaveLength(2);
  });
});

describe('as-of reads, across the root fields', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ url: await freshDatabaseUrl() });
    const editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
    await server.gql('mutation($input: AddSourceInput!) { addSource(input: $input) { slug } }', { input: FOLLOW_UP }, editor);
    const res = await server.gql(
      `mutation { recordStatement(input: { slug: "settled-statement", speaker: "huawei", text: "Settled.", citations: [{ source: "${FOLLOW_UP.slug}", quote: "${SETTLED}" }] }) { slug } }`,
      {},
      editor,
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it('leaves out what a later source first stated, from lists, counts, the timeline and search', async () => {
    const query = `query($asOf: String) {
      disputes(asOf: $asOf) { totalCount }
      company(slug: "huawei", asOf: $asOf) { slug statements { slug } }
      timeline(asOf: $asOf, first: 50) { totalCount edges { node { title } } }
    }`;
    // Priced: a search as of a date costs 1.5 times its price plus PRICES.asOf (and the limit is 5,000).
    const search = async (asOf?: string) =>
      (await server.gql(`query($asOf: String) { search(text: "Settled", asOf: $asOf) { node { __typename } } }`, { asOf })).data.search;
    const now = await server.gql(query, {});
    const then = await server.gql(query, { asOf: '2020-12-31' });
    expect(now.errors).toBeUndefined();
    expect(then.errors).toBeUndefined();
    const slugs = (d: any) => d.company.statements.map((s: { slug: string }) => s.slug);
    expect(slugs(now.data)).toContain('settled-statement');
    expect(slugs(then.data)).not.toContain('settled-statement');
    expect(then.data.disputes.totalCount).toBe(now.data.disputes.totalCount);
    expect(now.data.timeline.totalCount - then.data.timeline.totalCount).toBe(0); // the statement is undated: not on the timeline
    expect((await search()).length).toBeGreaterThan((await search('2020-12-31')).length);
    // Before any source, nothing at all.
    const before = await server.gql(query, { asOf: '1999' });
    expect(before.data).toMatchObject({ disputes: { totalCount: 0 }, company: null, timeline: { totalCount: 0 } });
    expect(await search('1999')).toEqual([]);
  });

  it('takes one date per operation', async () => {
    const res = await server.gql(`{ a: dispute(slug: "${DISPUTE}", asOf: "2020") { slug } b: dispute(slug: "${DISPUTE}", asOf: "2021") { slug } }`);
    expect([res.status, res.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses an operation that reads some root fields as of a date and others not, however the root fields are spread', async () => {
    const asOf = `dispute(slug: "${DISPUTE}", asOf: "2019") { slug }`;
    const present = `lawsuit(slug: "huawei-v-verizon-patent-suit-rkq") { slug }`;
    for (const query of [
      `{ ${asOf} ${present} }`,
      `{ ... on Query { ${asOf} } ${present} }`,
      `query { ...Past ${present} } fragment Past on Query { ${asOf} }`,
      `{ ${asOf} node(id: "x") { id } }`,
    ]) {
      const res = await server.gql(query);
      expect([query, res.status, res.errors?.[0].extensions?.code, res.data]).toEqual([query, 400, 'BAD_USER_INPUT', undefined]);
      expect(res.errors?.[0].message).toMatch(/gives it on every root field/);
    }
    // The same date on every root field, through a fragment too, and __typename beside them.
    const both = await server.gql(`{ __typename ... on Query { ${asOf} } lawsuit(slug: "huawei-v-verizon-patent-suit-rkq", asOf: "2019") { slug } }`);
    expect(both.errors).toBeUndefined();
    expect(both.data).toMatchObject({ dispute: null, lawsuit: null });
  });
});

describe('the migration to statements', () => {
  it('turns provenance into statements of its source with the current values, and back', async () => {
    const dataSource = await openTestDatabase({ url: await freshDatabaseUrl() });
    try {
      await seedAll(dataSource);
      const read = () =>
        dataSource.query(
          'SELECT id, subject_type, subject_id, field, value, basis, quotes, note, source_id, known_since, rank FROM field_statement ORDER BY id',
        );
      const written = await read();
      expect(written.length).toBeGreaterThan(100);
      // Down (after undoing the migrations that came later): each field's current statement becomes its provenance row, the statements go.
      const last = async () => ((await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as { name: string }[])[0].name;
      while (!(await last()).startsWith('FieldStatements')) await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM field_provenance');
      expect(Number(n)).toBe(written.length);
      // Up: the same statements again, from the rows as the seed left them; but a dispute's
      // technologies, a column this migration adds (down dropped it, and its values).
      await dataSource.runMigrations({ transaction: 'each' });
      const added = (rows: { subject_type: string; field: string }[]) => rows.filter((r) => !(r.subject_type === 'Dispute' && r.field === 'technologies'));
      expect(added(await read())).toEqual(added(written));
      // What only the new schema holds is gone with down (the ranking's described claimant, the
      // dispute's technologies); everything else still says who says so.
      const lost = /^(Ranking|RankingEntry):\d+(\.\w+)?: CLAIMED without a claimant$|^Dispute:\d+\.technologies: /;
      expect((await invariantViolations(dataSource)).filter((v) => !lost.test(v))).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('what statements cost to read', () => {
  const counter = new StatementCounter();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger: counter, url: await freshDatabaseUrl() });
  });
  afterAll(() => server.close());

  const page = (
    extra: string,
  ) => `query($asOf: String) { dispute(slug: "${DISPUTE}", asOf: $asOf) { status provenance { field basis citations { quote } } ${extra}
    lawsuits { slug status provenance { field basis } ${extra} } negotiations { slug status provenance { field } ${extra} } } }`;
  async function selects(query: string, asOf?: string) {
    counter.reset();
    const res = await server.gql(query, { asOf });
    expect(res.errors).toBeUndefined();
    return counter.selects;
  }

  it('reads history and disagreements in the batch provenance already reads: no statement more', async () => {
    const current = await selects(page(''));
    expect(await selects(page('history(field: "status") { value source { slug } } disagreements { field }'))).toBe(current + 1); // the statements' sources, once
    expect(await selects(page('history(field: "status") { value } disagreements { field }'))).toBe(current);
  });

  it('reads as of a date in at most twice the statements of a current read', async () => {
    const current = await selects(page(''));
    const asOf = await selects(page(''), '2020-06');
    expect(asOf).toBeGreaterThan(current);
    expect(asOf).toBeLessThanOrEqual(2 * current);
  });

  it('reads link rows as of a date (sides, plaintiffs, defendants) within the same bound', async () => {
    const links = 'sides { party { __typename } }';
    const query = page('').replace('lawsuits { slug', `${links} lawsuits { plaintiffs { __typename } defendants { __typename } slug`);
    const current = await selects(query);
    const asOf = await selects(query, '2020-06');
    expect(asOf).toBeGreaterThan(current);
    expect(asOf).toBeLessThanOrEqual(2 * current);
  });
});
