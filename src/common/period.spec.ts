import { BadUserInputError } from '../errors/domain.errors.js';
import { fiscalYearOf, fiscalYearsSinceDeployment, resolvePeriod } from './period.js';

const fieldOf = (forms: Parameters<typeof resolvePeriod>[0]) => {
  try {
    resolvePeriod(forms, '2026-11-21');
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields[0]!.field;
    throw error;
  }
  return null;
};

describe('resolvePeriod', () => {
  it('turns a fiscal year into 1 April → 31 March', () => {
    expect(resolvePeriod({ fiscalYear: '2020-2021' }, '2026-11-21')).toEqual({ from: '2020-04-01', to: '2021-03-31', fiscalYear: '2020-2021' });
  });

  it('takes a from/to range as it is, bounds included', () => {
    expect(resolvePeriod({ from: '2021-01-01', to: '2021-01-01' }, '2026-11-21')).toEqual({ from: '2021-01-01', to: '2021-01-01', fiscalYear: null });
  });

  it('runs "since the deployment" from 2019-08-01 to today', () => {
    expect(resolvePeriod({ sinceDeployment: true }, '2026-11-21')).toEqual({ from: '2019-08-01', to: '2026-11-21', fiscalYear: null });
  });

  it.each([
    [{}, 'period'],
    [{ sinceDeployment: false }, 'period'],
    [{ fiscalYear: '2020-2021', sinceDeployment: true }, 'period'],
    [{ fiscalYear: '2020-2021', from: '2020-01-01', to: '2020-02-01' }, 'period'],
    [{ fiscalYear: '2020-2022' }, 'period.fiscalYear'],
    [{ fiscalYear: '2020' }, 'period.fiscalYear'],
    [{ fiscalYear: '2021-2020' }, 'period.fiscalYear'],
    [{ fiscalYear: '20-21' }, 'period.fiscalYear'],
    [{ fiscalYear: '0000-0001' }, 'period.fiscalYear'],
    [{ fiscalYear: '0999-1000' }, 'period.fiscalYear'],
    [{ from: '2021-01-01' }, 'period.to'],
    [{ to: '2021-01-01' }, 'period.from'],
    [{ from: '2021-02-01', to: '2021-01-01' }, 'period.to'],
  ])('refuses %p on %s', (forms, field) => expect(fieldOf(forms)).toBe(field));
});

describe('fiscal years', () => {
  it.each([
    ['2021-03-31', '2020-2021'],
    ['2021-04-01', '2021-2022'],
    ['2019-08-01', '2019-2020'],
  ])('%s falls in %s', (date, label) => expect(fiscalYearOf(date)).toBe(label));

  it('lists the fiscal years since the deployment', () => {
    expect(fiscalYearsSinceDeployment('2021-04-01')).toEqual(['2019-2020', '2020-2021', '2021-2022']);
  });
});
