import { Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { issueToken } from '../auth/token-issuer.js';
import type { RequestContext } from '../auth/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, ForbiddenError } from '../errors/domain.errors.js';
import type { DevelopmentSession, DevelopmentSignInAdvisor, SignInOptions } from './sign-in.types.js';
import { foldEmailCase } from '../common/email-address.js';

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
    private readonly unitOfWork: UnitOfWork,
  ) {}

  options(_ctx: RequestContext | null): SignInOptions {
    const { development, oidc } = this.config.consoleSignIn;
    return { developmentSignIn: development, oidc: oidc ?? null };
  }

  async developmentAdvisors(_ctx: RequestContext | null): Promise<DevelopmentSignInAdvisor[]> {
    this.requireDevelopment();
    const rows: { email: string; full_name: string; role: DevelopmentSignInAdvisor['role']; region_codes: string[] }[] =
      await this.unitOfWork.manager.query(
        `SELECT a.email, a.full_name, a.role,
                coalesce(array_agg(r.code ORDER BY r.code) FILTER (WHERE r.code IS NOT NULL), '{}') AS region_codes
           FROM advisors a
           LEFT JOIN regions r
             ON (a.role = 'MANAGER' AND r.direction_code = a.direction_code)
             OR (a.role <> 'MANAGER' AND EXISTS (SELECT 1 FROM advisor_regions ar WHERE ar.advisor_id = a.id AND ar.region_code = r.code))
          WHERE a.active
          GROUP BY a.id
          ORDER BY a.role, a.full_name
          LIMIT 200`,
      );
    return rows.map((row) => ({ email: row.email, fullName: row.full_name, role: row.role, regionCodes: row.region_codes }));
  }

  async developmentSignIn(_ctx: RequestContext | null, email: string): Promise<DevelopmentSession> {
    this.requireDevelopment();
    const normalized = foldEmailCase(email.trim());
    const [row] = await this.unitOfWork.manager.query(`SELECT 1 FROM advisors WHERE email = $1 AND active`, [normalized]);
    if (!row) throw BadUserInputError.field('email', 'signIn.unknownAdvisor', { email: normalized });
    const token = await issueToken(this.config, normalized, DEVELOPMENT_SESSION);
    return { token, expiresAt: new Date(decodeJwt(token).exp! * 1000) };
  }

  private requireDevelopment(): void {
    if (!this.config.consoleSignIn.development) throw new ForbiddenError('signIn.developmentDisabled');
  }
}
