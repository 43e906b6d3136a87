import { SignJWT } from 'jose';
import type { TypedDocumentString } from '../../operations/generated.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const TEST_ADMIN_EMAIL = 'admin@test.crm.example';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: { field: string; message: string }[] } & Record<string, unknown>;
  }[];
  headers: Headers;
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  /** An advisor's email (a valid token is signed for it), a raw token, or null for no token. */
  as?: string | { token: string } | null;
  headers?: Record<string, string>;
}

/** A GraphQL client of a running service (in this process, or another one), signing test tokens. */
export class GraphQLClient {
  constructor(readonly url: string) {}

  static token(email: string, options: { expiresIn?: string; secret?: string } = {}): Promise<string> {
    return new SignJWT({ email })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
  }

  async graphql<T = Record<string, any>>(query: string, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    const as = options.as === undefined ? TEST_ADMIN_EMAIL : options.as;
    if (typeof as === 'string') headers.authorization = `Bearer ${await GraphQLClient.token(as)}`;
    else if (as) headers.authorization = `Bearer ${as.token}`;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: options.variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers };
  }

  /** Sends one of the typed operations of `operations/` (generated from schema.graphql); the answer is typed by it. */
  request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    options: Omit<RequestOptions, 'variables'> = {},
  ): Promise<GraphQLResponse<TResult>> {
    return this.graphql<TResult>(document.toString(), { ...options, variables: variables as Record<string, unknown> });
  }
}

/** Fails the test with the response's errors when there are any, and returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}
