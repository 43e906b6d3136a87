import { fiscalYearOf, fiscalYearsSinceDeployment, todayInQuebec } from './dates';

describe('console dates', () => {
  it('places a day in its fiscal year (April 1 to March 31)', () => {
    expect(fiscalYearOf('2021-03-31')).toBe('2020-2021');
    expect(fiscalYearOf('2021-04-01')).toBe('2021-2022');
  });

  it('lists the fiscal years since the deployment', () => {
    expect(fiscalYearsSinceDeployment('2021-05-02')).toEqual(['2019-2020', '2020-2021', '2021-2022']);
  });

  it('takes today in Québec, not in UTC', () => {
    expect(todayInQuebec(new Date('2024-01-01T03:00:00Z'))).toBe('2023-12-31');
  });
});
