import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAdvisor } from './support/factories.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

const ISSUER = 'https://identite.test.crm.example';
const AUDIENCE = 'crm-immigration-regionale';
const ME = `{ me { id email } }`;

/**
 * Identity (finding 8): with an OpenID Connect provider, a person is identified by the provider's issuer and
 * subject once linked (the first sign-in with a verified email links them); unverified emails are refused; emails
 * are compared with ASCII case folding only; production refuses a plain-http key set URL and a weak HS256 secret.
 */
describe('identity with an OpenID Connect provider', () => {
  let app: TestApp;
  let provider: TestOidcProvider;

  const token = (claims: { sub?: string | null; email?: string; email_verified?: boolean }) => {
    const { sub, ...rest } = claims;
    const jwt = new SignJWT(rest).setProtectedHeader({ alg: 'RS256', kid: 'cle-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m');
    if (sub !== null) jwt.setSubject(sub ?? `sujet-${Math.random().toString(36).slice(2)}`);
    return jwt.sign(provider.privateKey);
  };
  const me = async (claims: Parameters<typeof token>[0]) => app.graphql(ME, { as: { token: await token(claims) } });
  const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
  const link = (id: string) => app.sql(`SELECT identity_issuer, identity_subject FROM advisors WHERE id = $1`, [id]);
  /** The test administrator, signed in through the provider. */
  const asAdmin = async () => ({ token: await token({ sub: 'sujet-admin', email: TEST_ADMIN_EMAIL, email_verified: true }) });
  const newAdvisor = async (email: string) =>
    dataOf(
      await app.graphql(`mutation ($input: CreateAdvisorInput!) { createAdvisor(input: $input) { id email version } }`, {
        variables: { input: { email, fullName: 'Conseillère OIDC', role: 'ADVISOR', regionCodes: ['13'] } },
        as: await asAdmin(),
      }),
    ).createAdvisor as { id: string; email: string; version: number };

  beforeAll(async () => {
    provider = await startOidcProvider();
    app = await TestApp.start({ AUTH_JWT_SECRET: '', AUTH_JWKS_URL: provider.jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await app?.close();
    await provider.close();
  });

  it('refuses a token whose email the provider says is not verified', async () => {
    const advisor = await newAdvisor('non.verifie@test.crm.example');
    expect(codeOf(await me({ email: advisor.email, email_verified: false }))).toBe('UNAUTHENTICATED');
    expect(await link(advisor.id)).toEqual([{ identity_issuer: null, identity_subject: null }]);
  });

  it('refuses a token without a subject', async () => {
    const advisor = await newAdvisor('sans.sujet@test.crm.example');
    expect(codeOf(await me({ sub: null, email: advisor.email, email_verified: true }))).toBe('UNAUTHENTICATED');
  });

  it('links the person to the provider’s issuer and subject at the first sign-in, then identifies them by it when the email claim changes', async () => {
    const advisor = await newAdvisor('lea.martin@test.crm.example');
    const first = dataOf(await me({ sub: 'sujet-lea', email: 'Lea.Martin@test.crm.example', email_verified: true })).me;
    expect(first).toEqual({ id: advisor.id, email: advisor.email });
    expect(await link(advisor.id)).toEqual([{ identity_issuer: ISSUER, identity_subject: 'sujet-lea' }]);
    // The provider now sends another address for the same person: still the same advisor.
    expect(dataOf(await me({ sub: 'sujet-lea', email: 'lea.martin-roy@test.crm.example', email_verified: true })).me.id).toBe(advisor.id);
  });

  it('refuses a second subject claiming an email already linked to another subject', async () => {
    const advisor = await newAdvisor('paul.roy@test.crm.example');
    dataOf(await me({ sub: 'sujet-paul', email: advisor.email, email_verified: true }));
    expect(codeOf(await me({ sub: 'imposteur', email: advisor.email, email_verified: true }))).toBe('UNAUTHENTICATED');
    expect(await link(advisor.id)).toEqual([{ identity_issuer: ISSUER, identity_subject: 'sujet-paul' }]);
  });

  it('forgets the link when an administrator changes the advisor’s email, so the next sign-in links the new address', async () => {
    const advisor = await newAdvisor('ancien@test.crm.example');
    dataOf(await me({ sub: 'sujet-ancien', email: advisor.email, email_verified: true }));
    const updated = await app.graphql(`mutation ($input: UpdateAdvisorInput!) { updateAdvisor(input: $input) { email } }`, {
      variables: { input: { id: advisor.id, version: advisor.version, email: 'nouveau@test.crm.example' } },
      as: await asAdmin(),
    });
    expect(dataOf(updated).updateAdvisor.email).toBe('nouveau@test.crm.example');
    expect(await link(advisor.id)).toEqual([{ identity_issuer: null, identity_subject: null }]);
    expect(codeOf(await me({ sub: 'sujet-ancien', email: 'ancien@test.crm.example', email_verified: true }))).toBe('UNAUTHENTICATED');
    expect(dataOf(await me({ sub: 'sujet-nouveau', email: 'nouveau@test.crm.example', email_verified: true })).me.id).toBe(advisor.id);
  });

  it('does not sign in an email written with the Kelvin sign (U+212A) as the one written with k', async () => {
    await newAdvisor('kim.bouchard@test.crm.example');
    expect(codeOf(await me({ email: '\u212Aim.bouchard@test.crm.example', email_verified: true }))).toBe('UNAUTHENTICATED');
  });
});

describe('identity with the deployment’s HS256 secret', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  it('folds only ASCII case: KIM signs in as kim, the Kelvin sign and the dotted capital I do not', async () => {
    const advisor = await createAdvisor(app, { email: 'kim.lirette@test.crm.example' });
    const as = (email: string) => app.graphql(ME, { as: email });
    expect(dataOf(await as('KIM.LIRETTE@TEST.CRM.EXAMPLE')).me.id).toBe(advisor.id);
    expect((await as('\u212Aim.lirette@test.crm.example')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as('k\u0130m.lirette@test.crm.example')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an advisor email with a Unicode look-alike letter, so that it cannot stand for its ASCII twin', async () => {
    const created = await app.graphql(`mutation ($input: CreateAdvisorInput!) { createAdvisor(input: $input) { email } }`, {
      variables: { input: { email: '\u212Aarine.ouellet@test.crm.example', fullName: 'Karine Ouellet', role: 'ADVISOR', regionCodes: ['13'] } },
    });
    expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.email' }] });
    expect((await app.graphql(ME, { as: 'karine.ouellet@test.crm.example' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('authentication settings in production', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
      // A database that does not answer: a start-up that gets past the settings stops there, in one line too.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', NODE_ENV: 'production', DATABASE_URL: 'postgres://u@127.0.0.1:9/crm', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const oidc = (url: string) => ({ AUTH_JWKS_URL: url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });

  it.each([
    [oidc('http://identite.example/jwks'), 'AUTH_JWKS_URL'],
    [oidc('http://10.0.0.5/jwks'), 'AUTH_JWKS_URL'],
    [{ AUTH_JWT_SECRET: 'a'.repeat(32) }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: 'abcd'.repeat(8) }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: 'passwordpasswordpasswordpassword' }, 'AUTH_JWT_SECRET'],
  ])('refuses %p in one line naming %s', (env, setting) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Configuration invalide — ${setting}: `))]);
  });

  it.each([
    [oidc('https://identite.example/jwks')],
    [oidc('http://127.0.0.1:8080/jwks')],
    [oidc('http://localhost:8080/jwks')],
    [oidc('http://[::1]:8080/jwks')],
    [{ AUTH_JWT_SECRET: 'q3Vx8Jr2Lm9Tz4Wc6Nb1Hd7Ks5Pf0Ya2Ue8Ri3Ow' }],
  ])('accepts %p (then stops on the unreachable database)', (env) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/Configuration invalide/);
    expect(result.stderr).toMatch(/^Démarrage impossible — DATABASE_URL: /m);
  });

  it('keeps accepting a 32-character secret of any kind outside production', () => {
    const result = start({ NODE_ENV: 'development', AUTH_JWT_SECRET: 'a'.repeat(32) });
    expect(result.stderr).not.toMatch(/Configuration invalide/);
  });
});
