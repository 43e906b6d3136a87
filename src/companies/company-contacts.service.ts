import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { regionScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { updateWithVersion } from '../database/optimistic-update.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, NotFoundError } from '../errors/domain.errors.js';
import { groupedLoader } from '../graphql/request-loaders.js';
import { CompaniesService } from './companies.service.js';
import { CompanyContact } from './company-contact.entity.js';
import { PreferredLanguage } from './company.enums.js';
import type { AddCompanyContactInput, UpdateCompanyContactInput } from './dto/company-contact.inputs.js';
import { foldEmailCase } from '../common/email-address.js';

const CONTACT = { fr: 'Personne-ressource', en: 'Contact' };

/**
 * Contacts hold personal information: they are read and written only for companies in the caller's regions
 * (a manager's direction; ADMIN everywhere; ANALYST never). Outside that scope a contact does not exist as far
 * as the caller can tell: absent from lists, NOT_FOUND by id.
 */
@Injectable()
export class CompanyContactsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  /** Contacts of each company, only where the company is in the caller's regions. */
  readonly contactsByCompany = groupedLoader<string, CompanyContact>(
    'contactsByCompany',
    (companyIds, ctx) => {
      if (!ctx) return Promise.resolve([]);
      const scope = regionScope(ctx, 'company.region_code');
      return this.db
        .createQueryBuilder(CompanyContact, 'contact')
        .innerJoin('companies', 'company', 'company.id = contact.company_id')
        .where('contact.company_id IN (:...companyIds)', { companyIds })
        .andWhere(scope.sql, scope.parameters)
        .orderBy('contact.last_name')
        .addOrderBy('contact.first_name')
        .addOrderBy('contact.id')
        .getMany();
    },
    (contact) => contact.companyId,
  );

  /** A contact the caller may see, or NOT_FOUND (also when it exists outside their regions). */
  async contactInScope(ctx: RequestContext, id: string): Promise<CompanyContact> {
    const scope = regionScope(ctx, 'company.region_code');
    const contact = await this.db
      .createQueryBuilder(CompanyContact, 'contact')
      .innerJoin('companies', 'company', 'company.id = contact.company_id')
      .where('contact.id = :id', { id })
      .andWhere(scope.sql, scope.parameters)
      .getOne();
    if (!contact) throw new NotFoundError(CONTACT, id);
    return contact;
  }

  async addContact(ctx: RequestContext, input: AddCompanyContactInput): Promise<CompanyContact> {
    await this.companies.companyInScope(ctx, input.companyId);
    const result = await this.db.insert(CompanyContact, {
      companyId: input.companyId,
      firstName: input.firstName,
      lastName: input.lastName,
      title: input.title || null,
      email: input.email ? foldEmailCase(input.email) : null,
      phone: input.phone || null,
      preferredLanguage: input.preferredLanguage ?? PreferredLanguage.FR,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    const created = await this.db.findOneByOrFail(CompanyContact, { id });
    await this.audit.record(ctx, { action: 'create', entityType: 'CompanyContact', entityId: id, after: created });
    return created;
  }

  async updateContact(ctx: RequestContext, input: UpdateCompanyContactInput): Promise<CompanyContact> {
    const before = await this.contactInScope(ctx, input.id);
    const { id, version, ...fields } = input;
    const changes: Partial<CompanyContact> = {};
    if (fields.firstName != null) changes.firstName = fields.firstName;
    if (fields.lastName != null) changes.lastName = fields.lastName;
    if (fields.title !== undefined) changes.title = fields.title || null;
    if (fields.email !== undefined) changes.email = fields.email ? foldEmailCase(fields.email) : null;
    if (fields.phone !== undefined) changes.phone = fields.phone || null;
    if (fields.preferredLanguage != null) changes.preferredLanguage = fields.preferredLanguage;
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    await updateWithVersion(this.db, CompanyContact, { id }, version, changes, 'CompanyContact');
    const after = await this.db.findOneByOrFail(CompanyContact, { id });
    await this.audit.record(ctx, { action: 'update', entityType: 'CompanyContact', entityId: id, before, after });
    return after;
  }

  /** Deletes a contact and its personal information (the audit keeps who deleted it and when). */
  async removeContact(ctx: RequestContext, id: string): Promise<string> {
    const before = await this.contactInScope(ctx, id);
    await this.db.delete(CompanyContact, { id });
    await this.audit.record(ctx, { action: 'delete', entityType: 'CompanyContact', entityId: id, before });
    return before.id;
  }
}
