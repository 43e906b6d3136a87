import type { TypedDocumentString } from '../../../operations/generated';
import { currentLocale } from '../i18n/locale';
import { session } from '../auth/session';

/** One field the API refused (BAD_USER_INPUT), e.g. { field: 'input.neq', message: '…' }. */
export interface FieldError {
  field: string;
  message: string;
}

/** A GraphQL error answered by the API: its code (extensions.code), message (in the console's language) and extensions. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get fields(): FieldError[] {
    return (this.extensions.fields as FieldError[] | undefined) ?? [];
  }

  /** The record changed since it was read (optimistic concurrency). */
  get isStaleVersion(): boolean {
    return this.code === 'CONFLICT' && this.extensions.reason === 'STALE_VERSION';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/**
 * Sends one of the typed operations of operations/ to the same origin's /graphql, with the session's bearer token
 * (held in memory) and the console's language. Resolves with the data, or rejects with an ApiError.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<TResult> {
  return send(document, variables, session.token());
}

/** Sends an operation with a token that is not (yet) the session's: to check a token before signing in with it. */
export function executeWithToken<TResult, TVariables>(token: string, document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  return send(document, variables, token);
}

async function send<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables | undefined, token: string | null): Promise<TResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'accept-language': currentLocale(),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) });
  } catch {
    throw new ApiError(currentLocale() === 'en' ? 'The service cannot be reached.' : 'Le service est injoignable.', 'NETWORK');
  }
  let body: GraphQLBody<TResult>;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, 'HTTP');
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && token && token === session.token()) session.expire();
    throw new ApiError(first.message, code, first.extensions ?? {});
  }
  return body.data as TResult;
}
