/**
 * Official region names use an en dash between two place names (Saguenay–Lac-Saint-Jean); public files often
 * write a hyphen with spaces or a double hyphen instead. Brings those back to the en dash.
 */
export function normalizeRegionName(name: string): string {
  return name
    .trim()
    .replace(/\s*--\s*/g, '–')
    .replace(/\s+[-–]\s+/g, '–')
    .replace(/^Saguenay-Lac-Saint-Jean$/i, 'Saguenay–Lac-Saint-Jean')
    .replace(/^Gaspésie-Îles-de-la-Madeleine$/i, 'Gaspésie–Îles-de-la-Madeleine');
}
