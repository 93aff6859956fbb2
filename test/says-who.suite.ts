import { readFileSync } from 'node:fs';
import { Role } from '../src/common/role.enum';
import { bearer, createKey, SEED_DOCUMENT_PATH, startTestServer, type TestServer } from './helpers';

const SOURCE = '2020-02-06-huawei-verizon';
const cite = (quote: string) => ({ source: SOURCE, quote });
const seed = JSON.parse(readFileSync(SEED_DOCUMENT_PATH, 'utf8'));

type Item = Record<string, any>;

describe('says who: the API', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  });
  afterAll(() => server.close());

  it('answers "What is the Huawei–Verizon dispute, and who says what?"', async () => {
    const res = await server.gql(`{ dispute(slug: "huawei-verizon-patents") {
      title kind status started { iso }
      sides { side label party { ... on Company { slug } } }
      lawsuits { slug filed { iso bound } attribution claimedBy { ... on Company { slug } } }
      negotiations { slug status hedges attribution provenance { field basis note citations { quote } } }
      events { slug attribution claimedBy { ... on Company { slug } } }
      timeline(first: 20) { totalCount edges { node { kind title } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const dispute = res.data.dispute;
    expect(dispute).toMatchObject({ kind: 'PATENT', status: 'ACTIVE', started: null });
    expect(dispute.sides).toEqual([
      { side: 'A', label: 'patent holder', party: { slug: 'huawei' } },
      { side: 'B', label: 'accused infringer', party: { slug: 'verizon' } },
    ]);
    // "had filed", in a report of 2020-02-06: on or before that day, alleged by Huawei.
    expect(dispute.lawsuits).toHaveLength(2);
    for (const suit of dispute.lawsuits)
      expect(suit).toMatchObject({ filed: { iso: '2020-02-06', bound: 'ON_OR_BEFORE' }, attribution: 'ALLEGED', claimedBy: { slug: 'huawei' } });
    const talks = dispute.negotiations.find((n: Item) => n.slug === 'huawei-verizon-patent-licensing');
    expect(talks).toMatchObject({ status: 'FAILED', hedges: ['apparent'], attribution: 'REPORTED' });
    expect(talks.provenance.find((p: Item) => p.field === 'status')).toMatchObject({
      basis: 'STATED',
      citations: [{ quote: 'following an apparent failure to agree licensing terms' }],
    });
    expect(dispute.events.find((e: Item) => e.slug === 'huawei-notifies-verizon-of-breach')).toMatchObject({
      attribution: 'CLAIMED',
      claimedBy: { slug: 'huawei' },
    });
    // Only the dispute's own dated facts.
    expect(dispute.timeline.totalCount).toBeGreaterThan(0);
    expect(dispute.timeline.edges.map((e: Item) => e.node.title).join(' ')).not.toMatch(/FCC|Meng/);
  });

  it('lists disputes by party and kind, and on every party', async () => {
    const res = await server.gql(`{ all: disputes { totalCount edges { node { slug } } }
      meng: disputes(party: "meng-wanzhou") { edges { node { slug kind } } }
      patents: disputes(kind: PATENT) { edges { node { slug } } }
      company(slug: "huawei") { disputes { slug } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.all.totalCount).toBe(4);
    expect(res.data.meng.edges).toEqual([{ node: { slug: 'us-v-meng-wanzhou', kind: 'CRIMINAL' } }]);
    expect(res.data.patents.edges).toEqual([{ node: { slug: 'huawei-verizon-patents' } }]);
    expect(res.data.company.disputes.map((d: Item) => d.slug).sort()).toEqual(['huawei-fcc', 'huawei-verizon-patents', 'us-sanctions-huawei']);
  });

  it('attributes the patent ranking to the analysis it comes from, a claimant that is not a party', async () => {
    const res = await server.gql(
      `{ company(slug: "huawei") { rankings { attribution claimant ranking { attribution claimant claimedBy { __typename } entries { attribution claimant } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const claimant = 'an analysis of filings with the US Patent and Trademark Office';
    const [place] = res.data.company.rankings;
    expect(place).toMatchObject({ attribution: 'CLAIMED', claimant, ranking: { attribution: 'CLAIMED', claimant, claimedBy: null } });
    for (const entry of place.ranking.entries) expect(entry).toEqual({ attribution: 'CLAIMED', claimant });
  });

  it('marks a statement of the source as UNKNOWN rather than a guess', async () => {
    const res = await server.gql(`{ sanction(slug: "us-sanctions-on-huawei") { status provenance { field basis note } } }`);
    expect(res.data.sanction.status).toBe('UNKNOWN');
    expect(res.data.sanction.provenance.find((p: Item) => p.field === 'status')).toMatchObject({ basis: 'INFERRED' });
  });

  it('records a dispute with who says so, and refuses a claim without a claimant or a STATED value without a quote', async () => {
    const mutation = `mutation($input: RecordDisputeInput!) { recordDispute(input: $input) {
      slug status attribution claimedBy { ... on Company { slug } } hedges provenance { field basis citations { quote } }
      sides { side party { ... on Company { slug } ... on Authority { slug } } } lawsuits { slug } } }`;
    const input = {
      slug: 'huawei-fcc-again',
      title: 'Huawei versus the FCC, as Huawei tells it',
      kind: 'REGULATORY',
      sides: [
        { party: 'huawei', side: 'A' },
        { party: 'fcc', side: 'B' },
      ],
      facts: [{ type: 'Lawsuit', slug: 'huawei-v-fcc' }],
      citations: [cite('Huawei sued the Federal Communications Commission in December')],
      attribution: 'CLAIMED',
      claimedBy: 'huawei',
      hedges: ['would hurt'],
      provenance: [{ field: 'sides', basis: 'STATED', quotes: [cite('Huawei sued the Federal Communications Commission in December')] }],
    };
    const ok = await server.gql(mutation, { input }, editor);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordDispute).toMatchObject({
      status: 'UNKNOWN',
      attribution: 'CLAIMED',
      claimedBy: { slug: 'huawei' },
      hedges: ['would hurt'],
      provenance: [{ field: 'sides', basis: 'STATED', citations: [{ quote: 'Huawei sued the Federal Communications Commission in December' }] }],
      lawsuits: [{ slug: 'huawei-v-fcc' }],
    });

    const bad = await server.gql(
      mutation,
      {
        input: {
          ...input,
          slug: 'huawei-fcc-bad',
          claimedBy: null,
          provenance: [
            { field: 'kind', basis: 'STATED' },
            { field: 'nonsense', basis: 'INFERRED', note: 'a guess' },
          ],
        },
      },
      editor,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (bad.errors![0].extensions!.invalidArguments as { field: string }[]).map((a) => a.field);
    expect(fields).toEqual(expect.arrayContaining(['claimedBy', 'provenance.kind.quotes']));
    expect((await server.gql(`{ dispute(slug: "huawei-fcc-bad") { slug } }`)).data.dispute).toBeNull();
  });

  it('refuses the same mistakes in a document: a hedge or provenance quote not in the source, an unknown field', async () => {
    const doc = structuredClone(seed);
    doc.source.slug = 'says-who-bad';
    doc.lawsuits[0].hedges = ['not in the text at all'];
    doc.lawsuits[0].provenance.kind = { basis: 'STATED', quotes: ['words that the report never says'] };
    doc.lawsuits[0].provenance.title = { basis: 'INFERRED', note: 'titles assert nothing' };
    doc.lawsuits[1].attribution = 'ALLEGED';
    delete doc.lawsuits[1].claimedBy;
    const res = await server.gql(`mutation($input: JSONObject!) { importSource(input: $input) { status } }`, { input: doc }, editor);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (res.errors![0].extensions!.problems as string[]).join('\n');
    expect(problems).toMatch(/lawsuits\[0\]\.hedges\[0\]: .* does not occur verbatim/);
    expect(problems).toMatch(/lawsuits\[0\]\.provenance\.kind\.quotes\[0\]: .* does not occur verbatim/);
    expect(problems).toMatch(/lawsuits\[0\]\.provenance\.title: is not a field that asserts something/);
    expect(problems).toMatch(/lawsuits\[1\]\.claimedBy: is required when attribution is ALLEGED/);
  });
});
