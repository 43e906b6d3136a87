import { AppConfig } from '../src/config/app-config.js';
import { DevelopmentSignInDocument, DevelopmentSignInAdvisorsDocument, SignInOptionsDocument, UpdateCompanyDocument, CreateCompanyDocument } from '../operations/generated.js';
import { dataOf, TEST_JWT_SECRET, TestApp } from './support/test-app.js';

// What the console needs from the service: sign-in options and the development sign-in (never in production),
// the console's files with a strict CSP and no fallback on API paths, CSV downloads, and stale versions told apart.
describe('console support in the API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('tells anyone how to sign in, and in development signs a token for an active advisor chosen in a list', async () => {
    const options = dataOf(await app.request(SignInOptionsDocument, {}, { as: null }));
    expect(options.signInOptions).toEqual({ developmentSignIn: true, oidc: null });
    const people = dataOf(await app.request(DevelopmentSignInAdvisorsDocument, {}, { as: null })).developmentSignInAdvisors;
    expect(people.map((p) => p.email)).toContain('admin@test.crm.example');
    const session = dataOf(await app.request(DevelopmentSignInDocument, { email: 'ADMIN@test.crm.example' }, { as: null })).developmentSignIn;
    const me = await app.graphql('{ me { email role } }', { as: { token: session.token } });
    expect(me.data).toEqual({ me: { email: 'admin@test.crm.example', role: 'ADMIN' } });
    const unknown = await app.request(DevelopmentSignInDocument, { email: 'personne@example.qc.ca' }, { as: null });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'email' }] });
  });

  it('refuses the development sign-in when it is off, and the configuration never turns it on in production', async () => {
    const off = await TestApp.start({ DEVELOPMENT_SIGN_IN: 'false' });
    try {
      expect(dataOf(await off.request(SignInOptionsDocument, {}, { as: null })).signInOptions.developmentSignIn).toBe(false);
      const refused = await off.request(DevelopmentSignInDocument, { email: 'admin@test.crm.example' }, { as: null, headers: { 'accept-language': 'en' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/development sign-in is disabled/);
      expect((await off.request(DevelopmentSignInAdvisorsDocument, {}, { as: null })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await off.close();
    }
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: TEST_JWT_SECRET };
    expect(AppConfig.fromEnvironment(production).consoleSignIn.development).toBe(false);
    expect(() => AppConfig.fromEnvironment({ ...production, DEVELOPMENT_SIGN_IN: 'true' })).toThrow(/DEVELOPMENT_SIGN_IN: cannot be enabled with NODE_ENV=production/);
    const oidc = { AUTH_JWKS_URL: 'https://id.example/jwks', AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'crm', AUTH_CONSOLE_CLIENT_ID: 'console' };
    expect(AppConfig.fromEnvironment(oidc).consoleSignIn).toEqual({
      development: false,
      oidc: { authority: 'https://id.example', clientId: 'console', scope: 'openid email' },
    });
    expect(() => AppConfig.fromEnvironment({ AUTH_CONSOLE_CLIENT_ID: 'console' })).toThrow(/AUTH_CONSOLE_CLIENT_ID: requires AUTH_JWKS_URL/);
  });

  it('serves the console with a strict CSP and cache headers, falls back to it on console routes only', async () => {
    const index = await fetch(`${app.url}/entreprises/123`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const script = await fetch(`${app.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${app.url}/assets/absent-0000.js`)).status).toBe(404);
    for (const path of ['/graphql', '/health', '/metrics', '/exports', '/ailleurs']) {
      const response = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });
      expect([path, response.headers.get('content-security-policy')]).toEqual([path, null]);
    }
  });

  it('downloads a bi view as CSV for managers, analysts and administrators, formulas neutralized, refusals explained', async () => {
    dataOf(await app.request(CreateCompanyDocument, { input: { legalName: '@SUM(A1) Formules inc.', regionCode: '13' } }));
    const token = await TestApp.token('admin@test.crm.example');
    const csv = await fetch(`${app.url}/exports/dim-company.csv?delimiter=;&bom=true`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="dim-company.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel wants
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('company_id;')).toBe(true);
    expect(text).toContain(";'@SUM(A1) Formules inc.;");
    const year = await fetch(`${app.url}/exports/fact-accompaniment.csv?fiscalYear=2020-2021`, { headers: { authorization: `Bearer ${token}` } });
    expect(year.status).toBe(200);
    expect((await year.text()).split('\r\n')[0]).toMatch(/^accompaniment_id,/);

    const refusal = async (path: string, as: string | null) => {
      const response = await fetch(`${app.url}${path}`, { headers: as ? { authorization: `Bearer ${await TestApp.token(as)}` } : {} });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      return [response.status, body.errors[0]!.extensions.code];
    };
    expect(await refusal('/exports/dim-company.csv', null)).toEqual([401, 'UNAUTHENTICATED']);
    await app.sql(`INSERT INTO advisors (email, full_name, role) VALUES ('conseil@test.crm.example', 'Conseil', 'ADVISOR')`);
    expect(await refusal('/exports/dim-company.csv', 'conseil@test.crm.example')).toEqual([403, 'FORBIDDEN']);
    expect(await refusal('/exports/dim-personnes.csv', 'admin@test.crm.example')).toEqual([400, 'BAD_USER_INPUT']);
    expect(await refusal('/exports/dim-region.csv?fiscalYear=2020-2021', 'admin@test.crm.example')).toEqual([400, 'BAD_USER_INPUT']);
    expect(await refusal('/exports/fact-accompaniment.csv?delimiter=|', 'admin@test.crm.example')).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('tells a stale version apart from other conflicts (extensions.reason)', async () => {
    const company = dataOf(await app.request(CreateCompanyDocument, { input: { legalName: 'Version Périmée inc.', regionCode: '13' } })).createCompany;
    dataOf(await app.request(UpdateCompanyDocument, { input: { id: company.id, version: company.version, municipality: 'Laval' } }));
    const stale = await app.request(UpdateCompanyDocument, { input: { id: company.id, version: company.version, municipality: 'Montréal' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', entityType: 'Company', id: company.id });
  });
});
