import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { translate } from '../i18n/messages.js';
import { ErrorCode } from './error-code.js';
import { PublicGraphQLError } from './public-graphql-error.js';

/** Request-level errors of Apollo and graphql-js: they describe the query, never the server's internals. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * graphql-js stops coercing variables after 50 errors and adds this one, which Apollo leaves without a code: the
 * client's variables are wrong, like the 50 errors before it.
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\./;

/** graphql-js's suggestion at the end of a message: ` Did you mean "regions"?`, ` Did you mean the enum value "NAME"?`. */
const SUGGESTION = / ?Did you mean .*\?$/s;

/**
 * A message without graphql-js's "Did you mean …?" suggestions, which name the schema's types, fields, arguments
 * and enum values: with introspection off (production) they would let a client enumerate the schema one typo at a
 * time. Covers validation errors and variable coercion errors alike.
 */
export function withoutSchemaSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(formatted.message) ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
}

/**
 * Last line of the error masking: whatever reaches the client is either an error written for clients or a
 * generic internal error. No SQL, driver text, stack trace or table name gets through.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = () => undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message) && formatted.path === undefined) {
    return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof PublicGraphQLError || (typeof code === 'string' && REQUEST_ERROR_CODES.has(code))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log(original);
  return {
    message: translate('internal', 'fr'),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
