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
import { BadUserInputError, ConflictError } from '../errors/domain.errors.js';
import { LABELS, labelParams } from '../i18n/messages.js';
import { AccompanimentStatus } from './accompaniment.enums.js';
import type { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentRepository } from './accompaniment.repository.js';
import type {
  AccompanimentsArgs,
  CloseAccompanimentInput,
  OpenAccompanimentInput,
  PutAccompanimentOnHoldInput,
  ReassignAccompanimentInput,
  ResumeAccompanimentInput,
} from './dto/accompaniment.inputs.js';

const ACTIVE = [AccompanimentStatus.OPEN, AccompanimentStatus.ON_HOLD];

/**
 * Accompaniment files (SPEC §3): one advisor's file on one company in one service region, OPEN → (ON_HOLD ↔ OPEN)
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

  accompaniments(ctx: RequestContext, args: AccompanimentsArgs): Promise<Page<Accompaniment>> {
    assertDateRange(args.filter?.openedBetween, 'filter.openedBetween');
    assertDateRange(args.filter?.activeDuring, 'filter.activeDuring');
    return this.repository.list(ctx, args);
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

  putOnHold(ctx: RequestContext, input: PutAccompanimentOnHoldInput): Promise<Accompaniment> {
    return this.transition(ctx, input.id, input.version, [AccompanimentStatus.OPEN], 'hold', (file) => {
      const on = input.on ?? todayInQuebec();
      this.assertStatusDate(file, on, 'input.on');
      return { status: AccompanimentStatus.ON_HOLD, statusChangedOn: on };
    });
  }

  resume(ctx: RequestContext, input: ResumeAccompanimentInput): Promise<Accompaniment> {
    return this.transition(ctx, input.id, input.version, [AccompanimentStatus.ON_HOLD], 'resume', (file) => {
      const on = input.on ?? todayInQuebec();
      this.assertStatusDate(file, on, 'input.on');
      return { status: AccompanimentStatus.OPEN, statusChangedOn: on };
    });
  }

  close(ctx: RequestContext, input: CloseAccompanimentInput): Promise<Accompaniment> {
    return this.transition(ctx, input.id, input.version, ACTIVE, 'close', async (file) => {
      this.assertStatusDate(file, input.closedOn, 'input.closedOn');
      const last = await this.repository.lastInteractionOn(file.id);
      if (last && last > input.closedOn) {
        throw BadUserInputError.field('input.closedOn', 'field.beforeLastInteraction', { lastInteractionOn: last });
      }
      return {
        status: AccompanimentStatus.CLOSED,
        closedOn: input.closedOn,
        outcome: input.outcome ?? null,
        statusChangedOn: input.closedOn,
      };
    });
  }

  async reassign(ctx: RequestContext, input: ReassignAccompanimentInput): Promise<Accompaniment> {
    return this.transition(ctx, input.id, input.version, ACTIVE, 'reassign', async (file) => {
      await this.advisors.assertCanLeadFileIn(input.advisorId, file.regionCode, 'input.advisorId');
      return { advisorId: input.advisorId };
    });
  }

  /** A file in the caller's scope, locked for the rest of the transaction (NOT_FOUND, FORBIDDEN). */
  fileForWrite(ctx: RequestContext, id: string): Promise<Accompaniment> {
    return this.repository.forUpdate(ctx, id, null);
  }

  /** A status change is dated today or earlier, and not before the file's last status change (or opening). */
  private assertStatusDate(file: Accompaniment, on: string, field: string): void {
    assertNotFuture(on, field);
    if (on < file.openedOn) throw BadUserInputError.field(field, 'field.beforeOpening', { openedOn: file.openedOn });
    if (on < file.statusChangedOn) {
      throw BadUserInputError.field(field, 'field.beforeLastStatusChange', { on: file.statusChangedOn });
    }
  }

  /**
   * Moves a file from one of `from` to what `change` returns: the version read, then the status, then the rules of
   * `change`; a versioned UPDATE and the audit row.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    version: number | null | undefined,
    from: AccompanimentStatus[],
    action: string,
    change: (file: Accompaniment) => Partial<Accompaniment> | Promise<Partial<Accompaniment>>,
  ): Promise<Accompaniment> {
    const before = await this.repository.forUpdate(ctx, id, version);
    if (!from.includes(before.status)) {
      throw BadUserInputError.field('input.id', 'field.fileStatus', labelParams('status', LABELS.accompanimentStatus[before.status]));
    }
    const after = await this.repository.update(before, await change(before));
    await this.audit.record(ctx, { action, entityType: 'Accompaniment', entityId: id, before, after });
    return after;
  }
}
