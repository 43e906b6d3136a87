import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { AuditService } from '../audit/audit.service.js';
import { aggregateRegionScope, regionScope, type ScopeCondition } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, ForbiddenError, NotFoundError, StaleVersionError, type FieldProblem } from '../errors/domain.errors.js';
import { assertDateRange } from '../graphql/date-range.input.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate } from '../graphql/pagination/keyset.js';
import { groupedLoader, keyedLoader } from '../graphql/request-loaders.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { assertNotFuture } from '../accompaniments/accompaniments.service.js';
import type {
  CloseRecruitmentNeedInput,
  CreateRecruitmentNeedInput,
  RecordPositionsFilledInput,
  RecruitmentNeedFilter,
  RecruitmentNeedsArgs,
  UpdateRecruitmentNeedInput,
} from './dto/recruitment-need.inputs.js';
import { RecruitmentNeedGroup } from './dto/recruitment-need.inputs.js';
import { canMove, nocProblem, statusAfterFilling } from './recruitment-need-rules.js';
import { RecruitmentChannel, RecruitmentNeedStatus as S } from './recruitment-need.enums.js';
import { RecruitmentNeed } from './recruitment-need.entity.js';

const NEED = { fr: 'Besoin de main-d’œuvre', en: 'Recruitment need' };

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
 * Recruitment needs (docs/domain.md). A need is in a caller's scope when its company or its work region is in their
 * regions: a Laval advisor sees a Montréal company's need for work in Laval (interregional mobility).
 */
