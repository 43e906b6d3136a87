import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { foldEmailCase } from '../common/email-address.js';
import { AppConfig } from '../config/app-config.js';
import { developmentSecret } from './development-secret.js';

const VERIFIED_TOKENS_KEPT = 10_000;
const VERIFIED_TOKEN_MS = 60_000;

/** Who a valid token names. `issuer` and `subject` with an OpenID Connect provider only (null with HS256). */
export interface VerifiedIdentity {
  /** The `email` claim, ASCII letters lower-cased (src/common/email-address.ts). */
  email: string;
  issuer: string | null;
  subject: string | null;
}

/** An address as a token may carry it: one line, no space or control character, an @, at most 254 characters. */
const EMAIL_CLAIM = /^[^\s@\u0000-\u001F\u007F-\u009F\u2028\u2029]+@[^\s@\u0000-\u001F\u007F-\u009F\u2028\u2029]+$/u;
/** A subject: 1 to 255 characters, no control character. */
const SUBJECT_CLAIM = /^[^\u0000-\u001F\u007F-\u009F]{1,255}$/u;

/**
 * The identity a verified payload names, or null when its claims cannot name one: an email claim that is not an
 * address (a NUL or a line break in it would otherwise reach SQL), an email the provider says is not verified
 * (`email_verified: false`, or the string "false" some providers send), a provider token without a usable subject.
 */
export function identityOf(payload: JWTPayload & { email?: unknown; email_verified?: unknown }, oidc: boolean): VerifiedIdentity | null {
  const email = payload.email;
  if (typeof email !== 'string' || email.length > 254 || !EMAIL_CLAIM.test(email)) return null;
  if (!oidc) return { email: foldEmailCase(email), issuer: null, subject: null };
  if (payload.email_verified === false || payload.email_verified === 'false') return null;
  if (typeof payload.iss !== 'string' || typeof payload.sub !== 'string' || !SUBJECT_CLAIM.test(payload.sub)) return null;
  return { email: foldEmailCase(email), issuer: payload.iss, subject: payload.sub };
}

/** Verifies a bearer token (HS256 secret, or an OpenID Connect provider's keys) and returns who it names. */
@Injectable()
export class TokenVerifier {
  private readonly verify: (token: string) => Promise<JWTPayload>;
  private readonly oidc: boolean;

  constructor(config: AppConfig) {
    const auth = config.auth;
    this.oidc = auth.mode === 'jwks';
    if (auth.mode === 'jwks') {
      const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl), { timeoutDuration: 5000 });
      this.verify = async (token) =>
        (await jwtVerify(token, keys, { issuer: auth.issuer, audience: auth.audience, requiredClaims: ['exp', 'sub'] }))
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
   * Tokens already verified, with their identity, until their expiry or for a minute at most: a client sends the
   * same token with every request, and checking its signature again (WebCrypto) costs more than the rest of
   * authenticating it. Only the exact token string hits; bounded, oldest entries evicted first.
   */
  private readonly verified = new Map<string, { identity: VerifiedIdentity; until: number }>();

  /** Who the token names, or null when the token is not valid or names no one usable. */
  async identityOf(token: string): Promise<VerifiedIdentity | null> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return known.identity;
    if (known) this.verified.delete(token);
    try {
      const payload = await this.verify(token);
      const identity = identityOf(payload, this.oidc);
      if (identity === null) return null;
      const expiry = typeof payload.exp === 'number' ? payload.exp * 1000 : now;
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { identity, until: Math.min(expiry, now + VERIFIED_TOKEN_MS) });
      return identity;
    } catch {
      return null;
    }
  }
}
