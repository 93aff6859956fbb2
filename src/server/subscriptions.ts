import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../common/auth';
import { RequestDeadline } from '../common/request-deadline';
import type { ChangeSettings, QueryLimits } from '../config';
import type { RequestContext, RequestOptions } from '../context';
import type { Logger } from '../logger';
import { SlowConsumerError } from '../modules/change/change-hub';
import type { Services } from '../services';
import { BudgetExceededError, type ClientBudget } from './client-budget';
import { documentPrice, operationCost, staticLimitsRule } from './query-limits';

/** Close codes this server sends (graphql-ws's own, 4400–4499 less these, keep their meaning). */
export const CLOSE_SLOW_CONSUMER = 4420;
export const CLOSE_SHUTTING_DOWN = 1001;

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  services: Services;
  contextFor: (requestId: string, options?: RequestOptions) => RequestContext;
  limits: QueryLimits;
  settings: ChangeSettings;
  requestTimeoutMs: number;
  logger: Logger;
  /** The client's address as the HTTP server sees it (TRUST_PROXY). */
  clientIp: (req: http.IncomingMessage) => string | undefined;
  /** The per-client cost budget of HTTP requests (CLIENT_COST_BUDGET); none: subscriptions are not charged. */
  budget?: ClientBudget;
}

/** What the server keeps per websocket (graphql-ws's `extra`, beside its socket and request). */
type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  viewer?: Viewer | null;
  client?: string;
  /** The ids of its running subscriptions. */
  running?: Set<string>;
};

/** What one subscription's operation runs with: its caller, and how to make each event's context. */
interface SubscriptionContext {
  base: RequestContext;
  /** The context an event executes with: one per event and caller, shared by that caller's subscriptions of it. */
  forEvent: (event: object) => RequestContext;
  /** Its caller, document and variables: subscriptions with the same key get the same answer to an event, executed once. */
  key: string;
  /** Sends one event's serialized payload as this subscription's `next` message; false when the socket is gone or was closed as a slow consumer. */
  send: (payload: string) => boolean;
  /** Charges one delivered event to the client's budget; throws BudgetExceededError (RATE_LIMITED) when it cannot pay. */
  charge: () => void;
  close: (code: number, reason: string) => void;
}

/**
 * GraphQL subscriptions over the graphql-ws protocol, on the HTTP server's /graphql path. Each
 * websocket authenticates once by `connectionParams.authorization` (`Bearer KEY`) or
 * `connectionParams.apiKey`, or is anonymous; each subscription is parsed, validated and measured
 * against the same depth, node, alias and cost limits as a query before it starts; a connection
 * and a client (its key, else its address) hold at most SUBSCRIPTIONS_PER_CONNECTION and
 * SUBSCRIPTIONS_PER_CLIENT at once. Each event is executed once per caller, document and
 * variables (with a context of its own: fresh loaders and a deadline) and serialized once; the
 * text is sent to every subscription that asked the same, without waiting for any socket to drain.
 * A socket with more than SUBSCRIPTION_MAX_BUFFERED_BYTES unsent when an event is due, or a
 * subscription that fell more than its queue behind, is closed with 4420. See docs/changes.md.
 */
