import { Injectable, Logger } from '@nestjs/common';
import { ServiceUnavailableError, UnauthenticatedError } from '../errors/domain.errors.js';
import type { Locale } from '../i18n/locale.js';
import { ActorDirectory } from './actor-directory.js';
import { RequestContext } from './request-context.js';
import { TokenVerifier } from './token-verifier.js';

/** The outcome of authenticating a request: a context, or the reason there is none. */
export type Authentication = { context: RequestContext } | { error: UnauthenticatedError | ServiceUnavailableError };

/** Turns an Authorization header into the request context (advisor, role, own regions). */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger(Authenticator.name);

  constructor(
    private readonly tokens: TokenVerifier,
    private readonly directory: ActorDirectory,
  ) {}

  async authenticate(authorization: string | undefined, requestId: string, locale: Locale): Promise<Authentication> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return { error: new UnauthenticatedError('auth.missingToken') };
    const identity = await this.tokens.identityOf(match[1]);
    if (identity === null) return { error: new UnauthenticatedError('auth.invalidToken') };
    try {
      const actor = await this.directory.findActive(identity);
      if (actor === null) return { error: new UnauthenticatedError('auth.unknownAdvisor') };
      return { context: new RequestContext(actor, requestId, locale) };
    } catch (error) {
      this.logger.warn({ err: error, requestId }, 'advisor lookup failed during authentication (database unreachable?)');
      return { error: new ServiceUnavailableError() };
    }
  }
}
