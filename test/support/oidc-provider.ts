import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';

/** An OpenID Connect provider's key set (one RS256 key, `kid` cle-1), served on 127.0.0.1 like a real jwks_uri. */
export interface TestOidcProvider {
  jwksUrl: string;
  /** Signs tokens the service accepts (with the right issuer and audience). */
  privateKey: CryptoKey;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const pair = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'cle-1', alg: 'RS256', use: 'sig' }] });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    privateKey: pair.privateKey,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
