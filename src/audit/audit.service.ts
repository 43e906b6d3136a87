import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';

export interface AuditEntry {
  /** What happened, e.g. `create`, `update`, `deactivate`. */
  action: string;
  /** The entity's type as the domain names it, e.g. `Advisor`. */
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Writes the audit trail: who, when, what entity, before and after, in the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    if (!this.unitOfWork.inTransaction) {
      throw new Error(`audit of ${entry.entityType} ${entry.action} outside a transaction`);
    }
    await this.unitOfWork.manager.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        ctx.actorId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        ctx.requestId,
      ],
    );
  }
}
