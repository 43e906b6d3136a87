import { Injectable } from '@nestjs/common';
import { TIME_ZONE } from '../common/calendar.js';
import { desc, paginate, type Page } from '../database/keyset-pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AuditEntry } from './audit-entry.entity.js';
import { PersonalInformationAccess } from './personal-information-access.entity.js';

/** One row of `personal_information_access_log` to write. */
export interface AccessRow {
  contactId: string;
  companyId: string;
  via: string;
  path: string;
  operationName: string | null;
}

export interface AccessLogFilter {
  contactId?: string | null;
  advisorId?: string | null;
  /** Calendar days in Québec, both included. */
  from?: string | null;
  to?: string | null;
}

/**
 * The reads of the audit trail and the statements of the personal-information access log. Audit rows themselves are
 * written by AuditService only.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  /** The audit entries of one record, newest first. */
  trail(entityType: string, entityId: string, page: { first?: number; after?: string | null }): Promise<Page<AuditEntry>> {
    const query = this.db
      .createQueryBuilder(AuditEntry, 'entry')
      .where('entry.entity_type = :entityType AND entry.entity_id = :entityId', { entityType, entityId });
    return paginate(query, page, [desc('entry.id')]);
  }

  /** Every audit entry of one record, oldest first. */
  entriesOf(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.db.find(AuditEntry, { where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  /** One multi-row INSERT into the access log, by `advisorId` (null: the system) in request `requestId`. */
  async insertAccesses(advisorId: string | null, requestId: string | null, rows: readonly AccessRow[]): Promise<void> {
    await this.db.query(
      `INSERT INTO personal_information_access_log (advisor_id, request_id, contact_id, company_id, via, path, operation_name)
       SELECT $1::uuid, $2, r.contact_id, r.company_id, r.via, r.path, r.operation_name
         FROM unnest($3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[], $7::varchar[])
              AS r (contact_id, company_id, via, path, operation_name)`,
      [
        advisorId,
        requestId,
        rows.map((r) => r.contactId),
        rows.map((r) => r.companyId),
        rows.map((r) => r.via),
        rows.map((r) => r.path),
        rows.map((r) => r.operationName),
      ],
    );
  }

  /** The access log, most recent first. */
  accessPage(filter: AccessLogFilter, page: { first?: number; after?: string | null }): Promise<Page<PersonalInformationAccess>> {
    const query = this.db.createQueryBuilder(PersonalInformationAccess, 'access');
    if (filter.contactId) query.andWhere('access.contact_id = :contactId', { contactId: filter.contactId });
    if (filter.advisorId) query.andWhere('access.advisor_id = :advisorId', { advisorId: filter.advisorId });
    if (filter.from) {
      query.andWhere(`access.accessed_at >= (CAST(:from AS date)::timestamp AT TIME ZONE '${TIME_ZONE}')`, { from: filter.from });
    }
    if (filter.to) {
      query.andWhere(`access.accessed_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')`, { to: filter.to });
    }
    return paginate(query, page, [desc('access.id')]);
  }

  /** Every access to one contact's personal information, oldest first. */
  accessesOf(contactId: string): Promise<PersonalInformationAccess[]> {
    return this.db.find(PersonalInformationAccess, { where: { contactId }, order: { id: 'ASC' } });
  }
}
