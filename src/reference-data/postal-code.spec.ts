import { normalizePostalCode } from './postal-code.js';

describe('normalizePostalCode', () => {
  it.each([
    ['J9P 2H5', 'J9P 2H5'],
    ['j9p2h5', 'J9P 2H5'],
    ['H7N-5J3', 'H7N 5J3'],
    [' h7n 5j3 ', 'H7N 5J3'],
  ])('%s → %s', (input, expected) => expect(normalizePostalCode(input)).toBe(expected));

  it.each(['12345', 'J9P 2H', 'D9P 2H5', 'J9P 2H55', 'W1A 1AA', ''])('refuses %s', (input) =>
    expect(normalizePostalCode(input)).toBeNull(),
  );
});
