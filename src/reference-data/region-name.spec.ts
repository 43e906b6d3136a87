import { normalizeRegionName } from './region-name.js';

describe('normalizeRegionName', () => {
  it.each([
    ['Saguenay–Lac-Saint-Jean', 'Saguenay–Lac-Saint-Jean'],
    ['Saguenay--Lac-Saint-Jean', 'Saguenay–Lac-Saint-Jean'],
    ['Saguenay - Lac-Saint-Jean', 'Saguenay–Lac-Saint-Jean'],
    ['Saguenay-Lac-Saint-Jean', 'Saguenay–Lac-Saint-Jean'],
    ['Gaspésie-Îles-de-la-Madeleine', 'Gaspésie–Îles-de-la-Madeleine'],
    ['Bas-Saint-Laurent', 'Bas-Saint-Laurent'],
    ['Abitibi-Témiscamingue', 'Abitibi-Témiscamingue'],
  ])('%s → %s', (input, expected) => expect(normalizeRegionName(input)).toBe(expected));
});
