import crypto from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { buildSchema, GraphQLError } from 'graphql';

/** Apollo's built-in plugins left out as the product leaves them out: each would answer `requestDidStart` with a promise. */
const withoutBuiltIns = [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()];

/** Apollo's logger, quiet: a test's failing hook is reported by it. */
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function serverWith(plugin: ApolloServerPlugin): Promise<ApolloServer> {
  const server = new ApolloServer({ schema: buildSchema('type Query { a: Int }'), rootValue: { a: 1 }, plugins: [...withoutBuiltIns, plugin], logger: quiet });
  await server.start();
  return server;
}

/** A plugin whose `requestDidStart` answers with the listener itself, as the product's do. */
const syncPlugin = (listener: object): ApolloServerPlugin => ({ requestDidStart: (() => listener) as unknown as ApolloServerPlugin['requestDidStart'] });

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

  it('goes through the stages whose hooks all answered without a promise at once: no Promise.all (unpatched: six)', async () => {
    const called: string[] = [];
    const server = await serverWith(
      syncPlugin({
        didResolveSource: () => void called.push('didResolveSource'),
        didResolveOperation: () => void called.push('didResolveOperation'),
        executionDidStart: () => {
          called.push('executionDidStart');
          return { executionDidEnd: () => void called.push('executionDidEnd') };
        },
        willSendResponse: () => void called.push('willSendResponse'),
      }),
    );
    await server.executeOperation({ query: '{ a }' }); // parsed and validated once, outside the count
    called.length = 0;
    const all = jest.spyOn(Promise, 'all');
    expect((await server.executeOperation({ query: '{ a }' })).body).toEqual({ kind: 'single', singleResult: { data: { a: 1 } } });
    expect(all).not.toHaveBeenCalled();
    expect(called).toEqual(['didResolveSource', 'didResolveOperation', 'executionDidStart', 'executionDidEnd', 'willSendResponse']);
    await server.stop();
  });

  it('still waits for a hook that answered with a promise before the next stage, and for willSendResponse before answering', async () => {
    const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));
    const seen: string[] = [];
    let resolved = false;
    let sent = false;
    const server = await serverWith({
      async requestDidStart() {
        await later(null);
        return {
          didResolveOperation: async () => {
            await later(null);
            resolved = true;
          },
          executionDidStart: async () => {
            seen.push(`executing after the operation resolved: ${resolved}`);
          },
          willSendResponse: async () => {
            await later(null);
            sent = true;
          },
        };
      },
    });
    const response = await server.executeOperation({ query: '{ a }' });
    expect(response.body).toEqual({ kind: 'single', singleResult: { data: { a: 1 } } });
    expect(seen).toEqual(['executing after the operation resolved: true']);
    expect(sent).toBe(true);
    await server.stop();
  });

  it('answers a hook that throws as before: an error in didResolveOperation is the answer, one in willSendResponse an internal error', async () => {
    const refusing = await serverWith(
      syncPlugin({
        didResolveOperation: () => {
          throw new GraphQLError('refused here', { extensions: { code: 'REFUSED', http: { status: 400 } } });
        },
      }),
    );
    const refused = await refusing.executeOperation({ query: '{ a }' });
    expect(refused.http.status).toBe(400);
    expect(refused.body).toMatchObject({ kind: 'single', singleResult: { errors: [{ message: 'refused here', extensions: { code: 'REFUSED' } }] } });
    await refusing.stop();

    const failing = await serverWith(
      syncPlugin({
        willSendResponse: () => {
          throw new Error('broken hook');
        },
      }),
    );
    await expect(failing.executeOperation({ query: '{ a }' })).rejects.toThrow('Internal server error');
    await failing.stop();
  });
});
