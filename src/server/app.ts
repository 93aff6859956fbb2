import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../common/auth';
import { DatabaseUnavailableError, isDatabaseFailure, RequestTimeoutError } from '../common/errors';
import type { AppConfig } from '../config';
import { nulCharacterPlugin } from './nul-character.plugin';
import { mutationTransactionPlugin } from './mutation-transaction.plugin';
import { httpCachePlugin } from './http-cache.plugin';
import { createContextFactory, type RequestContext, type RequestOptions } from '../context';
import { createServices } from '../services';
import type { Resolver } from '../modules/webhook/address-policy';
import { WebhookWorker } from '../modules/webhook/webhook-worker';
import { Database } from '../database';
import type { Logger } from '../logger';
import { buildAppSchema } from '../schema';
import { createFormatError } from './format-error';
import { JitExecutorGateway, type JitOptions } from './jit-executor';
import { ClientBudget } from './client-budget';
import { queryLimits } from './query-limits';
import { DocumentStore } from './document-store';
import { requestLogPlugin } from './request-log.plugin';
import { asOfPlugin } from './as-of.plugin';
import { combineRequestPlugins } from './request-plugins';
import { explorerRoutes, graphiqlRoutes } from './explorer';
import { sandboxLandingPagePlugin } from './landing-page.plugin';
import { graphqlHttpHandler } from './graphql-http';
import type { Middleware } from './middleware';
import { hidesSourceMap, securityHeaders } from './security-headers';
import { corsHeaders } from './cors-headers';
import { HeaderHoldingResponse, holdHeaders, setHeldHeaders, writeHead } from './response-headers';
import { fastJsonBody } from './json-body';
import { RequestDeadline } from '../common/request-deadline';
import type { BackupScheduler } from '../common/database/backup-scheduler';
import { startScheduledBackups } from './scheduled-backups';
import { checkingIntervalFor, Connections } from './connections';
import { serveChangesNdjson } from './changes-ndjson';
import { ChangeBus } from './change-bus';
import { SubscriptionServer } from './subscriptions';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  database: Database;
  /** The scheduled backups (BACKUP_DIR), or null. */
  backups: BackupScheduler | null;
  /** The graphql-jit executor (null with GRAPHQL_EXECUTOR=graphql-js): its compile count shows planning work. */
  jit: JitExecutorGateway | null;
  /** The webhook delivery worker (null with WEBHOOK_WORKER=off). */
  webhooks: WebhookWorker | null;
  /** Apollo's store of parsed documents (its size, for tests). */
  documents: DocumentStore;
  /** A request context as the server builds one (for in-process execution). */
  contextFor(requestId: string, options?: RequestOptions): RequestContext;
  /** Starts listening; resolves with the bound port. */
  listen(port?: number): Promise<number>;
  /** The sockets: their caps, and the drain at shutdown. */
  connections: Connections;
  /** GraphQL subscriptions over websockets (graphql-ws) on /graphql. */
  subscriptions: SubscriptionServer;
  /** Refuses new requests (503), lets admitted ones finish (up to the grace period), closes the write connection and the read workers. */
  stop(): Promise<void>;
}

/** The largest request body accepted (both JSON body parsers, and the 413 answer's message). */
const BODY_LIMIT_BYTES = 100 * 1024;

/** The JSON body of an error answered outside GraphQL execution (body too large, timeout …). */
function errorBody(message: string, code: string, requestId: string) {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  writeHead(res, status, ['content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(text))]);
  res.end(text);
}

/** What is kept about a request beside its response. */
interface RequestLocals {
  requestId: string;
}

/**
 * node:http's request and response with the fields this server gives them declared up front: a
 * property first set on an object node:http made is a change of its shape at run time, which V8
 * does slowly (three of them were about 2 % of a `{ __typename }` request's instructions).
 */
class ServedRequest extends http.IncomingMessage {
  /** The parsed body (json-body.ts, or express.json). */
  body?: unknown = undefined;
}
class ServedResponse extends HeaderHoldingResponse {
  /** Express's `res.locals`, which Express keeps when it is already there. */
  locals: RequestLocals | undefined = undefined;
}

/** The request's locals, made when first asked for. */
function locals(res: http.ServerResponse): RequestLocals {
  const holder = res as http.ServerResponse & { locals?: RequestLocals };
  return (holder.locals ??= { requestId: '' });
}

/** The query text of a request to /graphql (a POST's parsed body, or a GET's `query` parameter), for its price. */
function queryTextOf(req: http.IncomingMessage): string | undefined {
  const body = (req as ServedRequest).body as { query?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.query === 'string') return body.query;
  if (req.method !== 'GET' || !req.url?.includes('?')) return undefined;
  return new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1)).get('query') ?? undefined;
}

