import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { AuditService } from '../audit/audit.service.js';
import { assertRegionInScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { updateWithVersion } from '../database/optimistic-update.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, ConflictError, NotFoundError, type FieldProblem } from '../errors/domain.errors.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate, type SortKey } from '../graphql/pagination/keyset.js';
import { keyedLoader } from '../graphql/request-loaders.js';
import { normalizePostalCode } from '../reference-data/postal-code.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { isNaicsCode, normalizeNeq } from './company-identifiers.js';
import { companyNameKey } from './company-name.js';
import { Company } from './company.entity.js';
import {
  CompanyOrderField,
  SortDirection,
  type CompaniesArgs,
  type CreateCompanyInput,
  type UpdateCompanyInput,
} from './dto/company.inputs.js';

export const COMPANY = { fr: 'Entreprise', en: 'Company' };

/** Names at least this similar (pg_trgm, on the normalized name) are reported as likely duplicates. */
const DUPLICATE_SIMILARITY = 0.6;

export interface DuplicateCandidate {
  company: Company;
  reason: 'NEQ' | 'NAME';
  similarity: number;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The company directory. Every role but ANALYST reads all regions (docs/domain.md); creating and editing a company is
 * allowed in one's own regions (ADMIN everywhere).
 */
@Injectable()
export class CompaniesService implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly auditTrail: AuditTrailService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  onModuleInit(): void {
    const regionOf = async (sql: string, id: string) =>
      ((await this.db.query(sql, [id])) as { region_code: string }[])[0]?.region_code ?? null;
    this.auditTrail.registerRegionLookup('Company', (id) =>
      regionOf(`SELECT region_code FROM companies WHERE id::text = $1`, id),
    );
    this.auditTrail.registerRegionLookup('CompanyContact', (id) =>
      regionOf(
        `SELECT c.region_code FROM company_contacts cc JOIN companies c ON c.id = cc.company_id WHERE cc.id::text = $1`,
        id,
      ),
    );
  }

  private get db() {
    return this.unitOfWork.manager;
  }

  readonly companyById = keyedLoader<string, Company>(
    'companyById',
    (ids) => this.db.find(Company, { where: { id: In([...ids]) } }),
    (company) => company.id,
  );

  company(_ctx: RequestContext, id: string): Promise<Company | null> {
    return this.db.findOneBy(Company, { id });
  }

  async companyByNeq(_ctx: RequestContext, neq: string): Promise<Company | null> {
    const normalized = normalizeNeq(neq);
    if (normalized === null) throw BadUserInputError.field('neq', 'field.neq');
    return this.db.findOneBy(Company, { neq: normalized });
  }

