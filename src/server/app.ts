import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { createContextFactory, type RequestContext } from '../context';
import type { Logger } from '../logger';
import { buildAppSchema } from '../schema';
import { createFormatError } from './format-error';
import { JitExecutorGateway } from './jit-executor';
import { requestLogPlugin } from './request-log.plugin';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Starts listening; resolves with the bound port. */
  listen(port?: number): Promise<number>;
  stop(): Promise<void>;
}

export async function createApp(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<App> {
  const schema = await buildAppSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    ...(config.executor === 'jit' ? { gateway: new JitExecutorGateway(schema) } : { schema }),
    formatError: createFormatError(config.production),
    includeStacktraceInErrorResponses: !config.production,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No @cacheControl hints are used: the plugin would only wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // Apollo Sandbox at GET /graphql, in production too: it is how journalists explore the API.
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      requestLogPlugin(logger),
    ],
  });
  await apollo.start();

  const contextFor = createContextFactory(dataSource, { batch: config.loaderBatching });
  app.disable('x-powered-by');
  app.use(cors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins, maxAge: 600 }));
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(req.headers['x-request-id'] ?? randomUUID());
        res.setHeader('x-request-id', requestId);
        return contextFor(requestId);
      },
    }),
  );

  return {
    httpServer,
    apollo,
    listen: (port = config.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: () => apollo.stop(),
  };
}
