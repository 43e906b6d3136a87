import { EventStatus, ParticipationStatus } from './journees-quebec.enums.js';
import {
  eventChangeProblems,
  EVENT_STATES,
  eventDateProblems,
  MAX_OUTCOME,
  outcomeProblems,
  PARTICIPATION_STATES,
  registrationProblem,
} from './journees-quebec.rules.js';

const canMoveEvent = (from: EventStatus, to: EventStatus) => EVENT_STATES.actionTo(from, to) !== null;
const eventStatusMoveProblem = (from: EventStatus, to: EventStatus, field: string) =>
  EVENT_STATES.moveProblem(from, to, { field, startsOn: '2000-01-01', today: '2000-01-01' });
const canApply = (action: 'confirm' | 'withdraw' | 'attend', status: ParticipationStatus) => PARTICIPATION_STATES.can(action, status);

const ALL_EVENT_STATUSES = Object.values(EventStatus);

describe('event changes', () => {
  const today = '2026-05-10';
  const fields = (problems: { field: string; message: string }[]) => problems.map((p) => `${p.field} ${p.message}`);

  it('marks HELD from the day the event starts, not before (the start date it will have)', () => {
    const open = { status: EventStatus.REGISTRATION_OPEN, startsOn: '2026-05-11' };
    expect(fields(eventChangeProblems(open, { status: EventStatus.HELD }, today))).toEqual(['input.status field.eventHeldBeforeStart']);
    expect(eventChangeProblems(open, { status: EventStatus.HELD, startsOn: today }, today)).toEqual([]);
    expect(eventChangeProblems({ ...open, startsOn: today }, { status: EventStatus.HELD }, today)).toEqual([]);
    expect(fields(eventChangeProblems({ ...open, startsOn: today }, { status: EventStatus.HELD, startsOn: '2026-06-01' }, today))).toEqual([
      'input.status field.eventHeldBeforeStart',
    ]);
  });

  it.each([EventStatus.HELD, EventStatus.CANCELLED])('changes nothing of a %s event, naming each field given', (status) => {
    const event = { status, startsOn: '2026-01-01' };
    expect(fields(eventChangeProblems(event, { name: 'x', city: 'y' }, today))).toEqual(['input.name field.eventFinal', 'input.city field.eventFinal']);
    expect(fields(eventChangeProblems(event, { status: EventStatus.PLANNED }, today))).toEqual(['input.status field.eventStatusMove']);
  });

  it('lets a planned or open event change', () => {
    expect(eventChangeProblems({ status: EventStatus.PLANNED, startsOn: '2026-06-01' }, { name: 'x', status: EventStatus.REGISTRATION_OPEN }, today)).toEqual([]);
  });
});
const ALL_PARTICIPATION_STATUSES = Object.values(ParticipationStatus);

