import { Injectable } from '@nestjs/common';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { AuditService } from '../audit/audit.service.js';
import { assertRegionInScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { todayInQuebec } from '../common/calendar.js';
import { assertDateRange, assertNotFuture } from '../common/date-rules.js';
import { CompaniesService } from '../companies/companies.service.js';
import { groupedLoader, keyedLoader, type LoaderDefinition } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { BadUserInputError, ConflictError } from '../errors/domain.errors.js';
import { AccompanimentStatus } from './accompaniment.enums.js';
import type { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentRepository } from './accompaniment.repository.js';
import { FILE_STATES, type FileChange } from './accompaniments.rules.js';
import type {
  AccompanimentsArgs,
  CloseAccompanimentInput,
  OpenAccompanimentInput,
  PutAccompanimentOnHoldInput,
  ReassignAccompanimentInput,
  ResumeAccompanimentInput,
} from './dto/accompaniment.inputs.js';

/**
 * Accompaniment files (docs/domain.md): one advisor's file on one company in one service region, OPEN → (ON_HOLD ↔ OPEN)
 * → CLOSED. Read and written only in the caller's regions, by region of service.
 */
@Injectable()
export class AccompanimentsService {
  private readonly byCompanyLoaders = new Map<string, LoaderDefinition<string, Accompaniment[]>>();

  constructor(
    private readonly repository: AccompanimentRepository,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly advisors: AdvisorsService,
  ) {}

  /** Files in the caller's scope, by id (out of scope: null, as if absent). */
  readonly accompanimentById = keyedLoader<string, Accompaniment>(
    'accompanimentById',
    (ids, ctx) => (ctx ? this.repository.inScope(ctx, ids) : Promise.resolve([])),
    (file) => file.id,
  );

  /** Files of each company in the caller's scope, newest first, optionally of some statuses only. */
  accompanimentsByCompany(statuses?: AccompanimentStatus[]): LoaderDefinition<string, Accompaniment[]> {
    const key = statuses?.length ? [...new Set(statuses)].sort().join(',') : 'all';
    let definition = this.byCompanyLoaders.get(key);
    if (!definition) {
      definition = groupedLoader<string, Accompaniment>(
        `accompanimentsByCompany:${key}`,
        (companyIds, ctx) =>
          ctx ? this.repository.ofCompanies(ctx, companyIds, key === 'all' ? null : (key.split(',') as AccompanimentStatus[])) : Promise.resolve([]),
        (file) => file.companyId,
      );
      this.byCompanyLoaders.set(key, definition);
    }
    return definition;
  }

  async accompaniment(ctx: RequestContext, id: string): Promise<Accompaniment | null> {
    return (await this.repository.inScope(ctx, [id]))[0] ?? null;
  }

  accompaniments(ctx: RequestContext, args: AccompanimentsArgs, nodes: CompiledNodes | null = null): Promise<Page<Accompaniment>> {
    assertDateRange(args.filter?.openedBetween, 'filter.openedBetween');
    assertDateRange(args.filter?.activeDuring, 'filter.activeDuring');
    return this.repository.list(ctx, args, nodes);
  }

  async openAccompaniment(ctx: RequestContext, input: OpenAccompanimentInput): Promise<Accompaniment> {
    const company = await this.companies.company(ctx, input.companyId);
    if (!company) throw BadUserInputError.field('input.companyId', 'field.unknownCompany', { id: input.companyId });
    const regionCode = input.regionCode ?? company.regionCode;
    assertRegionInScope(ctx, regionCode);
    const openedOn = input.openedOn ?? todayInQuebec();
    assertNotFuture(openedOn, 'input.openedOn');
    const callerCanLead = ctx.actor?.role === Role.ADVISOR || ctx.actor?.role === Role.MANAGER;
    const advisorId = input.advisorId ?? (callerCanLead ? ctx.actorId : null);
    if (!advisorId) throw BadUserInputError.field('input.advisorId', 'field.required');
    if (advisorId !== ctx.actorId || !callerCanLead) {
      await this.advisors.assertCanLeadFileIn(advisorId, regionCode, 'input.advisorId');
    }
    const created = await this.repository.insert(
      {
        companyId: company.id,
        advisorId,
        regionCode,
        status: AccompanimentStatus.OPEN,
        serviceLevel: input.serviceLevel,
        themes: input.themes,
        openedOn,
        statusChangedOn: openedOn,
      },
      { accompaniments_one_active_per_company_region: () => new ConflictError('conflict.activeAccompaniment') },
    );
    await this.audit.record(ctx, { action: 'open', entityType: 'Accompaniment', entityId: created.id, after: created });
    return created;
  }

  async putOnHold(ctx: RequestContext, input: PutAccompanimentOnHoldInput): Promise<Accompaniment> {
    const file = await this.repository.forUpdate(ctx, input.id, input.version);
    const on = input.on ?? todayInQuebec();
    const status = FILE_STATES.apply('hold', file.status, this.change(file, on, 'input.on'));
    return this.write(ctx, 'hold', file, { status, statusChangedOn: on });
  }

  async resume(ctx: RequestContext, input: ResumeAccompanimentInput): Promise<Accompaniment> {
    const file = await this.repository.forUpdate(ctx, input.id, input.version);
    const on = input.on ?? todayInQuebec();
    const status = FILE_STATES.apply('resume', file.status, this.change(file, on, 'input.on'));
    return this.write(ctx, 'resume', file, { status, statusChangedOn: on });
  }

  async close(ctx: RequestContext, input: CloseAccompanimentInput): Promise<Accompaniment> {
    const file = await this.repository.forUpdate(ctx, input.id, input.version);
    const lastInteractionOn = await this.repository.lastInteractionOn(file.id);
    const status = FILE_STATES.apply('close', file.status, { ...this.change(file, input.closedOn, 'input.closedOn'), lastInteractionOn });
    const changes = { status, closedOn: input.closedOn, outcome: input.outcome ?? null, statusChangedOn: input.closedOn };
    return this.write(ctx, 'close', file, changes);
  }

  async reassign(ctx: RequestContext, input: ReassignAccompanimentInput): Promise<Accompaniment> {
    const file = await this.repository.forUpdate(ctx, input.id, input.version);
    const leadProblem = await this.advisors.leadProblem(input.advisorId, file.regionCode, 'input.advisorId');
    FILE_STATES.apply('reassign', file.status, { ...this.change(file, todayInQuebec(), 'input.id'), leadProblem });
    return this.write(ctx, 'reassign', file, { advisorId: input.advisorId });
  }

  /** A file in the caller's scope, locked for the rest of the transaction (NOT_FOUND, FORBIDDEN). */
  fileForWrite(ctx: RequestContext, id: string): Promise<Accompaniment> {
    return this.repository.forUpdate(ctx, id, null);
  }

  private change(file: Accompaniment, on: string, field: string): FileChange {
    return { file, on, field, today: todayInQuebec() };
  }

  /** The versioned UPDATE of a file read by `forUpdate`, and its audit row. */
  private async write(ctx: RequestContext, action: string, before: Accompaniment, changes: Partial<Accompaniment>): Promise<Accompaniment> {
    const after = await this.repository.update(before, changes);
    await this.audit.record(ctx, { action, entityType: 'Accompaniment', entityId: before.id, before, after });
    return after;
  }
}
