import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';

/**
 * Following a story: an editor drafts a follow-up report, reviews it (links a name, corrects an
 * item, rejects one) and accepts the rest; the accepted facts reach the dispute page, nothing of
 * the draft before. Every client mistake is a 4xx with a code, and a refused acceptance writes nothing.
 */
const report = (name: string) => readFileSync(path.resolve(__dirname, `../bench/draft-eval/${name}.txt`), 'utf8');

const SETTLEMENT = {
  slug: '2021-07-20-huawei-verizon-settle',
  title: 'Huawei and Verizon settle patent suits',
  publisher: 'Test Wire',
  publishedOn: '2021-07-20',
  text: report('settlement'),
};
const SANCTION = {
  slug: '2021-09-14-kestrel-sanctions',
  title: 'New sanctions on a Huawei supplier',
  publisher: 'Test Wire',
  publishedOn: '2021-09-14',
  text: report('sanction'),
};

const DRAFT = `mutation($input: AddSourceInput!) { draftSource(input: $input) {
  id status pendingCount source { slug }
  mentions { id key name slug kind decision linked { slug rule score } spans { start end } }
  items { key kind status typeName cue quote start end entry targetSlug targetStatus }
  dates { phrase date { iso } note }
} }`;
const ACCEPT = `mutation($draft: ID!, $items: [String!]!, $edits: [DraftItemEdit!]) { acceptDraftItems(draft: $draft, items: $items, edits: $edits) {
  status pendingCount items { key status decidedBy }
} }`;
const REJECT = `mutation($draft: ID!, $items: [String!]!, $reason: String!) { rejectDraftItems(draft: $draft, items: $items, reason: $reason) { status items { key status reason } } }`;
const LINK = `mutation($input: LinkMentionInput!) { linkMention(input: $input) { key slug decision linked { slug } } }`;
const DISPUTE = `{ dispute(slug: "huawei-verizon-patents") { status lawsuits { slug status history(field: "status") { value source { slug } } } } }`;

