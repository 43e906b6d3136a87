import { SignJWT } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { developmentSecret } from './development-secret.js';
import { foldEmailCase } from '../common/email-address.js';

/**
 * Signs HS256 tokens with the deployment's secret (or the development secret). With an OpenID Connect provider
 * the provider issues tokens, so this refuses.
 */
export async function issueToken(config: AppConfig, email: string, expiresIn = '12h'): Promise<string> {
  const auth = config.auth;
  if (auth.mode === 'jwks') {
    throw new Error('tokens come from the OpenID Connect provider (AUTH_JWKS_URL); this command signs HS256 tokens only');
  }
  const secret = new TextEncoder().encode(auth.mode === 'secret' ? auth.secret : developmentSecret(config.dataDir));
  return new SignJWT({ email: foldEmailCase(email) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(foldEmailCase(email))
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}
