/** NEQ typed by a user ("1 234-567 890") → its 10 digits, or null when it is not 10 digits. No check digit is known. */
export function normalizeNeq(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  return /^[0-9]{10}$/.test(digits) ? digits : null;
}

/** The 20 sectors of SCIAN 2022 (NAICS Canada), by their 2-digit codes (31-33, 44-45, 48-49 are ranges). */
export const NAICS_SECTORS = [
  '11', '21', '22', '23', '31', '32', '33', '41', '44', '45', '48', '49', '51', '52', '53', '54', '55', '56',
  '61', '62', '71', '72', '81', '91',
] as const;

/** A SCIAN code: 2 to 6 digits whose first two are a sector. */
export function isNaicsCode(value: string): boolean {
  return /^[0-9]{2,6}$/.test(value) && (NAICS_SECTORS as readonly string[]).includes(value.slice(0, 2));
}

/** The 2-digit sector reports group by, with the ranges folded (32 → 31-33). */
export function naicsSector(code: string): string {
  const two = code.slice(0, 2);
  if (['31', '32', '33'].includes(two)) return '31-33';
  if (['44', '45'].includes(two)) return '44-45';
  if (['48', '49'].includes(two)) return '48-49';
  return two;
}