describe('drafting and reviewing a report', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR));
    viewer = bearer(await createKey(server, Role.VIEWER));
  });
  afterAll(() => server.close());

  const codeOf = (answer: any) => answer.errors?.[0]?.extensions?.code;

  it('drafts a settlement as status updates of the stored suits; accepting them settles the suits and ends the dispute', async () => {
    const drafted: any = await server.gql(DRAFT, { input: SETTLEMENT }, editor);
    expect(drafted.errors).toBeUndefined();
    const draft = drafted.data.draftSource;
    expect(draft).toMatchObject({ status: 'OPEN', source: { slug: SETTLEMENT.slug } });
    // Every quote and span is the report's text, verbatim.
    for (const item of draft.items) expect(SETTLEMENT.text.slice(item.start, item.end)).toBe(item.quote);
    for (const mention of draft.mentions) expect(SETTLEMENT.text.slice(mention.spans[0].start, mention.spans[0].end)).toBe(mention.name);
    expect(draft.mentions.find((m: any) => m.name === 'Huawei Technologies')).toMatchObject({ slug: 'huawei', linked: { slug: 'huawei', rule: 'NAME' } });
    const proposed = draft.items.filter((item: any) => item.kind === 'UPDATE');
    expect(proposed.map((u: any) => [u.targetSlug, u.targetStatus, u.entry.status])).toEqual([
      ['huawei-v-verizon-patent-suit-rkq', 'FILED', 'SETTLED'],
      ['huawei-v-verizon-patent-suit-wbt', 'FILED', 'SETTLED'],
      // "The two companies … had reached a licensing agreement": the stored talks, concluded after all.
      ['huawei-verizon-patent-licensing', 'FAILED', 'CONCLUDED'],
      // "Huawei continues to challenge the FCC in court" restates the suit; "a ruling that upheld the regulator's decision" decides it.
      ['huawei-v-fcc', 'FILED', 'FILED'],
      ['huawei-v-fcc', 'FILED', 'DECIDED'],
    ]);
    const updates = proposed.filter((u: any) => u.entry.status === 'SETTLED');
    const statements = draft.items.filter((item: any) => item.typeName === 'Statement');
    expect(statements.length).toBeGreaterThanOrEqual(2);

    // Nothing of the draft is visible to readers: no drafts, the suits still filed.
    expect(codeOf(await server.gql('{ drafts { totalCount } }', {}, viewer))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(`{ draft(id: "${draft.id}") { id } }`))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const before: any = await server.gql(DISPUTE);
    expect(before.data.dispute.lawsuits.filter((l: any) => l.slug.startsWith('huawei-v-verizon')).map((l: any) => l.status)).toEqual(['FILED', 'FILED']);

    const listed: any = await server.gql('{ drafts(status: OPEN, first: 5) { totalCount edges { node { id pendingCount } } } }', {}, editor);
    expect(listed.data.drafts.edges.map((e: any) => e.node.id)).toContain(draft.id);

    // Accept the updates and the first statement, its text corrected; reject the rest.
    const statement = statements[0];
    const edited = { ...statement.entry, text: `${statement.entry.text}.`.replace(/\.\.$/, '.') };
    const accepted: any = await server.gql(
      ACCEPT,
      { draft: draft.id, items: [...updates.map((u: any) => u.key), statement.key], edits: [{ item: statement.key, entry: edited }] },
      editor,
    );
    expect(accepted.errors).toBeUndefined();
    const taken = new Set([...updates.map((u: any) => u.key), statement.key]);
    const rest = draft.items.filter((item: any) => !taken.has(item.key)).map((item: any) => item.key);
    const rejected: any = await server.gql(REJECT, { draft: draft.id, items: rest, reason: 'not about the dispute' }, editor);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.rejectDraftItems.status).toBe('REVIEWED');

    // The dispute page: both suits settled, citing the follow-up; the dispute resolved.
    const after: any = await server.gql(DISPUTE);
    const suits = after.data.dispute.lawsuits.filter((l: any) => l.slug.startsWith('huawei-v-verizon'));
    expect(suits.map((l: any) => l.status)).toEqual(['SETTLED', 'SETTLED']);
    expect(suits[0].history.map((h: any) => [h.value, h.source.slug])).toEqual([
      ['"FILED"', '2020-02-06-huawei-verizon'],
      ['"SETTLED"', SETTLEMENT.slug],
    ]);
    expect(after.data.dispute.status).toBe('RESOLVED');
    const audit: any = await server.gql('{ auditLog(first: 10) { edges { node { action } } } }', {}, bearer(await createKey(server, Role.ADMIN, 'admin-1')));
    expect(audit.data.auditLog.edges.map((e: any) => e.node.action)).toEqual(
      expect.arrayContaining(['draftSource', 'acceptDraftItems', 'updateLawsuitStatus', 'decideDraftItems', 'rejectDraftItems']),
    );

    // Deciding again, or on items the draft lacks, is the client's mistake.
    const again: any = await server.gql(ACCEPT, { draft: draft.id, items: [updates[0].key, 'i999'] }, editor);
    expect(again.status).toBeLessThan(500);
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
  });

  it('links a name to a stored party and makes another a new party; accepting writes the new party with the fact', async () => {
    const drafted: any = await server.gql(DRAFT, { input: SANCTION }, editor);
    expect(drafted.errors).toBeUndefined();
    const draft = drafted.data.draftSource;
    const kestrel = draft.mentions.find((m: any) => m.name === 'Kestrel Microsystems');
    const commerce = draft.mentions.find((m: any) => /Commerce Department/.test(m.name));
    expect(kestrel).toMatchObject({ linked: null, kind: 'COMPANY', decision: 'SUGGESTED' });
    const sanction = draft.items.find((item: any) => item.typeName === 'Sanction' && item.entry.target === kestrel.slug);
    expect(sanction.entry.authority).toBe(commerce.slug);

    const linked: any = await server.gql(LINK, { input: { mention: commerce.id, party: 'us-government' } }, editor);
    expect(linked.data.linkMention).toMatchObject({ slug: 'us-government', decision: 'LINKED', linked: { slug: 'us-government' } });
    const madeNew: any = await server.gql(LINK, { input: { mention: kestrel.id, asNew: true } }, editor);
    expect(madeNew.data.linkMention).toMatchObject({ slug: kestrel.slug, decision: 'NEW', linked: null });

    const reread: any = await server.gql(`{ draft(id: "${draft.id}") { items { key entry } document } }`, {}, editor);
    const item = reread.data.draft.items.find((i: any) => i.key === sanction.key);
    expect(item.entry.authority).toBe('us-government');

    const accepted: any = await server.gql(ACCEPT, { draft: draft.id, items: [sanction.key] }, editor);
    expect(accepted.errors).toBeUndefined();
    const company: any = await server.gql(`{ company(slug: "${kestrel.slug}") { name } }`);
    expect(company.errors).toBeUndefined();
    expect(company.data.company.name).toBe('Kestrel Microsystems');
  });

  it('refuses a client’s mistakes with 4xx codes, and an acceptance with one bad item writes nothing', async () => {
    const sameSlug: any = await server.gql(DRAFT, { input: SETTLEMENT }, editor);
    expect(sameSlug.status).toBeLessThan(500);
    expect(codeOf(sameSlug)).toBe('BAD_USER_INPUT');
    const month: any = await server.gql(DRAFT, { input: { ...SETTLEMENT, slug: 'a-month', publishedOn: '2021-07' } }, editor);
    expect(month.status).toBeLessThan(500);
    expect(codeOf(month)).toBe('BAD_USER_INPUT');
    const tooLong: any = await server.gql(DRAFT, { input: { ...SETTLEMENT, slug: 'too-long', text: 'word '.repeat(20_000) } }, editor);
    expect(tooLong.status).toBeLessThan(500);
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(DRAFT, { input: { ...SETTLEMENT, slug: 'by-viewer' } }, viewer))).toBe('FORBIDDEN');
    const notADraft: any = await server.gql(ACCEPT, { draft: 'nonsense', items: ['i1'] }, editor);
    expect(notADraft.status).toBeLessThan(500);
    expect(codeOf(notADraft)).toBe('BAD_USER_INPUT');

    const input = { ...SETTLEMENT, slug: '2021-07-21-denial', publishedOn: '2021-07-21', text: report('denial') };
    const drafted: any = await server.gql(DRAFT, { input }, editor);
    const draft = drafted.data.draftSource;
    const [first, second] = draft.items.filter((item: any) => item.kind === 'NEW');
    const broken = { ...second.entry, quotes: ['words the report does not contain'] };
    const refused: any = await server.gql(ACCEPT, { draft: draft.id, items: [first.key, second.key], edits: [{ item: second.key, entry: broken }] }, editor);
    expect(refused.status).toBeLessThan(500);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const state: any = await server.gql(`{ draft(id: "${draft.id}") { status items { key status } } }`, {}, editor);
    expect(state.data.draft.items.every((i: any) => i.status === 'PENDING')).toBe(true);
    const noReason: any = await server.gql(REJECT, { draft: draft.id, items: [first.key], reason: ' ' }, editor);
    expect(noReason.status).toBeLessThan(500);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
  });
});

