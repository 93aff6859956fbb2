import type { DataSource } from 'typeorm';
import { SqlReader } from '../src/common/database/sql-reader';
import { Role } from '../src/common/role.enum';
import { openTestDatabase, startTestServer, type TestServer } from './helpers';

/**
 * One read path: every query reads through its request's reader (`ctx.loaders.reader`, which the
 * mutation plugin (mutation-session.ts) points at the operation's transaction, on the primary), never around it through
 * TypeORM's repositories or another reader. Checked by pointing a request's reader at an empty
 * database: every root field must then find nothing, although the server's database is seeded.
 */
const ROOT_READS = `{
  company(slug: "huawei") { name }
  person(slug: "meng-wanzhou") { name }
  authority(slug: "fcc") { name }
  lawsuit(slug: "huawei-v-verizon-patent-1") { title }
  sanction(slug: "us-sanctions-on-huawei") { description }
  companies { totalCount edges { node { slug } } }
  people { totalCount edges { node { slug } } }
  authorities { totalCount edges { node { slug } } }
  lawsuits(filter: { kind: PATENT_INFRINGEMENT }) { totalCount edges { node { slug } } }
  sanctions { totalCount edges { node { slug } } }
  sources { totalCount edges { node { slug } } }
  timeline { totalCount edges { node { title } } }
  search(text: "huawei") { snippet }
  auditLog { totalCount edges { node { action } } }
  apiKeys { name }
}`;

const ADMIN = { viewer: { keyId: 0, name: 'read-path-test', role: Role.ADMIN } };

describe('one read path', () => {
  let server: TestServer;
  let empty: DataSource;
  beforeAll(async () => {
    server = await startTestServer();
    empty = await openTestDatabase();
  });
  afterAll(async () => {
    await server.close();
    await empty.destroy();
  });
  afterEach(() => jest.restoreAllMocks());

  const run = async (reader?: SqlReader) => {
    const context = server.app.contextFor('read-path', ADMIN);
    if (reader) context.loaders.readFrom(reader);
    const response = await server.app.apollo.executeOperation({ query: ROOT_READS }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult;
  };

  it('answers every root field from the seeded database through the server’s reader', async () => {
    const { data, errors } = await run();
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      company: { name: 'Huawei Technologies' },
      companies: { totalCount: 6 },
      sanctions: { totalCount: expect.any(Number) },
      auditLog: { totalCount: expect.any(Number) },
    });
    for (const field of ['person', 'authority', 'lawsuit', 'sanction']) expect([field, data?.[field]]).toEqual([field, expect.anything()]);
    expect((data?.timeline as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect((data?.search as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads nothing around the request’s reader: pointed at an empty database, every root field is empty', async () => {
    const { services } = server.app.contextFor('spy');
    const around = [
      ...(['select', 'query', 'queryLong', 'queryEntities', 'whereIn', 'count'] as const).map((method) => jest.spyOn(services.sqlReader, method)),
      jest.spyOn(server.dataSource, 'getRepository'),
      jest.spyOn(server.dataSource, 'createQueryBuilder'),
      jest.spyOn(server.dataSource.manager, 'find'),
      jest.spyOn(server.dataSource.manager, 'findOneBy'),
    ];
    const { data, errors } = await run(new SqlReader(empty));
    expect(errors).toBeUndefined();
    const nothing = { totalCount: 0, edges: [] };
    expect(data).toEqual({
      company: null,
      person: null,
      authority: null,
      lawsuit: null,
      sanction: null,
      companies: nothing,
      people: nothing,
      authorities: nothing,
      lawsuits: nothing,
      sanctions: nothing,
      sources: nothing,
      timeline: nothing,
      search: [],
      auditLog: nothing,
      apiKeys: [],
    });
    for (const spy of around) expect(spy).not.toHaveBeenCalled();
  });
});
