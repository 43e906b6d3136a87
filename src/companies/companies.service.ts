import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { assertRegionInScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { keyedLoader } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { BadUserInputError, ConflictError, type FieldProblem } from '../errors/domain.errors.js';
import { normalizePostalCode } from '../reference-data/postal-code.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { isNaicsCode, normalizeNeq } from './company-identifiers.js';
import { companyNameKey } from './company-name.js';
import type { Company } from './company.entity.js';
import { CompanyRepository } from './company.repository.js';
import type { CompaniesArgs, CreateCompanyInput, UpdateCompanyInput } from './dto/company.inputs.js';

/** Names at least this similar (pg_trgm, on the normalized name) are reported as likely duplicates. */
const DUPLICATE_SIMILARITY = 0.6;

export interface DuplicateCandidate {
  company: Company;
  reason: 'NEQ' | 'NAME';
  similarity: number;
}

/**
 * The company directory. Every role but ANALYST reads all regions (docs/domain.md); creating and editing a company is
 * allowed in one's own regions (ADMIN everywhere).
 */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly repository: CompanyRepository,
    private readonly audit: AuditService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  readonly companyById = keyedLoader<string, Company>(
    'companyById',
    (ids) => this.repository.findMany(ids),
    (company) => company.id,
  );

  company(_ctx: RequestContext, id: string): Promise<Company | null> {
    return this.repository.find(id);
  }

  async companyByNeq(_ctx: RequestContext, neq: string): Promise<Company | null> {
    const normalized = normalizeNeq(neq);
    if (normalized === null) throw BadUserInputError.field('neq', 'field.neq');
    return this.repository.findByNeq(normalized);
  }

  /** The directory, filtered and ordered in SQL (accent- and case-insensitive search on pg_trgm indexes). */
  companies(_ctx: RequestContext, args: CompaniesArgs, nodes: CompiledNodes | null = null): Promise<Page<Company>> {
    return this.repository.list(args, nodes);
  }

  /**
   * Companies that are probably the same as the one described: same NEQ, or a name whose normalized form
   * (no accents, case, punctuation or legal form) is the same or very similar.
   */
  async possibleDuplicates(_ctx: RequestContext, legalName: string, neq?: string | null): Promise<DuplicateCandidate[]> {
    const candidates: DuplicateCandidate[] = [];
    const normalizedNeq = neq ? normalizeNeq(neq) : null;
    if (neq && normalizedNeq === null) throw BadUserInputError.field('neq', 'field.neq');
    if (normalizedNeq) {
      const sameNeq = await this.repository.findByNeq(normalizedNeq);
      if (sameNeq) candidates.push({ company: sameNeq, reason: 'NEQ', similarity: 1 });
    }
    for (const { company, similarity } of await this.repository.similarNames(companyNameKey(legalName), DUPLICATE_SIMILARITY)) {
      if (!candidates.some((c) => c.company.id === company.id)) {
        candidates.push({ company, reason: 'NAME', similarity: Math.round(similarity * 100) / 100 });
      }
    }
    return candidates;
  }

  async createCompany(ctx: RequestContext, input: CreateCompanyInput): Promise<Company> {
    assertRegionInScope(ctx, input.regionCode);
    await this.referenceData.assertRegionsExist([input.regionCode], 'input.regionCode');
    const values = this.normalizedFields(input);
    if (values.neq) await this.assertNeqFree(values.neq);
    if (!input.confirmNotDuplicate) {
      const duplicates = (await this.possibleDuplicates(ctx, input.legalName)).filter((c) => c.reason === 'NAME');
      if (duplicates.length > 0) {
        throw new ConflictError(
          'conflict.companyDuplicate',
          { names: duplicates.map((d) => d.company.legalName).join(', ') },
          { duplicates: duplicates.map((d) => this.duplicateSummary(d)) },
        );
      }
    }
    const created = await this.repository.insert(
      { ...values, legalName: input.legalName, regionCode: input.regionCode, nameKey: companyNameKey(input.legalName) },
      { companies_neq_key: () => this.neqConflict(values.neq!) },
    );
    await this.audit.record(ctx, { action: 'create', entityType: 'Company', entityId: created.id, after: created });
    return created;
  }

  async updateCompany(ctx: RequestContext, input: UpdateCompanyInput): Promise<Company> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    if (input.regionCode != null && input.regionCode !== before.regionCode) {
      assertRegionInScope(ctx, input.regionCode);
      await this.referenceData.assertRegionsExist([input.regionCode], 'input.regionCode');
    }
    const changes: Partial<Company> = this.normalizedFields(input);
    if (changes.neq && changes.neq !== before.neq) await this.assertNeqFree(changes.neq);
    if (input.legalName != null) {
      changes.legalName = input.legalName;
      changes.nameKey = companyNameKey(input.legalName);
    }
    if (input.regionCode != null) changes.regionCode = input.regionCode;
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    const after = await this.repository.update(before, changes, { companies_neq_key: () => this.neqConflict(changes.neq!) });
    await this.audit.record(ctx, { action: 'update', entityType: 'Company', entityId: input.id, before, after });
    return after;
  }

  /** Looks a company up for a write in the caller's regions: NOT_FOUND when missing, FORBIDDEN outside scope. */
  async companyInScope(ctx: RequestContext, id: string, field = 'input.companyId'): Promise<Company> {
    const company = await this.repository.find(id);
    if (!company) throw BadUserInputError.field(field, 'field.unknownCompany', { id });
    assertRegionInScope(ctx, company.regionCode);
    return company;
  }

  private async assertNeqFree(neq: string): Promise<void> {
    if (await this.repository.findByNeq(neq)) throw await this.neqConflict(neq);
  }

  /** CONFLICT naming the company that already has this NEQ, if any. */
  private async neqConflict(neq: string): Promise<ConflictError> {
    const existing = await this.repository.findByNeq(neq);
    return new ConflictError('conflict.companyNeq', { neq, legalName: existing?.legalName }, { existingCompanyId: existing?.id });
  }

  private duplicateSummary(candidate: DuplicateCandidate) {
    const { company } = candidate;
    return {
      id: company.id,
      legalName: company.legalName,
      neq: company.neq,
      municipality: company.municipality,
      regionCode: company.regionCode,
      reason: candidate.reason,
      similarity: candidate.similarity,
    };
  }

  /** Normalizes and checks the optional fields; every invalid field is reported at once. */
  private normalizedFields(input: Partial<CreateCompanyInput>): Partial<Company> {
    const problems: FieldProblem[] = [];
    const values: Partial<Company> = {};
    const blank = (v: string | null | undefined) => v === null || (v !== undefined && v.trim() === '');
    if (input.neq !== undefined) {
      if (blank(input.neq)) values.neq = null;
      else {
        const neq = normalizeNeq(input.neq);
        if (neq === null) problems.push({ field: 'input.neq', message: 'field.neq' });
        else values.neq = neq;
      }
    }
    if (input.naicsCode !== undefined) {
      if (blank(input.naicsCode)) values.naicsCode = null;
      else if (!isNaicsCode(input.naicsCode)) problems.push({ field: 'input.naicsCode', message: 'field.naics' });
      else values.naicsCode = input.naicsCode;
    }
    if (input.postalCode !== undefined) {
      if (blank(input.postalCode)) values.postalCode = null;
      else {
        const postalCode = normalizePostalCode(input.postalCode);
        if (postalCode === null) problems.push({ field: 'input.postalCode', message: 'field.postalCode' });
        else values.postalCode = postalCode;
      }
    }
    if (input.otherNames === null) values.otherNames = [];
    else if (input.otherNames !== undefined) values.otherNames = [...new Set(input.otherNames.filter((n) => n !== ''))];
    if (input.sizeBand !== undefined) values.sizeBand = input.sizeBand ?? null;
    if (input.ownership !== undefined) values.ownership = input.ownership ?? null;
    if (input.address !== undefined) values.address = input.address || null;
    if (input.municipality !== undefined) values.municipality = input.municipality || null;
    if (problems.length > 0) throw new BadUserInputError(problems);
    return values;
  }
}
