import { normalizeNeq, isNaicsCode, naicsSector } from './company-identifiers.js';
import { companyNameKey } from './company-name.js';

describe('companyNameKey', () => {
  it.each([
    ['Boulangerie St-Jérôme Inc.', 'boulangerie st jerome'],
    ['BOULANGERIE ST JEROME LTÉE', 'boulangerie st jerome'],
    ['Les Entreprises Côté & Fils enr.', 'les entreprises cote et fils'],
    ['Gagnon, Roy S.E.N.C.', 'gagnon roy'],
    ['Tremblay et Cie', 'tremblay'],
    ['Acier Laval Ltd', 'acier laval'],
    ['Inc.', 'inc'],
  ])('%s → %s', (name, key) => expect(companyNameKey(name)).toBe(key));
});

describe('normalizeNeq', () => {
  it.each([
    ['1234567890', '1234567890'],
    ['1 234 567 890', '1234567890'],
    ['1234-567-890', '1234567890'],
  ])('%s → %s', (input, neq) => expect(normalizeNeq(input)).toBe(neq));

  it.each(['123456789', '12345678901', '12345abcde', ''])('refuses %s', (input) => expect(normalizeNeq(input)).toBeNull());
});

describe('SCIAN codes', () => {
  it.each(['11', '311', '336411', '4451', '91'])('accepts %s', (code) => expect(isNaicsCode(code)).toBe(true));
  it.each(['1', '1234567', '10', '30', '99', '6a'])('refuses %s', (code) => expect(isNaicsCode(code)).toBe(false));
  it('folds the sector ranges', () => {
    expect(naicsSector('336411')).toBe('31-33');
    expect(naicsSector('4451')).toBe('44-45');
    expect(naicsSector('541')).toBe('54');
  });
});
