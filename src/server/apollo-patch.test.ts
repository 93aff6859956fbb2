import crypto from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';

/** What patches/@apollo+server+5.5.1.patch changes in Apollo's request pipeline, counted. */
describe("Apollo Server as patched at install", () => {
  afterEach(() => jest.restoreAllMocks());

  it('hashes a query text once, however often it is sent, and each new text once', async () => {
    const server = new ApolloServer({ schema: buildSchema('type Query { a: Int }'), rootValue: { a: 1 } });
    await server.start();
    const hashed = jest.spyOn(crypto, 'createHash');
    const text = `query Repeated${Date.now()} { a }`; // a text no other test sent
    for (let i = 0; i < 5; i++) expect((await server.executeOperation({ query: text })).body).toEqual({ kind: 'single', singleResult: { data: { a: 1 } } });
    await server.executeOperation({ query: `${text} ` });
    expect(hashed.mock.calls.filter(([algorithm]) => algorithm === 'sha256')).toHaveLength(2);
    await server.stop();
  });
});
