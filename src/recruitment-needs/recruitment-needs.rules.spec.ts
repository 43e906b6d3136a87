import { isWage, NEED_ACTION_TO, NEED_STATES, nocProblem, statusAfterFilling } from './recruitment-needs.rules.js';
import { RecruitmentNeedStatus as S } from './recruitment-need.enums.js';

/** A status change (`updateRecruitmentNeed`) from `from` to `to` is allowed by the transition table. */
const canMove = (from: S, to: S) => NEED_ACTION_TO[to] !== undefined && NEED_STATES.can(NEED_ACTION_TO[to], from);

describe('recruitment need rules', () => {
  it.each([
    ['21231', null],
    ['00010', null],
    ['95109', null],
    ['26010', 'field.nocTeer'],
    ['1234', 'field.nocCode'],
    ['123456', 'field.nocCode'],
    ['2123a', 'field.nocCode'],
  ])('NOC %s → %s', (code, problem) => expect(nocProblem(code)).toBe(problem));

  it('moves only along the documented transitions (docs/domain.md, Recruitment needs)', () => {
    expect(canMove(S.OPEN, S.IN_PROGRESS)).toBe(true);
    expect(canMove(S.IN_PROGRESS, S.FILLED)).toBe(true);
    expect(canMove(S.IN_PROGRESS, S.PARTIALLY_FILLED)).toBe(true);
    expect(canMove(S.OPEN, S.CANCELLED)).toBe(true);
    expect(canMove(S.OPEN, S.FILLED)).toBe(false);
    expect(canMove(S.FILLED, S.IN_PROGRESS)).toBe(false);
    expect(canMove(S.CANCELLED, S.OPEN)).toBe(false);
    expect(canMove(S.IN_PROGRESS, S.OPEN)).toBe(false);
  });

  it.each([
    [0, true],
    [27.5, true],
    [27.55, true],
    [9999.99, true],
    [27.555, false],
    [-1, false],
    [10_000, false],
    [Number.NaN, false],
  ])('wage %p valid: %p', (wage, valid) => expect(isWage(wage)).toBe(valid));

  it('derives the status from the positions filled', () => {
    expect(statusAfterFilling(S.OPEN, 0, 3)).toBe(S.OPEN);
    expect(statusAfterFilling(S.OPEN, 1, 3)).toBe(S.IN_PROGRESS);
    expect(statusAfterFilling(S.OPEN, 3, 3)).toBe(S.FILLED);
    expect(statusAfterFilling(S.IN_PROGRESS, 0, 3)).toBe(S.IN_PROGRESS);
  });
});
