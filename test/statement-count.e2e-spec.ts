import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

/** The advisor's list: companies with region, contacts, open files, each file's advisor, region and last interactions. */
const ADVISOR_LIST = `query ($first: Int!) {
  companies(first: $first, filter: { regionCodes: ["13"] }) {
    totalCount
    edges { node {
      legalName region { name direction { name } } contacts { lastName }
      accompaniments(status: [OPEN]) {
        openedOn advisor { fullName regions { code } } region { name } interactionCount
        interactions(first: 3) { occurredOn summary advisor { fullName } }
      }
    } }
  }
}`;

describe('SQL statements per request (no N+1)', () => {
  let app: TestApp;
  let advisorEmail: string;
  let unseenEmail: string;

  beforeAll(async () => {
    app = await TestApp.start();
    advisorEmail = (await createAdvisor(app, { regionCodes: ['13'] })).email;
    // No request as this one until the last test; created long before it, so its creation's notifications are heard.
    unseenEmail = (await createAdvisor(app, { regionCodes: ['13'] })).email;
    // 110 companies of Laval, each with a contact, an open file and three interactions, created through the API.
    for (let batch = 0; batch < 11; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const n = batch * 10 + i;
          const company = dataOf(
            await app.graphql(
              `mutation ($name: String!) { createCompany(input: { legalName: $name, regionCode: "13", confirmNotDuplicate: true }) { id } }`,
              { variables: { name: `Entreprise lavalloise no ${n}` }, as: advisorEmail },
            ),
          ).createCompany;
          await app.graphql(
            `mutation ($id: ID!) { addCompanyContact(input: { companyId: $id, firstName: "Paule", lastName: "Contact ${n}" }) { id } }`,
            { variables: { id: company.id }, as: advisorEmail },
          );
          const file = dataOf(
            await app.graphql(
              `mutation ($id: ID!) { openAccompaniment(input: { companyId: $id, serviceLevel: PERSONALIZED, themes: [RECRUITMENT],
                  openedOn: "2023-04-03" }) { id } }`,
              { variables: { id: company.id }, as: advisorEmail },
            ),
          ).openAccompaniment;
          for (const day of ['2023-04-10', '2023-05-10', '2023-06-10']) {
            dataOf(
              await app.graphql(
                `mutation ($id: ID!, $on: Date!) { logInteraction(input: { accompanimentId: $id, occurredOn: $on, kind: CALL,
                    mode: PHONE, durationMinutes: 20, summary: "Suivi des besoins de main-d’œuvre" }) { id } }`,
                { variables: { id: file.id, on: day }, as: advisorEmail },
              ),
            );
          }
        }),
      );
    }
  });
  afterAll(() => app.close());

  const statementsFor = async (first: number) => {
    const response = await app.graphql(ADVISOR_LIST, { variables: { first }, as: advisorEmail });
    const page = dataOf(response).companies;
    expect(page.edges).toHaveLength(first);
    expect(page.edges[0].node.accompaniments[0].interactions).toHaveLength(3);
    expect(page.edges[0].node.contacts).toHaveLength(1);
    return Number(response.headers.get('x-sql-statements'));
  };

  it('sends the same number of statements for 10 and for 100 companies', async () => {
    await statementsFor(10); // the advisor's actor cached, if the setup's requests have not done it yet
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    // the page with the whole selection compiled into it (regions, directions, contacts, files, advisors and their
    // regions, interaction counts, last interactions: src/graphql/compiled-lists); the total; the access log of the
    // contacts returned (Loi 25: one multi-row INSERT). Nothing to authenticate: the advisor found by an earlier
    // request is cached (src/auth/actor-cache.ts).
    expect(ten).toBe(3);
  });

  it('answers through resolvers and DataLoaders when the selection does not compile, still without N+1', async () => {
    // `naicsSector` is computed in TypeScript (no declared SQL): the list is answered field by field.
    const query = ADVISOR_LIST.replace('legalName region', 'legalName naicsSector region');
    const count = async (first: number) => {
      const response = await app.graphql(query, { variables: { first }, as: advisorEmail });
      expect(dataOf(response).companies.edges).toHaveLength(first);
      return Number(response.headers.get('x-sql-statements'));
    };
    const ten = await count(10);
    expect(await count(100)).toBe(ten);
    // page, total, regions, directions, contacts, the access log of the contacts returned, files, advisors, advisors'
    // regions, interaction counts, last interactions: one statement each (the interactions' advisor is the files' one,
    // already loaded; the actor is cached).
    expect(ten).toBe(11);
  });

  it('looks an advisor up once: their first request costs one statement more than the same request repeated', async () => {
    const costOf = async () => Number((await app.graphql(`{ me { email } }`, { as: unseenEmail })).headers.get('x-sql-statements'));
    expect(await costOf()).toBe(2); // the actor lookup, and `me`'s row
    expect(await costOf()).toBe(1);
  });
});
