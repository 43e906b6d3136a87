import { Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { issueToken } from '../auth/token-issuer.js';
import type { RequestContext } from '../auth/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { foldEmailCase } from '../common/email-address.js';
import { BadUserInputError, ForbiddenError } from '../errors/domain.errors.js';
import { SignInRepository } from './sign-in.repository.js';
import type { DevelopmentSession, DevelopmentSignInAdvisor, SignInOptions } from './sign-in.types.js';

/** How long a development session lasts. */
const DEVELOPMENT_SESSION = '8h';

/**
 * What the console needs before anyone is signed in: the ways to sign in, and in development a picker of
 * active advisors that signs a token for the one chosen. The picker is refused unless DEVELOPMENT_SIGN_IN is
 * on, which the configuration never allows in production or with an OpenID Connect provider.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly config: AppConfig,
    private readonly repository: SignInRepository,
  ) {}

  options(_ctx: RequestContext | null): SignInOptions {
    const { development, oidc } = this.config.consoleSignIn;
    return { developmentSignIn: development, oidc: oidc ?? null };
  }

  developmentAdvisors(_ctx: RequestContext | null): Promise<DevelopmentSignInAdvisor[]> {
    this.requireDevelopment();
    return this.repository.activeAdvisors(200);
  }

  async developmentSignIn(_ctx: RequestContext | null, email: string): Promise<DevelopmentSession> {
    this.requireDevelopment();
    const normalized = foldEmailCase(email.trim());
    if (!(await this.repository.isActive(normalized))) throw BadUserInputError.field('email', 'signIn.unknownAdvisor', { email: normalized });
    const token = await issueToken(this.config, normalized, DEVELOPMENT_SESSION);
    return { token, expiresAt: new Date(decodeJwt(token).exp! * 1000) };
  }

  private requireDevelopment(): void {
    if (!this.config.consoleSignIn.development) throw new ForbiddenError('signIn.developmentDisabled');
  }
}