/** Express's `app.use('/graphql')`: the path, any path below it, case-insensitively. */
function isGraphQLPath(url: string | undefined): boolean {
  if (!url) return false;
  const end = url.length >= 8 ? url.charCodeAt(8) : NaN;
  // "/graphql" followed by nothing, "?" or "/".
  return url.length >= 8 && url.slice(0, 8).toLowerCase() === '/graphql' && (url.length === 8 || end === 63 || end === 47);
}

export interface AppOptions {
  /** The clock of the per-client budget (tests simulate minutes with it). */
  now?: () => number;
  /** How webhook hosts are resolved, and extra CAs for https receivers (tests). */
  webhooks?: { resolve?: Resolver; ca?: string | Buffer; random?: () => number };
  /** Cache bounds below production's (tests: a cache reaches its bound after a few documents instead of hundreds). */
  caches?: { jit?: JitOptions; documentStoreTokens?: number };
}

export async function createApp(
  dataSource: DataSource,
  config: AppConfig,
  logger: Logger,
  { now, webhooks: webhookOptions, caches }: AppOptions = {},
): Promise<App> {
  const schema = await buildAppSchema();
  const database = await Database.attach(dataSource, logger, { readWorkers: config.readWorkers });
  database.startMonitor(config.databaseCheckMs);
  const backups = config.backup
    ? await startScheduledBackups(database, config.backup, logger).catch(async (error) => {
        await database.close();
        throw error;
      })
    : null;
  const app = express();
  // /graphql is served on node:http directly (graphql-http.ts), everything else by Express.
  // (Typed as a plain server: what its classes add is reached through response-headers.ts and `locals`.)
  const httpServer = http.createServer(
    // Timeouts fire at most this late (Node's default check, every 30 s, let a silent socket live ~40 s).
    { IncomingMessage: ServedRequest, ServerResponse: ServedResponse, connectionsCheckingInterval: checkingIntervalFor(config.connections.headersTimeoutMs) },
    (req, res) =>
      everyResponse(req, res, () => {
        if (connections.draining) return refuseWhileDraining(res);
        if (isGraphQLPath(req.url)) return graphql(req, res);
        // Express's handlers set their headers one at a time, after these.
        setHeldHeaders(res);
        app(req, res);
      }),
  ) as unknown as http.Server;
  // Slow clients cannot hold a connection open forever (the head's and idle sockets' timeouts: connections.ts).
  httpServer.requestTimeout = config.requestTimeoutMs + 20_000;
  const budget = config.clientCostBudget ? new ClientBudget(config.clientCostBudget, now) : undefined;
  const limits = queryLimits(config.limits, { production: config.production, budget, cacheMaxAgeSeconds: config.cacheMaxAgeSeconds });
  const jit = config.executor === 'jit' ? new JitExecutorGateway(schema, caches?.jit) : null;
  const documents = new DocumentStore(caches?.documentStoreTokens);
  const apollo = new ApolloServer<RequestContext>({
    ...(jit ? { gateway: jit } : { schema }),
    formatError: createFormatError(config.production),
    includeStacktraceInErrorResponses: !config.production,
    introspection: true,
    // Requests authenticate only by the Authorization header, never by cookies: a forged
    // cross-site request carries no credentials, so CSRF prevention would protect nothing and
    // would refuse GET queries (urql's default, Apollo Client's useGETForQueries, APQ over GET).
    csrfPrevention: false,
    allowBatchedHttpRequests: false,
    // main.ts handles SIGTERM: stop() drains the sockets (connections.ts), then stops Apollo and closes the database.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    documentStore: documents,
    parseOptions: limits.parseOptions,
    plugins: [
      // No @cacheControl hints are used: the plugin would only wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // Federated tracing is for subgraphs; Apollo would otherwise add the plugin and let it decline on every request.
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo Sandbox at GET /graphql, in production too: it is how journalists explore the API.
      // Embedded as ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
      // does, but when its script cannot load from Apollo's CDN the page goes to GraphiQL at /graphiql/.
      sandboxLandingPagePlugin(),
      // What runs on each request, as one request listener (request-plugins.ts says why).
      ...combineRequestPlugins([
        requestLogPlugin(logger, database),
        // A mutation operation is one transaction, and its answer reads through it (the primary before its first write).
        mutationTransactionPlugin(),
        // A query whose root fields give `asOf` reads, all through, as of that date.
        asOfPlugin(),
        httpCachePlugin(config.cacheMaxAgeSeconds),
        nulCharacterPlugin(),
        ...limits.requestPlugins,
      ]),
    ],
  });
  await apollo.start();

  // One SqlReader (and so one prepared-statement cache) per app; loaders are per request.
  const services = createServices(database, { allowHttp: config.webhooks.allowHttp, allowedNetworks: config.webhooks.allowedNetworks });
  const contextFor = createContextFactory(services, { loaderBatching: config.loaderBatching, maxRows: config.limits.maxRows });

  /** A request id for every request (the client's `x-request-id`, or a new one), in logs and error answers. */
  const requestIdOf = (req: http.IncomingMessage): string => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  };
  const security = securityHeaders(config);
  const cors = corsHeaders(config.corsOrigins);

  /**
   * What every answer gets, on every path (/graphql and Express's): its request id, security and
   * CORS headers, held for whoever writes the answer (response-headers.ts); an OPTIONS preflight
   * is answered here. Response headers common to all paths belong here.
   */
  const everyResponse = (req: http.IncomingMessage, res: http.ServerResponse, then: () => void) => {
    const requestId = requestIdOf(req);
    locals(res).requestId = requestId;
    const preflight = req.method === 'OPTIONS';
    holdHeaders(res, ['x-request-id', requestId].concat(security(req), preflight ? [] : cors.headersFor(req)));
    if (hidesSourceMap(config.production, req)) {
      writeHead(res, 404, ['content-type', 'text/plain; charset=utf-8']);
      res.end('Not found\n');
    } else if (preflight) {
      setHeldHeaders(res);
      cors.preflight(req, res, then);
    } else {
      then();
    }
  };

  /**
   * After REQUEST_TIMEOUT_MS the client gets an error, and the request's remaining work is
   * abandoned (a client that went away does not stop it sooner). The request settles it when it ends.
   */
  const deadline = (res: http.ServerResponse): RequestDeadline =>
    RequestDeadline.after(config.requestTimeoutMs, () => {
      const { requestId } = locals(res);
      logger.warn({ requestId, ms: config.requestTimeoutMs }, 'request timed out');
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, 503, errorBody(new RequestTimeoutError(config.requestTimeoutMs).message, 'REQUEST_TIMEOUT', requestId));
      }
    });

  /**
   * The client's address, as Express's `req.ip` gives it under TRUST_PROXY: with no proxy trusted
   * that is the socket's peer, whatever X-Forwarded-For says, so Express's parsing of it is skipped.
   */
  const ipGetter = Object.getOwnPropertyDescriptor(express.request, 'ip')!.get!;
  const clientIp = (req: http.IncomingMessage): string | undefined =>
    config.trustProxy === false ? req.socket.remoteAddress : ipGetter.call({ app, headers: req.headers, socket: req.socket, connection: req.socket });

  /** Errors outside GraphQL (the body parser's, mostly) answered as GraphQL-shaped JSON. */
  const answerHttpError = (error: any, res: http.ServerResponse) => {
    const requestId = locals(res).requestId ?? randomUUID();
    if (res.headersSent) return; // e.g. the answer to a timed-out request, already sent
    if (error?.type === 'entity.too.large') {
      sendJson(res, 413, errorBody(`The request body is larger than the limit of ${BODY_LIMIT_BYTES / 1024} kB`, 'PAYLOAD_TOO_LARGE', requestId));
    } else if (error?.type === 'entity.parse.failed') {
      sendJson(res, 400, errorBody('The request body is not valid JSON', 'BAD_REQUEST', requestId));
    } else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      sendJson(res, error.status, errorBody(error.expose ? error.message : 'Bad request', 'BAD_REQUEST', requestId));
    } else {
      logger.error({ requestId, err: error }, 'unexpected error handling a request');
      sendJson(res, 500, errorBody(`Internal server error (request id ${requestId})`, 'INTERNAL_SERVER_ERROR', requestId));
    }
  };
  const httpErrors: ErrorRequestHandler = (error, _req, res, _next) => answerHttpError(error, res);

  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const trusted = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const connections = new Connections(httpServer, config.connections, { logger, isTrustedProxy: (address) => trusted(address, 0) });

  /** From shutdown on: a new request is not run, and its socket closes after this answer. */
  const refuseWhileDraining = (res: http.ServerResponse) => {
    res.shouldKeepAlive = false;
    sendJson(res, 503, errorBody('The server is shutting down: nothing was done; send the request again', 'SERVICE_UNAVAILABLE', locals(res).requestId));
  };
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use('/explorer', ...explorerRoutes());
  app.use('/graphiql', ...graphiqlRoutes());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/changes.ndjson', (req, res) => {
    const { requestId } = locals(res);
    if (!database.available) return sendJson(res, 503, errorBody(new DatabaseUnavailableError().message, 'SERVICE_UNAVAILABLE', requestId));
    serveChangesNdjson(req, res, {
      reader: services.sqlReader,
      changes: services.changes,
      max: config.changes.ndjsonMax,
      refuse: (answer, status, error) => sendJson(answer, status, errorBody(error.message, String(error.extensions.code), requestId)),
    }).catch((error: unknown) => {
      if (res.headersSent)
        res.destroy(); // a cut answer: the client resumes from the last line it read
      else if (isDatabaseFailure(error)) sendJson(res, 503, errorBody(new DatabaseUnavailableError().message, 'SERVICE_UNAVAILABLE', requestId));
      else answerHttpError(error, res);
    });
  });
  app.get('/readyz', async (_req, res) => {
    const state = await database.check();
    if (state === 'available') res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', ...(config.production ? {} : { reason: database.unavailableReason }) });
  });

  const graphql = graphqlHttpHandler<RequestContext>({
    apollo,
    parseBody: fastJsonBody(BODY_LIMIT_BYTES, express.json({ limit: BODY_LIMIT_BYTES }) as unknown as Middleware),
    notJson: (_req, res) =>
      // A POST must be JSON (express.json leaves anything else unparsed, which Apollo would answer 500).
      sendJson(
        res,
        415,
        errorBody('A POST must have `Content-Type: application/json`; queries can also be sent with GET', 'BAD_REQUEST', locals(res).requestId),
      ),
    onError: (error, _req, res) => answerHttpError(error, res),
    release: (context) => {
      context.deadline.settle();
      context.loaders.release();
    },
    context: (req, res) => {
      const { requestId } = locals(res);
      const unavailable = () => {
        void database.check();
        const error = new DatabaseUnavailableError();
        error.extensions.requestId = requestId;
        return error;
      };
      if (!database.available) throw unavailable();
      const limit = deadline(res);
      const contextOf = (viewer: Viewer | null) => {
        try {
          // The document is charged to the client before Apollo parses it (query-limits.ts).
          return limits.admit(contextFor(requestId, { viewer, ip: clientIp(req), deadline: limit, timeoutMs: config.requestTimeoutMs }), queryTextOf(req));
        } catch (error) {
          limit.settle();
          throw error;
        }
      };
      const { authorization } = req.headers;
      // An anonymous request (most) has no key to look up: its context is made at once.
      if (!authorization) return contextOf(null);
      return services.apiKeys.viewerFor(authorization).then(contextOf, (error: unknown) => {
        // No context is made, so nothing else will settle the deadline.
        limit.settle();
        throw isDatabaseFailure(error) ? unavailable() : error;
      });
    },
  });
  app.use(httpErrors);

  // Subscriptions: websockets upgraded on /graphql, fed by the change bus (docs/changes.md).
  const changeBus = new ChangeBus(database, services.primaryReader, services.changes, services.changeHub, { pollMs: config.changes.pollMs, logger });
  await changeBus.start();
  // Deliveries wait in the database: a worker started late, or on another instance, sends them all the same.
  // Started after the bus, which wakes it at each new change (its poll stays, for what the bus cannot hear).
  const webhooks = config.webhooks.worker ? new WebhookWorker(database, config.webhooks, logger, webhookOptions) : null;
  if (webhooks && config.webhooks.wake) changeBus.woken.add(() => webhooks.wake());
  webhooks?.start();
  const subscriptions = new SubscriptionServer({
    schema,
    services,
    contextFor,
    limits: config.limits,
    settings: config.changes,
    requestTimeoutMs: config.requestTimeoutMs,
    logger,
    clientIp,
    budget,
  });
  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isGraphQLPath(req.url) || connections.draining) {
      socket.end(`HTTP/1.1 ${connections.draining ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    subscriptions.handleUpgrade(req, socket, head);
  });

  return {
    httpServer,
    apollo,
    database,
    backups,
    webhooks,
    jit,
    documents,
    contextFor,
    connections,
    subscriptions,
    listen: (port = config.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      subscriptions.close();
      await connections.drain(config.shutdownGraceMs);
      await changeBus.stop();
      await apollo.stop();
      await webhooks?.stop();
      await backups?.stop();
      await database.close();
    },
  };
}
