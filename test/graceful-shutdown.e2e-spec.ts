import { spawn } from 'node:child_process';
import pg from 'pg';
import { exitWithin, scratchDatabase, startServiceProcess, type ScratchDatabase, type ServiceProcess } from './support/service-process.js';
import { TestApp } from './support/test-app.js';

const ADMIN = 'admin.arret@test.crm.example';

/** The real service process (`node dist/src/main.js`) and SIGTERM. */
describe('graceful shutdown', () => {
  let database: ScratchDatabase;
  let token: string;
  beforeAll(async () => {
    database = await scratchDatabase();
    token = await TestApp.token(ADMIN);
  });
  afterAll(() => database.drop());

  const call = (service: ServiceProcess, query: string, timeoutMs = 30_000) =>
    fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(timeoutMs),
    }).then((r) => r.json() as Promise<{ data?: Record<string, { id: string; version: number } | null>; errors?: unknown[] }>);

  /** Holds a company's row so that an update of it waits inside its transaction until `release`. */
  async function lockedCompany(service: ServiceProcess) {
    const company = (await call(service, `mutation { createCompany(input: { legalName: "Traversier Lévis ${Math.random()}", regionCode: "12" }) { id version } }`))
      .data!.createCompany!;
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM companies WHERE id = $1 FOR UPDATE', [company.id]);
    return { company, release: () => locker.query('COMMIT').then(() => locker.end()), end: () => locker.end().catch(() => undefined) };
  }

  it('finishes the request in flight on SIGTERM, then exits with 0', async () => {
    const service = await startServiceProcess({ env: { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_EMAIL: ADMIN, LOG_LEVEL: 'info' } });
    const lock = await lockedCompany(service);
    try {
      const inFlight = call(service, `mutation { updateCompany(input: { id: "${lock.company.id}", version: 1, municipality: "Lévis" }) { version } }`);
      await new Promise((r) => setTimeout(r, 500));
      service.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      expect(service.child.exitCode).toBeNull(); // still finishing
      await lock.release();

      expect(await inFlight).toEqual({ data: { updateCompany: { version: 2 } } });
      expect(await service.exited).toEqual({ code: 0, signal: null });
      expect(service.stdout()).toContain('shutting down');
    } finally {
      service.kill();
      await lock.end();
    }
  });

  it('stops at the deadline (SHUTDOWN_TIMEOUT_SECONDS) when a request never finishes, with exit code 1 and one line saying so', async () => {
    const service = await startServiceProcess({
      env: { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_EMAIL: ADMIN, SHUTDOWN_TIMEOUT_SECONDS: '2' },
    });
    const lock = await lockedCompany(service);
    try {
      const inFlight = call(service, `mutation { updateCompany(input: { id: "${lock.company.id}", version: 1, municipality: "Lévis" }) { version } }`).catch(
        (error: Error) => error,
      );
      await new Promise((r) => setTimeout(r, 500));
      const signalled = Date.now();
      service.child.kill('SIGTERM');
      expect(await exitWithin(service, 10_000)).toEqual({ code: 1, signal: null });
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(1900);
      expect(service.stderr().trim()).toMatch(/^Arrêt forcé — .*2 s.*SHUTDOWN_TIMEOUT_SECONDS/);
      expect(service.stderr().trim().split('\n')).toHaveLength(1);
      expect(String(await inFlight)).toMatch(/fetch failed/); // the connection was cut: the client knows it got no answer
    } finally {
      service.kill();
      await lock.end();
    }
  });

  it('keeps answering and stops on SIGTERM when its standard output leads to a pipe nobody reads', async () => {
    // `sleep` holds the pipe's reading end and never reads: once the pipe is full, every write to it would wait forever.
    const reader = spawn('sleep', ['600'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const service = await startServiceProcess({
      env: { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_EMAIL: ADMIN, LOG_LEVEL: 'trace', SHUTDOWN_TIMEOUT_SECONDS: '5' },
      stdout: reader.stdin!,
    });
    try {
      // Each request logs its SQL and a request line (some 2 kB at trace level): far more than a pipe holds (64 kB).
      for (let i = 0; i < 300; i++) {
        const answer = await call(service, `{ regions { code name } }`, 5_000);
        expect(answer.errors).toBeUndefined();
      }
      const health = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      expect(health.status).toBe(200);
      service.child.kill('SIGTERM');
      expect(await exitWithin(service, 10_000)).toEqual({ code: 0, signal: null });
    } finally {
      service.kill();
      reader.stdin!.destroy();
      reader.kill('SIGKILL');
    }
  });
});
