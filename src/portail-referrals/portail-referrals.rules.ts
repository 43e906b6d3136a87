import { guard, StateMachine, type Guard } from '../common/state-machine.js';
import { LABELS, labelParams } from '../i18n/messages.js';
import { PortailReferralStep as Step } from './portail-referral.enums.js';

/**
 * The pure rules of the Portail employeurs funnel (docs/domain.md), kept apart from the database so they can be tested
 * on their own.
 *
 * - Steps only move forward along FUNNEL_STEPS. Skipping steps forward is allowed (an employer may create its
 *   account and post an offer before the advisor hears about it): the skipped steps keep a null date.
 * - DECLINED and ABANDONED end a referral from any open step; HIRED ends it at the top of the funnel.
 * - Nothing follows an ended referral.
 */
export const FUNNEL_STEPS: readonly Step[] = [
  Step.REFERRED,
  Step.ACCOUNT_CREATED,
  Step.OFFER_POSTED,
  Step.CANDIDATES_RECEIVED,
  Step.HIRED,
];

/** Steps after which nothing may happen (the partial unique index of the migration lists the same ones). */
export const ENDED_STEPS: readonly Step[] = [Step.HIRED, Step.DECLINED, Step.ABANDONED];

export const OPEN_STEPS: readonly Step[] = FUNNEL_STEPS.filter((step) => !ENDED_STEPS.includes(step));

export function isEnded(step: Step): boolean {
  return ENDED_STEPS.includes(step);
}

/** Position in the funnel (REFERRED = 0 … HIRED = 4); -1 for DECLINED and ABANDONED, which are not in it. */
export function funnelRank(step: Step): number {
  return FUNNEL_STEPS.indexOf(step);
}

/** What the rules of a step change look at: the referral's step and its date, the date of the change, today. */
export interface StepChange {
  step: Step;
  stepChangedOn: string;
  on: string;
  today: string;
}

const DATED: Guard<StepChange>[] = [
  guard('datée d’aujourd’hui au plus tard', 'dated today at the latest', ({ on, today }) =>
    on > today ? { field: 'input.on', message: 'field.futureDate' } : null,
  ),
  guard('pas avant la date de l’étape actuelle', 'not before the current step’s date', ({ on, step, stepChangedOn: date }) =>
    on < date ? { field: 'input.on', message: 'field.portailStepDate', params: { date, ...labelParams('step', LABELS.portailStep[step]) } } : null,
  ),
];

/**
 * The funnel as a transition table: a step may be reached from any open step before it (skipped steps keep a null
 * date); DECLINED and ABANDONED end a referral from any open step; nothing follows an ended referral.
 */
export const REFERRAL_STEPS = new StateMachine<Step, 'createAccount' | 'postOffer' | 'receiveCandidates' | 'hire' | 'decline' | 'abandon', StepChange>({
  name: { fr: 'Référencement au Portail employeurs', en: 'Portail employeurs referral' },
  states: LABELS.portailStep,
  initial: [Step.REFERRED],
  transitions: {
    createAccount: { label: { fr: 'compte créé', en: 'account created' }, from: OPEN_STEPS.slice(0, 1), to: Step.ACCOUNT_CREATED, guards: DATED },
    postOffer: { label: { fr: 'offre publiée', en: 'offer posted' }, from: OPEN_STEPS.slice(0, 2), to: Step.OFFER_POSTED, guards: DATED },
    receiveCandidates: {
      label: { fr: 'candidatures reçues', en: 'candidates received' },
      from: OPEN_STEPS.slice(0, 3),
      to: Step.CANDIDATES_RECEIVED,
      guards: DATED,
    },
    hire: { label: { fr: 'embauche', en: 'hire' }, from: OPEN_STEPS, to: Step.HIRED, guards: DATED },
    decline: { label: { fr: 'refus de l’entreprise', en: 'declined by the company' }, from: OPEN_STEPS, to: Step.DECLINED, guards: DATED },
    abandon: { label: { fr: 'abandon', en: 'abandon' }, from: OPEN_STEPS, to: Step.ABANDONED, guards: DATED },
  },
  refusal: (step) => ({
    field: 'input.step',
    message: isEnded(step) ? 'field.portailReferralEnded' : 'field.portailStepNotForward',
    params: labelParams('step', LABELS.portailStep[step]),
  }),
});

/** Funnel steps strictly between `current` and `target` (left with a null date when moving forward). */
export function skippedSteps(current: Step, target: Step): Step[] {
  const from = funnelRank(current);
  const to = funnelRank(target);
  if (from < 0 || to < 0) return [];
  return FUNNEL_STEPS.slice(from + 1, Math.max(from + 1, to));
}

export type StepDateField =
  | 'referredOn'
  | 'accountCreatedOn'
  | 'offerPostedOn'
  | 'candidatesReceivedOn'
  | 'hiredOn'
  | 'endedOn';

/** The date each step keeps. DECLINED and ABANDONED keep theirs in `endedOn`. */
export const STEP_DATE_FIELD: Record<Step, StepDateField> = {
  REFERRED: 'referredOn',
  ACCOUNT_CREATED: 'accountCreatedOn',
  OFFER_POSTED: 'offerPostedOn',
  CANDIDATES_RECEIVED: 'candidatesReceivedOn',
  HIRED: 'hiredOn',
  DECLINED: 'endedOn',
  ABANDONED: 'endedOn',
};

/** The column of each funnel step's date in `portail_referrals`. */
export const STEP_DATE_COLUMN: Record<Step, string> = {
  REFERRED: 'referred_on',
  ACCOUNT_CREATED: 'account_created_on',
  OFFER_POSTED: 'offer_posted_on',
  CANDIDATES_RECEIVED: 'candidates_received_on',
  HIRED: 'hired_on',
  DECLINED: 'ended_on',
  ABANDONED: 'ended_on',
};

/**
 * The fields a move to `target` on `on` sets: the step, its date, `stepChangedOn`, and `endedOn` when the
 * referral ends (HIRED included, so `endedOn` is set exactly on ended referrals).
 */
export function stepChangeFields(target: Step, on: string): Partial<Record<StepDateField | 'stepChangedOn', string>> & {
  step: Step;
} {
  const fields: Partial<Record<StepDateField | 'stepChangedOn', string>> = {
    [STEP_DATE_FIELD[target]]: on,
    stepChangedOn: on,
  };
  if (isEnded(target)) fields.endedOn = on;
  return { step: target, ...fields };
}

/** The funnel steps a referral has reached, given which step dates it holds (a later date implies earlier steps). */
export function reachedSteps(dates: Partial<Record<StepDateField, string | null>>): Step[] {
  const furthest = FUNNEL_STEPS.reduce(
    (top, step, rank) => (step === Step.REFERRED || dates[STEP_DATE_FIELD[step]] ? rank : top),
    0,
  );
  return FUNNEL_STEPS.slice(0, furthest + 1);
}

/**
 * SQL condition (on a `portail_referrals` row aliased `alias`) true when the referral reached `step`: the date
 * of that step or of any later funnel step is set. It holds for ended referrals too (a referral DECLINED after
 * its offer was posted reached OFFER_POSTED), and for steps that were skipped on the way up.
 */
export function reachedStepSql(step: Step, alias: string): string {
  const rank = funnelRank(step);
  if (rank < 0) throw new Error(`${step} is not a funnel step`);
  if (rank === 0) return 'TRUE';
  const columns = FUNNEL_STEPS.slice(rank).map((later) => `${alias}.${STEP_DATE_COLUMN[later]}`);
  return `coalesce(${columns.join(', ')}) IS NOT NULL`;
}
