import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ForbiddenError } from '../errors/domain.errors.js';
import { desc, paginate, type Page } from '../database/keyset-pagination.js';
import { AuditEntry } from './audit-entry.entity.js';

/** Tells in which region a record lives, so a manager's access to its audit trail can be decided. */
export type RegionLookup = (entityId: string) => Promise<string | null>;

/**
 * Reads the audit trail of one record: ADMIN for any record; a MANAGER for records of their direction's regions.
 * Domain modules register how to find the region of their record types (the audit module knows none of them).
 */
@Injectable()
export class AuditTrailService {
  private readonly regionLookups = new Map<string, RegionLookup>();

  constructor(private readonly unitOfWork: UnitOfWork) {}

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
    const query = this.unitOfWork.manager
      .createQueryBuilder(AuditEntry, 'entry')
      .where('entry.entity_type = :entityType AND entry.entity_id = :entityId', { entityType, entityId });
    return paginate(query, page, [desc('entry.id')]);
  }
}