export class SubscriptionServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 100 * 1024 });
  private readonly perClient = new Map<string, number>();
  private closing = false;
  /** Sockets closed for being slow consumers, since start. */
  slowConsumersClosed = 0;

  constructor(private readonly options: SubscriptionServerOptions) {
    const { schema, settings } = options;
    useServer<Record<string, unknown> | undefined, Extra>(
      {
        schema,
        connectionInitWaitTimeout: settings.connectTimeoutMs,
        onConnect: (ctx) => this.connect(ctx),
        onSubscribe: (ctx, id, payload) => this.admit(ctx, id, payload),
        subscribe: (args) => this.subscribe(args),
        execute: () => ({ errors: [new GraphQLError('Send queries and mutations over HTTP; this socket runs subscriptions.')] }),
        // Events are sent by send() below; graphql-ws sends only what a subscription answers when it starts (its errors).
        onComplete: (ctx, id) => this.release(ctx.extra, id),
        onClose: (ctx) => {
          for (const id of [...(ctx.extra.running ?? [])]) this.release(ctx.extra, id);
        },
      },
      this.wss,
    );
  }

  /** Subscriptions running now, over all sockets (for tests and benchmarks). */
  get running(): number {
    let n = 0;
    for (const count of this.perClient.values()) n += count;
    return n;
  }

  get sockets(): number {
    return this.wss.clients.size;
  }

  /** An upgrade request: only to /graphql, and not while shutting down. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  private async connect(ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: Extra }): Promise<boolean> {
    const params = ctx.connectionParams ?? {};
    const given = typeof params.authorization === 'string' ? params.authorization : typeof params.apiKey === 'string' ? `Bearer ${params.apiKey}` : undefined;
    try {
      ctx.extra.viewer = await this.options.services.apiKeys.viewerFor(given);
    } catch {
      return false; // graphql-ws closes with 4403 Forbidden
    }
    const viewer = ctx.extra.viewer;
    ctx.extra.client = viewer ? `key:${viewer.keyId}` : `ip:${this.options.clientIp(ctx.extra.request) ?? 'unknown'}`;
    ctx.extra.running = new Set();
    return true;
  }

  /** Parses, validates, measures and counts a subscription before it starts; every refusal is an error for that subscription only. */
  private admit(
    ctx: { extra: Extra },
    id: string,
    payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  ): ExecutionArgs | readonly GraphQLError[] {
    const { schema, limits, settings } = this.options;
    const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];
    const extra = ctx.extra;
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
      if (payload.query.length > limits.maxLength) return refuse(`Query length limit of ${limits.maxLength} characters exceeded.`, 'GRAPHQL_VALIDATION_FAILED');
    } catch (error) {
      return [error as GraphQLError];
    }
    const errors = validate(schema, document, [staticLimitsRule(limits), ...specifiedRules]);
    if (errors.length) return errors;
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (!payload.operationName || d.name?.value === payload.operationName),
    );
    if (!operation || operation.operation !== 'subscription')
      return refuse('Only subscriptions run over this socket; send queries and mutations over HTTP.', 'BAD_REQUEST');
    let cost: number;
    try {
      cost = operationCost(schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      return refuse('The cost of the subscription could not be computed, so it is refused.', 'GRAPHQL_VALIDATION_FAILED');
    }
    if (!(cost <= limits.maxCost)) return refuse(`Query cost limit of ${limits.maxCost} exceeded, found ${cost}.`, 'GRAPHQL_VALIDATION_FAILED');
    const options = {
      viewer: extra.viewer ?? null,
      ip: extra.client!.startsWith('ip:') ? extra.client!.slice(3) : undefined,
      timeoutMs: this.options.requestTimeoutMs,
    };
    const base = this.options.contextFor(`ws:${id}`, options);
    // Charged as an HTTP request is, to the same budget (the key, else the address): the document
    // and the operation's cost when it starts, then the operation's cost for each event delivered.
    const budget = this.options.budget;
    const perMinute = extra.viewer?.budget ?? budget?.perMinute ?? 0;
    const running = extra.running!;
    if (running.size >= settings.perConnection) {
      return refuse(`Subscription limit of ${settings.perConnection} per connection reached: complete one first.`, 'SUBSCRIPTION_LIMIT');
    }
    const client = extra.client!;
    if ((this.perClient.get(client) ?? 0) >= settings.perClient) {
      return refuse(`Subscription limit of ${settings.perClient} per client reached (over all its connections): complete one first.`, 'SUBSCRIPTION_LIMIT');
    }
    if (budget) {
      try {
        budget.charge(base.client, documentPrice(payload.query) + cost, perMinute);
      } catch (error) {
        if (error instanceof BudgetExceededError) return [error];
        throw error;
      }
    }
    running.add(id);
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    const caller = client.startsWith('key:') ? client : 'anonymous';
    const socket = extra.socket;
    // The message around a payload, made once: `{"id":ID,"type":"next","payload":` + payload + `}`.
    const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    const contextValue: SubscriptionContext = {
      base,
      charge: () => budget?.charge(base.client, cost, perMinute),
      key: JSON.stringify([caller, payload.operationName ?? null, payload.query, payload.variables ?? null]),
      send: (text) => {
        if (socket.readyState !== socket.OPEN) return false;
        if (socket.bufferedAmount > settings.maxBufferedBytes) {
          this.slowConsumersClosed += 1;
          this.options.logger.warn({ client, buffered: socket.bufferedAmount }, 'subscription: slow consumer disconnected');
          socket.close(CLOSE_SLOW_CONSUMER, 'Slow consumer: resume from the last cursor');
          return false;
        }
        socket.send(head + text + '}');
        return true;
      },
      forEvent: (event) =>
        this.eventContext(event, client, () =>
          this.options.contextFor(`ws:${id}`, { ...options, deadline: RequestDeadline.within(this.options.requestTimeoutMs) }),
        ),
      close: (code, reason) => {
        if (code === CLOSE_SLOW_CONSUMER && socket.readyState === socket.OPEN) this.slowConsumersClosed += 1;
        socket.close(code, reason);
      },
    };
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
  }

  /**
   * The context of one event for one caller (API key, or anonymous by address): made by the first
   * of its subscriptions to execute the event, so two thousand subscribers of a dispute read it
   * once per event, not once each (the same answer: they see as the same caller). Kept as long as
   * the event object is (a WeakMap), its deadline of REQUEST_TIMEOUT_MS running from then.
   */
  private readonly eventContexts = new WeakMap<object, Map<string, RequestContext>>();
  private eventContext(event: object, client: string, make: () => RequestContext): RequestContext {
    let byClient = this.eventContexts.get(event);
    if (!byClient) this.eventContexts.set(event, (byClient = new Map()));
    // Anonymous callers see the same data wherever they are: one context for them all.
    const caller = client.startsWith('key:') ? client : 'anonymous';
    let context = byClient.get(caller);
    if (!context) byClient.set(caller, (context = make()));
    return context;
  }

  /**
   * One event's answer, serialized, per subscription key (caller, document, variables): the first
   * subscription to want it executes and serializes it, the others with the same key wait for that
   * text. Kept as long as the event object is (a WeakMap); at most one entry per distinct key
   * among the running subscriptions.
   */
  private readonly eventAnswers = new WeakMap<object, Map<string, Promise<string>>>();
  /** Executions of events, since start (for tests and benchmarks: shared answers do not count). */
  eventsExecuted = 0;
  private eventAnswer(event: object, key: string, run: () => Promise<ExecutionResult>): Promise<string> {
    let byKey = this.eventAnswers.get(event);
    if (!byKey) this.eventAnswers.set(event, (byKey = new Map()));
    let answer = byKey.get(key);
    if (!answer) {
      this.eventsExecuted += 1;
      // graphql-ws's own serialization of a result: errors as GraphQLError#toJSON, none when there are none.
      answer = run().then(({ errors, ...rest }) => JSON.stringify(errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest));
      byKey.set(key, answer);
    }
    return answer;
  }

  private release(extra: Extra, id: string): void {
    if (!extra.running?.delete(id)) return;
    const client = extra.client!;
    const left = (this.perClient.get(client) ?? 1) - 1;
    if (left <= 0) this.perClient.delete(client);
    else this.perClient.set(client, left);
  }

  /**
   * graphql-js's subscribe, but each event executes with a context of its own (fresh loaders:
   * nothing cached from the last event), once per subscription key, and is sent from here: the
   * iterator graphql-ws reads yields nothing and ends when the subscription does, so graphql-ws
   * neither executes nor serializes an event per subscriber nor waits for a socket to drain.
   */
  private async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const { base, forEvent, close, key, send, charge } = args.contextValue as SubscriptionContext;
    const source = await createSourceEventStream({ ...args, contextValue: base });
    if (!(Symbol.asyncIterator in source)) return source;
    const events = source as AsyncGenerator<unknown>;
    const answer = (event: object) =>
      this.eventAnswer(event, key, async () => (await execute({ ...args, rootValue: event, contextValue: forEvent(event) })) as ExecutionResult);
    // An iterator, not an async generator: a generator waiting for its next event would queue
    // `return()` (the client's complete) until that event came, and hold the subscription.
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        for (;;) {
          let event: IteratorResult<unknown>;
          try {
            event = await events.next();
          } catch (error) {
            if (!(error instanceof SlowConsumerError)) throw error;
            close(CLOSE_SLOW_CONSUMER, 'Slow consumer: resume from the last cursor');
            return { value: undefined, done: true };
          }
          if (event.done) return { value: undefined, done: true };
          const text = await answer(event.value as object);
          try {
            charge();
          } catch (error) {
            // Over budget: the subscription ends with the RATE_LIMITED error (graphql-ws sends it as its `error`, then releases it).
            await events.return?.(undefined);
            throw error;
          }
          if (!send(text)) {
            await events.return?.(undefined);
            return { value: undefined, done: true };
          }
        }
      },
      async return() {
        await events.return?.(undefined);
        return { value: undefined, done: true };
      },
      async throw(error: unknown) {
        await events.return?.(undefined);
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Shutdown: every websocket is closed (1001), so the drain does not wait for them. */
  close(): void {
    this.closing = true;
    for (const socket of this.wss.clients) socket.close(CLOSE_SHUTTING_DOWN, 'Server shutting down: reconnect and resume from the last cursor');
  }
}
