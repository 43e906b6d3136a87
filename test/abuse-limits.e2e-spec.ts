import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

/** Limits small enough to reach with short documents. The defaults are exercised by the rest of the suite. */
const LIMITS = {
  GRAPHQL_MAX_DEPTH: '5',
  GRAPHQL_MAX_COST: '500',
  GRAPHQL_MAX_ALIASES: '3',
  GRAPHQL_MAX_DIRECTIVES: '3',
  GRAPHQL_MAX_TOKENS: '100',
};

/** The deepest query of the suite (test/statement-count.e2e-spec.ts), one level deeper: … → interactions → advisor → regions. */
const DEEP_LEGITIMATE = `{
  companies(first: 5) {
    totalCount
    edges { node {
      legalName region { name direction { name } } contacts { lastName }
      accompaniments(status: [OPEN]) {
        openedOn advisor { fullName regions { code } } region { name } interactionCount
        interactions(first: 3) { occurredOn summary advisor { fullName regions { code } } }
      }
    } }
  }
}`;

const statements = (response: { headers: Headers }) => Number(response.headers.get('x-sql-statements'));

describe('GraphQL abuse limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(LIMITS);
    // The administrator's first request looks them up; from then on they are cached (src/auth/actor-cache.ts).
    expect((await app.graphql(`{ regions { code } }`)).errors).toBeUndefined();
  });
  afterAll(() => app.close());

  // Each document passes every limit but one. A refused request shows no SQL statement, with a token or without: the
  // advisor is authenticated when Apollo builds the request's context, before parsing, and the administrator is
  // cached since the first request (beforeAll), so authenticating them sends nothing.
  const refused: [string, string, RegExp, RegExp][] = [
    [
      'depth',
      `{ companies { edges { node { accompaniments { advisor { fullName } } } } } }`,
      /imbrique plus de 5 niveaux/,
      /nests more than 5 levels/,
    ],
    ['cost', `{ companies(first: 50) { edges { node { legalName neq } } } }`, /coût estimé dépasse 500/, /estimated cost exceeds 500/],
    ['aliases', `{ a: regions { code } b: regions { code } c: regions { code } d: regions { code } }`, /plus de 3 alias/, /more than 3 aliases/],
    [
      'directives',
      `{ regions { code @include(if: true) name @include(if: true) direction @skip(if: false) { code @skip(if: false) } } }`,
      /plus de 3 directives/,
      /more than 3 directives/,
    ],
    ['tokens', `{ ${Array.from({ length: 30 }, () => 'regions { code }').join(' ')} }`, /plus de 100 éléments/, /more than 100 GraphQL tokens/],
  ];

  it.each(refused)('refuses a document over the %s limit before any resolver or SQL runs', async (_limit, query, fr, en) => {
    const french = await app.graphql(query);
    expect(french.status).toBe(400);
    expect(french.data).toBeUndefined();
    expect(french.errors).toHaveLength(1);
    expect(french.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(french.errors![0]!.message).toMatch(fr);
    expect(french.errors![0]!.message).not.toMatch(/Syntax Error|armor|exceeded/i);
    expect(Object.keys(french.errors![0]!.extensions!)).toEqual(['code']);
    expect(statements(french)).toBe(0); // the caller cached: not even the authentication lookup

    const english = await app.graphql(query, { headers: { 'accept-language': 'en' } });
    expect(english.errors![0]!.message).toMatch(en);

    const anonymous = await app.graphql(query, { as: null });
    expect(anonymous.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(statements(anonymous)).toBe(0);
  });

  it('refuses a batched (JSON array) request', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await TestApp.token('admin@test.crm.example')}` },
      body: JSON.stringify([{ query: '{ regions { code } }' }, { query: '{ regions { name } }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  // The page-size cap (first ≤ 200) is tested in query-cost.e2e-spec.ts, with the default cost limit: here a page of
  // 201 from a variable is already over GRAPHQL_MAX_COST=500.
});

describe('development IDE', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'development' });
  });
  afterAll(() => app.close());

  const assetUrls = (html: string) => [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);

  it.each(['/ide', '/graphql'])('serves GraphiQL at %s with every script and style from this server', async (path) => {
    const response = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const urls = assetUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url).not.toMatch(/^([a-z]+:)?\/\//i);
      const asset = await fetch(new URL(url, `${app.url}${path}`));
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('still answers GraphQL at /graphql for API clients, the deepest legitimate query included (default limits)', async () => {
    expect(dataOf(await app.graphql(`{ regions { code } }`)).regions).toHaveLength(17);
    const deep = await app.graphql(DEEP_LEGITIMATE);
    expect(dataOf(deep).companies.edges).toBeDefined();
  });
});

describe('development IDE in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production' });
  });
  afterAll(() => app.close());

  it('is not served', async () => {
    expect((await fetch(`${app.url}/ide`)).status).toBe(404);
    expect((await fetch(`${app.url}/ide/graphiql.min.js`)).status).toBe(404);
    const browser = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await browser.text()).not.toMatch(/GraphiQL/);
  });
});

describe('rate limiting', () => {
  let app: TestApp;
  let other: string;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '5' });
    // Created before the admin's five requests are spent (createAdvisor is one of them).
    other = (await createAdvisor(app, { regionCodes: ['13'] })).email;
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After to the advisor over the limit, with no SQL but its counter, and keeps serving the others', async () => {
    for (let i = 0; i < 4; i++) expect((await app.graphql(`{ regions { code } }`)).status).toBe(200);
    const limited = await app.graphql(`{ regions { code } }`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(statements(limited)).toBe(1); // the counter's upsert: no advisor lookup, no GraphQL work
    expect(limited.errors).toEqual([{ message: expect.stringMatching(/^Trop de requêtes.*5 par minute/), extensions: { code: 'RATE_LIMITED' } }]);
    const english = await app.graphql(`{ regions { code } }`, { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(429);
    expect(english.errors![0]!.message).toMatch(/^Too many requests/);

    expect(dataOf(await app.graphql(`{ regions { code } }`, { as: other })).regions).toHaveLength(17);
  });

  it('counts requests without a valid token per IP address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await app.graphql(`{ regions { code } }`, { as: { token: 'not-a-jwt' } })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });
});
