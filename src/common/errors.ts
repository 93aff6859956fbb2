import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';

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
    super(`"${cursor}" is not a valid cursor: pass an endCursor or cursor returned by this connection`, {
      argument: 'after',
    });
  }
}

/** A relation that must exist but does not: a data integrity failure, not the client's fault. */
export class MissingRecordError extends Error {
  constructor(what: string, key: unknown) {
    super(`${what} ${String(key)} not found`);
  }
}
