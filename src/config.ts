import ipaddr from 'ipaddr.js';
import { readFileSync } from 'node:fs';

/** DRAFT_DEADLINE_MS unless set: the longest a report's extraction may take before the draft is refused (it runs outside the write transaction). */
export const DEFAULT_DRAFT_DEADLINE_MS = 5_000;

/** Query limits: each rejects an operation before execution (see src/server/query-limits.ts). */
export interface QueryLimits {
  maxDepth: number;
  /** Fields after expanding every fragment (what graphql-jit compiles). */
  maxNodes: number;
  /** Rows one request may load (nested lists without `first` are costed once, so bounded here). */
  maxRows: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxLength: number;
  maxCost: number;
  /** Fields of one response name with arguments or a selection in one selection set (graphql-js compares them pairwise); not an environment setting. */
  maxSameNameFields: number;
}

/** Caps on open sockets and the socket timeouts (src/server/connections.ts). */
export interface ConnectionLimits {
  /** MAX_CONNECTIONS: open sockets at once, in all. */
  max: number;
  /** MAX_CONNECTIONS_PER_ADDRESS: open sockets at once from one peer address (IPv6: one /64). */
  perAddress: number;
  /** HEADERS_TIMEOUT_MS: a request's head must arrive within this long. */
  headersTimeoutMs: number;
  /** KEEP_ALIVE_TIMEOUT_MS: an idle keep-alive socket is closed after this long. */
  keepAliveTimeoutMs: number;
}

/** Environment, read once. */
export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  corsOrigins: string[] | '*';
  production: boolean;
  logLevel: string;
  /** `jit` (default): graphql-jit behind Apollo; `graphql-js`: Apollo's own executor. */
  executor: 'jit' | 'graphql-js';
  /** Benchmark switch: false makes every loader query once per key (N+1). */
  loaderBatching: boolean;
  limits: QueryLimits;
  /** A request still running after this long is answered with an error and its work abandoned. */
  requestTimeoutMs: number;
  /** On SIGTERM, in-flight requests get this long to finish. */
  shutdownGraceMs: number;
  /** DRAFT_DEADLINE_MS: how long drafting may read one report (a text past it is refused, nothing stored). */
  draftDeadlineMs: number;
  /** How often the database is checked (and, while it is unavailable, reopened). */
  databaseCheckMs: number;
  /** Query cost a client (API key, or IP) may spend per minute; null: no budget. */
  clientCostBudget: number | null;
  /** How long anonymous GET query answers may be cached (Cache-Control max-age); 0: never. */
  cacheMaxAgeSeconds: number;
  /** Express's `trust proxy`: whose X-Forwarded-For names the client (false: the socket's address). */
  trustProxy: boolean | number | string;
  /** SQLite: worker processes that run long reads (search, networks, timelines, filtered counts). */
  readWorkers: number;
  connections: ConnectionLimits;
  /** SQLite: the server's own scheduled backups (BACKUP_DIR, BACKUP_INTERVAL, BACKUP_KEEP); null: off. */
  backup: BackupSchedule | null;
  webhooks: WebhookSettings;
  /** The change feed's bulk answer and the subscriptions' caps (docs/changes.md). */
  changes: ChangeSettings;
}

/** How webhooks are delivered (WEBHOOK_* settings; docs/webhooks.md). */
export interface WebhookSettings {
  /** Whether this instance runs the delivery worker (WEBHOOK_WORKER=off: another instance does). */
  worker: boolean;
  /** `http:` endpoints too (else `https:` only). */
  allowHttp: boolean;
  /** Networks (CIDR) a webhook may reach although not public (loopback, private…); empty: public addresses only. */
  allowedNetworks: string[];
  /** Attempts per delivery before it is given up (FAILED). */
  maxAttempts: number;
  /** The first retry's delay; each next one doubles, up to backoffMaxMs, with jitter. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Attempts failed in a row (over all its deliveries) after which a webhook is disabled. */
  disableAfter: number;
  /** One attempt's limit: resolving, connecting, and the answer. */
  timeoutMs: number;
  /** How often the worker looks for changes and due deliveries. */
  pollMs: number;
  /** Attempts in flight at once. */
  concurrency: number;
  /** WEBHOOK_WAKE: the change bus wakes the worker at each new change (else it only polls). */
  wake: boolean;
  /** WEBHOOK_DELIVERY_RETENTION_DAYS: delivered and given-up deliveries older than this are deleted from the log. */
  retentionMs: number;
}

/** The change feed and subscriptions (docs/changes.md#settings). */
export interface ChangeSettings {
  /** CHANGES_NDJSON_MAX: changes in one `/changes.ndjson` answer at most. */
  ndjsonMax: number;
  /** SUBSCRIPTIONS_PER_CONNECTION: subscriptions one websocket may hold at once. */
  perConnection: number;
  /** SUBSCRIPTIONS_PER_CLIENT: subscriptions one client (API key, else address) may hold at once, over all its websockets. */
  perClient: number;
  /** SUBSCRIPTION_MAX_BUFFERED_BYTES: a websocket with more than this unsent is closed (4420), not buffered without bound. */
  maxBufferedBytes: number;
  /** SUBSCRIPTION_CONNECT_TIMEOUT_MS: a websocket must send connection_init within this long. */
  connectTimeoutMs: number;
  /** CHANGES_POLL_MS (SQLite): how often another process's writes (`npm run import`) are looked for while someone subscribes. */
  pollMs: number;
}

