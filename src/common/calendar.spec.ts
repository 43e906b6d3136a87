import { addDays, daysBetween, todayInQuebec } from './calendar.js';

describe('calendar', () => {
  it('gives the Québec date, not the UTC one, late in the evening', () => {
    // 2021-04-01 02:30 UTC is still 31 March in Montréal (UTC−4 in daylight time).
    expect(todayInQuebec(new Date('2021-04-01T02:30:00Z'))).toBe('2021-03-31');
    expect(todayInQuebec(new Date('2021-04-01T05:00:00Z'))).toBe('2021-04-01');
  });

  it('counts and adds days across month and leap-year boundaries', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(addDays('2021-03-31', 1)).toBe('2021-04-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
});
