import { execute, sharedTestServer, sourceText, type TestServer } from './helpers';

describe('node(id) and citations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await sharedTestServer();
  });
  afterAll(() => server.close());

  /** Every object with an id that the seed reaches from the root queries, by type. */
  async function allNodes(): Promise<{ __typename: string; id: string }[]> {
    const { data, errors } = await execute(
      server,
      `{
      companies(first: 100) { edges { node { __typename id people { __typename id } patentStats { __typename id }
        rankings { __typename id ranking { __typename id } } characterizations { __typename id } } } }
      people(first: 100) { edges { node { __typename id events { __typename id } statements { __typename id } } } }
      authorities(first: 100) { edges { node { __typename id actions { __typename id } } } }
      lawsuits(first: 100) { edges { node { __typename id } } }
      sanctions(first: 100) { edges { node { __typename id } } }
      sources { edges { node { __typename id } } }
      company(slug: "huawei") { negotiations { __typename id } statements { __typename id } events { __typename id } }
    }`,
    );
    expect(errors).toBeUndefined();
    const found = new Map<string, { __typename: string; id: string }>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.id === 'string' && typeof record.__typename === 'string') found.set(record.id, { __typename: record.__typename, id: record.id });
        Object.values(record).forEach(walk);
      }
    };
    walk(data);
    return [...found.values()];
  }

  it('round-trips every node type through node(id)', async () => {
    const nodes = await allNodes();
    const types = new Set(nodes.map((n) => n.__typename));
    expect([...types].sort()).toEqual([
      'Affiliation',
      'Authority',
      'Characterization',
      'Company',
      'Event',
      'Lawsuit',
      'LicensingNegotiation',
      'PatentStat',
      'Person',
      'Ranking',
      'RankingEntry',
      'RegulatoryAction',
      'Sanction',
      'Source',
      'Statement',
    ]);
    for (const node of nodes) {
      const { data, errors } = await execute(server, `query($id: ID!) { node(id: $id) { __typename id } }`, { id: node.id });
      expect(errors).toBeUndefined();
      expect(data.node).toEqual(node);
    }
  });

  it('gives opaque IDs that do not expose the database key', async () => {
    const { data } = await execute(server, `{ company(slug: "huawei") { id } }`);
    expect(data.company.id).not.toMatch(/^\d+$/);
  });

  it('cites every fact with a quote found verbatim in the source text', async () => {
    const text = sourceText();
    const rows = await server.dataSource.query('SELECT subject_type, subject_id, quote, "offset" FROM citation');
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      expect(text).toContain(row.quote);
      expect(text.slice(row.offset, row.offset + row.quote.length)).toBe(row.quote);
    }
    // No fact without a source: every fact row has at least one citation.
    const uncited = await server.dataSource.query(`
      SELECT 'Lawsuit' t, id FROM lawsuit WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type = 'Lawsuit')
      UNION ALL SELECT 'Sanction', id FROM sanction WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type = 'Sanction')
      UNION ALL SELECT 'Statement', id FROM statement WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type = 'Statement')
      UNION ALL SELECT 'Event', id FROM event WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type = 'Event')
      UNION ALL SELECT 'Kinship', id FROM kinship WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type = 'Kinship')
      UNION ALL SELECT 'Party', id FROM party WHERE id NOT IN (SELECT subject_id FROM citation WHERE subject_type IN ('Company', 'Person', 'Authority'))`);
    expect(uncited).toEqual([]);
  });

  it('answers citations through the API with their source', async () => {
    const { data } = await execute(server, `{ person(slug: "meng-wanzhou") { relatives { citations { quote source { publisher } } } } }`);
    expect(data.person.relatives[0].citations).toEqual([
      { quote: 'Meng, also the eldest daughter of billionaire founder Ren Zhengfei', source: { publisher: 'Bloomberg LP' } },
    ]);
  });

  it('stores the source text exactly as the seed document carries it', async () => {
    const { data } = await execute(server, `{ sources { edges { node { text } } } }`);
    expect(data.sources.edges[0].node.text).toBe(sourceText());
  });

  it('gives every citation a global ID that node(id) resolves to the same citation', async () => {
    const { data } = await execute(server, `{ company(slug: "huawei") { sanctions { citations { id quote offset } } } }`);
    const citations = data.company.sanctions.flatMap((s: any) => s.citations);
    expect(citations.length).toBeGreaterThan(0);
    expect(new Set(citations.map((c: any) => c.id)).size).toBe(citations.length);
    for (const citation of citations) {
      const found = await execute(server, `query($id: ID!) { node(id: $id) { __typename id ... on Citation { quote offset source { slug } } } }`, {
        id: citation.id,
      });
      expect(found.data.node).toMatchObject({
        __typename: 'Citation',
        id: citation.id,
        quote: citation.quote,
        offset: citation.offset,
        source: { slug: '2020-02-06-huawei-verizon' },
      });
    }
  });
});
