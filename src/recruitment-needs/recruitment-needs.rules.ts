import { guard, StateMachine, type Guard } from '../common/state-machine.js';
import { LABELS } from '../i18n/messages.js';
import { RecruitmentNeedStatus as S } from './recruitment-need.enums.js';

/** What the rules of a need's state change look at. */
export interface NeedChange {
  need: { status: S; positions: number; positionsFilled: number; openedOn: string };
  /** The field a refused transition is blamed on (`input.status` when a status was asked for, else `input.id`). */
  field: string;
  /** The status asked for (a status change), or the one the transition would reach. */
  requested?: S;
  /** The date of the change (`input.on`) and today. */
  on: string;
  today: string;
  /** Recording positions filled: how many. */
  filled?: number;
}

/** The status closing a need gives: FILLED when every position is filled, PARTIALLY_FILLED otherwise. */
export const closingStatus = (need: NeedChange['need']): S => (need.positionsFilled === need.positions ? S.FILLED : S.PARTIALLY_FILLED);

const DATED: Guard<NeedChange>[] = [
  guard('datée d’aujourd’hui au plus tard', 'dated today at the latest', ({ on, today }) =>
    on > today ? { field: 'input.on', message: 'field.futureDate' } : null,
  ),
  guard('pas avant l’ouverture du besoin', 'not before the need was opened', ({ on, need }) =>
    on < need.openedOn ? { field: 'input.on', message: 'field.beforeOpening', params: { openedOn: need.openedOn } } : null,
  ),
];

/**
 * docs/domain.md: OPEN → IN_PROGRESS → FILLED | PARTIALLY_FILLED | CANCELLED; a need may also be cancelled before work starts.
 * Recording positions filled keeps a need OPEN or IN_PROGRESS, or fills it.
 */
export const NEED_STATES = new StateMachine<S, 'start' | 'close' | 'cancel' | 'recordPositionsFilled', NeedChange>({
  name: { fr: 'Besoin de main-d’œuvre', en: 'Recruitment need' },
  states: LABELS.needStatus,
  initial: [S.OPEN],
  transitions: {
    start: { label: { fr: 'commencer le recrutement', en: 'start recruiting' }, from: [S.OPEN], to: S.IN_PROGRESS },
    close: {
      label: { fr: 'clore', en: 'close' },
      from: [S.IN_PROGRESS],
      to: [S.FILLED, S.PARTIALLY_FILLED],
      resolve: ({ need }) => closingStatus(need),
      guards: [
        guard('FILLED si tous les postes sont pourvus, sinon PARTIALLY_FILLED', 'FILLED when all positions are filled', ({ need, requested }) =>
          requested && requested !== closingStatus(need) ? { field: 'input.status', message: 'field.needFilledMismatch' } : null,
        ),
        ...DATED,
      ],
    },
    cancel: { label: { fr: 'annuler', en: 'cancel' }, from: [S.OPEN, S.IN_PROGRESS], to: S.CANCELLED, guards: DATED },
    recordPositionsFilled: {
      label: { fr: 'consigner les postes pourvus', en: 'record the positions filled' },
      from: [S.OPEN, S.IN_PROGRESS],
      to: [S.OPEN, S.IN_PROGRESS, S.FILLED],
      resolve: ({ need, filled }) => statusAfterFilling(need.status, filled!, need.positions),
      guards: [
        guard('au plus les postes à pourvoir', 'at most the positions to fill', ({ need, filled }) =>
          filled! > need.positions ? { field: 'input.positionsFilled', message: 'field.positionsFilled', params: { positions: need.positions } } : null,
        ),
        ...DATED,
      ],
    },
  },
  refusal: (from, { field, requested }) => ({ field, message: 'field.needTransition', params: { from, to: requested ?? '…' } }),
});

/** The transition a status change asks for (`updateRecruitmentNeed`): none leads back to OPEN. */
export const NEED_ACTION_TO: Partial<Record<S, 'start' | 'close' | 'cancel'>> = {
  [S.IN_PROGRESS]: 'start',
  [S.FILLED]: 'close',
  [S.PARTIALLY_FILLED]: 'close',
  [S.CANCELLED]: 'cancel',
};

export type NocProblem = 'field.nocCode' | 'field.nocTeer';

/** CNP 2021: exactly 5 digits; the 1st is the broad category (0–9), the 2nd the TEER (0–5). */
export function nocProblem(code: string): NocProblem | null {
  if (!/^[0-9]{5}$/.test(code)) return 'field.nocCode';
  if (Number(code[1]) > 5) return 'field.nocTeer';
  return null;
}

/** An amount of dollars with at most two decimals, from 0 to 9,999.99. */
export function isWage(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value < 10_000 && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/**
 * Where recording `filled` positions leaves a need: still OPEN with none filled, IN_PROGRESS with some, FILLED
 * with all of them (a need worked on is IN_PROGRESS even if nobody said so).
 */
export function statusAfterFilling(current: S, filled: number, positions: number): S {
  if (filled === positions) return S.FILLED;
  if (filled > 0 || current === S.IN_PROGRESS) return S.IN_PROGRESS;
  return S.OPEN;
}
