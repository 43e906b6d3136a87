import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { PersonalDataAccessLog, type AccessChannel } from '../audit/personal-data-access-log.js';
import { PersonalInformationAccess } from '../audit/personal-information-access.entity.js';
import type { RequestContext } from '../auth/request-context.js';
import { TIME_ZONE } from '../common/calendar.js';
import { assertDateRange } from '../common/date-rules.js';
import { CompanyContactsService } from '../companies/company-contacts.service.js';
import { Company } from '../companies/company.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { NotFoundError } from '../errors/domain.errors.js';
import { desc, paginate, type Page } from '../database/keyset-pagination.js';
import type { ContactPersonalInformation, PersonalInformationAccessLogArgs } from './dto/privacy.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loi 25 reads for ADMIN (the resolver enforces the role): the access log, and one contact's right of access. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly contacts: CompanyContactsService,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  /** The access log, most recent first; `from`/`to` are calendar days in Québec, both included. */
  accessLogPage(_ctx: RequestContext, args: PersonalInformationAccessLogArgs): Promise<Page<PersonalInformationAccess>> {
    const filter = args.filter ?? {};
    if (filter.from && filter.to) assertDateRange({ from: filter.from, to: filter.to }, 'filter');
    const query = this.db.createQueryBuilder(PersonalInformationAccess, 'access');
    if (filter.contactId) query.andWhere('access.contact_id = :contactId', { contactId: filter.contactId });
    if (filter.advisorId) query.andWhere('access.advisor_id = :advisorId', { advisorId: filter.advisorId });
    if (filter.from) {
      query.andWhere(`access.accessed_at >= (CAST(:from AS date)::timestamp AT TIME ZONE '${TIME_ZONE}')`, { from: filter.from });
    }
    if (filter.to) {
      query.andWhere(`access.accessed_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')`, { to: filter.to });
    }
    return paginate(query, args, [desc('access.id')]);
  }

  /**
   * Everything held about one contact. The export is itself an access to personal information: it is logged
   * first (so it appears in its own access list), and refused if it cannot be logged.
   */
  async contactPersonalInformation(
    ctx: RequestContext,
    contactId: string,
    channel: AccessChannel,
  ): Promise<ContactPersonalInformation> {
    if (!UUID.test(contactId)) throw new NotFoundError('CompanyContact', contactId);
    const contact = await this.contacts.contactInScope(ctx, contactId);
    await this.accessLog.record(ctx, [contact], channel);
    const [company, auditEntries, accessLog] = await Promise.all([
      this.db.findOneByOrFail(Company, { id: contact.companyId }),
      this.db
        .createQueryBuilder(AuditEntry, 'entry')
        .where(`entry.entity_type = 'CompanyContact' AND entry.entity_id = :id`, { id: contact.id })
        .orderBy('entry.id', 'ASC')
        .getMany(),
      this.db
        .createQueryBuilder(PersonalInformationAccess, 'access')
        .where('access.contact_id = :id', { id: contact.id })
        .orderBy('access.id', 'ASC')
        .getMany(),
    ]);
    const { anonymizedAt, createdAt, updatedAt } = contact;
    const json = JSON.stringify(
      {
        exportedAt: new Date().toISOString(),
        contact: {
          id: contact.id,
          firstName: contact.firstName,
          lastName: contact.lastName,
          title: contact.title,
          email: contact.email,
          phone: contact.phone,
          preferredLanguage: contact.preferredLanguage,
          createdAt,
          updatedAt,
          anonymizedAt,
        },
        company: { id: company.id, legalName: company.legalName, neq: company.neq, regionCode: company.regionCode },
        auditEntries,
        accessLog,
      },
      null,
      2,
    );
    return { contact, anonymizedAt, createdAt, updatedAt, company, auditEntries, accessLog, json };
  }
}