@Injectable()
export class RecruitmentNeedsService implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly auditTrail: AuditTrailService,
    private readonly companies: CompaniesService,
    private readonly files: AccompanimentsService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  onModuleInit(): void {
    this.auditTrail.registerRegionLookup('RecruitmentNeed', async (id) => {
      const rows: { region_code: string }[] = await this.db.query(
        `SELECT c.region_code FROM recruitment_needs n JOIN companies c ON c.id = n.company_id WHERE n.id::text = $1`,
        [id],
      );
      return rows[0]?.region_code ?? null;
    });
  }

  readonly needById = keyedLoader<string, RecruitmentNeed>(
    'recruitmentNeedById',
    (ids, ctx) => (ctx ? this.scoped(ctx).andWhere('need.id IN (:...ids)', { ids }).getMany() : Promise.resolve([])),
    (need) => need.id,
  );

  readonly needsByCompany = groupedLoader<string, RecruitmentNeed>(
    'recruitmentNeedsByCompany',
    (companyIds, ctx) =>
      ctx
        ? this.scoped(ctx)
            .andWhere('need.company_id IN (:...companyIds)', { companyIds })
            .orderBy('need.opened_on', 'DESC')
            .addOrderBy('need.id')
            .getMany()
        : Promise.resolve([]),
    (need) => need.companyId,
  );

  /** (company region OR work region) in the caller's regions. */
  private scopeCondition(ctx: RequestContext, scope = regionScope): ScopeCondition {
    const byCompany = scope(ctx, 'need_company.region_code');
    const byWork = scope(ctx, 'need.work_region_code');
    return { sql: `(${byCompany.sql} OR ${byWork.sql})`, parameters: { ...byCompany.parameters, ...byWork.parameters } };
  }

  private scoped(ctx: RequestContext) {
    const scope = this.scopeCondition(ctx);
    return this.db
      .createQueryBuilder(RecruitmentNeed, 'need')
      .innerJoin(Company, 'need_company', 'need_company.id = need.company_id')
      .where(scope.sql, scope.parameters);
  }

  recruitmentNeed(ctx: RequestContext, id: string): Promise<RecruitmentNeed | null> {
    return this.scoped(ctx).andWhere('need.id = :id', { id }).getOne();
  }

  recruitmentNeeds(ctx: RequestContext, args: RecruitmentNeedsArgs): Promise<Page<RecruitmentNeed>> {
    const query = this.scoped(ctx);
    this.applyFilter(query, args.filter);
    return paginate(query, {
      first: args.first,
      after: args.after,
      sort: [
        { expression: 'need.opened_on', direction: 'DESC' },
        { expression: 'need.id', direction: 'ASC' },
      ],
    });
  }

  private applyFilter(query: ReturnType<RecruitmentNeedsService['scoped']>, filter: RecruitmentNeedFilter = {}): void {
    assertDateRange(filter.openedBetween, 'filter.openedBetween');
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
  }

  /**
   * Open and filled positions per group, in one statement. Open positions are those left on OPEN and
   * IN_PROGRESS needs; CANCELLED needs are left out unless the filter asks for them. Grouping by channel
   * counts a need under each of its channels.
   */
  async summary(ctx: RequestContext, groupBy: RecruitmentNeedGroup[], filter: RecruitmentNeedFilter = {}): Promise<RecruitmentNeedsSummaryRow[]> {
    const scope = this.scopeCondition(ctx, aggregateRegionScope);
    const query = this.db
      .createQueryBuilder(RecruitmentNeed, 'need')
      .innerJoin(Company, 'need_company', 'need_company.id = need.company_id')
      .where(scope.sql, scope.parameters)
      .select([]);
    if (groupBy.includes(RecruitmentNeedGroup.CHANNEL)) {
      // One row per (need, channel): join the list of channels on membership.
      query.innerJoin(
        (sub) => sub.select('unnest(CAST(:allChannels AS varchar[]))', 'value').fromDummy(),
        'channel',
        'channel.value = ANY(need.channels)',
        { allChannels: Object.values(RecruitmentChannel) },
      );
    }
    this.applyFilter(query, { ...filter, status: filter.status?.length ? filter.status : [S.OPEN, S.IN_PROGRESS, S.FILLED, S.PARTIALLY_FILLED] });
    for (const group of groupBy) {
      const [expression, column] = GROUPS[group];
      query.addSelect(expression, column).addGroupBy(expression).addOrderBy(expression);
    }
    query
      .addSelect('count(*)::int', 'needs')
      .addSelect('coalesce(sum(need.positions), 0)::int', 'positions')
      .addSelect(`coalesce(sum(need.positions - need.positions_filled) FILTER (WHERE need.status IN ('OPEN', 'IN_PROGRESS')), 0)::int`, 'openPositions')
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

  async createRecruitmentNeed(ctx: RequestContext, input: CreateRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const problems: FieldProblem[] = [];
    const noc = nocProblem(input.nocCode);
    if (noc) problems.push({ field: 'input.nocCode', message: noc });
    if (problems.length) throw new BadUserInputError(problems);
    const company = await this.companies.company(ctx, input.companyId);
    if (!company) throw BadUserInputError.field('input.companyId', 'field.unknownCompany', { id: input.companyId });
    const workRegionCode = input.workRegionCode ?? company.regionCode;
    if (!ctx.inScope(company.regionCode) && !ctx.inScope(workRegionCode)) {
      throw new ForbiddenError('forbidden.region', { regionCode: company.regionCode });
    }
    await this.referenceData.assertRegionsExist([workRegionCode], 'input.workRegionCode');
    if (input.accompanimentId) {
      const file = await this.files.accompaniment(ctx, input.accompanimentId);
      if (!file || file.companyId !== company.id) throw BadUserInputError.field('input.accompanimentId', 'field.fileOfOtherCompany');
    }
    const openedOn = input.openedOn ?? todayInQuebec();
    assertNotFuture(openedOn, 'input.openedOn');
    const result = await this.db.insert(RecruitmentNeed, {
      companyId: company.id,
      accompanimentId: input.accompanimentId ?? null,
      nocCode: input.nocCode,
      title: input.title,
      positions: input.positions,
      workRegionCode,
      employmentType: input.employmentType,
      hourlyWage: input.hourlyWage ?? null,
      frenchLevel: input.frenchLevel,
      channels: input.channels,
      openedOn,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    const created = await this.db.findOneByOrFail(RecruitmentNeed, { id });
    await this.audit.record(ctx, { action: 'create', entityType: 'RecruitmentNeed', entityId: id, after: created });
    return created;
  }

  async updateRecruitmentNeed(ctx: RequestContext, input: UpdateRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const before = await this.needForWrite(ctx, input.id);
    const { id: _id, version, status, ...fields } = input;
    const changes: Partial<RecruitmentNeed> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined && v !== null),
    );
    if (changes.nocCode) {
      const noc = nocProblem(changes.nocCode);
      if (noc) throw BadUserInputError.field('input.nocCode', noc);
    }
    if (changes.workRegionCode) {
      await this.referenceData.assertRegionsExist([changes.workRegionCode], 'input.workRegionCode');
      if (!ctx.inScope(changes.workRegionCode) && !(await this.companyInScope(ctx, before.companyId))) {
        throw new ForbiddenError('forbidden.region', { regionCode: changes.workRegionCode });
      }
    }
    const positions = changes.positions ?? before.positions;
    if (positions < before.positionsFilled) {
      throw BadUserInputError.field('input.positions', 'field.positionsBelowFilled', { filled: before.positionsFilled });
    }
    if (status && status !== before.status) {
      if (!canMove(before.status, status)) {
        throw BadUserInputError.field('input.status', 'field.needTransition', { from: before.status, to: status });
      }
      const allFilled = before.positionsFilled === positions;
      if ((status === S.FILLED && !allFilled) || (status === S.PARTIALLY_FILLED && allFilled)) {
        throw BadUserInputError.field('input.status', 'field.needFilledMismatch');
      }
      changes.status = status;
      if ([S.FILLED, S.PARTIALLY_FILLED, S.CANCELLED].includes(status)) changes.closedOn = todayInQuebec();
    }
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    return this.write(ctx, before, version, changes, 'update');
  }

  async recordPositionsFilled(ctx: RequestContext, input: RecordPositionsFilledInput): Promise<RecruitmentNeed> {
    const before = await this.needForWrite(ctx, input.id);
    this.assertActive(before);
    if (input.positionsFilled > before.positions) {
      throw BadUserInputError.field('input.positionsFilled', 'field.positionsFilled', { positions: before.positions });
    }
    const on = input.on ?? todayInQuebec();
    this.assertDate(before, on, 'input.on');
    const status = statusAfterFilling(before.status, input.positionsFilled, before.positions);
    return this.write(ctx, before, input.version, {
      positionsFilled: input.positionsFilled,
      status,
      closedOn: status === S.FILLED ? on : null,
    }, 'recordPositionsFilled');
  }

  async cancelRecruitmentNeed(ctx: RequestContext, input: CloseRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const before = await this.needForWrite(ctx, input.id);
    this.assertActive(before);
    const on = input.on ?? todayInQuebec();
    this.assertDate(before, on, 'input.on');
    return this.write(ctx, before, input.version, { status: S.CANCELLED, closedOn: on }, 'cancel');
  }

  /** Ends the search: FILLED when every position is filled, PARTIALLY_FILLED otherwise (from IN_PROGRESS). */
  async closeRecruitmentNeed(ctx: RequestContext, input: CloseRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const before = await this.needForWrite(ctx, input.id);
    const status = before.positionsFilled === before.positions ? S.FILLED : S.PARTIALLY_FILLED;
    if (!canMove(before.status, status)) {
      throw BadUserInputError.field('input.id', 'field.needTransition', { from: before.status, to: status });
    }
    const on = input.on ?? todayInQuebec();
    this.assertDate(before, on, 'input.on');
    return this.write(ctx, before, input.version, { status, closedOn: on }, 'close');
  }

  private async companyInScope(ctx: RequestContext, companyId: string): Promise<boolean> {
    const company = await this.companies.company(ctx, companyId);
    return company !== null && ctx.inScope(company.regionCode);
  }

  /** A need the caller may change (NOT_FOUND when absent, FORBIDDEN outside their regions), locked. */
  private async needForWrite(ctx: RequestContext, id: string): Promise<RecruitmentNeed> {
    const need = await this.db
      .createQueryBuilder(RecruitmentNeed, 'need')
      .where('need.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!need) throw new NotFoundError(NEED, id);
    if (!ctx.inScope(need.workRegionCode) && !(await this.companyInScope(ctx, need.companyId))) {
      throw new ForbiddenError('forbidden.region', { regionCode: need.workRegionCode });
    }
    return need;
  }

  private assertActive(need: RecruitmentNeed): void {
    if (need.status !== S.OPEN && need.status !== S.IN_PROGRESS) {
      throw BadUserInputError.field('input.id', 'field.needTransition', { from: need.status, to: '…' });
    }
  }

  private assertDate(need: RecruitmentNeed, on: string, field: string): void {
    assertNotFuture(on, field);
    if (on < need.openedOn) throw BadUserInputError.field(field, 'field.beforeOpening', { openedOn: need.openedOn });
  }

  /** `UPDATE … WHERE id AND version` with the row count checked, then the audit row. */
  private async write(
    ctx: RequestContext,
    before: RecruitmentNeed,
    version: number | undefined | null,
    changes: Partial<RecruitmentNeed>,
    action: string,
  ): Promise<RecruitmentNeed> {
    if (version !== undefined && version !== null && version !== before.version) {
      throw new StaleVersionError('RecruitmentNeed', before.id);
    }
    const result = await this.db
      .createQueryBuilder()
      .update(RecruitmentNeed)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    if (result.affected !== 1) throw new StaleVersionError('RecruitmentNeed', before.id);
    const after = await this.db.findOneByOrFail(RecruitmentNeed, { id: before.id });
    await this.audit.record(ctx, { action, entityType: 'RecruitmentNeed', entityId: before.id, before, after });
    return after;
  }
}