export interface BackupSchedule {
  dir: string;
  intervalMs: number;
  /** The newest backups kept; older ones are deleted after each new one is verified. */
  keep: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxNodes: 1000,
  maxRows: 10_000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxLength: 15000,
  maxCost: 5000,
  maxSameNameFields: 20,
};

/** An integer setting of at least `min` (`what` says so in the error), or `fallback` when unset. */
function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, what: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be ${what} (got "${raw}")`);
  return value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return intSetting(env, name, fallback, 1, 'a positive integer');
}

/** CLIENT_COST_BUDGET: a cost per minute of at least one maximal query, or `off`. */
/** WEBHOOK_ALLOW_NETWORKS: CIDRs separated by commas (127.0.0.1/32, fd00::/8). */
function networks(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  for (const network of list) {
    if (!ipaddr.isValidCIDR(network))
      throw new Error(`WEBHOOK_ALLOW_NETWORKS must list networks in CIDR notation, such as 127.0.0.1/32 or fd00::/8 (got "${network}")`);
  }
  return list;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'on' && raw !== 'off' && raw !== 'true' && raw !== 'false') throw new Error(`${name} must be on or off (got "${raw}")`);
  return raw === 'on' || raw === 'true';
}

function webhookSettings(env: NodeJS.ProcessEnv): WebhookSettings {
  const backoffMs = positiveInt(env, 'WEBHOOK_BACKOFF_MS', 30_000);
  return {
    worker: onOff(env, 'WEBHOOK_WORKER', true),
    allowHttp: onOff(env, 'WEBHOOK_ALLOW_HTTP', false),
    allowedNetworks: networks(env.WEBHOOK_ALLOW_NETWORKS),
    maxAttempts: intSetting(env, 'WEBHOOK_MAX_ATTEMPTS', 10, 1, 'a positive integer'),
    backoffMs,
    backoffMaxMs: Math.max(backoffMs, positiveInt(env, 'WEBHOOK_BACKOFF_MAX_MS', 6 * 3600_000)),
    disableAfter: positiveInt(env, 'WEBHOOK_DISABLE_AFTER', 20),
    timeoutMs: positiveInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
    pollMs: positiveInt(env, 'WEBHOOK_POLL_MS', 1000),
    concurrency: positiveInt(env, 'WEBHOOK_CONCURRENCY', 4),
    wake: onOff(env, 'WEBHOOK_WAKE', true),
    retentionMs: positiveInt(env, 'WEBHOOK_DELIVERY_RETENTION_DAYS', 30) * 86_400_000,
  };
}

function costBudget(env: NodeJS.ProcessEnv, maxCost: number): number | null {
  if (env.CLIENT_COST_BUDGET === 'off') return null;
  const budget = positiveInt(env, 'CLIENT_COST_BUDGET', DEFAULT_CLIENT_COST_BUDGET);
  if (budget < maxCost) throw new Error(`CLIENT_COST_BUDGET must be at least QUERY_MAX_COST (${maxCost}), or off (got "${env.CLIENT_COST_BUDGET}")`);
  return budget;
}

/** TRUST_PROXY as express reads it: true/false, a number of hops, or addresses and subnets. */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export const DEFAULT_CLIENT_COST_BUDGET = 100_000;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * BACKUP_DIR turns scheduled backups on; BACKUP_INTERVAL (`30s`, `15m`, `1h`, `1d`; default 1h)
 * and BACKUP_KEEP (default 24) are refused without it, rather than silently backing up nothing.
 */
function backupSchedule(env: NodeJS.ProcessEnv): BackupSchedule | null {
  if (!env.BACKUP_DIR) {
    const stray = ['BACKUP_INTERVAL', 'BACKUP_KEEP'].find((name) => env[name]);
    if (stray) throw new Error(`${stray} needs BACKUP_DIR (the directory scheduled backups go to)`);
    return null;
  }
  const raw = env.BACKUP_INTERVAL || '1h';
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(raw);
  const intervalMs = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
  if (intervalMs < 1000 || intervalMs > 366 * UNIT_MS.d) {
    throw new Error(`BACKUP_INTERVAL must be a duration from 1s to 366d such as 30s, 15m, 1h or 1d (got "${raw}")`);
  }
  return { dir: env.BACKUP_DIR, intervalMs, keep: positiveInt(env, 'BACKUP_KEEP', 24) };
}

/** Room kept below the process's open-file limit for what is not a client socket (database files, workers' pipes, logs). */
const FILE_DESCRIPTOR_RESERVE = 64;
export const DEFAULT_MAX_CONNECTIONS = 1000;
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 100;

/** The soft limit on open files (Linux), or null where it cannot be read. */
function openFileLimit(): number | null {
  try {
    const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The socket caps and timeouts. MAX_CONNECTIONS defaults to 1000, or to the open-file limit less
 * a reserve when that is lower: a socket past the limit could not be accepted at all, and the
 * database could not open a file.
 */
function connectionLimits(env: NodeJS.ProcessEnv, requestTimeoutMs: number): ConnectionLimits {
  const files = openFileLimit();
  const fallback = files === null ? DEFAULT_MAX_CONNECTIONS : Math.max(1, Math.min(DEFAULT_MAX_CONNECTIONS, files - FILE_DESCRIPTOR_RESERVE));
  const max = positiveInt(env, 'MAX_CONNECTIONS', fallback);
  const perAddress = positiveInt(env, 'MAX_CONNECTIONS_PER_ADDRESS', Math.min(DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, max));
  if (perAddress > max) throw new Error(`MAX_CONNECTIONS_PER_ADDRESS must be at most MAX_CONNECTIONS (${max}) (got "${env.MAX_CONNECTIONS_PER_ADDRESS}")`);
  const headersTimeoutMs = positiveInt(env, 'HEADERS_TIMEOUT_MS', 10_000);
  // node:http's requestTimeout (the whole request, body included) is REQUEST_TIMEOUT_MS + 20 s: the head must come first.
  if (headersTimeoutMs > requestTimeoutMs + 20_000)
    throw new Error(`HEADERS_TIMEOUT_MS must be at most REQUEST_TIMEOUT_MS + 20000 (got "${env.HEADERS_TIMEOUT_MS}")`);
  return { max, perAddress, headersTimeoutMs, keepAliveTimeoutMs: positiveInt(env, 'KEEP_ALIVE_TIMEOUT_MS', 5000) };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }
  const origins = (env.CORS_ORIGINS ?? '*')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const executor = env.GRAPHQL_EXECUTOR ?? 'jit';
  if (executor !== 'jit' && executor !== 'graphql-js') throw new Error(`GRAPHQL_EXECUTOR must be jit or graphql-js (got "${executor}")`);
  const batching = env.LOADER_BATCHING ?? 'on';
  if (batching !== 'on' && batching !== 'off') throw new Error(`LOADER_BATCHING must be on or off (got "${batching}")`);
  const maxCost = positiveInt(env, 'QUERY_MAX_COST', DEFAULT_LIMITS.maxCost);
  const requestTimeoutMs = positiveInt(env, 'REQUEST_TIMEOUT_MS', 10_000);
  return {
    port,
    executor,
    loaderBatching: batching === 'on',
    databaseUrl: env.DATABASE_URL || undefined,
    corsOrigins: origins.length === 0 || origins.includes('*') ? '*' : origins,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    limits: {
      maxDepth: positiveInt(env, 'QUERY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
      maxAliases: positiveInt(env, 'QUERY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxDirectives: positiveInt(env, 'QUERY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxTokens: positiveInt(env, 'QUERY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxLength: positiveInt(env, 'QUERY_MAX_LENGTH', DEFAULT_LIMITS.maxLength),
      maxNodes: positiveInt(env, 'QUERY_MAX_NODES', DEFAULT_LIMITS.maxNodes),
      maxRows: positiveInt(env, 'QUERY_MAX_ROWS', DEFAULT_LIMITS.maxRows),
      maxCost,
      maxSameNameFields: DEFAULT_LIMITS.maxSameNameFields,
    },
    requestTimeoutMs,
    shutdownGraceMs: positiveInt(env, 'SHUTDOWN_GRACE_MS', 10_000),
    draftDeadlineMs: positiveInt(env, 'DRAFT_DEADLINE_MS', DEFAULT_DRAFT_DEADLINE_MS),
    databaseCheckMs: positiveInt(env, 'DATABASE_CHECK_MS', 1000),
    clientCostBudget: costBudget(env, maxCost),
    trustProxy: trustProxy(env.TRUST_PROXY),
    cacheMaxAgeSeconds: intSetting(env, 'CACHE_MAX_AGE', 60, 0, 'a whole number of seconds, 0 or more'),
    readWorkers: positiveInt(env, 'READ_WORKERS', 2),
    backup: backupSchedule(env),
    connections: connectionLimits(env, requestTimeoutMs),
    webhooks: webhookSettings(env),
    changes: {
      ndjsonMax: positiveInt(env, 'CHANGES_NDJSON_MAX', 10_000),
      perConnection: positiveInt(env, 'SUBSCRIPTIONS_PER_CONNECTION', 20),
      perClient: positiveInt(env, 'SUBSCRIPTIONS_PER_CLIENT', 100),
      maxBufferedBytes: positiveInt(env, 'SUBSCRIPTION_MAX_BUFFERED_BYTES', 1024 * 1024),
      connectTimeoutMs: positiveInt(env, 'SUBSCRIPTION_CONNECT_TIMEOUT_MS', 10_000),
      pollMs: positiveInt(env, 'CHANGES_POLL_MS', 1000),
    },
  };
}
