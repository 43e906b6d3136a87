/**
 * One CSV cell, safe to open in a spreadsheet: a text that starts like a formula (=, +, -, @, tab, carriage
 * return) gets a leading apostrophe so Excel or LibreOffice show it instead of evaluating it (numbers such as
 * -12.5 stay numbers); quoted when it holds the delimiter, a quote or a line break.
 */
export function csvCell(value: string | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const text = /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (CRLF, as RFC 4180 and Excel expect). */
export function csvLine(values: readonly (string | null | undefined)[], delimiter = ','): string {
  return `${values.map((value) => csvCell(value, delimiter)).join(delimiter)}\r\n`;
}
