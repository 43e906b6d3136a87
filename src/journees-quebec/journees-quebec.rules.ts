import type { FieldProblem } from '../errors/domain.errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { EVENT_STATUS_LABELS, EventStatus, ParticipationStatus } from './journees-quebec.enums.js';

/** docs/domain.md, Journées Québec: the pure rules, kept apart from the database so they are unit-tested. */

/** Where an event may go from each status: one step forward, or cancelled before it is held. */
export const EVENT_STATUS_MOVES: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  PLANNED: [EventStatus.REGISTRATION_OPEN, EventStatus.CANCELLED],
  REGISTRATION_OPEN: [EventStatus.HELD, EventStatus.CANCELLED],
  HELD: [],
  CANCELLED: [],
};

/** Statuses an event may be created with (HELD and CANCELLED are reached by moves only). */
export const INITIAL_EVENT_STATUSES: readonly EventStatus[] = [EventStatus.PLANNED, EventStatus.REGISTRATION_OPEN];

export function canMoveEvent(from: EventStatus, to: EventStatus): boolean {
  return EVENT_STATUS_MOVES[from].includes(to);
}

/** The problem with moving an event from `from` to `to` on `field`, or null when the move is allowed. */
export function eventStatusMoveProblem(from: EventStatus, to: EventStatus, field: string): FieldProblem | null {
  if (canMoveEvent(from, to)) return null;
  return {
    field,
    message: 'field.eventStatusMove',
    params: {
      fromFr: EVENT_STATUS_LABELS[from].fr,
      fromEn: EVENT_STATUS_LABELS[from].en,
      toFr: EVENT_STATUS_LABELS[to].fr,
      toEn: EVENT_STATUS_LABELS[to].en,
    },
  };
}

/** Statuses after which an event is history: nothing about it changes any more. */
export const FINAL_EVENT_STATUSES: readonly EventStatus[] = [EventStatus.HELD, EventStatus.CANCELLED];

/**
 * What is wrong with changing an event in `before` state by `changes` on `today`: a held or cancelled event takes
 * no change at all (each field given is named; a status change is named by the status rules); the status moves one
 * allowed step; and an event is HELD only on or after the day it starts (the start date it will have after the
 * change).
 */
export function eventChangeProblems(
  before: { status: EventStatus; startsOn: string },
  changes: Partial<Record<string, unknown>> & { status?: EventStatus; startsOn?: string },
  today: string,
  prefix = 'input',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (FINAL_EVENT_STATUSES.includes(before.status)) {
    const label = EVENT_STATUS_LABELS[before.status];
    for (const field of Object.keys(changes).filter((key) => key !== 'status')) {
      problems.push({ field: `${prefix}.${field}`, message: 'field.eventFinal', params: { statusFr: label.fr, statusEn: label.en } });
    }
  }
  if (changes.status) {
    const move = eventStatusMoveProblem(before.status, changes.status, `${prefix}.status`);
    if (move) problems.push(move);
    const startsOn = changes.startsOn ?? before.startsOn;
    if (!move && changes.status === EventStatus.HELD && startsOn > today) {
      problems.push({ field: `${prefix}.status`, message: 'field.eventHeldBeforeStart', params: { startsOn } });
    }
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
    const label = EVENT_STATUS_LABELS[event.status];
    return { message: 'field.eventNotOpen', params: { statusFr: label.fr, statusEn: label.en } };
  }
  if (today > event.registrationDeadline) {
    return { message: 'field.registrationDeadlinePassed', params: { deadline: event.registrationDeadline } };
  }
  return null;
}

/** The state changes of a participation, with the statuses each one starts from. */
export type ParticipationAction = 'confirm' | 'withdraw' | 'attend';

export const PARTICIPATION_MOVES: Readonly<
  Record<ParticipationAction, { from: readonly ParticipationStatus[]; to: ParticipationStatus }>
> = {
  confirm: { from: [ParticipationStatus.REGISTERED], to: ParticipationStatus.CONFIRMED },
  withdraw: { from: [ParticipationStatus.REGISTERED, ParticipationStatus.CONFIRMED], to: ParticipationStatus.WITHDRAWN },
  attend: { from: [ParticipationStatus.REGISTERED, ParticipationStatus.CONFIRMED], to: ParticipationStatus.ATTENDED },
};

export function canApply(action: ParticipationAction, status: ParticipationStatus): boolean {
  return PARTICIPATION_MOVES[action].from.includes(status);
}

export interface EventOutcome {
  candidatesMet: number;
  interviewsHeld: number;
  offersMade: number;
  hires: number;
}

/** Highest value accepted for one outcome figure of one company at one event. */
export const MAX_OUTCOME = 100_000;

const OUTCOME_FIELDS = ['candidatesMet', 'interviewsHeld', 'offersMade', 'hires'] as const;

const OUTCOME_LABELS: Record<keyof EventOutcome, { fr: string; en: string }> = {
  candidatesMet: { fr: 'le nombre de candidats rencontrés', en: 'the number of candidates met' },
  interviewsHeld: { fr: 'le nombre d’entrevues', en: 'the number of interviews held' },
  offersMade: { fr: 'le nombre de promesses d’embauche', en: 'the number of offers made' },
  hires: { fr: 'le nombre d’embauches', en: 'the number of hires' },
};

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
        params: { limit: outcome[limit], limitFr: OUTCOME_LABELS[limit].fr, limitEn: OUTCOME_LABELS[limit].en },
      });
    }
  }
  return problems;
}
