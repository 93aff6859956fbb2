import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSchema, GraphQLError } from 'graphql';

/** Apollo's built-in plugins left out as the product leaves them out: each would answer `requestDidStart` with a promise. */
const withoutBuiltIns = [
  ApolloServerPluginCacheControlDisabled(),
  ApolloServerPluginUsageReportingDisabled(),
  ApolloServerPluginInlineTraceDisabled(),
  ApolloServerPluginLandingPageDisabled(),
];

/** Apollo's logger, quiet: a test's failing hook is reported by it. */
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function serverWith(plugin: ApolloServerPlugin): Promise<ApolloServer> {
  const server = new ApolloServer({ schema: buildSchema('type Query { a: Int }'), rootValue: { a: 1 }, plugins: [...withoutBuiltIns, plugin], logger: quiet });
  await server.start();
  return server;
}

/** A plugin whose `requestDidStart` answers with the listener itself, as the product's do. */
const syncPlugin = (listener: object): ApolloServerPlugin => ({ requestDidStart: (() => listener) as unknown as ApolloServerPlugin['requestDidStart'] });

/**
 * Apollo's request pipeline as the product's plugins use it (request-plugins.ts): hooks that answer
 * synchronously, others that answer with a promise, hooks that throw. It holds for Apollo with or
 * without patches/ (which no longer touches the pipeline).
 */
describe("Apollo Server's plugin hooks", () => {
  afterEach(() => jest.restoreAllMocks());

  it('waits for a hook that answered with a promise before the next stage, and for willSendResponse before answering', async () => {
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

  it('answers a hook that throws: an error in didResolveOperation is the answer, one in willSendResponse an internal error', async () => {
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