describe('event status moves', () => {
  const allowed = new Set([
    'PLANNED→REGISTRATION_OPEN',
    'PLANNED→CANCELLED',
    'REGISTRATION_OPEN→HELD',
    'REGISTRATION_OPEN→CANCELLED',
  ]);

  it.each(ALL_EVENT_STATUSES.flatMap((from) => ALL_EVENT_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s follows PLANNED → REGISTRATION_OPEN → HELD, CANCELLED before HELD',
    (from, to) => {
      expect(canMoveEvent(from, to)).toBe(allowed.has(`${from}→${to}`));
    },
  );

  it('names the field and both states when a move is refused', () => {
    expect(eventStatusMoveProblem(EventStatus.HELD, EventStatus.CANCELLED, 'input.status')).toEqual({
      field: 'input.status',
      message: 'field.eventStatusMove',
      params: { fromFr: 'tenu', fromEn: 'held', toFr: 'annulé', toEn: 'cancelled' },
    });
    expect(eventStatusMoveProblem(EventStatus.PLANNED, EventStatus.HELD, 'input.status')?.field).toBe('input.status');
    expect(eventStatusMoveProblem(EventStatus.PLANNED, EventStatus.REGISTRATION_OPEN, 'input.status')).toBeNull();
  });
});

describe('event dates', () => {
  const all = new Set(['startsOn', 'endsOn', 'registrationDeadline'] as const);

  it('accepts a one-day event whose deadline is its first day', () => {
    expect(eventDateProblems({ startsOn: '2025-05-10', endsOn: '2025-05-10', registrationDeadline: '2025-05-10' }, all)).toEqual([]);
  });

  it('refuses an end before the start and a deadline after the start, naming each date', () => {
    expect(eventDateProblems({ startsOn: '2025-05-10', endsOn: '2025-05-09', registrationDeadline: '2025-05-11' }, all)).toEqual([
      { field: 'input.endsOn', message: 'field.eventEndsBeforeStart' },
      { field: 'input.registrationDeadline', message: 'field.deadlineAfterStart' },
    ]);
  });

  it('blames the start when only the start moved', () => {
    const dates = { startsOn: '2025-06-10', endsOn: '2025-06-01', registrationDeadline: '2025-05-01' };
    expect(eventDateProblems(dates, new Set(['startsOn'] as const))).toEqual([
      { field: 'input.startsOn', message: 'field.eventEndsBeforeStart' },
    ]);
    expect(eventDateProblems(dates, new Set(['startsOn', 'endsOn'] as const))).toEqual([
      { field: 'input.endsOn', message: 'field.eventEndsBeforeStart' },
    ]);
  });
});

describe('registration window', () => {
  const open = { status: EventStatus.REGISTRATION_OPEN, registrationDeadline: '2025-03-31' };

  it('is open up to and including the deadline', () => {
    expect(registrationProblem(open, '2025-03-30')).toBeNull();
    expect(registrationProblem(open, '2025-03-31')).toBeNull();
  });

  it('closes the day after the deadline', () => {
    expect(registrationProblem(open, '2025-04-01')).toEqual({
      message: 'field.registrationDeadlinePassed',
      params: { deadline: '2025-03-31' },
    });
  });

  it.each([EventStatus.PLANNED, EventStatus.HELD, EventStatus.CANCELLED])('is closed while the event is %s', (status) => {
    expect(registrationProblem({ ...open, status }, '2025-01-01')?.message).toBe('field.eventNotOpen');
  });
});

describe('participation moves', () => {
  const expected: Record<string, ParticipationStatus[]> = {
    confirm: [ParticipationStatus.REGISTERED],
    withdraw: [ParticipationStatus.REGISTERED, ParticipationStatus.CONFIRMED],
    attend: [ParticipationStatus.REGISTERED, ParticipationStatus.CONFIRMED],
  };

  it.each(
    (['confirm', 'withdraw', 'attend'] as const).flatMap((action) =>
      ALL_PARTICIPATION_STATUSES.map((status) => [action, status] as const),
    ),
  )('%s from %s', (action, status) => {
    expect(canApply(action, status)).toBe(expected[action]!.includes(status));
  });
});

describe('event outcomes', () => {
  const fine = { candidatesMet: 40, interviewsHeld: 12, offersMade: 5, hires: 3 };
  const fields = (outcome: typeof fine) => outcomeProblems(outcome).map((p) => p.field);

  it('accepts hires ≤ offers ≤ interviews ≤ candidates, equalities and zeros included', () => {
    expect(outcomeProblems(fine)).toEqual([]);
    expect(outcomeProblems({ candidatesMet: 5, interviewsHeld: 5, offersMade: 5, hires: 5 })).toEqual([]);
    expect(outcomeProblems({ candidatesMet: 0, interviewsHeld: 0, offersMade: 0, hires: 0 })).toEqual([]);
  });

  it('blames hires above offers', () => {
    expect(outcomeProblems({ ...fine, hires: 6 })).toEqual([
      {
        field: 'input.hires',
        message: 'field.outcomeExceeds',
        params: { limit: 5, limitFr: 'le nombre de promesses d’embauche', limitEn: 'the number of offers made' },
      },
    ]);
  });

  it('blames offers above interviews, and interviews above candidates', () => {
    expect(fields({ ...fine, offersMade: 13 })).toEqual(['input.offersMade']);
    expect(fields({ ...fine, interviewsHeld: 41 })).toEqual(['input.interviewsHeld']);
  });

  it('reports every broken link of the chain at once', () => {
    expect(fields({ candidatesMet: 1, interviewsHeld: 2, offersMade: 3, hires: 4 })).toEqual([
      'input.interviewsHeld',
      'input.offersMade',
      'input.hires',
    ]);
  });

  it('refuses negative, fractional and too large figures, without comparing them', () => {
    expect(fields({ ...fine, hires: -1 })).toEqual(['input.hires']);
    expect(fields({ ...fine, candidatesMet: 2.5 })).toEqual(['input.candidatesMet']);
    expect(fields({ ...fine, candidatesMet: MAX_OUTCOME + 1 })).toEqual(['input.candidatesMet']);
    expect(outcomeProblems({ ...fine, hires: -1 })[0]).toMatchObject({ message: 'field.intRange', params: { min: 0 } });
  });
});
