import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../src/database/embedded-postgres.server.js';
import { emptyDatabase, exitWithin, startServiceProcess, type ScratchDatabase, type ServiceProcess } from './support/service-process.js';
import { TEST_JWT_SECRET, TestApp } from './support/test-app.js';

/** What an operator meets when the service or a command cannot start: one line naming the cause and the remedy. */
describe('start-up failures', () => {
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(process.cwd(), 'dist/src', script), ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  describe('a port already in use', () => {
    let taken: Server;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(port, resolve));
    });
    afterAll(() => new Promise((resolve) => taken.close(resolve)));

    it('is reported as PORT with the port, in one line, before any database work', () => {
      const result = run('main.js', [], {
        PORT: String(port),
        DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nowhere',
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([`Démarrage impossible — PORT: port ${port} is already in use (another instance of the service, or another program): stop it or choose another port with PORT`]);
    });
  });

  describe('commands on a database that was never migrated', () => {
    let database: ScratchDatabase;
    beforeAll(async () => {
      database = await emptyDatabase();
    });
    afterAll(() => database.drop());

    it.each([
      ['report', 'cli/report.cli.js', ['--region', '13', '--fiscal-year', '2020-2021'], 'Commande impossible — '],
      ['export', 'cli/export.cli.js', ['dim-company'], 'Commande impossible — '],
      ['import:companies', 'cli/import-companies.cli.js', [join(process.cwd(), 'test/fixtures/companies-template.csv'), '--report', join(tmpdir(), 'crm-never-migrated.errors.csv')], 'Import impossible — '],
      ['privacy:retention', 'cli/privacy-retention.cli.js', ['--dry-run'], 'Commande impossible — '],
    ])('npm run %s says to run the migrations, in one line, and writes nothing', async (_name, script, args, prefix) => {
      const result = run(script, args, { DATABASE_URL: database.url });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${prefix}la base de données n'a jamais été migrée \\(\\d+ migrations à appliquer\\) : lancez npm run migration:run`));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        expect((await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    });
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;

  asRoot(
    'as root, with the project in a folder the postgres system user cannot enter (mktemp -d), npm start runs the embedded PostgreSQL and serves',
    async () => {
      // The project as a clone there would have it after `npm start`'s builds: package.json, data/, the service's and
      // the console's builds, and node_modules (hard links: instant).
      const folder = mkdtempSync(join(tmpdir(), 'crm-0700-'));
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      const project = join(folder, 'crm');
      for (const part of ['package.json', 'data', 'dist', 'console/routes.json', 'console/dist']) {
        cpSync(join(process.cwd(), part), join(project, part), { recursive: true });
      }
      expect(spawnSync('cp', ['-al', join(process.cwd(), 'node_modules'), join(project, 'node_modules')]).status).toBe(0);
      const email = 'admin.racine@test.crm.example';
      let relocated: string | undefined;
      let service: ServiceProcess | undefined;
      try {
        service = await startServiceProcess({
          script: join(project, 'dist/src/main.js'),
          env: {
            NODE_ENV: 'development',
            DATA_DIR: join(project, '.data'),
            EMBEDDED_POSTGRES_PORT: String(await freePort()),
            BOOTSTRAP_ADMIN_EMAIL: email,
            DEMO_DATA: 'false',
            LOG_LEVEL: 'info',
          },
        });
        const notice = service
          .stdout()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { msg: string; directory?: string })
          .find((line) => line.msg.includes('cannot enter'));
        relocated = notice?.directory;
        expect(relocated).toMatch(/^\/var\/lib\/crm-immigration-regionale\/clusters\/[0-9a-f]{16}\/data$/);
        const answer = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await TestApp.token(email)}` },
          body: JSON.stringify({ query: '{ me { email role } }' }),
        }).then((r) => r.json());
        expect(answer).toEqual({ data: { me: { email, role: 'ADMIN' } } });
        service.child.kill('SIGTERM');
        expect(await exitWithin(service, 20_000)).toEqual({ code: 0, signal: null });
        expect(service.stderr()).toBe('');
      } finally {
        service?.kill();
        rmSync(folder, { recursive: true, force: true });
        if (relocated) rmSync(join(relocated, '..'), { recursive: true, force: true });
      }
    },
    180_000,
  );
});
