import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import type { Page } from '../database/keyset-pagination.js';
import { RecordRegions } from '../database/record-regions.js';
import { ForbiddenError } from '../errors/domain.errors.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';

/**
 * Reads the audit trail of one record: ADMIN for any record; a MANAGER for records of their direction's regions,
 * found through RecordRegions (the audit module knows no record type).
 */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly regions: RecordRegions,
  ) {}

  async trail(
    ctx: RequestContext,
    entityType: string,
    entityId: string,
    page: { first?: number; after?: string | null },
  ): Promise<Page<AuditEntry>> {
    if (ctx.actor?.role !== Role.ADMIN) {
      const region = await this.regions.of(entityType, entityId);
      if (ctx.actor?.role !== Role.MANAGER || region === null || !ctx.inScope(region)) throw new ForbiddenError();
    }
    return this.repository.trail(entityType, entityId, page);
  }

  /** Every entry of one record, oldest first, without permission checks (callers check). */
  entriesOf(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.repository.entriesOf(entityType, entityId);
  }
}
