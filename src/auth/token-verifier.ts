import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { developmentSecret } from './development-secret.js';

const VERIFIED_TOKENS_KEPT = 10_000;
const VERIFIED_TOKEN_MS = 60_000;

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
      // Imported once: given raw bytes, jose would import the key again for every request.
      const key = globalThis.crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
      this.verify = async (token) =>
        (await jwtVerify(token, await key, { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload;
    }
  }

  /**
   * Tokens already verified, with their email, until their expiry or for a minute at most: a client sends the
   * same token with every request, and checking its signature again (WebCrypto) costs more than the rest of
   * authenticating it. Only the exact token string hits; bounded, oldest entries evicted first.
   */
  private readonly verified = new Map<string, { email: string; until: number }>();

  /** The token's `email` claim, lower-cased, or null when the token is not valid. */
  async emailOf(token: string): Promise<string | null> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return known.email;
    if (known) this.verified.delete(token);
    try {
      const payload = (await this.verify(token)) as { email?: unknown; exp?: unknown };
      if (typeof payload.email !== 'string' || !payload.email.includes('@')) return null;
      const email = payload.email.toLowerCase();
      const expiry = typeof payload.exp === 'number' ? payload.exp * 1000 : now;
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { email, until: Math.min(expiry, now + VERIFIED_TOKEN_MS) });
      return email;
    } catch {
      return null;
    }
  }
}
