import { guard, StateMachine } from '../common/state-machine.js';
import type { FieldProblem } from '../errors/domain.errors.js';
import { LABELS, labelParams, type MessageKey } from '../i18n/messages.js';
import { EventStatus, ParticipationStatus as P } from './journees-quebec.enums.js';

/** docs/domain.md, Journées Québec: the pure rules, kept apart from the database so they are unit-tested. */

/** What the rules of an event's status change look at: the field that asked for it, its start date (after the change), today. */
export interface EventChange {
  field: string;
  startsOn: string;
  today: string;
}

/** Journées Québec events: one step forward, or cancelled before they are held. */
export const EVENT_STATES = new StateMachine<EventStatus, 'openRegistration' | 'hold' | 'cancel', EventChange>({
  name: { fr: 'Événement Journées Québec', en: 'Journées Québec event' },
  states: LABELS.eventStatus,
  // HELD and CANCELLED are reached by transitions only.
  initial: [EventStatus.PLANNED, EventStatus.REGISTRATION_OPEN],
  transitions: {
    openRegistration: {
      label: { fr: 'ouvrir les inscriptions', en: 'open registration' },
      from: [EventStatus.PLANNED],
      to: EventStatus.REGISTRATION_OPEN,
    },
    hold: {
      label: { fr: 'marquer tenu', en: 'mark held' },
      from: [EventStatus.REGISTRATION_OPEN],
      to: EventStatus.HELD,
      guards: [
        guard('l’événement a commencé', 'the event has started', ({ field, startsOn, today }) =>
          startsOn > today ? { field, message: 'field.eventHeldBeforeStart', params: { startsOn } } : null,
        ),
      ],
    },
    cancel: { label: { fr: 'annuler', en: 'cancel' }, from: [EventStatus.PLANNED, EventStatus.REGISTRATION_OPEN], to: EventStatus.CANCELLED },
  },
  refusal: (from, { field }, to) => ({
    field,
    message: 'field.eventStatusMove',
    params: { ...labelParams('from', LABELS.eventStatus[from]), ...labelParams('to', LABELS.eventStatus[to ?? from]) },
  }),
});

/** Statuses an event may be created with. */
export const INITIAL_EVENT_STATUSES = EVENT_STATES.spec.initial;

/** Statuses after which an event is history (no transition leaves them): nothing about it changes any more. */
export const FINAL_EVENT_STATUSES: readonly EventStatus[] = EVENT_STATES.finalStates();

/**
 * What is wrong with changing an event in `before` state by `changes` on `today`: a held or cancelled event takes
 * no change at all (each field given is named; a status change is named by the transition table); the status moves
 * by a transition of EVENT_STATES, whose guards see the start date the event will have after the change.
 */
export function eventChangeProblems(
  before: { status: EventStatus; startsOn: string },
  changes: Partial<Record<string, unknown>> & { status?: EventStatus; startsOn?: string },
  today: string,
  prefix = 'input',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (FINAL_EVENT_STATUSES.includes(before.status)) {
    for (const field of Object.keys(changes).filter((key) => key !== 'status')) {
      problems.push({ field: `${prefix}.${field}`, message: 'field.eventFinal', params: labelParams('status', LABELS.eventStatus[before.status]) });
    }
  }
  if (changes.status) {
    const change = { field: `${prefix}.status`, startsOn: changes.startsOn ?? before.startsOn, today };
    const problem = EVENT_STATES.moveProblem(before.status, changes.status, change);
    if (problem) problems.push(problem);
  }
  return problems;
}

export interface EventDates {
  startsOn: string;
  endsOn: string;
  registrationDeadline: string;
}

/**
 * Coherent dates: endsOn ≥ startsOn and registrationDeadline ≤ startsOn (dates as YYYY-MM-DD compare as text).
 * `changed` lists the dates the caller gave: the problem names the date they gave, or startsOn when only that moved.
 */
export function eventDateProblems(
  dates: EventDates,
  changed: ReadonlySet<keyof EventDates>,
  prefix = 'input',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const blame = (own: keyof EventDates) => `${prefix}.${changed.has(own) || !changed.has('startsOn') ? own : 'startsOn'}`;
  if (dates.endsOn < dates.startsOn) problems.push({ field: blame('endsOn'), message: 'field.eventEndsBeforeStart' });
  if (dates.registrationDeadline > dates.startsOn) {
    problems.push({ field: blame('registrationDeadline'), message: 'field.deadlineAfterStart' });
  }
  return problems;
}

