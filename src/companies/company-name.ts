/** Legal-form words that do not tell two companies apart (French and English, with or without dots). */
const LEGAL_FORMS = new Set([
  'inc', 'incorporee', 'incorporated', 'ltee', 'limitee', 'ltd', 'limited', 'enr', 'enregistree', 'senc', 'sencrl',
  'srl', 'snc', 'cie', 'compagnie', 'co', 'corp', 'corporation', 'llc', 'ulc', 'sa', 'sarl', 'coop', 'cooperative',
]);
const CONNECTORS = new Set(['et', 'and']);

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' et ')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The key two company names are compared by: no accents, no case, no punctuation, no legal form (inc., ltée,
 * ltd, enr., s.e.n.c., cie…). "Boulangerie St-Jérôme Inc." and "BOULANGERIE ST JEROME LTÉE" share a key.
 */
export function companyNameKey(name: string): string {
  const words = plain(name).split(' ').filter((w) => w !== '');
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  while (kept.length > 1 && CONNECTORS.has(kept.at(-1)!)) kept.pop();
  // Bounded like the column (varchar(300)): "&" grows into " et ", and a prefix this long is distinctive enough.
  return [...(kept.length > 0 ? kept : words).join(' ')].slice(0, 300).join('').trim();
}
