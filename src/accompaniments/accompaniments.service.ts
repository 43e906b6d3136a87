import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { AuditService } from '../audit/audit.service.js';
import { assertRegionInScope, regionScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  StaleVersionError,
} from '../errors/domain.errors.js';
import { assertDateRange } from '../graphql/date-range.input.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate } from '../graphql/pagination/keyset.js';
import { groupedLoader, keyedLoader, type LoaderDefinition } from '../graphql/request-loaders.js';
import { AccompanimentStatus, STATUS_LABELS } from './accompaniment.enums.js';
import { Accompaniment } from './accompaniment.entity.js';
import type {
  AccompanimentsArgs,
  CloseAccompanimentInput,
  OpenAccompanimentInput,
  PutAccompanimentOnHoldInput,
  ReassignAccompanimentInput,
  ResumeAccompanimentInput,
} from './dto/accompaniment.inputs.js';

export const ACCOMPANIMENT = { fr: 'Dossier d’accompagnement', en: 'Accompaniment file' };
const ACTIVE = [AccompanimentStatus.OPEN, AccompanimentStatus.ON_HOLD];

/** Refuses a date after today (Québec time) on `field`. */
export function assertNotFuture(date: string, field: string): void {
  if (date > todayInQuebec()) throw BadUserInputError.field(field, 'field.futureDate');
}

/**
 * Accompaniment files (docs/domain.md): one advisor's file on one company in one service region, OPEN → (ON_HOLD ↔ OPEN)
 * → CLOSED. Read and written only in the caller's regions, by region of service.
 */