/** Why a company cannot register for `event` on `today`, or null when it can. */
export function registrationProblem(
  event: { status: EventStatus; registrationDeadline: string },
  today: string,
): { message: MessageKey; params: Record<string, unknown> } | null {
  if (event.status !== EventStatus.REGISTRATION_OPEN) {
    return { message: 'field.eventNotOpen', params: labelParams('status', LABELS.eventStatus[event.status]) };
  }
  if (today > event.registrationDeadline) {
    return { message: 'field.registrationDeadlinePassed', params: { deadline: event.registrationDeadline } };
  }
  return null;
}

/** What the rules of a participation's state change look at: its event, today. */
export interface ParticipationChange {
  event: { status: EventStatus; startsOn: string };
  today: string;
}

const eventStatusProblem = (event: ParticipationChange['event']): FieldProblem => ({
  field: 'id',
  message: 'field.eventStatus',
  params: labelParams('status', LABELS.eventStatus[event.status]),
});

/** Companies taking part in an event: REGISTERED → CONFIRMED → ATTENDED (or directly), WITHDRAWN before it is over. */
export const PARTICIPATION_STATES = new StateMachine<P, 'confirm' | 'withdraw' | 'attend' | 'recordOutcome', ParticipationChange>({
  name: { fr: 'Participation à un événement', en: 'Event participation' },
  states: LABELS.participationStatus,
  initial: [P.REGISTERED],
  transitions: {
    confirm: {
      label: { fr: 'confirmer', en: 'confirm' },
      from: [P.REGISTERED],
      to: P.CONFIRMED,
      guards: [
        guard('l’événement est ouvert aux inscriptions', 'the event is open for registration', ({ event }) =>
          event.status === EventStatus.REGISTRATION_OPEN ? null : eventStatusProblem(event),
        ),
      ],
    },
    withdraw: { label: { fr: 'se désister', en: 'withdraw' }, from: [P.REGISTERED, P.CONFIRMED], to: P.WITHDRAWN },
    attend: {
      label: { fr: 'marquer présente', en: 'mark attended' },
      from: [P.REGISTERED, P.CONFIRMED],
      to: P.ATTENDED,
      guards: [
        guard('l’événement n’est pas annulé', 'the event is not cancelled', ({ event }) =>
          event.status === EventStatus.CANCELLED ? eventStatusProblem(event) : null,
        ),
        guard('l’événement a commencé', 'the event has started', ({ event, today }) =>
          event.startsOn > today ? { field: 'id', message: 'field.eventNotStarted', params: { startsOn: event.startsOn } } : null,
        ),
      ],
    },
    recordOutcome: {
      label: { fr: 'consigner les résultats (ou les corriger)', en: 'record the outcomes (or correct them)' },
      from: [P.ATTENDED],
      refusal: () => ({ field: 'input.participationId', message: 'field.outcomeNotAttended' }),
    },
  },
  refusal: (status) => ({ field: 'id', message: 'field.participationStatus', params: labelParams('status', LABELS.participationStatus[status]) }),
});

export interface EventOutcome {
  candidatesMet: number;
  interviewsHeld: number;
  offersMade: number;
  hires: number;
}

/** Highest value accepted for one outcome figure of one company at one event. */
export const MAX_OUTCOME = 100_000;

const OUTCOME_FIELDS = ['candidatesMet', 'interviewsHeld', 'offersMade', 'hires'] as const;

/**
 * Outcomes are non-negative integers with hires ≤ offersMade ≤ interviewsHeld ≤ candidatesMet. Each problem names
 * the figure that exceeds the one before it in that chain (hires > offersMade blames hires).
 */
export function outcomeProblems(outcome: EventOutcome, prefix = 'input'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const valid = new Set<keyof EventOutcome>();
  for (const field of OUTCOME_FIELDS) {
    const value = outcome[field];
    if (Number.isInteger(value) && value >= 0 && value <= MAX_OUTCOME) valid.add(field);
    else problems.push({ field: `${prefix}.${field}`, message: 'field.intRange', params: { min: 0, max: MAX_OUTCOME } });
  }
  for (let i = 1; i < OUTCOME_FIELDS.length; i += 1) {
    const field = OUTCOME_FIELDS[i]!;
    const limit = OUTCOME_FIELDS[i - 1]!;
    if (valid.has(field) && valid.has(limit) && outcome[field] > outcome[limit]) {
      problems.push({
        field: `${prefix}.${field}`,
        message: 'field.outcomeExceeds',
        params: { limit: outcome[limit], ...labelParams('limit', LABELS.eventOutcome[limit]) },
      });
    }
  }
  return problems;
}
