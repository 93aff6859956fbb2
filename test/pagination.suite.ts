import { execute, sharedTestServer, type TestServer } from './helpers';

describe('Relay connections', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await sharedTestServer();
  });
  afterAll(() => server.close());

  it('walks every company page by page with cursors, each once, in slug order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { data, errors }: any = await execute(
        server,
        `query($after: String) { companies(first: 4, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      const page = data.companies;
      expect(page.totalCount).toBe(6);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
      seen.push(...page.edges.map((e: any) => e.node.slug));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(['amazon', 'apple', 'huawei', 'ibm', 'qualcomm', 'verizon']);
  });

  it('filters lawsuits by kind, status and party together, counting all matches', async () => {
    const { data } = await execute(
      server,
      `{
      criminal: lawsuits(filter: { kind: CRIMINAL }) { totalCount edges { node { slug } } }
      pendingMeng: lawsuits(filter: { status: PENDING, party: "meng-wanzhou" }) { totalCount }
      filedHuawei: lawsuits(filter: { status: FILED, party: "huawei" }, first: 1) { totalCount edges { node { slug } } pageInfo { hasNextPage } }
    }`,
    );
    expect(data.criminal).toEqual({ totalCount: 1, edges: [{ node: { slug: 'us-v-meng-wanzhou-fraud' } }] });
    expect(data.pendingMeng.totalCount).toBe(2);
    expect(data.filedHuawei.totalCount).toBe(3);
    expect(data.filedHuawei.edges).toHaveLength(1);
    expect(data.filedHuawei.pageInfo.hasNextPage).toBe(true);
  });

  it('pages an empty result cleanly', async () => {
    const { data } = await execute(
      server,
      `{ lawsuits(filter: { kind: ANTITRUST }) { totalCount edges { cursor } pageInfo { hasNextPage startCursor endCursor } } }`,
    );
    expect(data.lawsuits).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
  });
});