/**
 * A follow-up's NEW fact joins the stored dispute whose opposing sides it names: proposed when
 * drafting, changeable before accepting, attached in the acceptance's transaction (with its change
 * events) and then on the dispute page. A fact between parties of no dispute joins none.
 */
describe('a drafted new fact joins its dispute', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR));
  });
  afterAll(() => server.close());

  const NEW_SUIT =
    'Huawei Technologies sued Verizon Communications on Monday for breach of contract, alleging that the carrier had stopped paying for the use of its network designs.\n\n' +
    'Separately, Norrland Telecom sued Baltic Radio Systems in a Stockholm court, alleging that the rival had copied its antenna mounts.';
  // A second report: a suit the other way round, which the first suit (stored by then) is not.
  const ANTITRUST_SUIT =
    'Verizon Communications filed an antitrust lawsuit against Huawei Technologies on Tuesday, a week after being sued by the Chinese company.';
  const input = (slug: string, text: string) => ({ slug, title: 'A new suit', publisher: 'Test Wire', publishedOn: '2022-03-09', text });
  const DRAFT_ITEMS = `mutation($input: AddSourceInput!) { draftSource(input: $input) { id items { key kind typeName entry disputes { slug title why } } } }`;
  const MEMBERS = `{ dispute(slug: "huawei-verizon-patents") { status lawsuits { slug } } }`;
  const draftOf = async (slug: string, text: string) => {
    const drafted: any = await server.gql(DRAFT_ITEMS, { input: input(slug, text) }, editor);
    expect(drafted.errors).toBeUndefined();
    const draft = drafted.data.draftSource;
    const suits = draft.items.filter((i: any) => i.typeName === 'Lawsuit' && i.kind === 'NEW');
    const huawei = suits.find((i: any) => [...i.entry.plaintiffs, ...i.entry.defendants].includes('huawei'));
    const other = suits.find((i: any) => i !== huawei);
    if (!huawei) throw new Error(`unexpected items: ${JSON.stringify(draft.items)}`);
    return { draft, huawei, other };
  };
  const members = async () => ((await server.gql(MEMBERS)) as any).data.dispute.lawsuits.map((l: any) => l.slug);

  it('proposes the dispute whose sides the suit names, none for unrelated parties; accepting attaches it with its change events', async () => {
    const { draft, huawei, other } = await draftOf('2022-03-09-new-suit', NEW_SUIT);
    // A contract suit: not the stored patent suits (no update of them), a new fact between the dispute's sides.
    expect(huawei).toMatchObject({ kind: 'NEW', entry: { kind: 'CONTRACT', plaintiffs: ['huawei'], defendants: ['verizon'] } });
    expect(huawei.disputes).toEqual([
      { slug: 'huawei-verizon-patents', title: 'Huawei versus Verizon over patents', why: expect.stringContaining('huawei (side A) and verizon (side B)') },
    ]);
    expect(other.disputes).toEqual([]);
    // Nothing attached before acceptance.
    expect(await members()).not.toContain(huawei.entry.slug);

    // Who says the dispute is one, as stored, is restated with it, not replaced by the new report's voice.
    const ids = async () => ({
      dispute: Number((await server.dataSource.query(`SELECT id FROM dispute WHERE slug = 'huawei-verizon-patents'`))[0].id),
      huawei: Number((await server.dataSource.query(`SELECT id FROM party WHERE slug = 'huawei'`))[0].id),
    });
    const { dispute: disputeId, huawei: huaweiId } = await ids();
    await server.dataSource.query(
      `INSERT INTO fact_attribution (subject_type, subject_id, attribution, claimed_by_id, claimant, hedges) VALUES ('Dispute', ${disputeId}, 'CLAIMED', ${huaweiId}, NULL, '[]')`,
    );
    const saysWho = () =>
      server.dataSource.query(`SELECT attribution, claimed_by_id FROM fact_attribution WHERE subject_type = 'Dispute' AND subject_id = ${disputeId}`);
    const [{ n: changesBefore }] = await server.dataSource.query('SELECT MAX(id) AS n FROM change_event');
    const accepted: any = await server.gql(ACCEPT_ITEMS, { draft: draft.id, items: [huawei.key, other.key] }, editor);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptDraftItems.items.find((i: any) => i.key === huawei.key).disputes.map((d: any) => d.slug)).toEqual(['huawei-verizon-patents']);
    expect(await members()).toEqual(expect.arrayContaining([huawei.entry.slug, 'huawei-v-verizon-patent-suit-rkq', 'huawei-v-verizon-patent-suit-wbt']));
    expect(await members()).not.toContain(other.entry.slug);
    // The change feed: the new suit's creation touches the dispute it joined (the other suit's, none).
    const events = await server.dataSource.query(
      `SELECT kind, subject_type, subject_id, disputes FROM change_event WHERE id > ${Number(changesBefore)} ORDER BY id`,
    );
    const created = events.filter((e: any) => e.kind === 'CREATED' && e.subject_type === 'Lawsuit');
    expect(created.map((e: any) => JSON.parse(e.disputes))).toEqual(expect.arrayContaining([['huawei-verizon-patents'], []]));
    expect(created).toHaveLength(2);
    // The dispute's own fields stay as they were; the follow-up cites it.
    const dispute: any = await server.gql(
      `{ dispute(slug: "huawei-verizon-patents") { title kind status technologies sides { side party { ... on Company { slug } } } citations { source { slug } } } }`,
    );
    expect(dispute.errors).toBeUndefined();
    expect(dispute.data.dispute).toMatchObject({ title: 'Huawei versus Verizon over patents', kind: 'PATENT', status: 'ACTIVE' });
    expect(dispute.data.dispute.sides.map((s: any) => `${s.side} ${s.party.slug}`)).toEqual(['A huawei', 'B verizon']);
    expect(dispute.data.dispute.citations.map((c: any) => c.source.slug)).toContain('2022-03-09-new-suit');
    expect((await saysWho()).map((r: any) => [r.attribution, Number(r.claimed_by_id)])).toEqual([['CLAIMED', huaweiId]]);
  });

  it('an edit removes the dispute; an unknown dispute is refused naming the item, and nothing is written', async () => {
    const { draft, huawei } = await draftOf('2022-03-10-new-suit', ANTITRUST_SUIT);
    expect(huawei.entry).toMatchObject({ kind: 'ANTITRUST', plaintiffs: ['verizon'], defendants: ['huawei'] });
    expect(huawei.disputes.map((d: any) => d.slug)).toEqual(['huawei-verizon-patents']);
    const before = await members();
    const refused: any = await server.gql(
      ACCEPT_ITEMS,
      { draft: draft.id, items: [huawei.key], edits: [{ item: huawei.key, disputes: ['no-such-dispute'] }] },
      editor,
    );
    expect(refused.status).toBeLessThan(500);
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors[0])).toContain(`${huawei.key}: no dispute`);
    const state: any = await server.gql(`{ draft(id: "${draft.id}") { items { key status } } }`, {}, editor);
    expect(state.data.draft.items.every((i: any) => i.status === 'PENDING')).toBe(true);
    const absent: any = await server.gql(`{ lawsuit(slug: "${huawei.entry.slug}") { slug } }`);
    expect(absent.data.lawsuit).toBeNull();

    const accepted: any = await server.gql(ACCEPT_ITEMS, { draft: draft.id, items: [huawei.key], edits: [{ item: huawei.key, disputes: [] }] }, editor);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptDraftItems.items.find((i: any) => i.key === huawei.key)).toMatchObject({ status: 'ACCEPTED', disputes: [] });
    expect(await members()).toEqual(before);
    const suit: any = await server.gql(`{ lawsuit(slug: "${huawei.entry.slug}") { slug } }`);
    expect(suit.data.lawsuit.slug).toBe(huawei.entry.slug);
  });
});

