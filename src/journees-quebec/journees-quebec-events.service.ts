import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { updateWithVersion } from '../database/optimistic-update.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, NotFoundError, type FieldProblem } from '../errors/domain.errors.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate } from '../graphql/pagination/keyset.js';
import { keyedLoader } from '../graphql/request-loaders.js';
import type {
  CreateJourneesQuebecEventInput,
  JourneesQuebecEventsArgs,
  UpdateJourneesQuebecEventInput,
} from './dto/journees-quebec-event.inputs.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';
import { EventStatus } from './journees-quebec.enums.js';
import { eventChangeProblems, eventDateProblems, FINAL_EVENT_STATUSES, type EventDates } from './journees-quebec.rules.js';

export const JOURNEES_QUEBEC_EVENT = { fr: 'Événement Journées Québec', en: 'Journées Québec event' };

const DATE_FIELDS = ['startsOn', 'endsOn', 'registrationDeadline'] as const;

/**
 * Journées Québec events (docs/domain.md): every role reads them; ADMIN and MANAGER create and edit them. An event has no
 * region of its own: the companies taking part do (see EventParticipationsService).
 */
@Injectable()
export class JourneesQuebecEventsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  readonly eventById = keyedLoader<string, JourneesQuebecEvent>(
    'journeesQuebecEventById',
    (ids) => this.db.find(JourneesQuebecEvent, { where: { id: In([...ids]) } }),
    (event) => event.id,
  );

  event(_ctx: RequestContext, id: string): Promise<JourneesQuebecEvent | null> {
    return this.db.findOneBy(JourneesQuebecEvent, { id });
  }

  /** Events, the latest first, filtered in SQL; `from`/`to` keep the events whose days intersect that interval. */
  events(_ctx: RequestContext, args: JourneesQuebecEventsArgs): Promise<Page<JourneesQuebecEvent>> {
    const filter = args.filter ?? {};
    if (filter.from && filter.to && filter.to < filter.from) throw BadUserInputError.field('filter.to', 'field.rangeOrder');
    const query = this.db.createQueryBuilder(JourneesQuebecEvent, 'event');
    if (filter.status?.length) query.andWhere('event.status IN (:...status)', { status: filter.status });
    if (filter.mode?.length) query.andWhere('event.mode IN (:...mode)', { mode: filter.mode });
    if (filter.from) query.andWhere('event.ends_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.starts_on <= :to', { to: filter.to });
    if (filter.country) {
      query.andWhere('lower(crm_unaccent(event.country)) = lower(crm_unaccent(:country))', { country: filter.country });
    }
    return paginate(query, {
      first: args.first,
      after: args.after,
      sort: [
        { expression: 'event.starts_on', direction: 'DESC' },
        { expression: 'event.id', direction: 'ASC' },
      ],
    });
  }

  async createEvent(ctx: RequestContext, input: CreateJourneesQuebecEventInput): Promise<JourneesQuebecEvent> {
    const dates: EventDates = {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      registrationDeadline: input.registrationDeadline,
    };
    const problems = eventDateProblems(dates, new Set(DATE_FIELDS));
    if (problems.length > 0) throw new BadUserInputError(problems);
    const result = await this.db.insert(JourneesQuebecEvent, {
      name: input.name,
      city: input.city,
      country: input.country,
      mode: input.mode,
      ...dates,
      status: input.status ?? EventStatus.PLANNED,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    const created = await this.db.findOneByOrFail(JourneesQuebecEvent, { id });
    await this.audit.record(ctx, { action: 'create', entityType: 'JourneesQuebecEvent', entityId: id, after: created });
    return created;
  }

  /**
   * Changes the fields given, checked against the stored ones (nothing changes once the event is held or
   * cancelled, the status moves one allowed step, HELD not before the event starts, dates stay coherent), as
   * `UPDATE … WHERE id AND version` with the row count checked.
   */
  async updateEvent(ctx: RequestContext, input: UpdateJourneesQuebecEventInput): Promise<JourneesQuebecEvent> {
    const before = await this.db.findOneBy(JourneesQuebecEvent, { id: input.id });
    if (!before) throw new NotFoundError(JOURNEES_QUEBEC_EVENT, input.id);
    const { id, version, ...fields } = input;
    const changes = Object.fromEntries(
      // null is "not given" (every column is required); a value equal to the stored one is no change.
      Object.entries(fields).filter(([key, value]) => value != null && value !== before[key as keyof typeof fields]),
    ) as Partial<JourneesQuebecEvent>;
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    const problems: FieldProblem[] = eventChangeProblems(before, changes, todayInQuebec());
    const changedDates = new Set(DATE_FIELDS.filter((field) => changes[field] !== undefined));
    if (changedDates.size > 0 && !FINAL_EVENT_STATUSES.includes(before.status)) {
      const dates: EventDates = {
        startsOn: changes.startsOn ?? before.startsOn,
        endsOn: changes.endsOn ?? before.endsOn,
        registrationDeadline: changes.registrationDeadline ?? before.registrationDeadline,
      };
      problems.push(...eventDateProblems(dates, changedDates));
    }
    if (problems.length > 0) throw new BadUserInputError(problems);
    await updateWithVersion(this.db, JourneesQuebecEvent, { id }, version, changes, 'JourneesQuebecEvent');
    const after = await this.db.findOneByOrFail(JourneesQuebecEvent, { id });
    await this.audit.record(ctx, { action: 'update', entityType: 'JourneesQuebecEvent', entityId: id, before, after });
    return after;
  }
}
