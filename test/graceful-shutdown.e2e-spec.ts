import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { cloneDatabase, databaseUrl, dropDatabase } from '../src/database/database-admin.js';
import { freePort } from '../src/database/embedded-postgres.server.js';
import { TEST_ENV } from './support/test-database.js';
import { TEST_JWT_SECRET, TestApp } from './support/test-app.js';

/** The real service process (`node dist/src/main.js`): SIGTERM lets a request in flight finish, then it exits. */
describe('graceful shutdown', () => {
  it('finishes the request in flight on SIGTERM, then exits with 0', async () => {
    const adminUrl = process.env[TEST_ENV.adminUrl]!;
    const name = `${process.env[TEST_ENV.runPrefix]}${randomBytes(4).toString('hex')}`;
    await cloneDatabase(adminUrl, process.env[TEST_ENV.template]!, name);
    const url = databaseUrl(adminUrl, name);
    const port = await freePort();
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: url,
        PORT: String(port),
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        BOOTSTRAP_ADMIN_EMAIL: 'admin.arret@test.crm.example',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const locker = new pg.Client({ connectionString: url });
    try {
      for (let i = 0; i < 100 && !output.includes('GraphQL service ready'); i++) await new Promise((r) => setTimeout(r, 200));
      expect(output).toContain('GraphQL service ready');
      const token = await TestApp.token('admin.arret@test.crm.example');
      const call = (query: string) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        }).then((r) => r.json() as Promise<{ data?: Record<string, { id: string; version: number } | null>; errors?: unknown[] }>);
      const company = (await call(`mutation { createCompany(input: { legalName: "Traversier Lévis", regionCode: "12" }) { id version } }`)).data!
        .createCompany!;

      // Hold the company's row so that the next update waits inside its transaction.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM companies WHERE id = $1 FOR UPDATE', [company.id]);
      const inFlight = call(`mutation { updateCompany(input: { id: "${company.id}", version: 1, municipality: "Lévis" }) { version } }`);
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      expect(child.exitCode).toBeNull(); // still finishing
      await locker.query('COMMIT');

      expect(await inFlight).toEqual({ data: { updateCompany: { version: 2 } } });
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
    } finally {
      child.kill('SIGKILL');
      await locker.end().catch(() => undefined);
      await dropDatabase(adminUrl, name);
    }
  });
});
