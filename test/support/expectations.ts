import type { GraphQLResponse } from './test-app.js';

/**
 * A refusal: exactly one error with this code, no data (the root field is null or the whole `data` is), and for
 * BAD_USER_INPUT exactly these offending fields when given.
 */
export function expectRefusal(response: GraphQLResponse<unknown>, code: string, ...fields: string[]): void {
  expect(Object.values((response.data ?? {}) as object).every((value) => value === null)).toBe(true);
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions!.code).toBe(code);
  if (fields.length > 0) expect(response.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(fields);
}
