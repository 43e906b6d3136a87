import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (2021-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(
      `Date invalide : ${JSON.stringify(value)}. Format attendu AAAA-MM-JJ (ex. 2021-03-31). / ` +
        'Invalid date: expected YYYY-MM-DD (e.g. 2021-03-31).',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

/**
 * `Date`: an ISO 8601 calendar date (2021-03-31), carried as a string in TypeScript so that no time zone can
 * shift it. Use as `@Field(() => GraphQLDate)` on `string` properties.
 */
export const GraphQLDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Date de calendrier ISO 8601 (AAAA-MM-JJ), ex. 2021-03-31',
  parseValue: parse,
  // Answers are dates PostgreSQL read from `date` columns (always real dates): their format is enough to check.
  serialize: (value) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' && ISO_DATE.test(value) ? value : parse(value),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
