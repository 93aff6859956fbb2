import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSchema } from 'graphql';
import { httpGraphQLRequestOf } from '../src/server/graphql-http';

/**
 * `node dist/bench/apollo-floor.js`: the least a request through Apollo Server 5 can cost here —
 * Apollo on node:http through its integration API (`executeHTTPGraphQLRequest`, as the product's
 * `/graphql` is served, the request converted by the same function), a one-field schema, no
 * plugin, no context, no database, the body read and parsed with `JSON.parse`. The benchmark answers `{ __typename }` with it beside the product and
 * PostGraphile: the product's fixed cost less this is what the product itself adds, and this
 * against PostGraphile is what keeping Apollo Server costs.
 */
async function main() {
  const apollo = new ApolloServer({
    schema: buildSchema('type Query { ok: Boolean }'),
    csrfPrevention: false,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: httpGraphQLRequestOf(req, body),
        context: async () => ({}),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      res.end(response.body.kind === 'complete' ? response.body.string : '');
    });
  });
  server.listen(Number(process.env.PORT ?? 4100), () => {
    const address = server.address();
    process.stdout.write(
      JSON.stringify({ msg: 'apollo floor ready', url: `http://localhost:${typeof address === 'object' && address ? address.port : ''}/graphql` }) + '\n',
    );
  });
  process.once('SIGTERM', () => {
    server.close(() => void apollo.stop().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

main().catch((error) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
