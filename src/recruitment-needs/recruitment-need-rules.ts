import { RecruitmentNeedStatus as S } from './recruitment-need.enums.js';

/** docs/domain.md: OPEN → IN_PROGRESS → FILLED | PARTIALLY_FILLED | CANCELLED; a need may also be cancelled before work starts. */
const MOVES: Record<S, S[]> = {
  [S.OPEN]: [S.IN_PROGRESS, S.CANCELLED],
  [S.IN_PROGRESS]: [S.FILLED, S.PARTIALLY_FILLED, S.CANCELLED],
  [S.FILLED]: [],
  [S.PARTIALLY_FILLED]: [],
  [S.CANCELLED]: [],
};

export function canMove(from: S, to: S): boolean {
  return MOVES[from].includes(to);
}

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
