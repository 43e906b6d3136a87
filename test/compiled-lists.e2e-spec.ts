import { addCompanyContact, closeFile, createAdvisor, createCompany, logInteraction, openFile } from './support/factories.js';
import { answerOf, CompiledAndResolvers } from './support/compiled-and-resolvers.js';
import { TEST_ADMIN_EMAIL, type TestApp } from './support/test-app.js';

/**
 * List selections compiled into the page's statement (src/graphql/compiled-lists) answer exactly what the resolvers
 * and their DataLoaders answer: the same service on the same database with COMPILED_LISTS=false is the reference.
 * Region scope and the personal-information access log are checked on the compiled path.
 */
const COMPANY_LIST = `query CompanyList($first: Int!, $regions: [String!], $n: Int, $after: String) {
  companies(first: $first, after: $after, filter: { regionCodes: $regions }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...identity
      region { code name direction { code name regions { code } } servicePoints { name municipality } }
      people: contacts { firstName lastName email }
      open: accompaniments(status: [OPEN]) { id openedOn status themes createdAt updatedAt version interactionCount
        advisor { fullName role regions { code } direction { code } }
        latest: interactions(first: $n) { occurredOn kind mode durationMinutes summary accompanimentId createdAt }
      }
      all: accompaniments { ... on Accompaniment { id status closedOn outcome region { code } company { legalName } } }
    } }
  }
}
fragment identity on Company { __typename id legalName otherNames neq naicsCode sizeBand ownership municipality postalCode regionCode version }`;

