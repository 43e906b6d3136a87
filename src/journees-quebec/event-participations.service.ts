import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { aggregateRegionCodes } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { groupedLoader, LoaderDefinition } from '../database/batch-loaders.js';
import { BadUserInputError, ConflictError } from '../errors/domain.errors.js';
import type { RecruitmentNeed } from '../recruitment-needs/recruitment-need.entity.js';
import { ACTIVE_NEED_STATUSES } from '../recruitment-needs/recruitment-need.enums.js';
import type { ParticipationChangeArgs, RecordEventOutcomeInput, RegisterForEventInput } from './dto/event-participation.inputs.js';
import type { EventParticipation } from './event-participation.entity.js';
import { EventParticipationRepository } from './event-participation.repository.js';
import { emptyFigures, type EventFigures, type JourneesQuebecEventSummary } from './event-summary.types.js';
import { JourneesQuebecEventRepository } from './journees-quebec-event.repository.js';
import { ParticipationStatus } from './journees-quebec.enums.js';
import { outcomeProblems, PARTICIPATION_STATES, registrationProblem } from './journees-quebec.rules.js';

const ONCE_PER_COMPANY = 'event_participations_once_per_company';

/**
 * Companies taking part in Journées Québec events (docs/domain.md): registered once per event with the recruitment needs
 * they bring, REGISTERED → CONFIRMED → ATTENDED or WITHDRAWN, outcomes recorded once they attended. Read and written
 * in the caller's regions, by the company's region (ANALYST: never, only the events' summaries).
 */
@Injectable()
export class EventParticipationsService {
  constructor(
    private readonly repository: EventParticipationRepository,
    private readonly events: JourneesQuebecEventRepository,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
  ) {}

  /** Participations of each event, in the caller's regions, in order of registration. */
  readonly participationsByEvent = groupedLoader<string, EventParticipation>(
    'eventParticipationsByEvent',
    (eventIds, ctx) => (ctx ? this.repository.ofEvents(ctx, eventIds) : Promise.resolve([])),
    (participation) => participation.eventId,
  );

  /** Participations of each company in the caller's regions, the latest events first. */
  readonly participationsByCompany = groupedLoader<string, EventParticipation>(
    'eventParticipationsByCompany',
    (companyIds, ctx) => (ctx ? this.repository.ofCompanies(ctx, companyIds) : Promise.resolve([])),
    (participation) => participation.companyId,
  );

  /** The recruitment needs each participation brings (callers pass participations they may see). */
  readonly needsByParticipation = new LoaderDefinition<string, RecruitmentNeed[]>(
    'recruitmentNeedsByParticipation',
    async (participationIds) => {
      const needs = await this.repository.needsOf(participationIds);
      return participationIds.map((id) => needs.get(id) ?? []);
    },
  );

  /** Positions offered by each participation: the sum of the positions of the needs it brings. */
  readonly positionsOfferedByParticipation = new LoaderDefinition<string, number>(
    'positionsOfferedByParticipation',
    async (participationIds) => {
      const positions = await this.repository.positionsOffered(participationIds);
      return participationIds.map((id) => positions.get(id) ?? 0);
    },
  );

  /**
   * Each event's summary in one statement for all the events of a request: ADMIN, MANAGER and ANALYST see every
   * region (they are aggregates: docs/domain.md); an ADVISOR sees the rows — and totals — of their own regions only.
   */
  readonly summaryByEvent = new LoaderDefinition<string, JourneesQuebecEventSummary>(
    'journeesQuebecEventSummary',
    async (eventIds, ctx) => {
      const coversAllRegions = ctx ? aggregateRegionCodes(ctx) === null : true;
      const summaries = new Map<string, JourneesQuebecEventSummary>(
        eventIds.map((id) => [id, { ...emptyFigures(), coversAllRegions, byRegion: [] }]),
      );
      for (const { eventId, regionCode, isTotal, ...figures } of await this.repository.summaries(ctx, eventIds)) {
        const summary = summaries.get(eventId);
        if (!summary) continue;
        if (isTotal) Object.assign(summary, figures as EventFigures);
        else summary.byRegion.push({ regionCode: regionCode!, ...figures });
      }
      return eventIds.map((id) => summaries.get(id)!);
    },
  );

