import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { AppConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { cloneDatabase, databaseUrl, dropDatabase } from '../../src/database/database-admin.js';
import { TEST_ENV } from './test-database.js';
import { GraphQLClient, TEST_ADMIN_EMAIL, TEST_JWT_SECRET } from './graphql-client.js';

export { dataOf, GraphQLClient, TEST_ADMIN_EMAIL, TEST_JWT_SECRET, type GraphQLResponse, type RequestOptions } from './graphql-client.js';

/**
 * The real service on its own copy of the migrated template database, listening on a free port. Tests talk to
 * it over HTTP like any client and read the database directly to check what was (not) written.
 */
export class TestApp extends GraphQLClient {
  private constructor(
    readonly app: NestExpressApplication,
    url: string,
    readonly database: pg.Pool,
    private readonly databaseName: string,
    /** The test database (another service may be started on it). */
    readonly databaseUrl: string,
  ) {
    super(url);
  }

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
    return new TestApp(app, `http://127.0.0.1:${address.port}`, pool, name, url);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.end();
    await dropDatabase(required(TEST_ENV.adminUrl), this.databaseName);
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