const FILE_LIST = `query FileList($first: Int!) {
  accompaniments(first: $first) {
    edges { cursor node { id status openedOn serviceLevel statusChangedOn
      company { legalName region { name } }
      advisor { fullName servicePoint { name } }
      interactions { occurredOn summary }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('compiled list selections', () => {
  let compiled: TestApp;
  let resolvers: TestApp;
  let services: CompiledAndResolvers;
  const both = (...args: Parameters<CompiledAndResolvers['both']>) => services.both(...args);
  let laval: { email: string };
  let laurentides: { email: string };
  let manager: { email: string };

  beforeAll(async () => {
    services = await CompiledAndResolvers.start();
    ({ compiled, resolvers } = services);
    laval = await createAdvisor(compiled, { regionCodes: ['13'] });
    laurentides = await createAdvisor(compiled, { regionCodes: ['15'] });
    manager = await createAdvisor(compiled, { role: 'MANAGER', directionCode: 'LLL' });
    for (const [i, region, advisor] of [
      [0, '13', laval],
      [1, '13', laval],
      [2, '15', laurentides],
      [3, '13', laval],
      [4, '15', laurentides],
    ] as const) {
      const company = await createCompany(compiled, {
        regionCode: region,
        legalName: `Liste compilée ${i} ltée`,
        neq: `11${i}0000001`,
        municipality: 'Laval',
      });
      await addCompanyContact(compiled, company.id, { lastName: `Tremblay ${i}` }, advisor.email);
      await addCompanyContact(compiled, company.id, { lastName: `Roy ${i}` }, advisor.email);
      const closed = await openFile(compiled, advisor.email, { companyId: company.id, openedOn: '2024-01-10' });
      await closeFile(compiled, advisor.email, { id: closed.id, version: closed.version, closedOn: '2024-03-01', outcome: 'NEEDS_MET' });
      const open = await openFile(compiled, advisor.email, { companyId: company.id, openedOn: '2024-05-02', themes: ['RECRUITMENT', 'RETENTION'] });
      for (const day of ['2024-05-03', '2024-06-03', '2024-06-03', '2024-07-01']) {
        await logInteraction(compiled, advisor.email, { accompanimentId: open.id, occurredOn: day, summary: `Suivi ${day}` });
      }
    }
  });
  afterAll(() => services?.close());


  it.each([
    ['an advisor of Laval', () => laval.email],
    ['an advisor of the Laurentides', () => laurentides.email],
    ['a manager of the direction', () => manager.email],
    ['the administrator', () => TEST_ADMIN_EMAIL],
  ])('answers the company list as the resolvers do, for %s, page after page, in fewer statements', async (_who, as) => {
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result = await both(COMPANY_LIST, { first: 2, regions: ['13', '15'], n: 2, after }, as());
      expect(result.compiled.errors).toBeUndefined();
      expect(result.compiled).toEqual(result.resolvers);
      // (authentication, unless the caller is cached,) the page with every node's selection, the total, the access log's INSERT
      expect(result.statements[0]).toBeLessThanOrEqual(4);
      expect(result.statements[1]).toBeGreaterThan(result.statements[0] + 5);
      after = (result.compiled.data as { companies: { pageInfo: { endCursor: string | null } } }).companies.pageInfo.endCursor;
    }
  });

  it('answers the file list as the resolvers do', async () => {
    for (const as of [laval.email, manager.email, TEST_ADMIN_EMAIL]) {
      const result = await both(FILE_LIST, { first: 4 }, as);
      expect(result.compiled.errors).toBeUndefined();
      expect(result.compiled).toEqual(result.resolvers);
      expect(result.statements[0]).toBeLessThan(result.statements[1]);
    }
  });

  it('keeps region scope: files and contacts of other regions stay hidden on the compiled path', async () => {
    const { compiled: answer } = await both(COMPANY_LIST, { first: 10, regions: ['13'], n: 1, after: null }, laurentides.email);
    const nodes = (answer.data as { companies: { edges: { node: { people: unknown[]; all: unknown[]; open: unknown[] } }[] } })
      .companies.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.people).toEqual([]);
      expect(node.all).toEqual([]);
      expect(node.open).toEqual([]);
    }
  });

  it('logs every contact it returns, exactly as the resolvers do', async () => {
    const lastId = async () => Number((await compiled.sql<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM personal_information_access_log'))[0]!.id);
    const loggedAfter = (id: number) =>
      compiled.sql<{ subject: string; via: string; path: string; operation: string }>(
        `SELECT contact_id AS subject, via, path, operation_name AS operation FROM personal_information_access_log
          WHERE id > $1 AND advisor_id = (SELECT id FROM advisors WHERE email = $2) ORDER BY contact_id`,
        [id, laval.email],
      );
    const start = await lastId();
    const viaCompiled = await compiled.graphql(COMPANY_LIST, { variables: { first: 10, regions: ['13'], n: 1 }, as: laval.email });
    const afterCompiled = await loggedAfter(start);
    const middle = await lastId();
    const viaResolvers = await resolvers.graphql(COMPANY_LIST, { variables: { first: 10, regions: ['13'], n: 1 }, as: laval.email });
    const afterResolvers = await loggedAfter(middle);
    expect(answerOf(viaCompiled)).toEqual(answerOf(viaResolvers));
    // Three companies of Laval, two contacts each, logged by each path with the same field, path and operation.
    expect(afterCompiled).toHaveLength(6);
    for (const row of afterCompiled) {
      expect(row).toMatchObject({ via: 'Company.contacts', path: 'companies.edges.node.people', operation: 'query CompanyList' });
    }
    expect(afterResolvers).toEqual(afterCompiled);
  });

  it('refuses a bad argument inside the selection as the resolvers do', async () => {
    const result = await both(COMPANY_LIST, { first: 2, regions: ['13'], n: 0, after: null }, laval.email);
    expect(result.compiled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.compiled.errors?.[0]?.extensions).toEqual(result.resolvers.errors?.[0]?.extensions);
    expect(result.compiled.data).toBeNull();
  });

  it('falls back to the resolvers for a selection it does not compile, with the same answer', async () => {
    // `naicsSector` is computed in TypeScript and has no declared SQL: the whole list goes through the resolvers.
    const query = `query ($first: Int!) { companies(first: $first) { edges { node { legalName naicsSector region { name } } } } }`;
    const result = await both(query, { first: 5 }, laval.email);
    expect(result.compiled).toEqual(result.resolvers);
    expect(result.statements[0]).toBe(result.statements[1]);
  });
});
