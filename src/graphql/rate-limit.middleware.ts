import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { statementCounter } from '../database/statement-counter.js';
import { localeFromAcceptLanguage } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';

/**
 * At most `perMinute` GraphQL requests per advisor and per minute (fixed window starting at the advisor's first
 * request), counted in PostgreSQL (table `rate_limits`, created by a migration), so every instance of the service
 * on the same database shares one allowance: one upsert per request, counted in X-SQL-Statements. The advisor is
 * the verified token's subject (OpenID Connect) or `email` claim (HS256): checking the signature is a local
 * computation (an HMAC, or a signature against the provider's cached keys), never a database read, and a forged or
 * expired token cannot buy a fresh allowance. Requests without a valid token are counted per IP address. Answers 429
 * with Retry-After before the body is read, the advisor looked up or any other SQL sent. While PostgreSQL cannot be
 * reached, each instance counts in its own memory instead (the request then fails on the database anyway, with
 * SERVICE_UNAVAILABLE).
 */
export function graphqlRateLimit(perMinute: number, tokens: TokenVerifier, pool: pg.Pool, exposeStatementCount: boolean) {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: 'graphql',
    points: perMinute,
    duration: 60,
    insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: 60 }),
  });

  const keyOf = async (req: Request): Promise<string> => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    const identity = token ? await tokens.identityOf(token) : null;
    if (!identity) return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    return identity.subject !== null ? `subject:${identity.issuer} ${identity.subject}` : `advisor:${identity.email}`;
  };

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      statementCounter.increment();
      await limiter.consume(await keyOf(req));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const locale = localeFromAcceptLanguage(req.headers['accept-language']);
      res.setHeader('Retry-After', String(seconds));
      if (exposeStatementCount) res.setHeader('X-SQL-Statements', String(statementCounter.count ?? 0));
      res.status(429).json({
        errors: [{ message: translate('rateLimited', locale, { limit: perMinute, seconds }), extensions: { code: 'RATE_LIMITED' } }],
      });
      return;
    }
    next();
  };
}
