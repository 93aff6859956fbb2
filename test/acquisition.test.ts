import { Role } from '../src/common/role.enum';
import { bearer, createKey, startTestServer, type TestServer } from './helpers';

const TEXT = 'Huawei agreed to buy Verizon in March 2031, the companies said. The acquisition was completed in May 2031.';

/** A fact type added in its module, one line of src/facts.ts and a migration: written and read everywhere. */
describe('acquisition (a fact type added by its declaration)', () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = bearer(await createKey(server, Role.EDITOR, 'desk'));
  });
  afterAll(() => server.close());

  it('imports, reads by node(id), and shows on the party, the timeline, the search and the network', async () => {
    const imported = await server.gql(
      `mutation($input: JSONObject!) { importSource(input: $input) { status written { table rows } } }`,
      {
        input: {
          source: { slug: 'acq-2031', title: 'Deal', publisher: 'Wire', publishedOn: '2031-05', text: TEXT },
          acquisitions: [
            { slug: 'huawei-buys-verizon', buyer: 'huawei', target: 'verizon', announced: '2031-03', status: 'COMPLETED', quotes: [TEXT.slice(0, 50)] },
          ],
        },
      },
      editor,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importSource.written).toEqual(expect.arrayContaining([{ table: 'acquisition', rows: 1 }]));

    const search = await server.gql(`{ search(text: "huawei-buys-verizon") { node { __typename id } } }`);
    expect(search.errors).toBeUndefined();
    const [hit] = search.data.search;
    expect(hit.node.__typename).toBe('Acquisition');

    const node = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Acquisition { slug status announced { iso } buyer { ... on Company { slug } } target { ... on Company { slug } } citations { quote } } } }`,
      { id: hit.node.id },
    );
    expect(node.errors).toBeUndefined();
    expect(node.data.node).toEqual({
      slug: 'huawei-buys-verizon',
      status: 'COMPLETED',
      announced: { iso: '2031-03' },
      buyer: { slug: 'huawei' },
      target: { slug: 'verizon' },
      citations: [{ quote: TEXT.slice(0, 50) }],
    });

    const reads = await server.gql(`{
      company(slug: "huawei") { acquisitions { slug } }
      timeline(party: "verizon", from: "2031", first: 5) { edges { node { kind title } } }
      conflictNetwork(center: "huawei", depth: 1) { edges { kind label } }
    }`);
    expect(reads.errors).toBeUndefined();
    expect(reads.data.company.acquisitions).toEqual([{ slug: 'huawei-buys-verizon' }]);
    expect(reads.data.timeline.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      kind: 'ACQUISITION_ANNOUNCED',
      title: 'Acquisition: huawei-buys-verizon',
    });
    expect(reads.data.conflictNetwork.edges).toContainEqual({ kind: 'ACQUIRED', label: 'acquisition (COMPLETED)' });
  });

  it('records one by mutation, with the rules of the document', async () => {
    const res = await server.gql(
      `mutation($input: RecordAcquisitionInput!) { recordAcquisition(input: $input) { slug status } }`,
      { input: { slug: 'Bad Slug', buyer: 'huawei', target: 'verizon', status: 'COMPLETED', citations: [{ source: 'acq-2031', quote: TEXT.slice(0, 50) }] } },
      editor,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
