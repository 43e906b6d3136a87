import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { AuditService } from '../audit/audit.service.js';
import { aggregateRegionCodes, aggregateRegionScope, assertRegionInScope, regionScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, ConflictError, NotFoundError, StaleVersionError } from '../errors/domain.errors.js';
import { groupedLoader, LoaderDefinition } from '../graphql/request-loaders.js';
import type { MessageKey } from '../i18n/messages.js';
import { RecruitmentNeed } from '../recruitment-needs/recruitment-need.entity.js';
import { ACTIVE_NEED_STATUSES } from '../recruitment-needs/recruitment-need.enums.js';
import type { ParticipationChangeArgs, RecordEventOutcomeInput, RegisterForEventInput } from './dto/event-participation.inputs.js';
import { EventParticipation } from './event-participation.entity.js';
import { emptyFigures, type EventFigures, type EventRegionSummary, type JourneesQuebecEventSummary } from './event-summary.types.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';
import { EVENT_STATUS_LABELS, EventStatus, PARTICIPATION_STATUS_LABELS, ParticipationStatus } from './journees-quebec.enums.js';
import {
  canApply,
  outcomeProblems,
  PARTICIPATION_MOVES,
  registrationProblem,
  type ParticipationAction,
} from './journees-quebec.rules.js';

export const EVENT_PARTICIPATION = { fr: 'Participation à un événement', en: 'Event participation' };

const ONCE_PER_COMPANY = 'event_participations_once_per_company';

interface SummaryRow {
  event_id: string;
  region_code: string | null;
  is_total: number;
  companies_registered: number;
  companies_attended: number;
  positions_offered: number;
  candidates_met: number;
  interviews_held: number;
  offers_made: number;
  hires: number;
}

const figuresOf = (row: SummaryRow): EventFigures => ({
  companiesRegistered: row.companies_registered,
  companiesAttended: row.companies_attended,
  positionsOffered: row.positions_offered,
  candidatesMet: row.candidates_met,
  interviewsHeld: row.interviews_held,
  offersMade: row.offers_made,
  hires: row.hires,
});

/**
 * Companies taking part in Journées Québec events (docs/domain.md): registered once per event with the recruitment needs
 * they bring, REGISTERED → CONFIRMED → ATTENDED or WITHDRAWN, outcomes recorded once they attended. Read and written
 * in the caller's regions, by the company's region (ANALYST: never, only the events' summaries).
 */