  /** The directory, filtered and ordered in SQL (accent- and case-insensitive search on pg_trgm indexes). */
  companies(_ctx: RequestContext, args: CompaniesArgs): Promise<Page<Company>> {
    const query = this.db.createQueryBuilder(Company, 'company');
    const filter = args.filter ?? {};
    const search = filter.search?.trim();
    let relevance: string | undefined;
    if (search) {
      const digits = search.replace(/[\s-]/g, '');
      const neqPrefix = /^[0-9]{1,10}$/.test(digits) ? `${digits}%` : null;
      query.setParameters({ search, searchLike: `%${likeEscape(search)}%`, searchPrefix: `${likeEscape(search)}%` });
      const term = 'lower(crm_unaccent(:search))';
      query.andWhere(
        `(company.search_text LIKE lower(crm_unaccent(:searchLike)) OR company.search_text % ${term}` +
          (neqPrefix ? ' OR company.neq LIKE :neqPrefix)' : ')'),
        neqPrefix ? { neqPrefix } : {},
      );
      relevance =
        `round((${neqPrefix ? 'CASE WHEN company.neq LIKE :neqPrefix THEN 3 ELSE 0 END + ' : ''}` +
        `CASE WHEN company.search_text LIKE lower(crm_unaccent(:searchPrefix)) THEN 1 ELSE 0 END + ` +
        `word_similarity(${term}, company.search_text))::numeric, 6)`;
    }
    if (filter.regionCodes?.length) query.andWhere('company.region_code IN (:...regionCodes)', { regionCodes: filter.regionCodes });
    if (filter.naicsCode) query.andWhere('company.naics_code LIKE :naics', { naics: `${likeEscape(filter.naicsCode)}%` });
    if (filter.sizeBands?.length) query.andWhere('company.size_band IN (:...sizeBands)', { sizeBands: filter.sizeBands });
    if (filter.ownership) query.andWhere('company.ownership = :ownership', { ownership: filter.ownership });
    if (filter.municipality) {
      query.andWhere('lower(crm_unaccent(company.municipality)) = lower(crm_unaccent(:municipality))', {
        municipality: filter.municipality,
      });
    }
    const field = args.orderBy?.field ?? (relevance ? CompanyOrderField.RELEVANCE : CompanyOrderField.NAME);
    const direction = args.orderBy?.direction ?? (field === CompanyOrderField.RELEVANCE ? SortDirection.DESC : SortDirection.ASC);
    const sort: SortKey[] = [];
    if (field === CompanyOrderField.RELEVANCE && relevance) sort.push({ expression: relevance, direction });
    if (field === CompanyOrderField.CREATED_AT) {
      sort.push({ expression: 'extract(epoch FROM company.created_at)::numeric', direction });
    } else {
      sort.push({ expression: 'lower(company.legal_name)', direction: field === CompanyOrderField.NAME ? direction : 'ASC' });
    }
    sort.push({ expression: 'company.id', direction: 'ASC' });
    return paginate(query, { first: args.first, after: args.after, sort });
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
      const sameNeq = await this.db.findOneBy(Company, { neq: normalizedNeq });
      if (sameNeq) candidates.push({ company: sameNeq, reason: 'NEQ', similarity: 1 });
    }
    const key = companyNameKey(legalName);
    const { entities, raw } = await this.db
      .createQueryBuilder(Company, 'company')
      .addSelect('similarity(company.name_key, :key)', 'score')
      .where('(company.name_key = :key OR (company.name_key % :key AND similarity(company.name_key, :key) >= :threshold))', {
        key,
        threshold: DUPLICATE_SIMILARITY,
      })
      .orderBy('score', 'DESC')
      .addOrderBy('company.legal_name')
      .limit(10)
      .getRawAndEntities<{ score: number }>();
    entities.forEach((company, i) => {
      if (!candidates.some((c) => c.company.id === company.id)) {
        candidates.push({ company, reason: 'NAME', similarity: Math.round(Number(raw[i]!.score) * 100) / 100 });
      }
    });
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
    let id: string;
    try {
      const result = await this.db.insert(Company, {
        ...values,
        legalName: input.legalName,
        regionCode: input.regionCode,
        nameKey: companyNameKey(input.legalName),
      });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, 'companies_neq_key')) await this.assertNeqFree(values.neq!);
      throw error;
    }
    const created = await this.db.findOneByOrFail(Company, { id });
    await this.audit.record(ctx, { action: 'create', entityType: 'Company', entityId: id, after: created });
    return created;
  }

  async updateCompany(ctx: RequestContext, input: UpdateCompanyInput): Promise<Company> {
    const before = await this.db.findOneBy(Company, { id: input.id });
    if (!before) throw new NotFoundError(COMPANY, input.id);
    assertRegionInScope(ctx, before.regionCode);
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
    try {
      await updateWithVersion(this.db, Company, { id: input.id }, input.version, changes, 'Company');
    } catch (error) {
      if (isUniqueViolation(error, 'companies_neq_key')) await this.assertNeqFree(changes.neq!);
      throw error;
    }
    const after = await this.db.findOneByOrFail(Company, { id: input.id });
    await this.audit.record(ctx, { action: 'update', entityType: 'Company', entityId: input.id, before, after });
    return after;
  }

  /** Looks a company up for a write in the caller's regions: NOT_FOUND when missing, FORBIDDEN outside scope. */
  async companyInScope(ctx: RequestContext, id: string, field = 'input.companyId'): Promise<Company> {
    const company = await this.db.findOneBy(Company, { id });
    if (!company) throw BadUserInputError.field(field, 'field.unknownCompany', { id });
    assertRegionInScope(ctx, company.regionCode);
    return company;
  }

  private async assertNeqFree(neq: string): Promise<void> {
    const existing = await this.db.findOneBy(Company, { neq });
    if (existing) {
      throw new ConflictError(
        'conflict.companyNeq',
        { neq, legalName: existing.legalName },
        { existingCompanyId: existing.id },
      );
    }
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
