import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { developmentSecret } from './development-secret.js';

/** Verifies a bearer token (HS256 secret, or an OpenID Connect provider's keys) and returns its email claim. */
@Injectable()
export class TokenVerifier {
  private readonly verify: (token: string) => Promise<unknown>;

  constructor(config: AppConfig) {
    const auth = config.auth;
    if (auth.mode === 'jwks') {
      const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl), { timeoutDuration: 5000 });
      this.verify = async (token) =>
        (await jwtVerify(token, keys, { issuer: auth.issuer, audience: auth.audience, requiredClaims: ['exp'] }))
          .payload;
    } else {
      const secret = new TextEncoder().encode(auth.mode === 'secret' ? auth.secret : developmentSecret(config.dataDir));
      this.verify = async (token) =>
        (await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload;
    }
  }

  /** The token's `email` claim, lower-cased, or null when the token is not valid. */
  async emailOf(token: string): Promise<string | null> {
    try {
      const payload = (await this.verify(token)) as { email?: unknown };
      return typeof payload.email === 'string' && payload.email.includes('@') ? payload.email.toLowerCase() : null;
    } catch {
      return null;
    }
  }
}
