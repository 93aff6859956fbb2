import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { cutEchoes, DatabaseUnavailableError, isDatabaseFailure } from '../common/errors';
import { parseLimitMessage } from './query-limits';

/** graphql-js messages about a literal of the wrong type or an unknown enum value: input errors. */
const BAD_VALUE_MESSAGE =
  /^(Enum "[^"]+" cannot represent|Value "[^"]*" does not exist in "[^"]+" enum|Expected value of type|Int cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)/;

/**
 * The one place where failures become GraphQL error codes:
 * - class-validator failures -> BAD_USER_INPUT, listing every invalid argument and why;
 * - wrong-typed or unknown enum literals -> BAD_USER_INPUT (graphql-js calls them validation errors);
 * - a parse stopped by the length or token limit -> GRAPHQL_VALIDATION_FAILED, like the other query limits;
 * - a failure of the database itself (missing, read-only, closed) -> SERVICE_UNAVAILABLE, always masked;
 * - anything without a code -> INTERNAL_SERVER_ERROR, masked in production (no stack, no cause), with
 *   the request id that the log line of the real cause carries.
 */
export function createFormatError(production: boolean) {
  const format = formatErrorFor(production);
  // Input that a library's message quotes in full (graphql-js: `Variable "$a" got invalid value "…"`) is cut as ours is (errors.ts, `echo`).
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = format(formatted, error);
    const message = cutEchoes(answer.message);
    return message === answer.message ? answer : { ...answer, message };
  };
}

function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const failures = original.extensions.validationErrors;
      const invalid = flattenValidation(Array.isArray(failures) ? (failures as ValidationFailure[]) : []);
      return {
        ...formatted,
        message: `Invalid arguments: ${invalid.map((i) => `${i.field}: ${i.problems.join('; ')}`).join(' | ')}`,
        extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, invalidArguments: invalid },
      };
    }
    const requestId = formatted.extensions?.requestId;
    if (isDatabaseFailure(original)) {
      const { message, extensions } = new DatabaseUnavailableError();
      return { message, path: formatted.path, locations: formatted.locations, extensions: { code: extensions.code, ...(requestId ? { requestId } : {}) } };
    }
    // Apollo refuses some requests with a 4xx status but no code (an automatic persisted query whose
    // hash does not match its text, say; Apollo then fills in INTERNAL_SERVER_ERROR): the client's mistake.
    const given = (error as GraphQLError | undefined)?.extensions;
    const status = (given?.http as { status?: number } | undefined)?.status;
    if (given && given.code === undefined && status !== undefined && status >= 400 && status < 500) {
      formatted = { ...formatted, extensions: { ...formatted.extensions, code: ApolloServerErrorCode.BAD_REQUEST } };
    }
    const code = formatted.extensions?.code;
    // The parser stopped at the length or token limit: a query limit like the others, not a syntax error.
    const overTokens = code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED && parseLimitMessage(formatted.message, (error as GraphQLError)?.source?.body);
    if (overTokens) {
      return { message: overTokens, extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED } };
    }
    if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && BAD_VALUE_MESSAGE.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ApolloServerErrorCode.BAD_USER_INPUT } };
    }
    if (production && (code === undefined || code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR)) {
      return {
        message: requestId ? `Internal server error (request id ${requestId})` : 'Internal server error',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
      };
    }
    return code ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function flattenValidation(failures: ValidationFailure[], prefix = ''): { field: string; problems: string[] }[] {
  return failures.flatMap((failure) => {
    // Paths as the write rules spell them: `parties[0].party`.
    const field = !prefix ? failure.property : /^\d+$/.test(failure.property) ? `${prefix}[${failure.property}]` : `${prefix}.${failure.property}`;
    const own = failure.constraints ? [{ field, problems: Object.values(failure.constraints) }] : [];
    return [...own, ...flattenValidation(failure.children ?? [], field)];
  });
}
