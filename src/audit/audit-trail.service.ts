import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import type { Page } from '../database/keyset-pagination.js';
import { ForbiddenError } from '../errors/domain.errors.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';

/** Tells in which region a record lives, so a manager's access to its audit trail can be decided. */
export type RegionLookup = (entityId: string) => Promise<string | null>;

/**
 * Reads the audit trail of one record: ADMIN for any record; a MANAGER for records of their direction's regions.
 * Domain modules register how to find the region of their record types (the audit module knows none of them).
 */
@Injectable()
export class AuditTrailService {
  private readonly regionLookups = new Map<string, RegionLookup>();

  constructor(private readonly repository: AuditRepository) {}

  registerRegionLookup(entityType: string, lookup: RegionLookup): void {
    this.regionLookups.set(entityType, lookup);
  }

  async trail(
    ctx: RequestContext,
    entityType: string,
    entityId: string,
    page: { first?: number; after?: string | null },
  ): Promise<Page<AuditEntry>> {
    if (ctx.actor?.role !== Role.ADMIN) {
      const lookup = this.regionLookups.get(entityType);
      const region = lookup ? await lookup(entityId) : null;
      if (ctx.actor?.role !== Role.MANAGER || region === null || !ctx.inScope(region)) throw new ForbiddenError();
    }
    return this.repository.trail(entityType, entityId, page);
  }

  /** Every entry of one record, oldest first, without permission checks (callers check). */
  entriesOf(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.repository.entriesOf(entityType, entityId);
  }
}
