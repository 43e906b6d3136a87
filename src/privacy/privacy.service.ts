import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { PersonalDataAccessLog, type AccessChannel } from '../audit/personal-data-access-log.js';
import type { PersonalInformationAccess } from '../audit/personal-information-access.entity.js';
import type { RequestContext } from '../auth/request-context.js';
import { assertDateRange } from '../common/date-rules.js';
import { CompaniesService } from '../companies/companies.service.js';
import { CompanyContactsService } from '../companies/company-contacts.service.js';
import type { Page } from '../database/keyset-pagination.js';
import { NotFoundError } from '../errors/domain.errors.js';
import type { ContactPersonalInformation, PersonalInformationAccessLogArgs } from './dto/privacy.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loi 25 reads for ADMIN (the resolver enforces the role): the access log, and one contact's right of access. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly contacts: CompanyContactsService,
    private readonly companies: CompaniesService,
    private readonly auditTrail: AuditTrailService,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  /** The access log, most recent first; `from`/`to` are calendar days in Québec, both included. */
  accessLogPage(_ctx: RequestContext, args: PersonalInformationAccessLogArgs): Promise<Page<PersonalInformationAccess>> {
    const filter = args.filter ?? {};
    if (filter.from && filter.to) assertDateRange({ from: filter.from, to: filter.to }, 'filter');
    return this.accessLog.page(filter, { first: args.first, after: args.after });
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
    const [found, auditEntries, accessLog] = await Promise.all([
      this.companies.company(ctx, contact.companyId),
      this.auditTrail.entriesOf('CompanyContact', contact.id),
      this.accessLog.accessesOf(contact.id),
    ]);
    const company = found!;
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
