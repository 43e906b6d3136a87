import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { EntityRepository } from '../database/entity-repository.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { NotFoundError } from '../errors/domain.errors.js';
import { CompanyContact } from './company-contact.entity.js';

/**
 * The SQL of contacts, which hold personal information: read and written only where their company is in the
 * caller's regions. Outside that scope a contact does not exist as far as the caller can tell (NOT_FOUND).
 */
@Injectable()
export class CompanyContactRepository extends EntityRepository<CompanyContact> {
  constructor(unitOfWork: UnitOfWork, auditTrail: AuditTrailService) {
    super(unitOfWork, CompanyContact, { region: 'company', auditTrail });
  }

  protected override async assertWritable(ctx: RequestContext, contact: CompanyContact): Promise<void> {
    if (!(await this.inScope(ctx, contact.id))) throw new NotFoundError('CompanyContact', contact.id);
  }

  /** Contacts of these companies, only where the company is in the caller's regions, by name. */
  ofCompanies(ctx: RequestContext, companyIds: readonly string[]): Promise<CompanyContact[]> {
    return this.scoped(ctx, 'contact', true)
      .andWhere('contact.company_id IN (:...companyIds)', { companyIds })
      .orderBy('contact.last_name')
      .addOrderBy('contact.first_name')
      .addOrderBy('contact.id')
      .getMany();
  }

  inScope(ctx: RequestContext, id: string): Promise<CompanyContact | null> {
    return this.scoped(ctx, 'contact', true).andWhere('contact.id = :id', { id }).getOne();
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(CompanyContact, { id });
  }
}
