import { Role } from '../src/common/role.enum';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';

const SOURCE = '2020-02-06-huawei-verizon';
const PARTY = '__typename ... on Company { slug } ... on Person { slug } ... on Authority { slug }';

/** search, timeline, conflictNetwork and conflictPath on the seeded report. */
describe('exploring the conflict graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await server.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const badInput = async (query: string, variables?: Record<string, unknown>) => {
    const res = await server.gql(query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return res.errors![0];
  };

  describe('search', () => {
    const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) {
      score snippet node { __typename id ... on Company { slug name } ... on Person { slug name } ... on Lawsuit { slug } ... on Event { slug } } } }`;
    const search = async (text: string, first?: number) => (await ok(SEARCH, { text, first })).search as any[];

    it('finds Meng Wanzhou first from the start of her name, any case, with the word highlighted', async () => {
      for (const text of ['meng', 'Meng', 'Wanzhou', 'wanz']) {
        const [top] = await search(text);
        expect(top.node).toMatchObject({ __typename: 'Person', slug: 'meng-wanzhou', name: 'Meng Wanzhou' });
        expect(top.snippet).toMatch(/<mark>(meng|wanzhou)/i);
      }
    });

    it('ranks names above mentions, and finds the facts that mention her too', async () => {
      const hits = await search('meng', 10);
      expect(hits[0].node.__typename).toBe('Person');
      expect(hits.some((h) => h.node.__typename === 'Event')).toBe(true);
      expect(hits.some((h) => h.node.__typename === 'Lawsuit')).toBe(true);
      const scores = hits.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      // One hit per object, however many of its texts match.
      expect(new Set(hits.map((h) => h.node.id)).size).toBe(hits.length);
    });

    it('finds the patent suits by a technology, and Huawei by "5G" in how the report characterizes it', async () => {
      const suits = await search('parental controls');
      // The suits, and the dispute they are part of (cited by the same sentence).
      expect(suits.map((h) => h.node.__typename)).toEqual(['Lawsuit', 'Lawsuit', 'Dispute']);
      expect(suits[0].snippet).toContain('<mark>parental</mark> <mark>controls</mark>');
      const [top] = await search('5G');
      expect(top.node).toMatchObject({ __typename: 'Company', slug: 'huawei' });
      expect(top.snippet).toContain('<mark>5G</mark>');
    });

    it('finds a fact by the words of the quote that cites it', async () => {
      // "offending" occurs only in the quote that cites the patent suits.
      const hits = await search('offending');
      expect(hits.map((h) => h.node.__typename)).toEqual(['Lawsuit', 'Lawsuit', 'Dispute']);
      expect(hits[0].snippet).toContain('<mark>offending</mark>');
    });

    it('treats search syntax as plain words, and refuses text without any word or first out of range', async () => {
      expect(await search('"meng* OR NEAR(')).toEqual(expect.any(Array));
      expect((await badInput(SEARCH, { text: '  ?! ' })).message).toMatch(/no word/);
      expect((await badInput(SEARCH, { text: '' })).message).toMatch(/./);
      await badInput(SEARCH, { text: 'meng', first: 51 });
    });

    it('keeps the index current through writes (triggers: mutations and the importer alike)', async () => {
      const editor = bearer(await createKey(server, Role.EDITOR, 'search-desk'));
      expect(await search('Shenzhenbased')).toEqual([]);
      const created = await server.gql(
        `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { slug } }`,
        {
          input: {
            slug: 'zte',
            name: 'ZTE',
            aliases: ['Shenzhenbased'],
            description: 'Another telecoms gear maker',
            citations: [{ source: SOURCE, quote: 'The Chinese telecoms gear and smartphone-making giant' }],
          },
        },
        editor,
      );
      expect(created.errors).toBeUndefined();
      expect((await search('Shenzhenbased'))[0].node).toMatchObject({ slug: 'zte' });
      const updated = await server.gql(
        `mutation { updateCompany(input: { slug: "zte", name: "ZTE Corporation", citations: [{ source: "${SOURCE}", quote: "The Chinese telecoms gear and smartphone-making giant" }] }) { name } }`,
        {},
        editor,
      );
      expect(updated.errors).toBeUndefined();
      expect((await search('corporation zte'))[0].node).toMatchObject({ slug: 'zte', name: 'ZTE Corporation' });
    });

    it('puts the entries holding the words whole before those that only start with them', async () => {
      const editor = bearer(await createKey(server, Role.EDITOR, 'search-tiers'));
      // bm25 alone ranks the short name first: its one word is all of it.
      for (const [slug, name] of [
        ['quorvexa', 'Quorvexa'],
        ['quorvex-group', 'Quorvex Industrial Holdings Group of Companies'],
      ]) {
        const created = await server.gql(
          `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { slug } }`,
          { input: { slug, name, aliases: [], citations: [{ source: SOURCE, quote: 'The Chinese telecoms gear and smartphone-making giant' }] } },
          editor,
        );
        expect(created.errors).toBeUndefined();
      }
      const hits = await search('quorvex');
      expect(hits.map((h) => h.node.slug)).toEqual(['quorvex-group', 'quorvexa']);
      expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
      expect((await search('quorvexa')).map((h) => h.node.slug)).toEqual(['quorvexa']);
    });
  });

  describe('timeline', () => {
    const TIMELINE = `query($party: String, $from: String, $to: String, $first: Int, $after: String) {
      timeline(party: $party, from: $from, to: $to, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { kind title date { iso precision approximate bound } fact { __typename id }
          participants { ${PARTY} } citations { quote source { slug } } } } } }`;

    it('lists every dated fact of the graph in chronological order, fuzzy dates marked', async () => {
      const { timeline } = await ok(TIMELINE, { first: 100 });
      const nodes = timeline.edges.map((e: any) => e.node);
      expect(nodes.length).toBe(timeline.totalCount);
      expect(nodes.length).toBeGreaterThanOrEqual(8);
      const starts = nodes.map((n: any) => n.date.iso.padEnd(7, '-01').padEnd(10, '-01'));
      expect([...starts].sort()).toEqual(starts);
      const kinds = new Set(nodes.map((n: any) => n.kind));
      for (const kind of ['LAWSUIT_FILED', 'REGULATORY_ACTION', 'NEGOTIATION_STARTED', 'STATEMENT', 'EVENT']) expect(kinds).toContain(kind);
      for (const node of nodes) expect(node.citations.length).toBeGreaterThan(0);
    });

    it("gives Meng Wanzhou's arrest in Vancouver, bounded and approximate, with her as participant and the quote", async () => {
      const { timeline } = await ok(TIMELINE, { party: 'meng-wanzhou' });
      const arrest = timeline.edges.map((e: any) => e.node).find((n: any) => /Vancouver/.test(n.title));
      expect(arrest).toMatchObject({
        kind: 'EVENT',
        date: { iso: '2019-02', precision: 'MONTH', approximate: true, bound: 'BEFORE' },
        fact: { __typename: 'Event' },
        participants: [{ __typename: 'Person', slug: 'meng-wanzhou' }],
        citations: [{ quote: 'the arrest of chief financial officer Meng Wanzhou in Vancouver, Canada over a year ago', source: { slug: SOURCE } }],
      });
    });

    it('sorts a BEFORE bound just before the period it bounds, a month before its days', async () => {
      const { timeline } = await ok(TIMELINE, { party: 'huawei', first: 100 });
      const nodes = timeline.edges.map((e: any) => e.node);
      const dec = nodes.filter((n: any) => n.date.iso === '2019-12');
      // BEFORE and ON_OR_BEFORE bounds first, then the plain dates of the month.
      const bounded = (n: any) => n.date.bound === 'BEFORE' || n.date.bound === 'ON_OR_BEFORE';
      expect(dec.map(bounded)).toEqual([...dec.filter(bounded).map(() => true), ...dec.filter((n: any) => !bounded(n)).map(() => false)]);
      for (const node of nodes) expect(node.participants.map((p: any) => p.slug)).toContain('huawei');
    });

    it('filters by from/to (a year includes all of it) and pages with cursors without gaps or repeats', async () => {
      const all = (await ok(TIMELINE, { first: 100 })).timeline.edges.map((e: any) => e.cursor);
      const in2019 = (await ok(TIMELINE, { from: '2019', to: '2019', first: 100 })).timeline.edges.map((e: any) => e.node.date.iso);
      expect(in2019.length).toBeGreaterThan(0);
      for (const iso of in2019) expect(iso.startsWith('2019')).toBe(true);
      const from2020 = (await ok(TIMELINE, { from: '2020-01', first: 100 })).timeline.edges.map((e: any) => e.node.date.iso);
      for (const iso of from2020) expect(iso >= '2020').toBe(true);
      const paged: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const { timeline }: any = await ok(TIMELINE, { first: 3, after });
        paged.push(...timeline.edges.map((e: any) => e.cursor));
        if (!timeline.pageInfo.hasNextPage) break;
        after = timeline.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
    });

    it('says which argument is wrong: unknown party, bad dates, bad cursor', async () => {
      expect((await badInput(TIMELINE, { party: 'nokia' })).message).toMatch(/party.*"nokia"/);
      expect((await badInput(TIMELINE, { from: '2019-13' })).message).toMatch(/from/);
      expect((await badInput(TIMELINE, { to: 'yesterday' })).message).toMatch(/to/);
      await badInput(TIMELINE, { after: 'bm9wZQ' });
    });
  });

  describe('conflictNetwork and conflictPath', () => {
    const NETWORK = `query($center: String!, $depth: Int) { conflictNetwork(center: $center, depth: $depth) {
      nodes { id distance party { ${PARTY} } }
      edges { from to kind label since { iso } fact { __typename } citations { quote } } } }`;
    const PATH = `query($from: String!, $to: String!) { conflictPath(from: $from, to: $to) {
      nodes { id party { ${PARTY} } } edges { from to kind label } } }`;

    it("draws Meng Wanzhou's network: Huawei, her father, and the US government that charges her", async () => {
      const { conflictNetwork } = await ok(NETWORK, { center: 'meng-wanzhou', depth: 1 });
      const bySlug = new Map(conflictNetwork.nodes.map((n: any) => [n.party.slug, n]));
      expect(bySlug.get('meng-wanzhou')).toMatchObject({ distance: 0, party: { __typename: 'Person' } });
      for (const slug of ['huawei', 'us-government', 'ren-zhengfei']) expect(bySlug.get(slug)).toMatchObject({ distance: 1 });
      const id = (slug: string) => (bySlug.get(slug) as any).id;
      const edge = (kind: string, from: string, to: string) =>
        conflictNetwork.edges.find((e: any) => e.kind === kind && e.from === id(from) && e.to === id(to));
      expect(edge('CHARGED', 'us-government', 'meng-wanzhou')).toMatchObject({
        fact: { __typename: 'Lawsuit' },
        citations: [expect.objectContaining({ quote: expect.any(String) })],
      });
      expect(edge('AFFILIATED_WITH', 'meng-wanzhou', 'huawei')).toMatchObject({ label: 'Chief Financial Officer' });
      expect(edge('RELATED_TO', 'meng-wanzhou', 'ren-zhengfei')).toMatchObject({ label: 'eldest daughter of', fact: null });
      const ids = new Set(conflictNetwork.nodes.map((n: any) => n.id));
      for (const e of conflictNetwork.edges) {
        expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
        expect(e.citations.length).toBeGreaterThan(0);
      }
    });

    it('reaches further with depth: Verizon sued by Huawei, the FCC, sanctions, rankings', async () => {
      const { conflictNetwork } = await ok(NETWORK, { center: 'huawei' });
      const kinds = new Set(conflictNetwork.edges.map((e: any) => e.kind));
      for (const kind of ['SUED', 'SANCTIONED', 'REGULATED', 'NEGOTIATED_WITH', 'AFFILIATED_WITH', 'CHARGED', 'RANKED_WITH']) expect(kinds).toContain(kind);
      const slugs = conflictNetwork.nodes.map((n: any) => n.party.slug);
      expect(slugs).toEqual(expect.arrayContaining(['huawei', 'verizon', 'fcc', 'us-government', 'meng-wanzhou']));
      const deeper = (await ok(NETWORK, { center: 'meng-wanzhou', depth: 3 })).conflictNetwork;
      expect(deeper.nodes.length).toBeGreaterThanOrEqual(conflictNetwork.nodes.length - 1);
    });

    it('refuses depth over 3 and unknown centers, saying which', async () => {
      expect((await badInput(NETWORK, { center: 'huawei', depth: 4 })).message).toMatch(/depth/);
      expect((await badInput(NETWORK, { center: 'huawei', depth: 0 })).message).toMatch(/depth/);
      expect((await badInput(NETWORK, { center: 'nokia' })).message).toMatch(/center.*"nokia"/);
    });

    it('finds the shortest chain ren-zhengfei → meng-wanzhou → us-government', async () => {
      const { conflictPath } = await ok(PATH, { from: 'ren-zhengfei', to: 'us-government' });
      expect(conflictPath.nodes.map((n: any) => n.party.slug)).toEqual(['ren-zhengfei', 'meng-wanzhou', 'us-government']);
      expect(conflictPath.edges.map((e: any) => e.kind)).toEqual(['RELATED_TO', 'CHARGED']);
      conflictPath.edges.forEach((e: any, i: number) => {
        expect([e.from, e.to].sort()).toEqual([conflictPath.nodes[i].id, conflictPath.nodes[i + 1].id].sort());
      });
      const self = (await ok(PATH, { from: 'huawei', to: 'huawei' })).conflictPath;
      expect(self).toEqual({ nodes: [expect.objectContaining({ party: expect.objectContaining({ slug: 'huawei' }) })], edges: [] });
    });

    it('answers null when nothing connects two parties, and names an unknown slug', async () => {
      const editor = bearer(await createKey(server, Role.EDITOR, 'path-desk'));
      const created = await server.gql(
        `mutation { createCompany(input: { slug: "loner", name: "Loner Inc", citations: [{ source: "${SOURCE}", quote: "The Chinese telecoms gear and smartphone-making giant" }] }) { slug } }`,
        {},
        editor,
      );
      expect(created.errors).toBeUndefined();
      expect((await ok(PATH, { from: 'huawei', to: 'loner' })).conflictPath).toBeNull();
      expect((await badInput(PATH, { from: 'huawei', to: 'nokia' })).message).toMatch(/to.*"nokia"/);
    });
  });
});
