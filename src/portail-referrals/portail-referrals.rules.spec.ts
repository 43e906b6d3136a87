import { PortailReferralStep as Step } from './portail-referral.enums.js';
import {
  ENDED_STEPS,
  FUNNEL_STEPS,
  OPEN_STEPS,
  reachedStepSql,
  reachedSteps,
  skippedSteps,
  REFERRAL_STEPS,
  stepChangeFields,
} from './portail-referrals.rules.js';

/** Why the transition table refuses a move from `current` to `target` (dates aside): the referral ended, or backwards. */
const stepChangeRefusal = (current: Step, target: Step) => {
  const day = '2024-01-01';
  const problem = REFERRAL_STEPS.moveProblem(current, target, { step: current, stepChangedOn: day, on: day, today: day });
  return problem === null ? null : problem.message === 'field.portailReferralEnded' ? 'ended' : 'notForward';
};

describe('Portail employeurs funnel steps', () => {
  it('orders the funnel REFERRED → ACCOUNT_CREATED → OFFER_POSTED → CANDIDATES_RECEIVED → HIRED', () => {
    expect(FUNNEL_STEPS).toEqual([
      Step.REFERRED,
      Step.ACCOUNT_CREATED,
      Step.OFFER_POSTED,
      Step.CANDIDATES_RECEIVED,
      Step.HIRED,
    ]);
    expect(OPEN_STEPS).toEqual([Step.REFERRED, Step.ACCOUNT_CREATED, Step.OFFER_POSTED, Step.CANDIDATES_RECEIVED]);
    expect(ENDED_STEPS).toEqual([Step.HIRED, Step.DECLINED, Step.ABANDONED]);
  });

  describe('stepChangeRefusal', () => {
    const forward: [Step, Step][] = [];
    const backwardOrSame: [Step, Step][] = [];
    OPEN_STEPS.forEach((current, i) =>
      FUNNEL_STEPS.forEach((target, j) => (j > i ? forward : backwardOrSame).push([current, target])),
    );

    it.each(forward)('lets %s move forward to %s (skipping steps included)', (current, target) => {
      expect(stepChangeRefusal(current, target)).toBeNull();
    });

    it.each(backwardOrSame)('refuses %s → %s: not forward', (current, target) => {
      expect(stepChangeRefusal(current, target)).toBe('notForward');
    });

    it.each(OPEN_STEPS.flatMap((current) => [Step.DECLINED, Step.ABANDONED].map((exit) => [current, exit] as const)))(
      'lets an open referral at %s end as %s',
      (current, target) => {
        expect(stepChangeRefusal(current, target)).toBeNull();
      },
    );

    it.each(ENDED_STEPS.flatMap((current) => Object.values(Step).map((target) => [current, target] as const)))(
      'refuses anything after %s (here %s): ended',
      (current, target) => {
        expect(stepChangeRefusal(current, target)).toBe('ended');
      },
    );
  });

  it('lists the steps skipped on the way forward, none for exits', () => {
    expect(skippedSteps(Step.REFERRED, Step.ACCOUNT_CREATED)).toEqual([]);
    expect(skippedSteps(Step.REFERRED, Step.OFFER_POSTED)).toEqual([Step.ACCOUNT_CREATED]);
    expect(skippedSteps(Step.ACCOUNT_CREATED, Step.HIRED)).toEqual([Step.OFFER_POSTED, Step.CANDIDATES_RECEIVED]);
    expect(skippedSteps(Step.OFFER_POSTED, Step.DECLINED)).toEqual([]);
    expect(skippedSteps(Step.OFFER_POSTED, Step.REFERRED)).toEqual([]);
  });

  it('sets the target step’s date and stepChangedOn, and endedOn exactly when the referral ends', () => {
    expect(stepChangeFields(Step.OFFER_POSTED, '2023-05-02')).toEqual({
      step: Step.OFFER_POSTED,
      offerPostedOn: '2023-05-02',
      stepChangedOn: '2023-05-02',
    });
    expect(stepChangeFields(Step.HIRED, '2023-06-01')).toEqual({
      step: Step.HIRED,
      hiredOn: '2023-06-01',
      endedOn: '2023-06-01',
      stepChangedOn: '2023-06-01',
    });
    expect(stepChangeFields(Step.DECLINED, '2023-06-02')).toEqual({
      step: Step.DECLINED,
      endedOn: '2023-06-02',
      stepChangedOn: '2023-06-02',
    });
    expect(stepChangeFields(Step.ABANDONED, '2023-06-03')).toEqual({
      step: Step.ABANDONED,
      endedOn: '2023-06-03',
      stepChangedOn: '2023-06-03',
    });
  });

  describe('reached steps', () => {
    it('counts a later step as having reached the earlier ones, even when their dates were skipped', () => {
      expect(reachedSteps({ referredOn: '2023-01-01' })).toEqual([Step.REFERRED]);
      expect(reachedSteps({ referredOn: '2023-01-01', offerPostedOn: '2023-02-01' })).toEqual([
        Step.REFERRED,
        Step.ACCOUNT_CREATED,
        Step.OFFER_POSTED,
      ]);
      expect(reachedSteps({ referredOn: '2023-01-01', hiredOn: '2023-03-01' })).toEqual(FUNNEL_STEPS);
    });

    it('keeps what an ended referral had reached before it was declined or abandoned', () => {
      expect(
        reachedSteps({ referredOn: '2023-01-01', accountCreatedOn: '2023-01-05', endedOn: '2023-02-01' }),
      ).toEqual([Step.REFERRED, Step.ACCOUNT_CREATED]);
    });

    it('writes the same rule in SQL: the step’s date or a later funnel date is set', () => {
      expect(reachedStepSql(Step.REFERRED, 'r')).toBe('TRUE');
      expect(reachedStepSql(Step.ACCOUNT_CREATED, 'r')).toBe(
        'coalesce(r.account_created_on, r.offer_posted_on, r.candidates_received_on, r.hired_on) IS NOT NULL',
      );
      expect(reachedStepSql(Step.HIRED, 'x')).toBe('coalesce(x.hired_on) IS NOT NULL');
      expect(() => reachedStepSql(Step.DECLINED, 'r')).toThrow();
    });
  });
});