  participation(ctx: RequestContext, id: string): Promise<EventParticipation | null> {
    return this.repository.inScope(ctx, id);
  }

  /**
   * Registers a company of the caller's regions for an event open for registration, once (the unique constraint
   * decides between concurrent registrations: the loser gets CONFLICT), with needs of that company.
   */
  async register(ctx: RequestContext, input: RegisterForEventInput): Promise<EventParticipation> {
    const company = await this.companies.companyInScope(ctx, input.companyId, 'input.companyId');
    // FOR SHARE: the event cannot change status or deadline until this registration commits.
    const event = await this.events.forShare(input.eventId);
    if (!event) throw BadUserInputError.field('input.eventId', 'field.unknownEvent', { id: input.eventId });
    const today = todayInQuebec();
    const problem = registrationProblem(event, today);
    if (problem) throw BadUserInputError.field('input.eventId', problem.message, problem.params);
    const needIds = [...new Set(input.recruitmentNeedIds.map((needId) => needId.toLowerCase()))].sort();
    await this.assertNeedsOf(company.id, needIds, 'input.recruitmentNeedIds');
    const created = await this.repository.insert(
      { eventId: event.id, companyId: company.id, advisorId: ctx.actorId!, status: ParticipationStatus.REGISTERED, registeredOn: today },
      { [ONCE_PER_COMPANY]: () => new ConflictError('conflict.eventParticipation') },
    );
    await this.repository.linkNeeds(created.id, needIds);
    await this.audit.record(ctx, {
      action: 'register',
      entityType: 'EventParticipation',
      entityId: created.id,
      after: { ...created, recruitmentNeedIds: needIds },
    });
    return created;
  }

  confirm(ctx: RequestContext, args: ParticipationChangeArgs): Promise<EventParticipation> {
    return this.transition(ctx, args.id, args.version, 'confirm');
  }

  withdraw(ctx: RequestContext, args: ParticipationChangeArgs): Promise<EventParticipation> {
    return this.transition(ctx, args.id, args.version, 'withdraw');
  }

  markAttended(ctx: RequestContext, args: ParticipationChangeArgs): Promise<EventParticipation> {
    return this.transition(ctx, args.id, args.version, 'attend');
  }

  /** Outcomes of an ATTENDED participation (recording them again corrects them). */
  async recordOutcome(ctx: RequestContext, input: RecordEventOutcomeInput): Promise<EventParticipation> {
    const problems = outcomeProblems(input);
    if (problems.length > 0) throw new BadUserInputError(problems);
    const { participationId, version, ...outcome } = input;
    return this.transition(ctx, participationId, version, 'recordOutcome', outcome);
  }

  /**
   * Applies a transition of the participation table (PARTICIPATION_STATES) — the version read, its state, then what
   * its guards say about the event — as a versioned UPDATE, with its audit row.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    version: number | null | undefined,
    action: 'confirm' | 'withdraw' | 'attend' | 'recordOutcome',
    changes: Partial<EventParticipation> = {},
  ): Promise<EventParticipation> {
    const before = await this.repository.forUpdate(ctx, id, version);
    const event = (await this.events.find(before.eventId))!;
    const status = PARTICIPATION_STATES.apply(action, before.status, { event, today: todayInQuebec() });
    const after = await this.repository.update(before, { ...changes, status });
    await this.audit.record(ctx, { action, entityType: 'EventParticipation', entityId: before.id, before, after });
    return after;
  }

  /** Every need (ids in lower case) must exist, belong to `companyId` and still be open (OPEN or IN_PROGRESS). */
  private async assertNeedsOf(companyId: string, needIds: readonly string[], field: string): Promise<void> {
    if (needIds.length === 0) return;
    const found = await this.repository.needsByIds(needIds);
    const foreign = needIds.filter((id) => found.get(id)?.companyId !== companyId);
    if (foreign.length > 0) throw BadUserInputError.field(field, 'field.needsOfAnotherCompany', { ids: foreign });
    const closed = needIds.filter((id) => !(ACTIVE_NEED_STATUSES as string[]).includes(found.get(id)!.status));
    if (closed.length > 0) throw BadUserInputError.field(field, 'field.needsClosed', { ids: closed });
  }
}
