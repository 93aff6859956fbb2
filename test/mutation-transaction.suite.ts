import { Role } from '../src/common/role.enum';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';

const SOURCE = '2020-02-06-huawei-verizon';
const QUOTE = 'European and US entities';
const company = (slug: string) =>
  `createCompany(input: { slug: "${slug}", name: "${slug}", citations: [{ source: "${SOURCE}", quote: "${QUOTE}" }] }) { slug }`;

/** A mutation operation is all or nothing: one transaction for all its fields, committed only when every field succeeded. */
describe('multi-field mutations', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  });
  afterAll(() => server.close());

  const count = async (table: string) => Number((await server.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
  const slugs = async (...wanted: string[]) =>
    (await server.dataSource.query(`SELECT slug FROM party WHERE slug IN (${wanted.map((s) => `'${s}'`).join(', ')}) ORDER BY slug`)).map(
      (r: { slug: string }) => r.slug,
    );

  it('rolls back the first field when the second is forbidden, and says so', async () => {
    const audit = await count('audit_entry');
    const res = await server.gql(`mutation { first: ${company('mf-first')} second: createApiKey(input: { name: "x", role: ADMIN }) { key } }`, {}, editor);
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['FORBIDDEN', ['second']],
      ['MUTATION_ROLLED_BACK', ['first']],
    ]);
    expect(res.errors?.[1].message).toMatch(/"first" was rolled back/);
    expect(await slugs('mf-first')).toEqual([]);
    expect(await count('audit_entry')).toBe(audit);
  });

  it('rolls back every earlier field when a later one is invalid', async () => {
    const res = await server.gql(
      `mutation { a: ${company('mf-a')} b: ${company('mf-b')} c: createCompany(input: { slug: "Bad Slug", name: "x", citations: [] }) { slug } }`,
      {},
      editor,
    );
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.[0]])).toEqual([
      ['BAD_USER_INPUT', 'c'],
      ['MUTATION_ROLLED_BACK', 'a'],
      ['MUTATION_ROLLED_BACK', 'b'],
    ]);
    expect(await slugs('mf-a', 'mf-b')).toEqual([]);
  });

  it('commits all fields together, each answer reading what the operation wrote so far', async () => {
    const audit = await count('audit_entry');
    const res = await server.gql(
      `mutation {
      co: ${company('mf-nokia')}
      said: recordStatement(input: { slug: "mf-said", speaker: "mf-nokia", text: "We agree.", citations: [{ source: "${SOURCE}", quote: "${QUOTE}" }] }) {
        slug speaker { ... on Company { slug name statements { slug } } } citations { quote }
      }
    }`,
      {},
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      co: { slug: 'mf-nokia' },
      said: { slug: 'mf-said', speaker: { slug: 'mf-nokia', name: 'mf-nokia', statements: [{ slug: 'mf-said' }] }, citations: [{ quote: QUOTE }] },
    });
    expect(await slugs('mf-nokia')).toEqual(['mf-nokia']);
    expect(await count('audit_entry')).toBe(audit + 2);
    // Committed: another request sees it.
    expect((await server.gql('{ company(slug: "mf-nokia") { statements { slug } } }')).data.company.statements).toEqual([{ slug: 'mf-said' }]);
  });

  it('releases the write lock after a rollback: the next write goes through', async () => {
    await server.gql(`mutation { x: ${company('mf-x')} y: createApiKey(input: { name: "x", role: ADMIN }) { key } }`, {}, editor);
    const res = await server.gql(`mutation { ${company('mf-after')} }`, {}, editor);
    expect(res.errors).toBeUndefined();
    expect(await slugs('mf-after', 'mf-x')).toEqual(['mf-after']);
  });
});
