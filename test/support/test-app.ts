import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT } from 'jose';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { AppConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { cloneDatabase, databaseUrl, dropDatabase } from '../../src/database/database-admin.js';
import { TEST_ENV } from './test-database.js';
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

/**
 * The real service on its own copy of the migrated template database, listening on a free port. Tests talk to
 * it over HTTP like any client and read the database directly to check what was (not) written.
 */
export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly url: string,
    readonly database: pg.Pool,
    private readonly databaseName: string,
  ) {}

  /** `settings` are environment settings; a function receives the test database's URL first. */
  static async start(
    settings: Record<string, string> | ((databaseUrl: string) => Record<string, string> | Promise<Record<string, string>>) = {},
    /** Where the service's log lines go (to capture them); standard output by default. */
    logDestination?: DestinationStream,
  ): Promise<TestApp> {
    const adminUrl = required(TEST_ENV.adminUrl);
    const name = `${required(TEST_ENV.runPrefix)}${randomBytes(4).toString('hex')}`;
    await cloneDatabase(adminUrl, required(TEST_ENV.template), name);
    const url = databaseUrl(adminUrl, name);
    const extra = typeof settings === 'function' ? await settings(url) : settings;
    const config = AppConfig.fromEnvironment({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...extra,
    });
    const app = await createApp(config, { url: config.databaseUrl!, readUrl: config.databaseReadUrl }, createLogger(config.logLevel, logDestination));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // An idle client whose connection the server ended (tests terminate backends on purpose) is dropped by the
    // pool; without a listener its 'error' event would crash whichever test file runs next in this worker.
    pool.on('error', () => undefined);
    return new TestApp(app, `http://127.0.0.1:${address.port}`, pool, name);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.end();
    await dropDatabase(required(TEST_ENV.adminUrl), this.databaseName);
  }

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
    if (typeof as === 'string') headers.authorization = `Bearer ${await TestApp.token(as)}`;
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

  /** Runs SQL on the test database (to check rows, not to set up behaviour). */
  async sql<R = Record<string, any>>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.database.query(text, params)).rows as R[];
  }

  /**
   * Rows in each table, in one statement: `{ audit: 'audit_log' }` answers `{ audit: <rows of audit_log> }`. What a
   * refused mutation must leave unchanged.
   */
  async counts<K extends string>(tables: Record<K, string>): Promise<Record<K, number>> {
    const names = Object.entries<string>(tables);
    const [row] = await this.sql(`SELECT ${names.map(([, table], i) => `(SELECT count(*) FROM ${table})::int AS c${i}`).join(', ')}`);
    return Object.fromEntries(names.map(([key], i) => [key, row![`c${i}`] as number])) as Record<K, number>;
  }

  async count(table: string, where = 'TRUE', params: unknown[] = []): Promise<number> {
    const [row] = await this.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
    return Number(row!.n);
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through jest (global setup)`);
  return value;
}

/** Fails the test with the response's errors when there are any, and returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}