const ACCEPT_ITEMS = `mutation($draft: ID!, $items: [String!]!, $edits: [DraftItemEdit!]) { acceptDraftItems(draft: $draft, items: $items, edits: $edits) {
  status items { key status disputes { slug why } }
} }`;

describe('drafting past its deadline', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A deadline no report can meet: the refusal is certain, whatever the machine's speed.
    server = await startTestServer({ env: { DRAFT_DEADLINE_MS: '1' } });
  });
  afterAll(() => server.close());

  it('gives up reading a long report at DRAFT_DEADLINE_MS, answers REQUEST_TIMEOUT, and stores neither the source nor a draft', async () => {
    const editor = bearer(await createKey(server, Role.EDITOR));
    const text = Array.from({ length: 40 }, () => SETTLEMENT.text)
      .join('\n\n')
      .slice(0, 90_000);
    const answer = await server.gql(DRAFT, { input: { ...SETTLEMENT, slug: 'too-long-to-read', text } }, editor);
    expect(answer.errors?.[0].extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(answer.errors?.[0].message).toMatch(/longer than 0.001 s/);
    const [{ sources }] = await server.dataSource.query(`SELECT COUNT(*) AS sources FROM source WHERE slug = 'too-long-to-read'`);
    const [{ drafts }] = await server.dataSource.query(`SELECT COUNT(*) AS drafts FROM draft`);
    expect({ sources: Number(sources), drafts: Number(drafts) }).toEqual({ sources: 0, drafts: 0 });
  });
});
