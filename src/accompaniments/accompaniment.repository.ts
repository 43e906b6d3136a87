import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { repositoryOf } from '../database/entity-repository.js';
import { asc, desc, paginate, type Page } from '../database/keyset-pagination.js';
import { Accompaniment } from './accompaniment.entity.js';
import type { AccompanimentStatus } from './accompaniment.enums.js';
import type { AccompanimentsArgs } from './dto/accompaniment.inputs.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';

/** The SQL of accompaniment files; reads are scoped by the file's region of service. */
@Injectable()
export class AccompanimentRepository extends repositoryOf(Accompaniment, { region: 'own' }) {
  inScope(ctx: RequestContext, ids: readonly string[]): Promise<Accompaniment[]> {
    return this.scoped(ctx, 'accompaniment').andWhere('accompaniment.id IN (:...ids)', { ids }).getMany();
  }

  /** Files of these companies in the caller's scope, newest first, of some statuses only when given. */
  ofCompanies(ctx: RequestContext, companyIds: readonly string[], statuses: AccompanimentStatus[] | null): Promise<Accompaniment[]> {
    const query = this.scoped(ctx, 'accompaniment').andWhere('accompaniment.company_id IN (:...companyIds)', { companyIds });
    if (statuses) query.andWhere('accompaniment.status IN (:...statuses)', { statuses });
    return query.orderBy('accompaniment.opened_on', 'DESC').addOrderBy('accompaniment.id').getMany();
  }

  list(ctx: RequestContext, args: AccompanimentsArgs, nodes: CompiledNodes | null = null): Promise<Page<Accompaniment>> {
    const filter = args.filter ?? {};
    const query = this.scoped(ctx, 'accompaniment');
    if (filter.regionCodes?.length) {
      query.andWhere('accompaniment.region_code IN (:...regionCodes)', { regionCodes: filter.regionCodes });
    }
    if (filter.advisorId) query.andWhere('accompaniment.advisor_id = :advisorId', { advisorId: filter.advisorId });
    if (filter.companyId) query.andWhere('accompaniment.company_id = :companyId', { companyId: filter.companyId });
    if (filter.status?.length) query.andWhere('accompaniment.status IN (:...status)', { status: filter.status });
    if (filter.serviceLevel) query.andWhere('accompaniment.service_level = :level', { level: filter.serviceLevel });
    if (filter.theme) query.andWhere(':theme = ANY(accompaniment.themes)', { theme: filter.theme });
    if (filter.openedBetween) {
      query.andWhere('accompaniment.opened_on BETWEEN :openedFrom AND :openedTo', {
        openedFrom: filter.openedBetween.from,
        openedTo: filter.openedBetween.to,
      });
    }
    if (filter.activeDuring) {
      query.andWhere('accompaniment.opened_on <= :activeTo AND (accompaniment.closed_on IS NULL OR accompaniment.closed_on >= :activeFrom)', {
        activeFrom: filter.activeDuring.from,
        activeTo: filter.activeDuring.to,
      });
    }
    return paginate(query, args, [desc('accompaniment.opened_on'), asc('accompaniment.id')], nodes);
  }

  /** The date of the file's latest interaction, if any. */
  async lastInteractionOn(fileId: string): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT max(occurred_on) AS last FROM interactions WHERE accompaniment_id = $1`, [
      fileId,
    ])) as { last: string | null }[];
    return row?.last ?? null;
  }
}
