import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

const ISSUER = 'https://identite.test.crm.example';
const AUDIENCE = 'crm-immigration-regionale';

/** An OpenID Connect provider's key set, served on 127.0.0.1 like a real provider's jwks_uri. */
describe('authentication with an OpenID Connect provider (AUTH_JWKS_URL)', () => {
  let app: TestApp;
  let provider: TestOidcProvider;
  let privateKey: CryptoKey;

  const token = (claims: { iss?: string; aud?: string; email?: string }, key: CryptoKey = privateKey) =>
    new SignJWT({ email: claims.email ?? TEST_ADMIN_EMAIL })
      .setProtectedHeader({ alg: 'RS256', kid: 'cle-1' })
      .setSubject('sujet-admin') // a provider's token names its subject (required: see identity.e2e-spec.ts)
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    provider = await startOidcProvider();
    privateKey = provider.privateKey;
    app = await TestApp.start({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
    });
  });

  afterAll(async () => {
    await app.close();
    await provider.close();
  });

  const codeOf = async (jwt: string) =>
    (await app.graphql(`{ me { email } }`, { as: { token: jwt } })).errors?.[0]?.extensions?.code;

  it("accepts a token signed by the provider's key for the right issuer and audience", async () => {
    const response = await app.graphql(`{ me { email role } }`, { as: { token: await token({}) } });
    expect(response.data?.me).toEqual({ email: TEST_ADMIN_EMAIL, role: 'ADMIN' });
  });

  it('refuses another audience, another issuer, another key and an HS256 token', async () => {
    expect(await codeOf(await token({ aud: 'autre-application' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(await token({ iss: 'https://ailleurs.example' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(await token({}, (await generateKeyPair('RS256')).privateKey))).toBe('UNAUTHENTICATED');
    expect(await codeOf(await TestApp.token(TEST_ADMIN_EMAIL))).toBe('UNAUTHENTICATED');
  });
});
