import { foldEmailCase } from './email-address.js';

describe('foldEmailCase', () => {
  it('lower-cases ASCII letters only', () => {
    expect(foldEmailCase('Kim.Tremblay@Example.QC.CA')).toBe('kim.tremblay@example.qc.ca');
  });

  it.each(['\u212Aim@example.ca', 'k\u0130m@example.ca', 'Élise@example.ca', 'ﬁlion@example.ca'])('keeps %j distinct from its ASCII look-alike', (email) => {
    expect(foldEmailCase(email)).toBe(email.replace(/[A-Z]/g, (c) => c.toLowerCase()));
    expect(foldEmailCase(email)).not.toBe(email.toLowerCase().normalize('NFKC'));
  });
});
