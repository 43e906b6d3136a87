import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { assertDateRange } from '../common/date-rules.js';
import { keyedLoader } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { BadUserInputError, type FieldProblem } from '../errors/domain.errors.js';
import type {
  CreateJourneesQuebecEventInput,
  JourneesQuebecEventsArgs,
  UpdateJourneesQuebecEventInput,
} from './dto/journees-quebec-event.inputs.js';
import type { JourneesQuebecEvent } from './journees-quebec-event.entity.js';
import { JourneesQuebecEventRepository } from './journees-quebec-event.repository.js';
import { EventStatus } from './journees-quebec.enums.js';
import { eventChangeProblems, eventDateProblems, FINAL_EVENT_STATUSES, type EventDates } from './journees-quebec.rules.js';

const DATE_FIELDS = ['startsOn', 'endsOn', 'registrationDeadline'] as const;

/**
 * Journées Québec events (docs/domain.md): every role reads them; ADMIN and MANAGER create and edit them. An event has no
 * region of its own: the companies taking part do (see EventParticipationsService).
 */
@Injectable()
export class JourneesQuebecEventsService {
  constructor(
    private readonly repository: JourneesQuebecEventRepository,
    private readonly audit: AuditService,
  ) {}

  readonly eventById = keyedLoader<string, JourneesQuebecEvent>(
    'journeesQuebecEventById',
    (ids) => this.repository.findMany(ids),
    (event) => event.id,
  );

  event(_ctx: RequestContext, id: string): Promise<JourneesQuebecEvent | null> {
    return this.repository.find(id);
  }

  /** Events, the latest first, filtered in SQL; `from`/`to` keep the events whose days intersect that interval. */
  events(_ctx: RequestContext, args: JourneesQuebecEventsArgs, nodes: CompiledNodes | null = null): Promise<Page<JourneesQuebecEvent>> {
    const filter = args.filter ?? {};
    if (filter.from && filter.to) assertDateRange({ from: filter.from, to: filter.to }, 'filter');
    return this.repository.list(args, nodes);
  }

  async createEvent(ctx: RequestContext, input: CreateJourneesQuebecEventInput): Promise<JourneesQuebecEvent> {
    const dates: EventDates = {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      registrationDeadline: input.registrationDeadline,
    };
    const problems = eventDateProblems(dates, new Set(DATE_FIELDS));
    if (problems.length > 0) throw new BadUserInputError(problems);
    const created = await this.repository.insert({
      name: input.name,
      city: input.city,
      country: input.country,
      mode: input.mode,
      ...dates,
      status: input.status ?? EventStatus.PLANNED,
    });
    await this.audit.record(ctx, { action: 'create', entityType: 'JourneesQuebecEvent', entityId: created.id, after: created });
    return created;
  }

  /**
   * Changes the fields given, checked against the stored ones (nothing changes once the event is held or
   * cancelled, the status moves one allowed step, HELD not before the event starts, dates stay coherent), as
   * `UPDATE … WHERE id AND version` with the row count checked.
   */
  async updateEvent(ctx: RequestContext, input: UpdateJourneesQuebecEventInput): Promise<JourneesQuebecEvent> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const { id, version: _version, ...fields } = input;
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
    const after = await this.repository.update(before, changes);
    await this.audit.record(ctx, { action: 'update', entityType: 'JourneesQuebecEvent', entityId: id, before, after });
    return after;
  }
}
