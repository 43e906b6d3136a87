import { Injectable } from '@nestjs/common';
import { aggregateRegionScope, regionScope, type ScopeCondition } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { Company } from '../companies/company.entity.js';
import { repositoryOf } from '../database/entity-repository.js';
import { asc, desc, paginate, type Page } from '../database/keyset-pagination.js';
import { ForbiddenError } from '../errors/domain.errors.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { RecruitmentNeedGroup, type RecruitmentNeedFilter, type RecruitmentNeedsArgs } from './dto/recruitment-need.inputs.js';
import { RecruitmentChannel, RecruitmentNeedStatus as S } from './recruitment-need.enums.js';
import { RecruitmentNeed } from './recruitment-need.entity.js';

export interface RecruitmentNeedsSummaryRow {
  workRegionCode: string | null;
  nocBroadCategory: number | null;
  teer: number | null;
  nocCode: string | null;
  channel: string | null;
  needs: number;
  positions: number;
  openPositions: number;
  filledPositions: number;
}

/** SQL of each grouping of the summary (expression, result column). */
const GROUPS: Record<RecruitmentNeedGroup, [string, keyof RecruitmentNeedsSummaryRow]> = {
  WORK_REGION: ['need.work_region_code', 'workRegionCode'],
  NOC_BROAD_CATEGORY: ['need.noc_broad_category', 'nocBroadCategory'],
  TEER: ['need.teer', 'teer'],
  NOC: ['need.noc_code', 'nocCode'],
  CHANNEL: ['channel.value', 'channel'],
};

/**
 * The SQL of recruitment needs. A need is in a caller's scope when its company or its work region is in their
 * regions: a Laval advisor sees a Montréal company's need for work in Laval (interregional mobility).
 */
@Injectable()
export class RecruitmentNeedRepository extends repositoryOf(RecruitmentNeed, { region: 'company' }) {
  /** (company region OR work region) in the caller's regions. */
  private scopeCondition(ctx: RequestContext, scope = regionScope): ScopeCondition {
    const byCompany = scope(ctx, 'need_company.region_code');
    const byWork = scope(ctx, 'need.work_region_code');
    return { sql: `(${byCompany.sql} OR ${byWork.sql})`, parameters: { ...byCompany.parameters, ...byWork.parameters } };
  }

  private visible(ctx: RequestContext, scope = regionScope) {
    const condition = this.scopeCondition(ctx, scope);
    return this.select('need')
      .innerJoin(Company, 'need_company', 'need_company.id = need.company_id')
      .where(condition.sql, condition.parameters);
  }

  /** FORBIDDEN unless the need's work region or its company's region is the caller's. */
  protected override async assertWritable(ctx: RequestContext, need: RecruitmentNeed): Promise<void> {
    if (!ctx.inScope(need.workRegionCode) && !ctx.inScope((await this.regionOf(need.id))!)) {
      throw new ForbiddenError('forbidden.region', { regionCode: need.workRegionCode });
    }
  }

  inScope(ctx: RequestContext, ids: readonly string[]): Promise<RecruitmentNeed[]> {
    return this.visible(ctx).andWhere('need.id IN (:...ids)', { ids }).getMany();
  }

  /** Needs of these companies in the caller's scope, newest first. */
  ofCompanies(ctx: RequestContext, companyIds: readonly string[]): Promise<RecruitmentNeed[]> {
    return this.visible(ctx)
      .andWhere('need.company_id IN (:...companyIds)', { companyIds })
      .orderBy('need.opened_on', 'DESC')
      .addOrderBy('need.id')
      .getMany();
  }

  list(ctx: RequestContext, args: RecruitmentNeedsArgs, nodes: CompiledNodes | null = null): Promise<Page<RecruitmentNeed>> {
    return paginate(this.filtered(this.visible(ctx), args.filter), args, [desc('need.opened_on'), asc('need.id')], nodes);
  }

  private filtered<Q extends ReturnType<RecruitmentNeedRepository['visible']>>(query: Q, filter: RecruitmentNeedFilter = {}): Q {
    if (filter.companyId) query.andWhere('need.company_id = :companyId', { companyId: filter.companyId });
    if (filter.workRegionCodes?.length) query.andWhere('need.work_region_code IN (:...workRegions)', { workRegions: filter.workRegionCodes });
    if (filter.nocCodes?.length) query.andWhere('need.noc_code IN (:...nocCodes)', { nocCodes: filter.nocCodes });
    if (filter.nocBroadCategory !== undefined && filter.nocBroadCategory !== null) {
      query.andWhere('need.noc_broad_category = :broad', { broad: filter.nocBroadCategory });
    }
    if (filter.teer !== undefined && filter.teer !== null) query.andWhere('need.teer = :teer', { teer: filter.teer });
    if (filter.status?.length) query.andWhere('need.status IN (:...status)', { status: filter.status });
    if (filter.channel) query.andWhere(':channel = ANY(need.channels)', { channel: filter.channel });
    if (filter.openedBetween) {
      query.andWhere('need.opened_on BETWEEN :openedFrom AND :openedTo', {
        openedFrom: filter.openedBetween.from,
        openedTo: filter.openedBetween.to,
      });
    }
    return query;
  }

  /**
   * Open and filled positions per group, in one statement, over the needs of the caller's aggregate scope. Open
   * positions are those left on OPEN and IN_PROGRESS needs. Grouping by channel counts a need under each of its
   * channels.
   */
  async summary(ctx: RequestContext, groupBy: RecruitmentNeedGroup[], filter: RecruitmentNeedFilter): Promise<RecruitmentNeedsSummaryRow[]> {
    const query = this.visible(ctx, aggregateRegionScope).select([]);
    if (groupBy.includes(RecruitmentNeedGroup.CHANNEL)) {
      // One row per (need, channel): join the list of channels on membership.
      query.innerJoin(
        (sub) => sub.select('unnest(CAST(:allChannels AS varchar[]))', 'value').fromDummy(),
        'channel',
        'channel.value = ANY(need.channels)',
        { allChannels: Object.values(RecruitmentChannel) },
      );
    }
    this.filtered(query, filter);
    for (const group of groupBy) {
      const [expression, column] = GROUPS[group];
      query.addSelect(expression, column).addGroupBy(expression).addOrderBy(expression);
    }
    query
      .addSelect('count(*)::int', 'needs')
      .addSelect('coalesce(sum(need.positions), 0)::int', 'positions')
      .addSelect(`coalesce(sum(need.positions - need.positions_filled) FILTER (WHERE need.status IN ('${S.OPEN}', '${S.IN_PROGRESS}')), 0)::int`, 'openPositions')
      .addSelect('coalesce(sum(need.positions_filled), 0)::int', 'filledPositions');
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      workRegionCode: (row.workRegionCode as string | undefined) ?? null,
      nocBroadCategory: row.nocBroadCategory === undefined ? null : Number(row.nocBroadCategory),
      teer: row.teer === undefined ? null : Number(row.teer),
      nocCode: (row.nocCode as string | undefined) ?? null,
      channel: (row.channel as string | undefined) ?? null,
      needs: Number(row.needs),
      positions: Number(row.positions),
      openPositions: Number(row.openPositions),
      filledPositions: Number(row.filledPositions),
    }));
  }
}
