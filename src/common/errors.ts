import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';

/** The most characters of a client's input an error message repeats: a 12,000-character cursor must not come back whole. */
export const ECHO_MAX_CHARACTERS = 40;

/**
 * Client input as an error message quotes it: as JSON (quotes, line breaks and control characters
 * show as escapes), a string cut to its first ECHO_MAX_CHARACTERS characters and "…".
 */
export function echo(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > ECHO_MAX_CHARACTERS ? `${value.slice(0, ECHO_MAX_CHARACTERS)}…` : value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > ECHO_MAX_CHARACTERS ? `${json.slice(0, ECHO_MAX_CHARACTERS)}…` : json;
}

/**
 * A message from a library that quotes input in full (graphql-js: `Variable "$a" got invalid value
 * "…"`) with every quoted run cut as `echo` cuts it. Linear: one pass of a regular expression
 * without backtracking across quotes.
 */
export function cutEchoes(message: string): string {
  if (message.length <= ECHO_MAX_CHARACTERS) return message;
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, body: string) =>
    body.length > ECHO_MAX_CHARACTERS + 2 ? `"${body.slice(0, ECHO_MAX_CHARACTERS)}…"` : quoted,
  );
}

/**
 * Every failure a client can cause has a class here with a stable `extensions.code`;
 * `formatError` (src/server/format-error.ts) maps library errors onto the same codes.
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, extensions: GraphQLErrorExtensions = {}) {
    super(message, { extensions: { ...extensions, code: 'BAD_USER_INPUT' } });
  }
}

export class InvalidCursorError extends BadUserInputError {
  constructor(cursor: string) {
    super(`${echo(cursor)} is not a valid cursor: pass an endCursor or cursor returned by this connection`, {
      argument: 'after',
    });
  }
}

/** The HTTP status of each code that says the client made a mistake; the first of these found decides. */
const CLIENT_MISTAKE_STATUS: ReadonlyMap<string, number> = new Map([
  ['UNAUTHENTICATED', 401],
  ['FORBIDDEN', 403],
  ['BAD_USER_INPUT', 400],
  ['BAD_REQUEST', 400],
  ['GRAPHQL_VALIDATION_FAILED', 400],
]);
/** Codes that only report what another error caused (a mutation's earlier fields rolled back). */
const CONSEQUENCE_CODES: ReadonlySet<string> = new Set(['MUTATION_ROLLED_BACK']);

/**
 * The 4xx status of an answer whose every error is the client's mistake (UNAUTHENTICATED before
 * FORBIDDEN before the 400s); null when any error is not, or there is none.
 */
export function clientMistakeStatus(codes: readonly (unknown | undefined)[]): number | null {
  let status: number | null = null;
  let rank = Infinity;
  const order = [...CLIENT_MISTAKE_STATUS.keys()];
  for (const code of codes) {
    if (typeof code === 'string' && CONSEQUENCE_CODES.has(code)) continue;
    const at = typeof code === 'string' ? order.indexOf(code) : -1;
    if (at < 0) return null;
    if (at < rank) [rank, status] = [at, CLIENT_MISTAKE_STATUS.get(code as string)!];
  }
  return status;
}

/** A relation that must exist but does not: a data integrity failure, not the client's fault. */
export class MissingRecordError extends Error {
  constructor(what: string, key: unknown) {
    super(`${what} ${String(key)} not found`);
  }
}

/** An operation over one of the configured query limits (depth, aliases, directives, tokens, length, cost). */
export class QueryLimitError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
  }
}

/** The request read more rows than QUERY_MAX_ROWS allows; what it read so far is not returned in full. */
export class ResultTooLargeError extends GraphQLError {
  constructor(maxRows: number) {
    super(`The query reads more than ${maxRows} rows: ask for less (page nested lists with \`first\`, or split the query)`, {
      extensions: { code: 'RESULT_TOO_LARGE' },
    });
  }
}

/** A path search reached its bound of parties without the two ends meeting: whether a longer chain exists is not known. */
export class SearchTooBroadError extends GraphQLError {
  constructor(maxParties: number) {
    super(`No chain found among the first ${maxParties} parties reached from either end; the search stops there, so a longer chain may still exist`, {
      extensions: { code: 'SEARCH_TOO_BROAD' },
    });
  }
}

/** No API key, or one that is unknown or revoked. */
export class UnauthenticatedError extends GraphQLError {
  /** `httpStatus` for a key refused before execution (the whole request fails with 401). */
  constructor(message = 'This needs an API key: send `Authorization: Bearer KEY`', httpStatus?: number) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
  }
}

/** A key whose role is below what the field needs. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** The request ran past REQUEST_TIMEOUT_MS; whatever it had not done yet is abandoned. */
export class RequestTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The request was aborted: it ran longer than ${timeoutMs / 1000} s`, { extensions: { code: 'REQUEST_TIMEOUT', http: { status: 503 } } });
  }
}

/** The database cannot be used right now (missing, unreadable, read-only); the server retries by itself. */
export class DatabaseUnavailableError extends GraphQLError {
  constructor() {
    super('The database is unavailable right now; the server is retrying, please try again shortly', {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    });
  }
}

/** SQLite result codes (and driver states) that mean the database itself is unusable (or locked past the busy timeout), not that a query was wrong. */
const DATABASE_FAILURE_CODES = /^SQLITE_(IOERR|READONLY|CANTOPEN|NOTADB|CORRUPT|FULL|PERM|BUSY)/;

/** True for failures of the database rather than of the request: a missing, read-only or closed database. */
export function isDatabaseFailure(error: unknown): boolean {
  for (let e = error as { code?: unknown; driverError?: unknown; message?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (typeof e.code === 'string' && DATABASE_FAILURE_CODES.test(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /database connection is not open|Connection with sqlite database is not established|DataSource is not initialized/i.test(e.message)
    )
      return true;
    e = (e.driverError ?? e.originalError) as typeof e;
  }
  return false;
}
