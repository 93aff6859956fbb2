import { execute, sharedTestServer, type TestServer } from './helpers';

/** Every fact of the 2020-02-06 report, asked for the way a journalist would. */
describe('the seeded Huawei–Verizon report', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await sharedTestServer();
  });
  afterAll(() => server.close());

  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const response = await execute(server, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  it('has every party under its slug, with the right type', async () => {
    const data = await ask(`{
      companies(first: 100) { totalCount edges { node { slug } } }
      people(first: 100) { totalCount edges { node { slug } } }
      authorities(first: 100) { totalCount edges { node { slug kind jurisdiction } } }
    }`);
    const slugs = (c: any) => c.edges.map((e: any) => e.node.slug);
    expect(slugs(data.companies)).toEqual(['amazon', 'apple', 'huawei', 'ibm', 'qualcomm', 'verizon']);
    expect(slugs(data.people)).toEqual(['meng-wanzhou', 'ren-zhengfei']);
    expect(data.authorities.edges.map((e: any) => e.node)).toEqual([
      { slug: 'fcc', kind: 'REGULATOR', jurisdiction: 'US' },
      { slug: 'us-government', kind: 'GOVERNMENT', jurisdiction: 'US' },
      { slug: 'uspto', kind: 'AGENCY', jurisdiction: 'US' },
    ]);
  });

  it('describes Huawei: Shenzhen-based Chinese giant, a leading 5G developer', async () => {
    const { company } = await ask(`{ company(slug: "huawei") {
      name aliases description headquarters country characterizations { text topics citations { quote } }
    } }`);
    expect(company).toMatchObject({ name: 'Huawei Technologies', aliases: ['Huawei'], headquarters: 'Shenzhen', country: 'CN' });
    expect(company.description).toMatch(/Chinese telecoms gear and smartphone-making giant/);
    const fiveG = company.characterizations.find((c: any) => c.topics.includes('5G'));
    expect(fiveG.text).toMatch(/leading developers of 5G/);
    expect(fiveG.citations[0].quote).toContain('leading developers of 5G wireless networking tech');
  });

  it("has the two Huawei v. Verizon patent suits, filed by the report's day, the technologies named for both together, after an apparent failure of licensing talks", async () => {
    const { lawsuits } = await ask(`{ lawsuits(filter: { kind: PATENT_INFRINGEMENT, party: "verizon" }) {
      totalCount edges { node { slug status filed { iso precision approximate bound } technologies summary
        plaintiffs { ... on Company { slug } } defendants { ... on Company { slug } } } }
    } }`);
    expect(lawsuits.totalCount).toBe(2);
    for (const { node } of lawsuits.edges) {
      expect(node.plaintiffs).toEqual([{ slug: 'huawei' }]);
      expect(node.defendants).toEqual([{ slug: 'verizon' }]);
      // "has filed", in a report of 2020-02-06: on or before that day.
      expect(node.filed).toEqual({ iso: '2020-02-06', precision: 'DAY', approximate: false, bound: 'ON_OR_BEFORE' });
      // The report names the technologies once, for the legal action as a whole: not per suit, but on the dispute.
      expect(node.technologies).toEqual([]);
      expect(node.summary).not.toMatch(/network security measures|which suit covers which/);
    }
    const { dispute } = await ask(`{ dispute(slug: "huawei-verizon-patents") { technologies provenance { field basis citations { quote } } } }`);
    expect(dispute.technologies).toEqual([
      'network security measures',
      'remote sharing from a PC',
      'parental controls',
      'the design of a contacts app for mobile devices',
    ]);
    expect(dispute.provenance.find((p: { field: string }) => p.field === 'technologies')).toMatchObject({
      basis: 'STATED',
      citations: [{ quote: expect.stringContaining('Among the offending pieces of technology') }],
    });
    const { company } = await ask(`{ company(slug: "verizon") { negotiations { slug status hedges started { iso } parties { ... on Company { slug } } } } }`);
    expect(company.negotiations).toContainEqual({
      slug: 'huawei-verizon-patent-licensing',
      status: 'FAILED',
      hedges: ['apparent'],
      started: null,
      parties: [{ slug: 'huawei' }, { slug: 'verizon' }],
    });
  });

  it('has the notice to Verizon a year before the suits', async () => {
    const { company } = await ask(
      `{ company(slug: "verizon") { events { title date { iso precision approximate } participants { ... on Company { slug } } } } }`,
    );
    expect(company.events).toEqual([
      expect.objectContaining({ date: { iso: '2019-02', precision: 'MONTH', approximate: true }, participants: [{ slug: 'huawei' }, { slug: 'verizon' }] }),
    ]);
  });

  it('has the December suit against the FCC challenging its regulatory decision', async () => {
    const { lawsuit } = await ask(`{ lawsuit(slug: "huawei-v-fcc") {
      kind status filed { iso precision approximate }
      defendants { ... on Authority { slug kind } }
      challenges { description authority { slug } subject { ... on Company { slug } } challengedBy { slug } }
    } }`);
    expect(lawsuit).toMatchObject({ kind: 'REGULATORY_CHALLENGE', filed: { iso: '2019-12', precision: 'MONTH', approximate: false } });
    expect(lawsuit.defendants).toEqual([{ slug: 'fcc', kind: 'REGULATOR' }]);
    expect(lawsuit.challenges.description).toMatch(/last major American clients/);
    expect(lawsuit.challenges).toMatchObject({ authority: { slug: 'fcc' }, subject: { slug: 'huawei' }, challengedBy: [{ slug: 'huawei-v-fcc' }] });
  });

  it('has the US sanctions against Huawei, imposed by Washington', async () => {
    const { sanction, authority } = await ask(`{
      sanction(slug: "us-sanctions-on-huawei") { status target { ... on Company { slug } } authority { slug aliases } }
      authority(slug: "us-government") { sanctionsImposed { slug } }
    }`);
    expect(sanction).toEqual({ status: 'UNKNOWN', target: { slug: 'huawei' }, authority: { slug: 'us-government', aliases: ['Washington'] } });
    expect(authority.sanctionsImposed).toEqual([{ slug: 'us-sanctions-on-huawei' }]);
  });

  it('has Meng Wanzhou: CFO, eldest daughter of Ren Zhengfei, arrested in Vancouver, facing fraud charges and extradition, denying wrongdoing', async () => {
    const { person } = await ask(`{ person(slug: "meng-wanzhou") {
      name
      affiliations { role organization { ... on Company { slug } } }
      relatives { relation person { slug } }
      events { title location date { iso precision approximate bound } }
      legalCases { kind status plaintiffs { ... on Authority { slug } } }
      statements { text }
      adversaries { ... on Authority { slug } }
    } }`);
    expect(person.affiliations).toEqual([{ role: 'Chief Financial Officer', organization: { slug: 'huawei' } }]);
    expect(person.relatives).toEqual([{ relation: 'eldest daughter of', person: { slug: 'ren-zhengfei' } }]);
    expect(person.events).toEqual([
      {
        title: 'Arrest of Meng Wanzhou in Vancouver',
        location: 'Vancouver, Canada',
        date: { iso: '2019-02', precision: 'MONTH', approximate: true, bound: 'BEFORE' },
      },
    ]);
    expect(person.legalCases.map((c: any) => c.kind).sort()).toEqual(['CRIMINAL', 'EXTRADITION']);
    for (const c of person.legalCases) expect(c.plaintiffs).toEqual([{ slug: 'us-government' }]);
    expect(person.statements.map((s: any) => s.text)).toEqual(['Meng Wanzhou denies any wrongdoing.']);
    expect(person.adversaries).toEqual([{ slug: 'us-government' }]);

    const { person: ren } = await ask(`{ person(slug: "ren-zhengfei") { description affiliations { role } relatives { relation person { slug } } } }`);
    expect(ren.description).toMatch(/Billionaire founder/);
    expect(ren.affiliations).toEqual([{ role: 'Founder' }]);
    expect(ren.relatives).toEqual([{ relation: 'parent of', person: { slug: 'meng-wanzhou' } }]);
  });

  it('has Huawei’s patent counts: more than 80,000 worldwide, at least 10,000 in the US (whether or not “more than” governs it)', async () => {
    const { company } = await ask(`{ company(slug: "huawei") { patentStats { scope count qualifier asOf { iso } } } }`);
    expect(company.patentStats).toEqual([
      { scope: 'WORLDWIDE', count: 80000, qualifier: 'MORE_THAN', asOf: { iso: '2020-02-06' } },
      { scope: 'US', count: 10000, qualifier: 'AT_LEAST', asOf: { iso: '2020-02-06' } },
    ]);
  });

  it('has the 2019 top-10 US patent receivers with IBM, Apple and Amazon, per the USPTO filings', async () => {
    const { company } = await ask(
      `{ company(slug: "huawei") { rankings { ranking { name year basis dataFrom { slug } entries { entity { ... on Company { slug } } } } } } }`,
    );
    const [{ ranking }] = company.rankings;
    expect(ranking).toMatchObject({ year: 2019, dataFrom: { slug: 'uspto' } });
    expect(ranking.basis).toMatch(/US Patent and Trademark Office/);
    expect(ranking.entries.map((e: any) => e.entity.slug).sort()).toEqual(['amazon', 'apple', 'huawei', 'ibm']);
  });

  it('has the pledge not to weaponise its IP and the licensing talks with Verizon and Qualcomm', async () => {
    const { company } = await ask(`{ company(slug: "huawei") {
      statements { slug text date { iso precision } }
      negotiations { slug status parties { ... on Company { slug } } }
    } }`);
    expect(company.statements).toContainEqual({
      slug: 'huawei-will-not-weaponise-ip',
      text: 'Huawei will not weaponise its vast IP pool.',
      date: { iso: '2019', precision: 'YEAR' },
    });
    expect(company.negotiations).toContainEqual({
      slug: 'huawei-portfolio-licensing-talks',
      status: 'UNKNOWN',
      parties: [{ slug: 'huawei' }, { slug: 'verizon' }, { slug: 'qualcomm' }],
    });
  });

  it('lists Huawei’s adversaries once each: Verizon, the FCC and the US government', async () => {
    const { company } = await ask(`{ company(slug: "huawei") { adversaries { __typename ... on Company { slug } ... on Authority { slug } } } }`);
    expect(company.adversaries).toEqual([
      { __typename: 'Authority', slug: 'fcc' },
      { __typename: 'Authority', slug: 'us-government' },
      { __typename: 'Company', slug: 'verizon' },
    ]);
  });

  it('filters lawsuits by role', async () => {
    const { company } = await ask(`{ company(slug: "huawei") {
      asPlaintiff: lawsuits(role: PLAINTIFF) { slug } asDefendant: lawsuits(role: DEFENDANT) { slug } all: lawsuits { slug }
    } }`);
    expect(company.asPlaintiff).toHaveLength(3);
    expect(company.asDefendant).toEqual([]);
    expect(company.all).toEqual(company.asPlaintiff);
  });

  it('names its source: the Bloomberg report of 2020-02-06', async () => {
    const { sources } = await ask(`{ sources { totalCount edges { node { slug publisher publishedOn { iso precision } url } } } }`);
    expect(sources.totalCount).toBe(1);
    expect(sources.edges[0].node).toEqual({
      slug: '2020-02-06-huawei-verizon',
      publisher: 'Bloomberg LP',
      publishedOn: { iso: '2020-02-06', precision: 'DAY' },
      url: null,
    });
  });
});
