import { Injectable } from '@nestjs/common';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { assertDateRange, assertNotFuture } from '../common/date-rules.js';
import { CompaniesService } from '../companies/companies.service.js';
import { groupedLoader, keyedLoader } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { BadUserInputError, ForbiddenError, type FieldProblem } from '../errors/domain.errors.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type {
  CloseRecruitmentNeedInput,
  CreateRecruitmentNeedInput,
  RecordPositionsFilledInput,
  RecruitmentNeedFilter,
  RecruitmentNeedGroup,
  RecruitmentNeedsArgs,
  UpdateRecruitmentNeedInput,
} from './dto/recruitment-need.inputs.js';
import { closingStatus, NEED_ACTION_TO, NEED_STATES, nocProblem, type NeedChange } from './recruitment-needs.rules.js';
import { RecruitmentNeedStatus as S } from './recruitment-need.enums.js';
import type { RecruitmentNeed } from './recruitment-need.entity.js';
import { RecruitmentNeedRepository, type RecruitmentNeedsSummaryRow } from './recruitment-need.repository.js';

/**
 * Recruitment needs (docs/domain.md). A need is in a caller's scope when its company or its work region is in their
 * regions: a Laval advisor sees a Montréal company's need for work in Laval (interregional mobility).
 */
@Injectable()
export class RecruitmentNeedsService {
  constructor(
    private readonly repository: RecruitmentNeedRepository,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly files: AccompanimentsService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  readonly needById = keyedLoader<string, RecruitmentNeed>(
    'recruitmentNeedById',
    (ids, ctx) => (ctx ? this.repository.inScope(ctx, ids) : Promise.resolve([])),
    (need) => need.id,
  );

  readonly needsByCompany = groupedLoader<string, RecruitmentNeed>(
    'recruitmentNeedsByCompany',
    (companyIds, ctx) => (ctx ? this.repository.ofCompanies(ctx, companyIds) : Promise.resolve([])),
    (need) => need.companyId,
  );

  async recruitmentNeed(ctx: RequestContext, id: string): Promise<RecruitmentNeed | null> {
    return (await this.repository.inScope(ctx, [id]))[0] ?? null;
  }

  recruitmentNeeds(ctx: RequestContext, args: RecruitmentNeedsArgs, nodes: CompiledNodes | null = null): Promise<Page<RecruitmentNeed>> {
    assertDateRange(args.filter?.openedBetween, 'filter.openedBetween');
    return this.repository.list(ctx, args, nodes);
  }

  /** Open and filled positions per group; CANCELLED needs are left out unless the filter asks for them. */
  summary(ctx: RequestContext, groupBy: RecruitmentNeedGroup[], filter: RecruitmentNeedFilter = {}): Promise<RecruitmentNeedsSummaryRow[]> {
    assertDateRange(filter.openedBetween, 'filter.openedBetween');
    const status = filter.status?.length ? filter.status : [S.OPEN, S.IN_PROGRESS, S.FILLED, S.PARTIALLY_FILLED];
    return this.repository.summary(ctx, groupBy, { ...filter, status });
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
    const created = await this.repository.insert({
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
    await this.audit.record(ctx, { action: 'create', entityType: 'RecruitmentNeed', entityId: created.id, after: created });
    return created;
  }

  async updateRecruitmentNeed(ctx: RequestContext, input: UpdateRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const { id: _id, version: _version, status, ...fields } = input;
    const changes: Partial<RecruitmentNeed> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined && v !== null),
    );
    if (changes.nocCode) {
      const noc = nocProblem(changes.nocCode);
      if (noc) throw BadUserInputError.field('input.nocCode', noc);
    }
    if (changes.workRegionCode) {
      await this.referenceData.assertRegionsExist([changes.workRegionCode], 'input.workRegionCode');
      if (!ctx.inScope(changes.workRegionCode) && !ctx.inScope((await this.repository.regionOf(before.id))!)) {
        throw new ForbiddenError('forbidden.region', { regionCode: changes.workRegionCode });
      }
    }
    const positions = changes.positions ?? before.positions;
    if (positions < before.positionsFilled) {
      throw BadUserInputError.field('input.positions', 'field.positionsBelowFilled', { filled: before.positionsFilled });
    }
    if (status && status !== before.status) {
      const change = { ...this.change({ ...before, positions }, 'input.status', todayInQuebec()), requested: status };
      NEED_STATES.move(before.status, status, change, NEED_ACTION_TO[status] ?? null);
      changes.status = status;
      if (status !== S.IN_PROGRESS) changes.closedOn = change.today;
    }
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    return this.write(ctx, before, changes, 'update');
  }

  async recordPositionsFilled(ctx: RequestContext, input: RecordPositionsFilledInput): Promise<RecruitmentNeed> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const on = input.on ?? todayInQuebec();
    const status = NEED_STATES.apply('recordPositionsFilled', before.status, { ...this.change(before, 'input.id', on), filled: input.positionsFilled });
    return this.write(ctx, before, {
      positionsFilled: input.positionsFilled,
      status,
      closedOn: status === S.FILLED ? on : null,
    }, 'recordPositionsFilled');
  }

  async cancelRecruitmentNeed(ctx: RequestContext, input: CloseRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const on = input.on ?? todayInQuebec();
    const status = NEED_STATES.apply('cancel', before.status, this.change(before, 'input.id', on));
    return this.write(ctx, before, { status, closedOn: on }, 'cancel');
  }

  /** Ends the search: FILLED when every position is filled, PARTIALLY_FILLED otherwise (from IN_PROGRESS). */
  async closeRecruitmentNeed(ctx: RequestContext, input: CloseRecruitmentNeedInput): Promise<RecruitmentNeed> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const on = input.on ?? todayInQuebec();
    const status = NEED_STATES.apply('close', before.status, { ...this.change(before, 'input.id', on), requested: closingStatus(before) });
    return this.write(ctx, before, { status, closedOn: on }, 'close');
  }

  private change(need: NeedChange['need'], field: string, on: string): NeedChange {
    return { need, field, on, today: todayInQuebec() };
  }

  private async write(ctx: RequestContext, before: RecruitmentNeed, changes: Partial<RecruitmentNeed>, action: string): Promise<RecruitmentNeed> {
    const after = await this.repository.update(before, changes);
    await this.audit.record(ctx, { action, entityType: 'RecruitmentNeed', entityId: before.id, before, after });
    return after;
  }
}
