import { Injectable } from '@nestjs/common';
import { repositoryOf } from '../database/entity-repository.js';
import { paginate, type Page, type SortKey } from '../database/keyset-pagination.js';
import { Company } from './company.entity.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { CompanyOrderField, SortDirection, type CompaniesArgs } from './dto/company.inputs.js';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL of the company directory (every role but ANALYST reads all regions; writes in one's regions). */
@Injectable()
export class CompanyRepository extends repositoryOf(Company, { region: 'own' }) {
  findByNeq(neq: string): Promise<Company | null> {
    return this.db.findOneBy(Company, { neq });
  }

  /** The directory, filtered and ordered in SQL (accent- and case-insensitive search on pg_trgm indexes). */
  list(args: CompaniesArgs, nodes: CompiledNodes | null = null): Promise<Page<Company>> {
    const query = this.select('company');
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
    return paginate(query, args, sort, nodes);
  }

  /** Up to 10 companies whose normalized name is `nameKey` or at least `threshold` similar (pg_trgm), most similar first. */
  async similarNames(nameKey: string, threshold: number): Promise<{ company: Company; similarity: number }[]> {
    const { entities, raw } = await this.select('company')
      .addSelect('similarity(company.name_key, :key)', 'score')
      .where('(company.name_key = :key OR (company.name_key % :key AND similarity(company.name_key, :key) >= :threshold))', {
        key: nameKey,
        threshold,
      })
      .orderBy('score', 'DESC')
      .addOrderBy('company.legal_name')
      .limit(10)
      .getRawAndEntities<{ score: number }>();
    return entities.map((company, i) => ({ company, similarity: Number(raw[i]!.score) }));
  }
}
