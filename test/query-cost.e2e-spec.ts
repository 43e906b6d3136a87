import { TestApp } from './support/test-app.js';

/** 200 companies, each with its files and up to 200 interactions per file: far over the default cost limit. */
const LITERAL = `{ companies(first: 200) { edges { node { legalName accompaniments { openedOn interactions(first: 200) { summary advisor { fullName } } } } } } }`;
const FROM_VARIABLES = `query ($companies: Int, $interactions: Int) {
  companies(first: $companies) { edges { node { legalName accompaniments { openedOn interactions(first: $interactions) { summary advisor { fullName } } } } } }
}`;
const WITH_DEFAULTS = `query ($companies: Int = 200, $interactions: Int = 200) {
  companies(first: $companies) { edges { node { legalName accompaniments { openedOn interactions(first: $interactions) { summary advisor { fullName } } } } } }
}`;

const statements = (response: { headers: Headers }) => Number(response.headers.get('x-sql-statements'));

/**
 * The cost limit counts `first` the same whether it is written in the document or given in variables
 * (finding 6): graphql-armor's estimate multiplies a list's cost by its `first`.
 */
describe('GraphQL cost limit with variables', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    // The administrator's first request looks them up; from then on they are cached (src/auth/actor-cache.ts).
    expect((await app.graphql(`{ regions { code } }`)).errors).toBeUndefined();
  });
  afterAll(() => app?.close());

  it('refuses the literal document (the reference)', async () => {
    const response = await app.graphql(LITERAL);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/coût estimé dépasse 100000/);
  });

  it('refuses the same document with first: 200 from variables, before any resolver or SQL runs', async () => {
    const response = await app.graphql(FROM_VARIABLES, { variables: { companies: 200, interactions: 200 } });
    expect(response.status).toBe(400);
    expect(response.data ?? undefined).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/coût estimé dépasse 100000/);
    expect(statements(response)).toBe(0); // the administrator cached (beforeAll): not even an authentication lookup
    const english = await app.graphql(FROM_VARIABLES, { variables: { companies: 200, interactions: 200 }, headers: { 'accept-language': 'en' } });
    expect(english.errors?.[0]?.message).toMatch(/estimated cost exceeds 100000/);
  });

  it('counts a variable’s default value like the literal', async () => {
    const response = await app.graphql(WITH_DEFAULTS);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('accepts the same document with small pages, from variables as written out', async () => {
    const small = await app.graphql(FROM_VARIABLES, { variables: { companies: 5, interactions: 3 } });
    expect(small.errors).toBeUndefined();
    expect(small.status).toBe(200);
    const absent = await app.graphql(FROM_VARIABLES, { variables: {} });
    expect(absent.errors).toBeUndefined();
  });

  it('keeps page sizes capped at 200 (BAD_USER_INPUT), from a variable as written out', async () => {
    for (const query of [`query ($n: Int) { companies(first: $n) { totalCount } }`, `{ companies(first: 201) { totalCount } }`]) {
      const response = await app.graphql(query, { variables: { n: 201 } });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
