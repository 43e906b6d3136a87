import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ActorCache } from './actor-cache.js';
import type { Actor } from './request-context.js';
import type { Role } from './role.js';
import type { VerifiedIdentity } from './token-verifier.js';

interface ActorRow {
  id: string;
  email: string;
  role: Role;
  direction_code: string | null;
  region_codes: string[];
  linked_now: boolean;
}

/** The columns of an actor: role and "own regions" (a manager's are those of their direction). */
const ACTOR_COLUMNS = `a.id, a.email, a.role, a.direction_code,
       CASE WHEN a.role = 'MANAGER'
            THEN ARRAY(SELECT r.code FROM regions r WHERE r.direction_code = a.direction_code ORDER BY r.code)
            ELSE ARRAY(SELECT ar.region_code FROM advisor_regions ar WHERE ar.advisor_id = a.id ORDER BY ar.region_code)
       END AS region_codes`;

/** HS256 tokens (issued by the deployment itself): the advisor of the email. */
const BY_EMAIL = `SELECT ${ACTOR_COLUMNS}, false AS linked_now FROM advisors a WHERE a.email = $1 AND a.active`;

/**
 * OpenID Connect: the advisor linked to the token's issuer and subject; else, at the first sign-in, the active
 * advisor of the token's (verified) email that no subject has claimed yet, linked now to this one. An email whose
 * advisor is linked to another subject finds no one: two subjects cannot share one advisor.
 */
const BY_IDENTITY = `
  WITH linked AS (
    SELECT id FROM advisors WHERE identity_issuer = $2 AND identity_subject = $3
  ), claimed AS (
    UPDATE advisors SET identity_issuer = $2, identity_subject = $3
     WHERE NOT EXISTS (SELECT 1 FROM linked) AND email = $1 AND identity_subject IS NULL AND active
    RETURNING id
  ), chosen AS (
    SELECT id, false AS linked_now FROM linked UNION ALL SELECT id, true FROM claimed
  )
  SELECT ${ACTOR_COLUMNS}, c.linked_now FROM advisors a JOIN chosen c ON c.id = a.id WHERE a.active`;

/**
 * Finds the active advisor behind a verified token, with role and "own regions" from the database, in one
 * statement: by email with the deployment's HS256 secret, by the provider's issuer and subject with OpenID Connect
 * (linking them at the first sign-in). An advisor found is kept in the actor cache under the same key (email, or
 * issuer and subject: linked by then), so their next requests send no statement until a change to advisors,
 * their regions or the regions is notified (actor-change-listener.ts) or made by this instance
 * (actor-change-subscriber.ts); no one found is never kept.
 */
@Injectable()
export class ActorDirectory {
  private readonly logger = new Logger(ActorDirectory.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cache: ActorCache,
  ) {}

  async findActive(identity: VerifiedIdentity): Promise<Actor | null> {
    const key = identity.subject === null || identity.issuer === null ? JSON.stringify([identity.email]) : JSON.stringify([identity.issuer, identity.subject]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    const actor = await this.read(identity);
    if (actor) this.cache.set(key, actor, ticket);
    return actor;
  }

  private async read(identity: VerifiedIdentity): Promise<Actor | null> {
    if (identity.subject === null || identity.issuer === null) return this.findActiveByEmail(identity.email);
    const parameters = [identity.email, identity.issuer, identity.subject];
    try {
      return await this.first(BY_IDENTITY, parameters);
    } catch (error) {
      // Two first sign-ins of one subject at once: the other one linked it (unique index); it is found now.
      if ((error as { code?: string }).code !== '23505') throw error;
      return this.first(BY_IDENTITY, parameters);
    }
  }

  /** The active advisor of an email (compared as stored: ASCII letters in lower case), read now (not cached). */
  findActiveByEmail(email: string): Promise<Actor | null> {
    return this.first(BY_EMAIL, [email]);
  }

  private async first(sql: string, parameters: string[]): Promise<Actor | null> {
    const rows: ActorRow[] = await this.unitOfWork.manager.query(sql, parameters);
    const row = rows[0];
    if (!row) return null;
    if (row.linked_now) this.logger.log({ advisorId: row.id, issuer: parameters[1] }, 'advisor linked to the identity provider subject');
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      directionCode: row.direction_code,
      regionCodes: row.region_codes,
    };
  }
}
