/** PostgreSQL COPY text format: tab-separated fields, \N for null, backslash escapes; arrays as literals. */

const SPECIAL = /[\\\t\n\r]/;

/** One field of COPY text. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** An array literal ({"a","b"}), every element quoted so spaces and commas are safe; copyLine escapes it. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** One line of COPY text (with its newline). */
export function copyLine(fields: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : '\t') + copyField(fields[i]!);
  return `${line}\n`;
}
