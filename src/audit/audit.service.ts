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

const COLUMNS = 'actor_id, action, entity_type, entity_id, before, after, request_id';

/** A snapshot with the values of the fields $2 replaced by the marker $3 (null values stay null). */
const redacted = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE coalesce((
     SELECT jsonb_object_agg(e.key, CASE WHEN e.key = ANY($2::text[]) AND e.value <> 'null'::jsonb
                                         THEN to_jsonb($3::text) ELSE e.value END)
       FROM jsonb_each(${column}) AS e), '{}'::jsonb) END`;

/**
 * The only writer of the audit trail (`audit_log`): who, when, what entity, before and after, in the caller's
 * transaction. One entry (`record`), many entries of one action (`recordMany`, the retention job), or, for a
 * set-based statement that writes its records and their audit rows at once (the CSV import), its SQL (`insertFrom`).
 * Entries are never changed, except that Loi 25 retention redacts personal values in them (`redact`).
 */
@Injectable()
export class AuditService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    return this.recordMany(ctx, entry.action, entry.entityType, [entry]);
  }

  /** Entries of one action on records of one type, in one multi-row INSERT. */
  async recordMany(
    ctx: RequestContext,
    action: string,
    entityType: string,
    entries: readonly Omit<AuditEntry, 'action' | 'entityType'>[],
  ): Promise<void> {
    if (!this.unitOfWork.inTransaction) throw new Error(`audit of ${entityType} ${action} outside a transaction`);
    if (entries.length === 0) return;
    const json = (value: object | null | undefined) => (value ? JSON.stringify(value) : null);
    await this.unitOfWork.manager.query(
      AuditService.insertFrom(
        `SELECT $1::uuid, $2, $3, e.entity_id, e.before, e.after, $4
           FROM unnest($5::text[], $6::jsonb[], $7::jsonb[]) AS e (entity_id, before, after)`,
      ),
      [
        ctx.actorId,
        action,
        entityType,
        ctx.requestId,
        entries.map((entry) => entry.entityId),
        entries.map((entry) => json(entry.before)),
        entries.map((entry) => json(entry.after)),
      ],
    );
  }

  /** Replaces the values of `fields` by `marker` in the before/after snapshots of the entries `ids`. */
  async redact(ids: readonly string[], fields: readonly string[], marker: string): Promise<void> {
    if (ids.length === 0) return;
    await this.unitOfWork.manager.query(
      `UPDATE audit_log a SET before = ${redacted('a.before')}, after = ${redacted('a.after')} WHERE a.id = ANY($1::bigint[])`,
      [ids, fields, marker],
    );
  }

  /**
   * The bulk form as SQL, for a statement that writes audit rows beside its own changes (a data-modifying CTE):
   * `select` yields actor_id, action, entity_type, entity_id, before, after and request_id, in that order.
   */
  static insertFrom(select: string): string {
    return `INSERT INTO audit_log (${COLUMNS}) ${select}`;
  }
}
