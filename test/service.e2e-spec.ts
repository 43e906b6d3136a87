import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { renderSchemaFile, SCHEMA_FILE } from '../src/graphql/print-schema.js';
import { TestApp } from './support/test-app.js';

describe('service', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('serves the schema committed in schema.graphql (run `npm run schema:generate` when this fails)', () => {
    const committed = readFileSync(join(process.cwd(), SCHEMA_FILE), 'utf8');
    expect(renderSchemaFile(app.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('reports liveness and database readiness', async () => {
    const live = await fetch(`${app.url}/health`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('gives every response a request id, echoing a valid X-Request-Id', async () => {
    const echoed = await app.graphql(`{ regions { code } }`, { headers: { 'x-request-id': 'essai-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('essai-123');
    const generated = await app.graphql(`{ regions { code } }`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses GET requests that could be forged cross-site (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ regions { code } }')}`);
    expect(response.status).toBe(400);
  });
});

describe('start-up settings', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, in one line naming the setting', () => {
    const result = start({ DATABASE_URL: 'mysql://localhost/crm' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration invalide — DATABASE_URL: /)]);
  });

  it('stops with a clear line when DATABASE_URL points to no server', () => {
    const result = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:9/crm' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Démarrage impossible — DATABASE_URL: .*ECONNREFUSED/m);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWKS_URL: 'https://id.example/jwks' }, 'AUTH_ISSUER'],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'admin' }, 'BOOTSTRAP_ADMIN_EMAIL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@127.0.0.1/crm' }, 'AUTH_JWT_SECRET'],
  ])('refuses %p naming %s', (env, setting) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^Configuration invalide — ${setting}: `));
  });
});
