/** Canadian postal code typed any way ("h7n5j3", "H7N-5J3") → "H7N 5J3"; null when it is not one. */
export function normalizePostalCode(value: string): string | null {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$/.test(compact)) return null;
  return `${compact.slice(0, 3)} ${compact.slice(3)}`;
}