@Injectable()
export class AccompanimentsService implements OnModuleInit {
  private readonly byCompanyLoaders = new Map<string, LoaderDefinition<string, Accompaniment[]>>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly auditTrail: AuditTrailService,
    private readonly companies: CompaniesService,
    private readonly advisors: AdvisorsService,
  ) {}

  onModuleInit(): void {
    const regionOf = async (sql: string, id: string) =>
      ((await this.db.query(sql, [id])) as { region_code: string }[])[0]?.region_code ?? null;
    this.auditTrail.registerRegionLookup('Accompaniment', (id) =>
      regionOf(`SELECT region_code FROM accompaniments WHERE id::text = $1`, id),
    );
    this.auditTrail.registerRegionLookup('Interaction', (id) =>
      regionOf(
        `SELECT a.region_code FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id WHERE i.id::text = $1`,
        id,
      ),
    );
  }

  private get db() {
    return this.unitOfWork.manager;
  }

  /** Files in the caller's scope, by id (out of scope: null, as if absent). */
  readonly accompanimentById = keyedLoader<string, Accompaniment>(
    'accompanimentById',
    (ids, ctx) => (ctx ? this.scoped(ctx).andWhere('accompaniment.id IN (:...ids)', { ids }).getMany() : Promise.resolve([])),
    (file) => file.id,
  );

  /** Files of each company in the caller's scope, newest first, optionally of some statuses only. */
  accompanimentsByCompany(statuses?: AccompanimentStatus[]): LoaderDefinition<string, Accompaniment[]> {
    const key = statuses?.length ? [...new Set(statuses)].sort().join(',') : 'all';
    let definition = this.byCompanyLoaders.get(key);
    if (!definition) {
      definition = groupedLoader<string, Accompaniment>(
        `accompanimentsByCompany:${key}`,
        (companyIds, ctx) => {
          if (!ctx) return Promise.resolve([]);
          const query = this.scoped(ctx).andWhere('accompaniment.company_id IN (:...companyIds)', { companyIds });
          if (key !== 'all') query.andWhere('accompaniment.status IN (:...statuses)', { statuses: key.split(',') });
          return query.orderBy('accompaniment.opened_on', 'DESC').addOrderBy('accompaniment.id').getMany();
        },
        (file) => file.companyId,
      );
      this.byCompanyLoaders.set(key, definition);
    }
    return definition;
  }

  private scoped(ctx: RequestContext) {
    const scope = regionScope(ctx, 'accompaniment.region_code');
    return this.db.createQueryBuilder(Accompaniment, 'accompaniment').where(scope.sql, scope.parameters);
  }

  accompaniment(ctx: RequestContext, id: string): Promise<Accompaniment | null> {
    return this.scoped(ctx).andWhere('accompaniment.id = :id', { id }).getOne();
  }

  accompaniments(ctx: RequestContext, args: AccompanimentsArgs): Promise<Page<Accompaniment>> {
    const filter = args.filter ?? {};
    assertDateRange(filter.openedBetween, 'filter.openedBetween');
    assertDateRange(filter.activeDuring, 'filter.activeDuring');
    const query = this.scoped(ctx);
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
    return paginate(query, {
      first: args.first,
      after: args.after,
      sort: [
        { expression: 'accompaniment.opened_on', direction: 'DESC' },
        { expression: 'accompaniment.id', direction: 'ASC' },
      ],
    });
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
    let id: string;
    try {
      const result = await this.db.insert(Accompaniment, {
        companyId: company.id,
        advisorId,
        regionCode,
        status: AccompanimentStatus.OPEN,
        serviceLevel: input.serviceLevel,
        themes: input.themes,
        openedOn,
        statusChangedOn: openedOn,
      });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, 'accompaniments_one_active_per_company_region')) {
        throw new ConflictError('conflict.activeAccompaniment');
      }
      throw error;
    }
    const created = await this.db.findOneByOrFail(Accompaniment, { id });
    await this.audit.record(ctx, { action: 'open', entityType: 'Accompaniment', entityId: id, after: created });
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
      const [last] = (await this.db.query(
        `SELECT max(occurred_on) AS last FROM interactions WHERE accompaniment_id = $1`,
        [file.id],
      )) as { last: string | null }[];
      if (last?.last && last.last > input.closedOn) {
        throw BadUserInputError.field('input.closedOn', 'field.beforeLastInteraction', { lastInteractionOn: last.last });
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

  /**
   * A file in the caller's scope, locked for the rest of the transaction: NOT_FOUND when it does not exist,
   * FORBIDDEN when it is in another region.
   */
  async fileForWrite(ctx: RequestContext, id: string): Promise<Accompaniment> {
    const file = await this.db
      .createQueryBuilder(Accompaniment, 'accompaniment')
      .where('accompaniment.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!file) throw new NotFoundError(ACCOMPANIMENT, id);
    assertRegionInScope(ctx, file.regionCode);
    return file;
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
   * Moves a file from one of `from` to what `change` returns: checks the status and the version read, then
   * `UPDATE … WHERE id AND status AND version` with the row count checked, then the audit row.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    version: number | undefined,
    from: AccompanimentStatus[],
    action: string,
    change: (file: Accompaniment) => Partial<Accompaniment> | Promise<Partial<Accompaniment>>,
  ): Promise<Accompaniment> {
    const before = await this.fileForWrite(ctx, id);
    // A client working from a stale read learns that first: what it saw is no longer the file.
    if (version !== undefined && version !== null && version !== before.version) {
      throw new StaleVersionError('Accompaniment', id);
    }
    if (!from.includes(before.status)) {
      const label = STATUS_LABELS[before.status];
      throw BadUserInputError.field('input.id', 'field.fileStatus', { statusFr: label.fr, statusEn: label.en });
    }
    const changes = await change(before);
    const update = this.db
      .createQueryBuilder()
      .update(Accompaniment)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND status IN (:...from) AND version = :version', { id, from, version: before.version });
    if ((await update.execute()).affected !== 1) throw new StaleVersionError('Accompaniment', id);
    const after = await this.db.findOneByOrFail(Accompaniment, { id });
    await this.audit.record(ctx, { action, entityType: 'Accompaniment', entityId: id, before, after });
    return after;
  }
}
