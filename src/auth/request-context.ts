import type { Locale } from '../i18n/locale.js';
import { Role } from './role.js';

/** The authenticated advisor behind a request, as the database describes them (not the token). */
export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  /** "Own regions": assigned regions, or for a manager those of their direction. */
  readonly regionCodes: readonly string[];
  readonly directionCode: string | null;
}

/**
 * Who is asking, built once per request and passed first to every service method.
 * `actor` is null for the system itself (start-up tasks, command-line tools).
 */
export class RequestContext {
  constructor(
    readonly actor: Actor | null,
    readonly requestId: string,
    readonly locale: Locale = 'fr',
  ) {}

  static system(task: string): RequestContext {
    return new RequestContext(null, `system:${task}`);
  }

  get actorId(): string | null {
    return this.actor?.id ?? null;
  }

  get isSystem(): boolean {
    return this.actor === null;
  }

  hasRole(...roles: Role[]): boolean {
    return this.actor === null || roles.includes(this.actor.role);
  }

  /**
   * Regions whose records this caller may read and write: null means every region (ADMIN and the system),
   * an empty list means none (ANALYST).
   */
  get scopeRegionCodes(): readonly string[] | null {
    if (this.actor === null || this.actor.role === Role.ADMIN) return null;
    if (this.actor.role === Role.ANALYST) return [];
    return this.actor.regionCodes;
  }

  inScope(regionCode: string): boolean {
    const scope = this.scopeRegionCodes;
    return scope === null || scope.includes(regionCode);
  }
}
