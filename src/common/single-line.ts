/**
 * Single-line values (names of companies, people, regions, directions, service points and events; titles, phones,
 * municipalities, codes…): no C0 or C1 control character — tab, line feed and carriage return included — and no
 * Unicode line or paragraph separator. A name that holds a line break can start a heading, a list or a table row
 * wherever it is rendered (the regional report's Markdown, a CSV cell, a log line), so such values are refused,
 * never silently repaired. The GraphQL inputs (`RequiredText`, `Text`) and the CSV import both use this rule.
 */
const NOT_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** Multi-line text (an interaction's summary, an address): line breaks and tabs allowed, other controls not. */
const NOT_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function isSingleLine(text: string): boolean {
  return !NOT_SINGLE_LINE.test(text);
}

export function isCleanMultilineText(text: string): boolean {
  return !NOT_MULTI_LINE.test(text);
}
