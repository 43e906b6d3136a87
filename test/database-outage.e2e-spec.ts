import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { AppConfig } from '../src/config/app-config.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.server.js';
import { createLogger } from '../src/logging/logger.js';
import { seedReferenceData } from '../src/reference-data/reference-data.seeder.js';
import { TEST_JWT_SECRET } from './support/test-app.js';

/**
 * The service on a PostgreSQL this test starts for itself (embedded, whatever DATABASE_URL says), which it stops
 * while requests are in flight and starts again.
 */
describe('database outage', () => {
  let directory: string;
  let port: number;
  let server: EmbeddedDatabase;
  let app: NestExpressApplication;
  let url: string;
  let token: string;
  const ADMIN = 'admin.panne@test.crm.example';

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-outage-'));
    port = await freePort();
    server = await startEmbeddedPostgres({ directory, port, database: 'crm' });
    const migrate = new DataSource(dataSourceOptions({ url: server.url }));
    await migrate.initialize();
    await migrate.runMigrations({ transaction: 'each' });
    await seedReferenceData(migrate);
    await migrate.destroy();
    const config = AppConfig.fromEnvironment({
      NODE_ENV: 'test',
      DATABASE_URL: server.url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    app = await createApp(config, { url: server.url }, createLogger(config.logLevel));
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    token = await new SignJWT({ email: ADMIN }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  /** One createCompany; returns what the client saw and how long it took. */
  async function create(n: number): Promise<{ id?: string; code?: string; ms: number; status: number }> {
    const started = Date.now();
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "03", confirmNotDuplicate: true }) { id } }`,
          variables: { n: `Entreprise panne ${n}` },
        }),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await response.json()) as { data?: { createCompany?: { id: string } }; errors?: { extensions?: { code?: string } }[] };
      return { id: body.data?.createCompany?.id, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started, status: response.status };
    } catch (error) {
      return { code: `client:${(error as Error).name}`, ms: Date.now() - started, status: 0 };
    }
  }

  const ready = async () => (await fetch(`${url}/health/ready`)).status;

  it('fails fast while PostgreSQL is down, recovers by itself, and loses no acknowledged write', async () => {
    expect(await ready()).toBe(200);
    const results: Awaited<ReturnType<typeof create>>[] = [];
    let n = 0;
    let running = true;
    const load = (async () => {
      while (running) {
        results.push(...(await Promise.all([create(n++), create(n++), create(n++)])));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1500));

    await server.stop();
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await ready()).toBe(503);
    const duringOutage = await create(-1);
    expect(duringOutage.code).toBe('SERVICE_UNAVAILABLE');
    expect(duringOutage.ms).toBeLessThan(7000);

    server = await startEmbeddedPostgres({ directory, port, database: 'crm' });
    const restartedAt = Date.now();
    let recoveredAt: number | null = null;
    while (Date.now() - restartedAt < 20_000) {
      if ((await ready()) === 200 && (await create(-2)).id) {
        recoveredAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    running = false;
    await load;
    expect(recoveredAt).not.toBeNull();
    const recoverySeconds = (recoveredAt! - restartedAt) / 1000;
    process.stdout.write(`outage: down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s, recovered ${recoverySeconds.toFixed(1)} s after restart\n`);
    expect(recoverySeconds).toBeLessThan(10);

    // Every answer was a success, SERVICE_UNAVAILABLE, or a masked internal error, within a bounded time.
    for (const result of results) {
      expect(result.id !== undefined || ['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(result.code ?? '')).toBe(true);
      expect(result.ms).toBeLessThan(10_000);
    }
    const acknowledged = results.filter((r) => r.id).map((r) => r.id!);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(results.some((r) => r.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    const check = new DataSource(dataSourceOptions({ url: server.url }));
    await check.initialize();
    const found = (await check.query(`SELECT count(*)::int AS n FROM companies WHERE id = ANY($1::uuid[])`, [acknowledged])) as { n: number }[];
    await check.destroy();
    expect(found[0]!.n).toBe(acknowledged.length);
  }, 90_000);
});
