import { formatDate } from './i18n';

describe('formatDate', () => {
  it('writes dates as Québec does, the first of the month as an ordinal in French', () => {
    expect(formatDate('fr', '2026-08-01')).toBe('1er août 2026');
    expect(formatDate('fr', '2026-08-02')).toBe('2 août 2026');
    expect(formatDate('fr', '2021-03-31')).toBe('31 mars 2021');
    expect(formatDate('en', '2026-08-01')).toBe('August 1, 2026');
    expect(formatDate('fr', null)).toBe('—');
  });
});
