/**
 * Writing CSV, the one way every CSV the product writes is made (exports, the import's error report, downloads).
 *
 * - RFC 4180: a cell holding the delimiter, a double quote, a carriage return or a line feed is enclosed in double
 *   quotes, its double quotes doubled; records end with CRLF.
 * - Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with `=`, `+`, `-`, `@`, a tab or a
 *   carriage return would be run as a formula by Excel, LibreOffice or Google Sheets. Such a cell is written with
 *   an apostrophe in front (`'=1+1`), which spreadsheets show as text. A plain number (`-12`, `+3.5`, `-1e3`) is
 *   left as it is: it cannot be a formula.
 * - `null` and `undefined` are empty cells; other values are written with `String(value)`.
 *
 * Pure and dependency-free (usable in a browser too). The `bi` views are not written through here: BI tools read
 * the raw values from the database.
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as written by PostgreSQL or JavaScript: not a formula even when it starts with + or -. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface CsvOptions {
  /** One character between cells; `,` by default (`;` for a French Excel). */
  delimiter?: string;
}

/** The text of a cell as a spreadsheet should see it: an apostrophe before what would start a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One cell, neutralized and quoted when needed. */
export function csvCell(value: unknown, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  const text = neutralizeFormula(String(value));
  const delimiter = options.delimiter ?? ',';
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: its cells joined by the delimiter, ended by CRLF. */
export function csvRow(values: readonly unknown[], options: CsvOptions = {}): string {
  return `${values.map((value) => csvCell(value, options)).join(options.delimiter ?? ',')}\r\n`;
}

/** The byte order mark that makes Excel read a UTF-8 file's accents. */
export const UTF8_BOM = '\uFEFF';
