import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { groupedLoader } from '../database/batch-loaders.js';
import { BadUserInputError, NotFoundError } from '../errors/domain.errors.js';
import { CompaniesService } from './companies.service.js';
import type { CompanyContact } from './company-contact.entity.js';
import { CompanyContactRepository } from './company-contact.repository.js';
import { PreferredLanguage } from './company.enums.js';
import type { AddCompanyContactInput, UpdateCompanyContactInput } from './dto/company-contact.inputs.js';
import { foldEmailCase } from '../common/email-address.js';

/**
 * Contacts hold personal information: they are read and written only for companies in the caller's regions
 * (a manager's direction; ADMIN everywhere; ANALYST never). Outside that scope a contact does not exist as far
 * as the caller can tell: absent from lists, NOT_FOUND by id.
 */
@Injectable()
export class CompanyContactsService {
  constructor(
    private readonly repository: CompanyContactRepository,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
  ) {}

  /** Contacts of each company, only where the company is in the caller's regions. */
  readonly contactsByCompany = groupedLoader<string, CompanyContact>(
    'contactsByCompany',
    (companyIds, ctx) => (ctx ? this.repository.ofCompanies(ctx, companyIds) : Promise.resolve([])),
    (contact) => contact.companyId,
  );

  /** A contact the caller may see, or NOT_FOUND (also when it exists outside their regions). */
  async contactInScope(ctx: RequestContext, id: string): Promise<CompanyContact> {
    const contact = await this.repository.inScope(ctx, id);
    if (!contact) throw new NotFoundError('CompanyContact', id);
    return contact;
  }

  async addContact(ctx: RequestContext, input: AddCompanyContactInput): Promise<CompanyContact> {
    await this.companies.companyInScope(ctx, input.companyId);
    const created = await this.repository.insert({
      companyId: input.companyId,
      firstName: input.firstName,
      lastName: input.lastName,
      title: input.title || null,
      email: input.email ? foldEmailCase(input.email) : null,
      phone: input.phone || null,
      preferredLanguage: input.preferredLanguage ?? PreferredLanguage.FR,
    });
    await this.audit.record(ctx, { action: 'create', entityType: 'CompanyContact', entityId: created.id, after: created });
    return created;
  }

  async updateContact(ctx: RequestContext, input: UpdateCompanyContactInput): Promise<CompanyContact> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const { id, version: _version, ...fields } = input;
    const changes: Partial<CompanyContact> = {};
    if (fields.firstName != null) changes.firstName = fields.firstName;
    if (fields.lastName != null) changes.lastName = fields.lastName;
    if (fields.title !== undefined) changes.title = fields.title || null;
    if (fields.email !== undefined) changes.email = fields.email ? foldEmailCase(fields.email) : null;
    if (fields.phone !== undefined) changes.phone = fields.phone || null;
    if (fields.preferredLanguage != null) changes.preferredLanguage = fields.preferredLanguage;
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    const after = await this.repository.update(before, changes);
    await this.audit.record(ctx, { action: 'update', entityType: 'CompanyContact', entityId: id, before, after });
    return after;
  }

  /** Deletes a contact and its personal information (the audit keeps who deleted it and when). */
  async removeContact(ctx: RequestContext, id: string): Promise<string> {
    const before = await this.repository.forUpdate(ctx, id, null);
    await this.repository.delete(id);
    await this.audit.record(ctx, { action: 'delete', entityType: 'CompanyContact', entityId: id, before });
    return before.id;
  }
}
