import type { Viewer } from './common/auth';
import type { MutationSession } from './common/writes/mutation-session';
import { Loaders } from './common/loaders/loaders';
import { RequestDeadline } from './common/request-deadline';
import type { Services } from './services';

/** What every resolver gets: this request's loaders and caller, and the app's services. */
export interface RequestContext {
  requestId: string;
  loaders: Loaders;
  services: Services;
  /** The caller's API key, or null for an anonymous request. */
  viewer: Viewer | null;
  /** Who is charged for the request's cost: `key:ID` for an API key, else `ip:ADDRESS`. */
  client: string;
  /** The request's time limit: past it, the work still to do is abandoned. */
  deadline: RequestDeadline;
  /** Aborted when the request runs past its time limit (the deadline's signal). */
  readonly signal: AbortSignal;
  timeoutMs: number;
  /** How long drafting may read one report (DRAFT_DEADLINE_MS); undefined: DEFAULT_DRAFT_DEADLINE_MS. */
  readonly draftDeadlineMs?: number;
  /** When the context was made, as `performance.now()` (the request's duration in its log line). */
  readonly startedAt: number;
  /** A mutation operation's one write transaction (set by mutationTransactionPlugin). */
  mutation?: MutationSession;
  /** What the request was charged against its client's budget (query-limits.ts); unset when no budget applies. */
  cost?: RequestCost;
}

/** A request's charges: its document's price when it arrived, its operation's when admitted, and what is kept of that once answered. */
export interface RequestCost {
  /** The client's budget per minute (its key's own, or the default). */
  perMinute: number;
  /** Parsing and validating its document (a flat price and its length), never refunded. */
  document: number;
  /** The operation's requested (worst-case) cost, charged before it ran; 0 until admitted. */
  operation: number;
  /** What is kept of `operation` once the answer shows its actual cost (null until then). */
  kept: number | null;
  /** The operation's coerced variables (its actual cost reads its arguments). */
  variables: Record<string, unknown> | null;
}

export interface RequestOptions {
  viewer?: Viewer | null;
  /** The caller's IP address (the budget of an anonymous request). */
  ip?: string;
  deadline?: RequestDeadline;
  timeoutMs?: number;
}

export interface ContextFactoryOptions {
  /** Benchmark switch: false makes every loader query once per key (N+1). */
  loaderBatching?: boolean;
  /** Rows one request may load (QUERY_MAX_ROWS). */
  maxRows?: number;
  /** DRAFT_DEADLINE_MS. */
  draftDeadlineMs?: number;
}

/** Makes each request's context around the app's services (made once, by createServices in services.ts); loaders are per request. */
export function createContextFactory(services: Services, { loaderBatching = true, maxRows, draftDeadlineMs }: ContextFactoryOptions = {}) {
  return (requestId: string, { viewer = null, ip = 'local', deadline = new RequestDeadline(), timeoutMs = 10_000 }: RequestOptions = {}): RequestContext =>
    new RequestContextValue(
      requestId,
      new Loaders(services.sqlReader, { batch: loaderBatching, deadline, timeoutMs, maxRows }),
      services,
      viewer,
      viewer ? `key:${viewer.keyId}` : `ip:${ip}`,
      deadline,
      timeoutMs,
      draftDeadlineMs,
    );
}

/**
 * A class, not an object literal, so that `signal` is a getter of the prototype: Apollo copies the
 * context's own properties for every operation (Object.assign, keeping the prototype), which would
 * call a getter of the object itself and make the AbortController that RequestDeadline defers.
 */
class RequestContextValue implements RequestContext {
  mutation?: MutationSession;
  cost?: RequestCost = undefined;
  readonly startedAt = performance.now();

  constructor(
    readonly requestId: string,
    readonly loaders: Loaders,
    readonly services: Services,
    readonly viewer: Viewer | null,
    readonly client: string,
    readonly deadline: RequestDeadline,
    readonly timeoutMs: number,
    readonly draftDeadlineMs?: number,
  ) {}

  get signal(): AbortSignal {
    return this.deadline.signal;
  }
}
