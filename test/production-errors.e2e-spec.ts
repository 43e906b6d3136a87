import { TestApp } from './support/test-app.js';

/** Documents and variables with typos: graphql-js would suggest the schema's names ("Did you mean …?"). */
const TYPOS: [string, { query: string; variables?: Record<string, unknown> }][] = [
  ['an unknown field', { query: `{ regionz { code } }` }],
  ['an unknown argument', { query: `{ advisors(firs: 1) { totalCount } }` }],
  ['an unknown type in a variable definition', { query: `query ($f: CompanyFiltr) { companies(filter: $f) { totalCount } }` }],
  [
    'an unknown input field in a variable',
    { query: `query ($f: CompanyFilter) { companies(filter: $f) { totalCount } }`, variables: { f: { serch: 'x' } } },
  ],
  [
    'an unknown enum value in a variable',
    { query: `query ($o: CompanyOrder) { companies(orderBy: $o) { totalCount } }`, variables: { o: { field: 'LEGAL_NAM' } } },
  ],
  ['an unknown enum value written out', { query: `{ companies(orderBy: { field: LEGAL_NAM }) { totalCount } }` }],
];

/**
 * With introspection off, graphql-js's "Did you mean …?" suggestions would still let a client enumerate the
 * schema one typo at a time (finding 5): production answers the error without them, with or without a token.
 */
describe('schema suggestions in error messages', () => {
  describe('in production', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ NODE_ENV: 'production' });
    });
    afterAll(() => app?.close());

    it.each(TYPOS)('answers %s without suggesting names, with a token and without', async (_what, { query, variables }) => {
      for (const as of [undefined, null]) {
        const response = await app.graphql(query, { variables, ...(as === null ? { as: null } : {}) });
        expect(response.errors?.length).toBeGreaterThan(0);
        for (const error of response.errors ?? []) {
          expect(error.message).not.toMatch(/Did you mean/i);
          expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'UNAUTHENTICATED']).toContain(error.extensions?.code);
        }
      }
    });
  });

  describe('in development', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start({ NODE_ENV: 'development' });
    });
    afterAll(() => app?.close());

    it('keeps the suggestions, which help while writing queries', async () => {
      const response = await app.graphql(`{ regionz { code } }`);
      expect(response.errors?.[0]?.message).toMatch(/Did you mean "region" or "regions"\?/);
    });
  });
});
