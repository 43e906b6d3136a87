import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

/** Who the provider signs in at its authorization endpoint (its login form, reduced to a choice made by the test). */
export interface ProviderUser {
  email: string;
}

/** What the token endpoint was asked, and what it answered. */
export interface TokenExchange {
  params: URLSearchParams;
  /** `issued` when tokens were returned, otherwise the OAuth error answered (invalid_grant, invalid_client…). */
  outcome: 'issued' | string;
  /** The access token answered, when issued. */
  accessToken?: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  scope: string;
  user: ProviderUser;
}

/**
 * A small OpenID Connect provider on a loopback port, for the console's browser tests (test/support/oidc-provider.ts
 * serves only a key set, for the API's tests): a discovery document, an
 * authorization endpoint that signs in `user` (no login form) and redirects back with a one-time code, a token
 * endpoint that exchanges the code only for the same client and redirect URI and a PKCE verifier whose S256
 * hash is the challenge received, and answers RS256 tokens (the access token for the API's audience, an ID token
 * for the client), and the key set (JWKS) the service verifies them with. Each email gets one stable `sub`, and
 * tokens say `email_verified: true`, as a real provider's do. Every request it receives is recorded.
 */
export class OpenIdProvider {
  /** The person the next authorization request signs in. */
  user: ProviderUser | null = null;
  /** Runs before the redirect back to the console is sent: to change it (tamper with `state`), or to look around. */
  beforeRedirect: ((location: URL) => Promise<void> | void) | null = null;
  /** Every endpoint answers 503 (the provider is down). */
  down = false;
  readonly authorizations: URLSearchParams[] = [];
  readonly exchanges: TokenExchange[] = [];
  /** Every token this provider signed (access, ID and refresh tokens), to look for them where they must not be. */
  readonly issued: string[] = [];

  private readonly codes = new Map<string, PendingCode>();
  private readonly subjects = new Map<string, string>();
  private client: { clientId: string; redirectUri: string } | null = null;

  private readonly server: Server;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly jwks: string,
    readonly audience: string,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { error: 'server_error', error_description: String(error) }));
    });
  }

  static async start(audience: string): Promise<OpenIdProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'cle-console', alg: 'RS256', use: 'sig' }] });
    const provider = new OpenIdProvider(privateKey, jwks, audience);
    await new Promise<void>((resolve) => provider.server.listen(0, '127.0.0.1', resolve));
    return provider;
  }

  /** The provider's address on the loopback interface: its issuer, and the authority the console is given. */
  get issuer(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The console's public client, registered once its address is known. */
  register(clientId: string, redirectUri: string): void {
    this.client = { clientId, redirectUri };
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** The provider's stable subject for an email (opaque, as providers make them). */
  subjectOf(email: string): string {
    let subject = this.subjects.get(email);
    if (!subject) this.subjects.set(email, (subject = randomUUID()));
    return subject;
  }

  /** An access token for the API, as the token endpoint issues them (for a test's own API calls). */
  accessToken(user: ProviderUser, scope = 'openid email'): Promise<string> {
    return this.sign({ email: user.email, email_verified: true, scope, client_id: this.client?.clientId }, user, this.audience);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    // The console reads discovery, the key set and the token endpoint with fetch from its own origin (CORS).
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'content-type, authorization' }).end();
      return;
    }
    if (this.down) return send(res, 503, { error: 'temporarily_unavailable' });
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') return send(res, 200, this.discovery());
    if (req.method === 'GET' && url.pathname === '/jwks') return void res.writeHead(200, { 'content-type': 'application/json' }).end(this.jwks);
    if (req.method === 'GET' && url.pathname === '/authorize') return this.authorize(url.searchParams, res);
    if (req.method === 'POST' && url.pathname === '/token') return this.token(new URLSearchParams(await body(req)), res);
    send(res, 404, { error: 'not_found' });
  }

  private discovery() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      jwks_uri: this.jwksUrl,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'email'],
    };
  }

  /**
   * Signs `user` in and sends the browser back to the client with a code. A request from an unknown client or
   * for a redirect URI not registered gets an error page, never a redirect (RFC 6749 §4.1.2.1); one without a
   * PKCE S256 challenge gets the error redirected.
   */
  private async authorize(params: URLSearchParams, res: ServerResponse): Promise<void> {
    this.authorizations.push(params);
    const clientId = params.get('client_id');
    const redirectUri = params.get('redirect_uri');
    if (!this.client || clientId !== this.client.clientId || redirectUri !== this.client.redirectUri) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('unknown client or redirect_uri');
      return;
    }
    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const challenge = params.get('code_challenge');
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256' || !challenge || !this.user) {
      back.searchParams.set('error', !this.user ? 'access_denied' : 'invalid_request');
    } else {
      const code = randomBytes(24).toString('base64url');
      this.codes.set(code, { clientId, redirectUri, challenge, nonce: params.get('nonce'), scope: params.get('scope') ?? '', user: this.user });
      back.searchParams.set('code', code);
      back.searchParams.set('iss', this.issuer);
    }
    await this.beforeRedirect?.(back);
    res.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' }).end();
  }

  /** The code, once, for the client and redirect URI it was issued to, with the verifier of its challenge. */
  private async token(params: URLSearchParams, res: ServerResponse): Promise<void> {
    const refuse = (error: string) => {
      this.exchanges.push({ params, outcome: error });
      send(res, 400, { error });
    };
    if (params.get('grant_type') !== 'authorization_code') return refuse('unsupported_grant_type');
    const code = params.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending) return refuse('invalid_grant');
    if (params.get('client_id') !== pending.clientId) return refuse('invalid_client');
    if (params.get('redirect_uri') !== pending.redirectUri) return refuse('invalid_grant');
    const verifier = params.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return refuse('invalid_grant');
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return refuse('invalid_grant');
    const { user } = pending;
    const accessToken = await this.accessToken(user, pending.scope);
    const idToken = await this.sign({ email: user.email, email_verified: true, ...(pending.nonce ? { nonce: pending.nonce } : {}) }, user, pending.clientId);
    const refreshToken = randomBytes(32).toString('base64url');
    this.issued.push(accessToken, idToken, refreshToken);
    this.exchanges.push({ params, outcome: 'issued', accessToken });
    send(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
      refresh_token: refreshToken,
      scope: pending.scope,
    });
  }

  private sign(claims: Record<string, unknown>, user: ProviderUser, audience: string): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'cle-console', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(this.subjectOf(user.email))
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.privateKey);
  }
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
