import { encodeGlobalId } from '../src/common/node/global-id';
import { sharedTestServer, type TestServer } from './helpers';

/** What bad input gets, over real HTTP. */
describe('bad input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await sharedTestServer();
  });
  afterAll(() => server.close());

  it('answers null, not an error, for unknown slugs and IDs', async () => {
    const res = await server.gql(
      `query($id: ID!) {
      company(slug: "nokia") { id } person(slug: "nobody") { id } authority(slug: "eu") { id }
      lawsuit(slug: "none") { id } sanction(slug: "none") { id } node(id: $id) { id }
    }`,
      { id: encodeGlobalId('Company', 999999) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ company: null, person: null, authority: null, lawsuit: null, sanction: null, node: null });
  });

  it('refuses text holding the NUL character (PostgreSQL cannot store it) with 400 and where it was', async () => {
    const inline = await server.gql('{ company(slug: "huawei\\u0000") { id } }');
    expect(inline.status).toBe(400);
    expect(inline.errors).toEqual([
      expect.objectContaining({
        message: 'Text must not contain the NUL character (U+0000); found in argument "slug"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    const variable = await server.gql('query($text: String!) { search(text: $text) { snippet } }', { text: 'meng\u0000' });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0].message).toBe('Text must not contain the NUL character (U+0000); found in variables.text');
  });

  it('answers null for an ID of one type used as another, and for a person slug asked as a company', async () => {
    const {
      data: { person },
    } = await server.gql(`{ person(slug: "meng-wanzhou") { id } }`);
    const decoded = Buffer.from(person.id, 'base64url').toString();
    const asCompany = Buffer.from(decoded.replace('Person', 'Company')).toString('base64url');
    const res = await server.gql(`query($id: ID!) { node(id: $id) { id } company(slug: "meng-wanzhou") { id } }`, { id: asCompany });
    expect(res.data).toEqual({ node: null, company: null });
  });

  it.each(['not-an-id', 'Q29tcGFueQ', '', Buffer.from('Company:abc').toString('base64url'), Buffer.from('Company:0').toString('base64url')])(
    'rejects the malformed ID %p with BAD_USER_INPUT',
    async (id) => {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/is not a valid ID/);
    },
  );

  it.each([0, -1, 101, 1000])('rejects first: %p with BAD_USER_INPUT naming the range', async (first) => {
    const res = await server.gql(`query($first: Int) { companies(first: $first) { totalCount } }`, { first });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/first must be between 1 and 100/);
    expect(res.data?.companies ?? null).toBeNull();
  });

  it('accepts first at the limits 1 and 100', async () => {
    const res = await server.gql(`{ a: lawsuits(first: 1) { edges { node { slug } } } b: lawsuits(first: 100) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a.edges).toHaveLength(1);
  });

  it.each(['garbage', 'Zm9v', '!!'])('rejects the bad cursor %p with BAD_USER_INPUT', async (after) => {
    const res = await server.gql(`query($after: String) { companies(after: $after) { totalCount } }`, { after });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/not a valid cursor/);
  });

  it('rejects unknown enum values, in variables and in the document, with BAD_USER_INPUT', async () => {
    const viaVariable = await server.gql(`query($kind: LawsuitKind) { lawsuits(filter: { kind: $kind }) { totalCount } }`, { kind: 'MURDER' });
    expect(viaVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaVariable.errors?.[0].message).toMatch(/MURDER/);
    const inline = await server.gql(`{ company(slug: "huawei") { lawsuits(role: JUDGE) { slug } } }`);
    expect(inline.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(inline.errors?.[0].message).toMatch(/JUDGE/);
  });

  it('rejects a malformed party slug in a filter, and finds nothing for an unknown one', async () => {
    const bad = await server.gql(`{ lawsuits(filter: { party: "Not A Slug" }) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/filter\.party/);
    const unknown = await server.gql(`{ lawsuits(filter: { party: "nokia" }) { totalCount } }`);
    expect(unknown.data.lawsuits.totalCount).toBe(0);
  });
});
