import { Role } from '../src/common/role.enum';
import { SqlReader } from '../src/common/database/sql-reader';
import { seedAll } from '../seeds/seed-all';
import { IdentityService } from '../src/modules/identity/identity.service';
import { readFileSync } from 'node:fs';
import { bearer, createKey, freshDatabaseUrl, SEED_DOCUMENT_PATH, startTestServer, type TestServer } from './helpers';
import { withoutSaysWho } from '../bench/follow-up-report';
import { invariantViolations } from './says-who-invariant';

/**
 * Parties that move or merge: a changed slug, a party merged into another, and the seed's
 * corrected slugs keep resolving; a merge moves every link in one transaction; "not the same"
 * is recorded for party linking; aliases are statements with history. On SQLite and PostgreSQL.
 */

const SOURCE = '2020-02-06-huawei-verizon';
const cite = (quote: string) => ({ source: SOURCE, quote });
const OLD_SUITS = ['huawei-v-verizon-patent-1', 'huawei-v-verizon-patent-2'];
const SUITS = ['huawei-v-verizon-patent-suit-rkq', 'huawei-v-verizon-patent-suit-wbt'];

describe('identifiers that move', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ url: await freshDatabaseUrl() });
    editor = bearer(await createKey(server, Role.EDITOR, 'identity-desk'));
    admin = bearer(await createKey(server, Role.ADMIN, 'identity-ops'));
  });
  afterAll(() => server.close());
  // After every write, the says-who invariant holds over the whole store.
  afterEach(async () => expect(await invariantViolations(server.dataSource)).toEqual([]));

  const count = async (sql: string) => Number((await server.dataSource.query(sql))[0].n);
  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
  const fieldsOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    ((res.errors?.[0]?.extensions?.invalidArguments ?? []) as { field: string; problems: string[] }[]).map((i) => i.field);

  it('resolves the seed suits and decision by their former slugs, which no longer suggest an order or a target', async () => {
    for (const [i, old] of OLD_SUITS.entries()) {
      const res = await server.gql(`{ lawsuit(slug: "${old}") { slug title } }`);
      expect(res.data.lawsuit).toEqual({ slug: SUITS[i], title: 'Huawei v. Verizon (one of two patent infringement suits)' });
    }
    const fcc = await server.gql(`{ lawsuit(slug: "huawei-v-fcc") { challenges { slug } } }`);
    expect(fcc.data.lawsuit.challenges.slug).toBe('regulatory-decision-challenged-by-huawei');
    // A mutation naming a suit by its former slug changes that suit.
    const res = await server.gql(
      `mutation { updateLawsuitStatus(input: { slug: "${OLD_SUITS[0]}", status: FILED, citations: [{ source: "${SOURCE}", quote: "Huawei Technologies has filed two patent infringement lawsuits" }] }) { slug status } }`,
      {},
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateLawsuitStatus.slug).toBe(SUITS[0]);
    // A new fact cannot take a former slug: old links would silently change meaning.
    const taken = await server.gql(
      `mutation($input: FileLawsuitInput!) { fileLawsuit(input: $input) { slug } }`,
      {
        input: {
          slug: OLD_SUITS[1],
          title: 'Another suit',
          kind: 'PATENT_INFRINGEMENT',
          parties: [
            { party: 'huawei', role: 'PLAINTIFF' },
            { party: 'verizon', role: 'DEFENDANT' },
          ],
          citations: [cite('Huawei Technologies has filed two patent infringement lawsuits')],
        },
      },
      editor,
    );
    expect(codeOf(taken)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(taken)).toEqual(['slug']);
  });

  it('reads the US patent count as "at least" (both readings of "more than"), inferred with a note, and gives statements their values typed', async () => {
    const res = await server.gql(
      `{ company(slug: "huawei") { patentStats { scope count qualifier history(field: "qualifier") { value valueJson basis note } } } }`,
    );
    const us = res.data.company.patentStats.find((s: { scope: string }) => s.scope === 'US');
    expect(us).toMatchObject({ count: 10000, qualifier: 'AT_LEAST' });
    expect(us.history).toEqual([{ value: '"AT_LEAST"', valueJson: 'AT_LEAST', basis: 'INFERRED', note: expect.stringContaining('may govern both figures') }]);
    const counts = await server.gql(`{ company(slug: "huawei") { patentStats { history(field: "count") { valueJson } } } }`);
    expect(counts.data.company.patentStats.flatMap((s: { history: { valueJson: unknown }[] }) => s.history.map((h) => h.valueJson)).sort()).toEqual([
      10000, 80000,
    ]);
  });

  it('gives a fact a new slug, and the old one keeps resolving (lawsuit(slug), the lawsuits filter, node(id))', async () => {
    const found = await server.gql(`{ lawsuit(slug: "us-v-meng-wanzhou-fraud") { id } }`);
    const id = found.data.lawsuit.id;
    const res = await server.gql(
      `mutation($input: ChangeSlugInput!) { changeSlug(input: $input) { id ... on Lawsuit { slug } } }`,
      { input: { id, slug: 'us-fraud-charges-against-meng-wanzhou', reason: 'a clearer key' } },
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.changeSlug).toEqual({ id, slug: 'us-fraud-charges-against-meng-wanzhou' });
    expect((await server.gql(`{ lawsuit(slug: "us-v-meng-wanzhou-fraud") { slug } }`)).data.lawsuit.slug).toBe('us-fraud-charges-against-meng-wanzhou');
    // Taking back its own former slug is allowed; a source's slug never changes.
    const back = await server.gql(
      `mutation { changeSlug(input: { id: "${id}", slug: "us-v-meng-wanzhou-fraud", reason: "undo" }) { ... on Lawsuit { slug } } }`,
      {},
      editor,
    );
    expect(back.data.changeSlug.slug).toBe('us-v-meng-wanzhou-fraud');
    const source = await server.gql(`{ sources(first: 1) { edges { node { id } } } }`);
    const refused = await server.gql(
      `mutation { changeSlug(input: { id: "${source.data.sources.edges[0].node.id}", slug: "another", reason: "no" }) { id } }`,
      {},
      editor,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect((await server.gql(`mutation { changeSlug(input: { id: "${id}", slug: "x", reason: "r" }) { id } }`)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('adds and removes an alias as statements of the aliases, with who, when and where', async () => {
    const added = await server.gql(
      `mutation($input: AddPartyAliasInput!) { addPartyAlias(input: $input) { ... on Company { aliases history(field: "aliases") { valueJson basis recordedBy source { slug } rank } } } }`,
      {
        input: {
          party: 'huawei',
          alias: 'Shenzhen-based Huawei',
          citations: [cite('Shenzhen-based Huawei is one of the world’s most prolific patent holders')],
        },
      },
      editor,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data.addPartyAlias.aliases).toEqual(['Huawei', 'Shenzhen-based Huawei']);
    expect(added.data.addPartyAlias.history.at(-1)).toMatchObject({
      valueJson: ['Huawei', 'Shenzhen-based Huawei'],
      basis: 'STATED',
      recordedBy: 'identity-desk',
      source: { slug: SOURCE },
    });
    // No quote contains the name and no note says where it comes from: refused.
    const unstated = await server.gql(
      `mutation { addPartyAlias(input: { party: "huawei", alias: "HW", citations: [{ source: "${SOURCE}", quote: "Huawei Technologies has filed two patent infringement lawsuits" }] }) { __typename } }`,
      {},
      editor,
    );
    expect(fieldsOf(unstated)).toEqual(['citations']);
    const removed = await server.gql(
      `mutation { removePartyAlias(input: { party: "huawei", alias: "Shenzhen-based Huawei", reason: "an epithet, not a name" }) { ... on Company { aliases history(field: "aliases") { valueJson basis note source { slug } } } } }`,
      {},
      editor,
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removePartyAlias.aliases).toEqual(['Huawei']);
    expect(removed.data.removePartyAlias.history.at(-1)).toMatchObject({ valueJson: ['Huawei'], basis: 'INFERRED', source: null });
    expect(removed.data.removePartyAlias.history.length).toBeGreaterThanOrEqual(3);
    const unknown = await server.gql(`mutation { removePartyAlias(input: { party: "huawei", alias: "Nope", reason: "r" }) { __typename } }`, {}, editor);
    expect(fieldsOf(unknown)).toEqual(['alias']);
  });

  it('merges two records of one party: links move, counts and search follow, the old slug and ID resolve, the decision is kept and audited', async () => {
    const created = await server.gql(
      `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id slug } }`,
      {
        input: {
          slug: 'huawei-technologies',
          name: 'Huawei Technologies Co.',
          citations: [cite('Huawei Technologies has filed two patent infringement lawsuits')],
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const absorbedId = created.data.createCompany.id;
    const filed = await server.gql(
      `mutation($input: FileLawsuitInput!) { fileLawsuit(input: $input) { slug } }`,
      {
        input: {
          slug: 'huawei-technologies-v-verizon',
          title: 'Huawei Technologies v. Verizon',
          kind: 'PATENT_INFRINGEMENT',
          parties: [
            { party: 'huawei-technologies', role: 'PLAINTIFF' },
            { party: 'huawei', role: 'PLAINTIFF' },
            { party: 'verizon', role: 'DEFENDANT' },
          ],
          citations: [cite('Huawei Technologies has filed two patent infringement lawsuits')],
          attribution: 'CLAIMED',
          claimedBy: 'huawei-technologies',
        },
      },
      editor,
    );
    expect(filed.errors).toBeUndefined();
    const companies = async () => (await server.gql(`{ companies { totalCount } }`)).data.companies.totalCount;
    const before = { companies: await companies(), links: await count(`SELECT COUNT(*) AS n FROM lawsuit_party`) };
    const huaweiLinks = await count(`SELECT COUNT(*) AS n FROM lawsuit_party lp JOIN party p ON p.id = lp.party_id WHERE p.slug = 'huawei'`);

    // Refusals first: a client's mistake, named by field, nothing written.
    const self = await server.gql(`mutation { mergeParties(input: { keep: "huawei", absorb: "huawei", reason: "same" }) { id } }`, {}, editor);
    // Refused as a write refuses a client's mistake: BAD_USER_INPUT with the field, never a server error.
    expect([self.status < 500, codeOf(self), fieldsOf(self)]).toEqual([true, 'BAD_USER_INPUT', ['absorb']]);
    const unknown = await server.gql(`mutation { mergeParties(input: { keep: "huawei", absorb: "no-such-party", reason: "same" }) { id } }`, {}, editor);
    expect([codeOf(unknown), fieldsOf(unknown)]).toEqual(['BAD_USER_INPUT', ['absorb']]);
    const kinds = await server.gql(`mutation { mergeParties(input: { keep: "huawei", absorb: "meng-wanzhou", reason: "no" }) { id } }`, {}, editor);
    expect([codeOf(kinds), fieldsOf(kinds)]).toEqual(['BAD_USER_INPUT', ['absorb']]);
    const blank = await server.gql(`mutation { mergeParties(input: { keep: "huawei", absorb: "huawei-technologies", reason: " " }) { id } }`, {}, editor);
    expect(fieldsOf(blank)).toEqual(['reason']);
    const reader = await server.gql(`mutation { mergeParties(input: { keep: "huawei", absorb: "huawei-technologies", reason: "one company" }) { id } }`);
    expect(codeOf(reader)).toBe('UNAUTHENTICATED');
    expect(await companies()).toBe(before.companies);

    const merged = await server.gql(
      `mutation { mergeParties(input: { keep: "huawei", absorb: "huawei-technologies", reason: "Huawei Technologies Co. is Huawei's legal name" }) {
        id kind reason decidedBy absorbedSlug absorbedName party { ... on Company { slug aliases } } otherParty { __typename } } }`,
      {},
      editor,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeParties).toMatchObject({
      kind: 'MERGED',
      decidedBy: 'identity-desk',
      absorbedSlug: 'huawei-technologies',
      absorbedName: 'Huawei Technologies Co.',
      party: { slug: 'huawei', aliases: ['Huawei', 'Huawei Technologies Co.'] },
      otherParty: null,
    });
    // The absorbed party's link duplicated Huawei's on the same side: one row left, not two.
    expect(await count(`SELECT COUNT(*) AS n FROM lawsuit_party`)).toBe(before.links - 1);
    expect(await count(`SELECT COUNT(*) AS n FROM lawsuit_party lp JOIN party p ON p.id = lp.party_id WHERE p.slug = 'huawei'`)).toBe(huaweiLinks);
    expect(await count(`SELECT COUNT(*) AS n FROM party WHERE slug = 'huawei-technologies'`)).toBe(0);
    expect(await companies()).toBe(before.companies - 1);
    const suit = await server.gql(
      `{ lawsuit(slug: "huawei-technologies-v-verizon") { plaintiffs { ... on Company { slug } } claimedBy { ... on Company { slug } } } }`,
    );
    expect(suit.data.lawsuit).toEqual({ plaintiffs: [{ slug: 'huawei' }], claimedBy: { slug: 'huawei' } });
    // The old slug and global ID answer with the survivor, everywhere a party is looked up.
    expect((await server.gql(`{ company(slug: "huawei-technologies") { slug } }`)).data.company.slug).toBe('huawei');
    expect((await server.gql(`{ node(id: "${absorbedId}") { ... on Company { slug } } }`)).data.node.slug).toBe('huawei');
    const filter = await server.gql(`{ lawsuits(filter: { party: "huawei-technologies" }) { totalCount } }`);
    expect(filter.data.lawsuits.totalCount).toBe(huaweiLinks);
    const network = await server.gql(`{ conflictNetwork(center: "huawei-technologies", depth: 1) { nodes { party { ... on Company { slug } } } } }`);
    expect(network.errors).toBeUndefined();
    // The search index follows: the absorbed name finds the survivor, and only it.
    const search = await server.gql(`{ search(text: "Huawei Technologies Co") { node { __typename ... on Company { slug } } } }`);
    const companiesFound = search.data.search.filter((hit: { node: { __typename: string } }) => hit.node.__typename === 'Company');
    expect([...new Set(companiesFound.map((hit: { node: { slug: string } }) => hit.node.slug))]).toEqual(['huawei']);
    // A mutation naming the absorbed party reaches the survivor.
    const alias = await server.gql(
      `mutation { addPartyAlias(input: { party: "huawei-technologies", alias: "the Chinese corporation", citations: [{ source: "${SOURCE}", quote: "the Chinese corporation’s business with its last major American clients" }] }) { ... on Company { slug } } }`,
      {},
      editor,
    );
    expect(alias.data.addPartyAlias.slug).toBe('huawei');
    // The decision is listed for the party and audited with every row it moved.
    const decisions = await server.gql(`{ partyDecisions(party: "huawei") { kind reason absorbedSlug } }`);
    expect(decisions.data.partyDecisions).toEqual([
      { kind: 'MERGED', reason: "Huawei Technologies Co. is Huawei's legal name", absorbedSlug: 'huawei-technologies' },
    ]);
    const log = await server.gql(`{ auditLog(first: 5) { edges { node { action subject changes { op table } } } } }`, {}, admin);
    const entry = log.data.auditLog.edges.map((e: { node: unknown }) => e.node).find((n: { action: string }) => n.action === 'mergeParties');
    expect(entry.subject).toBe(merged.data.mergeParties.id);
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { op: 'DELETE', table: 'party' },
        { op: 'DELETE', table: 'lawsuit_party' },
        { op: 'UPDATE', table: 'fact_attribution' },
        { op: 'INSERT', table: 'party_decision' },
      ]),
    );
    // Merged once, the absorbed slug names the survivor itself: merging again is merging a party into itself.
    const again = await server.gql(`mutation { mergeParties(input: { keep: "huawei", absorb: "huawei-technologies", reason: "again" }) { id } }`, {}, editor);
    expect(fieldsOf(again)).toEqual(['absorb']);
  });

  it('re-imports a document that still defines the absorbed party without bringing it back or renaming the survivor', async () => {
    const before = await count(`SELECT COUNT(*) AS n FROM party`);
    const doc = {
      source: {
        slug: 'identity-follow-up',
        title: 'Follow-up',
        publisher: 'Test Wire',
        publishedOn: '2021-01-05',
        text: 'Huawei Technologies Co. sued Verizon Communications again, the company said on Monday.',
      },
      parties: [{ type: 'COMPANY', slug: 'huawei-technologies', name: 'Huawei Technologies Co.', quotes: ['Huawei Technologies Co. sued Verizon'] }],
      events: [
        {
          slug: 'identity-follow-up-suit',
          title: 'Huawei Technologies sues Verizon again',
          participants: ['huawei-technologies', 'verizon'],
          quotes: ['Huawei Technologies Co. sued Verizon Communications again'],
        },
      ],
    };
    const res = await server.gql(`mutation($doc: JSONObject!) { importSource(input: $doc) { status } }`, { doc }, editor);
    expect(res.errors).toBeUndefined();
    expect(await count(`SELECT COUNT(*) AS n FROM party`)).toBe(before);
    const event = await server.gql(`{ company(slug: "huawei") { name } }`);
    expect(event.data.company.name).toBe('Huawei Technologies');
    const participants = await server.gql(`{ node(id: "${await eventId()}") { ... on Event { participants { ... on Company { slug } } } } }`);
    expect(participants.data.node.participants.map((p: { slug: string }) => p.slug).sort()).toEqual(['huawei', 'verizon']);

    async function eventId() {
      const [row] = await server.dataSource.query(`SELECT id FROM event WHERE slug = 'identity-follow-up-suit'`);
      return Buffer.from(`Event:${row.id}`).toString('base64url');
    }
  });

  it('records "not the same" for party linking, and refuses to merge such a pair', async () => {
    const res = await server.gql(
      `mutation { markNotSameParty(input: { party: "apple", other: "amazon", reason: "two companies" }) { kind party { ... on Company { slug } } otherParty { ... on Company { slug } } } }`,
      {},
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.markNotSameParty.kind).toBe('NOT_SAME');
    const identity = new IdentityService();
    const reader = new SqlReader(server.dataSource);
    expect(await identity.isNotSame(reader, 'amazon', 'apple')).toBe(true);
    expect(await identity.isNotSame(reader, 'apple', 'ibm')).toBe(false);
    expect(await identity.notSamePairs(reader)).toContainEqual({ party: 'apple', other: 'amazon' });
    const merge = await server.gql(`mutation { mergeParties(input: { keep: "apple", absorb: "amazon", reason: "oops" }) { id } }`, {}, editor);
    expect(merge.errors?.[0]?.message).toMatch(/not the same/);
    const twice = await server.gql(`mutation { markNotSameParty(input: { party: "amazon", other: "apple", reason: "again" }) { kind } }`, {}, editor);
    expect(fieldsOf(twice)).toEqual(['other']);
  });

  it('shows a fact’s link rows as of a date: a party a later source adds is not on the fact before', async () => {
    // The suit restated by a later source, only its defendants changed (and stated).
    const seeded = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8')).lawsuits.find((l: { slug: string }) => l.slug === SUITS[1]);
    const suit = withoutSaysWho(seeded);
    const doc = {
      source: {
        slug: 'identity-joinder',
        title: 'Qualcomm joins',
        publisher: 'Test Wire',
        publishedOn: '2021-03-01',
        text: 'Verizon and Qualcomm are now both defendants in the Huawei suits, a filing shows.',
      },
      lawsuits: [
        {
          ...suit,
          defendants: ['verizon', 'qualcomm'],
          quotes: ['Verizon and Qualcomm are now both defendants in the Huawei suits'],
          attribution: 'REPORTED',
          provenance: { defendants: { basis: 'STATED', quotes: ['Verizon and Qualcomm are now both defendants'] } },
        },
      ],
    };
    const res = await server.gql(`mutation($doc: JSONObject!) { importSource(input: $doc) { status } }`, { doc }, editor);
    expect(res.errors).toBeUndefined();
    const defendants = async (asOf?: string) =>
      (
        await server.gql(`query($asOf: String) { lawsuit(slug: "${SUITS[1]}", asOf: $asOf) { defendants { ... on Company { slug } } } }`, { asOf })
      ).data.lawsuit.defendants.map((p: { slug: string }) => p.slug);
    expect(await defendants()).toEqual(['verizon', 'qualcomm']);
    expect(await defendants('2021-06')).toEqual(['verizon', 'qualcomm']);
    expect(await defendants('2020-06')).toEqual(['verizon']);
    // A party held in a column (a decision's authority) follows the date the same way.
    const decision = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8')).regulatoryActions[0];
    const { provenance: _dp, attribution: _da, ...action } = decision;
    const AUTHOR = 'The regulatory decision was made by the United States government';
    const restated = {
      source: { slug: 'identity-decision', title: 'Who decided', publisher: 'Test Wire', publishedOn: '2021-04-01', text: `${AUTHOR}, a filing shows.` },
      regulatoryActions: [
        { ...action, authority: 'us-government', quotes: [AUTHOR], attribution: 'REPORTED', provenance: { authority: { basis: 'STATED', quotes: [AUTHOR] } } },
      ],
    };
    const imported = await server.gql(`mutation($doc: JSONObject!) { importSource(input: $doc) { status } }`, { doc: restated }, editor);
    expect(imported.errors).toBeUndefined();
    const authority = async (asOf?: string) =>
      (
        await server.gql(`query($asOf: String) { lawsuit(slug: "huawei-v-fcc", asOf: $asOf) { challenges { authority { ... on Authority { slug } } } } }`, {
          asOf,
        })
      ).data.lawsuit.challenges.authority.slug;
    expect(await authority()).toBe('us-government');
    expect(await authority('2020-06')).toBe('fcc');
    // A dispute's sides follow the date the same way (its statements name no later party here).
    const sides = await server.gql(`{ dispute(slug: "huawei-verizon-patents", asOf: "2020-06") { sides { party { ... on Company { slug } } } } }`);
    expect(sides.errors).toBeUndefined();
    expect(sides.data.dispute.sides.map((s: { party: { slug: string } }) => s.party.slug).sort()).toEqual(['huawei', 'verizon']);
  });
});

describe('a store seeded by the previous version', () => {
  it('ends with the new slugs after its migration and seeding, the old ones recorded and resolving, nothing duplicated', async () => {
    const server = await startTestServer({ url: await freshDatabaseUrl() });
    try {
      const { dataSource } = server;
      // Back to before: the migration's down renames the slugs back and drops the new tables;
      // the stored document's hash is that of the old seed document.
      const last = async () => ((await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as { name: string }[])[0].name;
      while (!(await last()).startsWith('PartyIdentity')) await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.undoLastMigration({ transaction: 'each' });
      const [old] = await dataSource.query(`SELECT COUNT(*) AS n FROM lawsuit WHERE slug IN ('${OLD_SUITS.join("', '")}')`);
      expect(Number(old.n)).toBe(2);
      await dataSource.query(`UPDATE source SET content_hash = 'before' WHERE slug = '${SOURCE}'`);
      const lawsuits = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM lawsuit`))[0].n);
      await dataSource.runMigrations({ transaction: 'each' });
      const [report] = await seedAll(dataSource);
      expect(report.status).toBe('updated');
      expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM lawsuit`))[0].n)).toBe(lawsuits);
      const slugs = (await dataSource.query(`SELECT slug FROM lawsuit ORDER BY slug`)).map((r: { slug: string }) => r.slug);
      expect(slugs).toEqual(expect.arrayContaining(SUITS));
      expect(slugs).not.toEqual(expect.arrayContaining([OLD_SUITS[0]]));
      for (const [i, former] of OLD_SUITS.entries()) {
        expect((await server.gql(`{ lawsuit(slug: "${former}") { slug } }`)).data.lawsuit.slug).toBe(SUITS[i]);
      }
      // The seed's statements were confirmed, not doubled: no history of a slug.
      const challenges = await server.gql(`{ lawsuit(slug: "huawei-v-fcc") { history(field: "challenges") { value rank } } }`);
      expect(challenges.data.lawsuit.history).toEqual([{ value: '"regulatory-decision-challenged-by-huawei"', rank: 'NORMAL' }]);
      expect(await invariantViolations(dataSource)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