@Injectable()
export class EventParticipationsService implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly auditTrail: AuditTrailService,
    private readonly companies: CompaniesService,
  ) {}

  onModuleInit(): void {
    this.auditTrail.registerRegionLookup('EventParticipation', async (id) => {
      const rows: { region_code: string }[] = await this.db.query(
        `SELECT c.region_code FROM event_participations p JOIN companies c ON c.id = p.company_id WHERE p.id::text = $1`,
        [id],
      );
      return rows[0]?.region_code ?? null;
    });
  }

  private get db() {
    return this.unitOfWork.manager;
  }

  /** Participations whose company is in the caller's regions. */
  private scoped(ctx: RequestContext) {
    const scope = regionScope(ctx, 'company.region_code');
    return this.db
      .createQueryBuilder(EventParticipation, 'participation')
      .innerJoin(Company, 'company', 'company.id = participation.company_id')
      .where(scope.sql, scope.parameters);
  }

  /** Participations of each event, in the caller's regions, in order of registration. */
  readonly participationsByEvent = groupedLoader<string, EventParticipation>(
    'eventParticipationsByEvent',
    (eventIds, ctx) =>
      ctx
        ? this.scoped(ctx)
            .andWhere('participation.event_id IN (:...eventIds)', { eventIds })
            .orderBy('participation.registered_on')
            .addOrderBy('participation.created_at')
            .addOrderBy('participation.id')
            .getMany()
        : Promise.resolve([]),
    (participation) => participation.eventId,
  );

  /** Participations of each company in the caller's regions, the latest events first. */
  readonly participationsByCompany = groupedLoader<string, EventParticipation>(
    'eventParticipationsByCompany',
    (companyIds, ctx) =>
      ctx
        ? this.scoped(ctx)
            .innerJoin(JourneesQuebecEvent, 'event', 'event.id = participation.event_id')
            .andWhere('participation.company_id IN (:...companyIds)', { companyIds })
            .orderBy('event.starts_on', 'DESC')
            .addOrderBy('participation.id')
            .getMany()
        : Promise.resolve([]),
    (participation) => participation.companyId,
  );

  /** The recruitment needs each participation brings (callers pass participations they may see). */
  readonly needsByParticipation = new LoaderDefinition<string, RecruitmentNeed[]>(
    'recruitmentNeedsByParticipation',
    async (participationIds) => {
      // One row per need (a need may be brought to several events), with the participations among `ids` it is in.
      const { entities, raw } = await this.db
        .createQueryBuilder(RecruitmentNeed, 'need')
        .addSelect(
          `(SELECT array_agg(link.participation_id::text) FROM event_participation_needs link
             WHERE link.recruitment_need_id = need.id AND link.participation_id = ANY(CAST(:ids AS uuid[])))`,
          'participation_ids',
        )
        .where(
          `need.id IN (SELECT link.recruitment_need_id FROM event_participation_needs link
                        WHERE link.participation_id = ANY(CAST(:ids AS uuid[])))`,
          { ids: [...participationIds] },
        )
        .orderBy('need.noc_code')
        .addOrderBy('need.id')
        .getRawAndEntities<{ participation_ids: string[] }>();
      const groups = new Map<string, RecruitmentNeed[]>(participationIds.map((id) => [id, []]));
      entities.forEach((need, i) => {
        for (const participationId of raw[i]!.participation_ids) groups.get(participationId)?.push(need);
      });
      return participationIds.map((id) => groups.get(id) ?? []);
    },
  );

  /** Positions offered by each participation: the sum of the positions of the needs it brings. */
  readonly positionsOfferedByParticipation = new LoaderDefinition<string, number>(
    'positionsOfferedByParticipation',
    async (participationIds) => {
      const rows: { participation_id: string; positions: number }[] = await this.db.query(
        `SELECT link.participation_id, sum(need.positions)::int AS positions
           FROM event_participation_needs link JOIN recruitment_needs need ON need.id = link.recruitment_need_id
          WHERE link.participation_id = ANY($1::uuid[])
          GROUP BY link.participation_id`,
        [[...participationIds]],
      );
      const positions = new Map(rows.map((row) => [row.participation_id, row.positions]));
      return participationIds.map((id) => positions.get(id) ?? 0);
    },
  );

  /**
   * Each event's summary in one statement for all the events of a request: participations that are not withdrawn,
   * grouped by the company's region and in total (GROUPING SETS). ADMIN, MANAGER and ANALYST see every region (they
   * are aggregates: docs/domain.md); an ADVISOR sees the rows — and totals — of their own regions only.
   */
  readonly summaryByEvent = new LoaderDefinition<string, JourneesQuebecEventSummary>(
    'journeesQuebecEventSummary',
    async (eventIds, ctx) => {
      const scope = ctx ? aggregateRegionScope(ctx, 'company.region_code') : { sql: 'TRUE', parameters: {} };
      const coversAllRegions = ctx ? aggregateRegionCodes(ctx) === null : true;
      const [sql, parameters] = this.db.dataSource.driver.escapeQueryWithParameters(
        `SELECT participation.event_id,
                company.region_code,
                GROUPING(company.region_code) AS is_total,
                count(*)::int AS companies_registered,
                count(*) FILTER (WHERE participation.status = 'ATTENDED')::int AS companies_attended,
                coalesce(sum(offered.positions), 0)::int AS positions_offered,
                coalesce(sum(participation.candidates_met), 0)::int AS candidates_met,
                coalesce(sum(participation.interviews_held), 0)::int AS interviews_held,
                coalesce(sum(participation.offers_made), 0)::int AS offers_made,
                coalesce(sum(participation.hires), 0)::int AS hires
           FROM event_participations participation
           JOIN companies company ON company.id = participation.company_id
           LEFT JOIN LATERAL (SELECT sum(need.positions) AS positions
                                FROM event_participation_needs link
                                JOIN recruitment_needs need ON need.id = link.recruitment_need_id
                               WHERE link.participation_id = participation.id) offered ON TRUE
          WHERE participation.event_id IN (:...eventIds)
            AND participation.status <> 'WITHDRAWN'
            AND ${scope.sql}
          GROUP BY GROUPING SETS ((participation.event_id, company.region_code), (participation.event_id))
          ORDER BY participation.event_id, company.region_code`,
        { eventIds: [...eventIds], ...scope.parameters },
      );
      const rows: SummaryRow[] = await this.db.query(sql, parameters);
      const summaries = new Map<string, JourneesQuebecEventSummary>(
        eventIds.map((id) => [id, { ...emptyFigures(), coversAllRegions, byRegion: [] }]),
      );
      for (const row of rows) {
        const summary = summaries.get(row.event_id);
        if (!summary) continue;
        if (row.is_total === 1) Object.assign(summary, figuresOf(row));
        else summary.byRegion.push({ regionCode: row.region_code!, ...figuresOf(row) } as EventRegionSummary);
      }
      return eventIds.map((id) => summaries.get(id)!);
    },
  );

  participation(ctx: RequestContext, id: string): Promise<EventParticipation | null> {
    return this.scoped(ctx).andWhere('participation.id = :id', { id }).getOne();
  }

  /**
   * Registers a company of the caller's regions for an event open for registration, once (the unique constraint
   * decides between concurrent registrations: the loser gets CONFLICT), with needs of that company.
   */
  async register(ctx: RequestContext, input: RegisterForEventInput): Promise<EventParticipation> {
    const company = await this.companies.companyInScope(ctx, input.companyId, 'input.companyId');
    // FOR SHARE: the event cannot change status or deadline until this registration commits.
    const event = await this.db
      .createQueryBuilder(JourneesQuebecEvent, 'event')
      .where('event.id = :id', { id: input.eventId })
      .setLock('pessimistic_read')
      .getOne();
    if (!event) throw BadUserInputError.field('input.eventId', 'field.unknownEvent', { id: input.eventId });
    const today = todayInQuebec();
    const problem = registrationProblem(event, today);
    if (problem) throw BadUserInputError.field('input.eventId', problem.message, problem.params);
    const needIds = [...new Set(input.recruitmentNeedIds.map((needId) => needId.toLowerCase()))].sort();
    await this.assertNeedsOf(company.id, needIds, 'input.recruitmentNeedIds');
    let id: string;
    try {
      const result = await this.db.insert(EventParticipation, {
        eventId: event.id,
        companyId: company.id,
        advisorId: ctx.actorId!,
        status: ParticipationStatus.REGISTERED,
        registeredOn: today,
      });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, ONCE_PER_COMPANY)) throw new ConflictError('conflict.eventParticipation');
      throw error;
    }
    if (needIds.length > 0) {
      await this.db.query(
        `INSERT INTO event_participation_needs (participation_id, recruitment_need_id)
         SELECT $1, need_id FROM unnest($2::uuid[]) AS need_id`,
        [id, needIds],
      );
    }
    const created = await this.db.findOneByOrFail(EventParticipation, { id });
    await this.audit.record(ctx, {
      action: 'register',
      entityType: 'EventParticipation',
      entityId: id,
      after: { ...created, recruitmentNeedIds: needIds },
    });
    return created;
  }

  confirm(ctx: RequestContext, args: ParticipationChangeArgs): Promise<EventParticipation> {
    return this.transition(ctx, args, 'confirm', (event) => {
      // Confirming a place only makes sense while the event is still ahead.
      if (event.status !== EventStatus.REGISTRATION_OPEN) return this.eventStatusProblem(event);
      return null;
    });
  }

  withdraw(ctx: RequestContext, args: ParticipationChangeArgs): Promise<EventParticipation> {
    return this.transition(ctx, args, 'withdraw', () => null);
  }

  markAttended(ctx: RequestContext, args: ParticipationChangeArgs): Promise<EventParticipation> {
    return this.transition(ctx, args, 'attend', (event, today) => {
      if (event.status === EventStatus.CANCELLED) return this.eventStatusProblem(event);
      if (event.startsOn > today) return { message: 'field.eventNotStarted', params: { startsOn: event.startsOn } };
      return null;
    });
  }

  /** Outcomes of an ATTENDED participation (recording them again corrects them). */
  async recordOutcome(ctx: RequestContext, input: RecordEventOutcomeInput): Promise<EventParticipation> {
    const problems = outcomeProblems(input);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const { participation: before } = await this.participationForWrite(ctx, input.participationId);
    if (input.version != null && input.version !== before.version) throw new StaleVersionError('EventParticipation', before.id);
    if (before.status !== ParticipationStatus.ATTENDED) {
      throw BadUserInputError.field('input.participationId', 'field.outcomeNotAttended');
    }
    const outcome = {
      candidatesMet: input.candidatesMet,
      interviewsHeld: input.interviewsHeld,
      offersMade: input.offersMade,
      hires: input.hires,
    };
    await this.conditionalUpdate(before, [ParticipationStatus.ATTENDED], outcome);
    const after = await this.db.findOneByOrFail(EventParticipation, { id: before.id });
    await this.audit.record(ctx, { action: 'recordOutcome', entityType: 'EventParticipation', entityId: before.id, before, after });
    return after;
  }

  /**
   * A participation whose company is in the caller's scope, locked for the rest of the transaction: NOT_FOUND when
   * it does not exist, FORBIDDEN when its company is in another region.
   */
  private async participationForWrite(
    ctx: RequestContext,
    id: string,
  ): Promise<{ participation: EventParticipation; regionCode: string }> {
    const { entities, raw } = await this.db
      .createQueryBuilder(EventParticipation, 'participation')
      .innerJoin(Company, 'company', 'company.id = participation.company_id')
      .addSelect('company.region_code', 'company_region_code')
      .where('participation.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['participation'])
      .getRawAndEntities<{ company_region_code: string }>();
    const participation = entities[0];
    if (!participation) throw new NotFoundError(EVENT_PARTICIPATION, id);
    const regionCode = raw[0]!.company_region_code;
    assertRegionInScope(ctx, regionCode);
    return { participation, regionCode };
  }

  private eventStatusProblem(event: JourneesQuebecEvent) {
    const label = EVENT_STATUS_LABELS[event.status];
    return { message: 'field.eventStatus' as MessageKey, params: { statusFr: label.fr, statusEn: label.en } };
  }

  /**
   * Moves a participation by `action`: checks the version read, its status and what `check` says about the
   * event, then a conditional UPDATE with the row count checked, then the audit row.
   */
  private async transition(
    ctx: RequestContext,
    args: ParticipationChangeArgs,
    action: ParticipationAction,
    check: (
      event: JourneesQuebecEvent,
      today: string,
    ) => { message: MessageKey; params?: Record<string, unknown> } | null,
  ): Promise<EventParticipation> {
    const { participation: before } = await this.participationForWrite(ctx, args.id);
    // A client working from a stale read learns that first: what it saw is no longer the participation.
    if (args.version != null && args.version !== before.version) throw new StaleVersionError('EventParticipation', before.id);
    if (!canApply(action, before.status)) {
      const label = PARTICIPATION_STATUS_LABELS[before.status];
      throw BadUserInputError.field('id', 'field.participationStatus', { statusFr: label.fr, statusEn: label.en });
    }
    const event = await this.db.findOneByOrFail(JourneesQuebecEvent, { id: before.eventId });
    const problem = check(event, todayInQuebec());
    if (problem) throw BadUserInputError.field('id', problem.message, problem.params);
    const move = PARTICIPATION_MOVES[action];
    await this.conditionalUpdate(before, move.from, { status: move.to });
    const after = await this.db.findOneByOrFail(EventParticipation, { id: before.id });
    await this.audit.record(ctx, { action, entityType: 'EventParticipation', entityId: before.id, before, after });
    return after;
  }

  /** `UPDATE … WHERE id AND status IN (from) AND version = <read>`: anything else changed it first (CONFLICT). */
  private async conditionalUpdate(
    before: EventParticipation,
    from: readonly ParticipationStatus[],
    changes: Partial<EventParticipation>,
  ): Promise<void> {
    const result = await this.db
      .createQueryBuilder()
      .update(EventParticipation)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND status IN (:...from) AND version = :version', {
        id: before.id,
        from: [...from],
        version: before.version,
      })
      .execute();
    if (result.affected !== 1) throw new StaleVersionError('EventParticipation', before.id);
  }

  /** Every need (ids in lower case) must exist, belong to `companyId` and still be open (OPEN or IN_PROGRESS). */
  private async assertNeedsOf(companyId: string, needIds: readonly string[], field: string): Promise<void> {
    if (needIds.length === 0) return;
    const rows: { id: string; company_id: string; status: string }[] = await this.db.query(
      `SELECT id::text, company_id::text, status FROM recruitment_needs WHERE id = ANY($1::uuid[])`,
      [[...needIds]],
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    const foreign = needIds.filter((id) => found.get(id)?.company_id !== companyId);
    if (foreign.length > 0) throw BadUserInputError.field(field, 'field.needsOfAnotherCompany', { ids: foreign });
    const closed = needIds.filter((id) => !(ACTIVE_NEED_STATUSES as string[]).includes(found.get(id)!.status));
    if (closed.length > 0) throw BadUserInputError.field(field, 'field.needsClosed', { ids: closed });
  }
}
