import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

const ISSUER = 'https://identite.test.crm.example';
const AUDIENCE = 'crm-immigration-regionale';

/** An OpenID Connect provider's key set, served on 127.0.0.1 like a real provider's jwks_uri. */
describe('authentication with an OpenID Connect provider (AUTH_JWKS_URL)', () => {
  let app: TestApp;
  let keys: Server;
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
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'cle-1', alg: 'RS256', use: 'sig' }] });
    keys = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const port = (keys.address() as AddressInfo).port;
    app = await TestApp.start({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
    });
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => keys.close(resolve));
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
