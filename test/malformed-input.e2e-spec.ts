import { SignJWT } from 'jose';
import { createAdvisor, createCompany, openFile } from './support/factories.js';
import { TEST_ADMIN_EMAIL, TEST_JWT_SECRET, TestApp, type GraphQLResponse } from './support/test-app.js';

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Values a forged cursor can carry that the keys they stand for (dates, uuids, numbers, text) cannot take. */
const FORGED_CURSORS = [
  cursor(['zzz', 'zzz']),
  cursor(['2021-99-99', '00000000-0000-4000-8000-000000000001']),
  cursor(['9'.repeat(400), '9'.repeat(400)]),
  cursor([1e308, 'pas-un-uuid']),
  cursor(['\u0000', '\u0000']),
  cursor(['zzz', 'zzz', 'zzz']),
  cursor(['zzz']),
  cursor([-1.5]),
  cursor(['2021-01-01', 'x\u0000']),
  cursor(['Infinity', 'NaN', 'x']),
];

/**
 * Malformed input is the client's mistake (finding 7): BAD_USER_INPUT naming the argument, never an
 * INTERNAL_SERVER_ERROR logged at error level; a signed token whose email is malformed is UNAUTHENTICATED.
 */
describe('malformed input', () => {
  let app: TestApp;
  const errorLines: string[] = [];
  let fileId: string;

  beforeAll(async () => {
    // What the service logs at error level (a masked internal error is logged there).
    app = await TestApp.start({ LOG_LEVEL: 'error' }, { write: (line: string) => void errorLines.push(line) });
    const company = await createCompany(app, { regionCode: '13' });
    const advisor = await createAdvisor(app, { regionCodes: ['13'] });
    fileId = (await openFile(app, undefined, { companyId: company.id, advisorId: advisor.id })).id;
  });
  afterAll(() => app?.close());
  beforeEach(() => {
    errorLines.length = 0;
  });
  afterEach(() => {
    // An unexpected error is masked for the client but logged at error level: none may have been.
    expect(errorLines).toEqual([]);
  });

  const problem = (response: GraphQLResponse) => ({
    status: response.status,
    code: response.errors?.[0]?.extensions?.code,
    fields: response.errors?.[0]?.extensions?.fields?.map((f) => f.field),
  });

  it.each([
    ['company', `query ($v: ID!) { company(id: $v) { id } }`, 'id'],
    ['advisor', `query ($v: ID!) { advisor(id: $v) { id } }`, 'id'],
    ['accompaniment', `query ($v: ID!) { accompaniment(id: $v) { id } }`, 'id'],
    ['recruitmentNeed', `query ($v: ID!) { recruitmentNeed(id: $v) { id } }`, 'id'],
    ['journeesQuebecEvent', `query ($v: ID!) { journeesQuebecEvent(id: $v) { id } }`, 'id'],
    ['eventParticipation', `query ($v: ID!) { eventParticipation(id: $v) { id } }`, 'id'],
    ['portailReferral', `query ($v: ID!) { portailReferral(id: $v) { id } }`, 'id'],
    ['interactions', `query ($v: ID!) { interactions(accompanimentId: $v) { totalCount } }`, 'accompanimentId'],
    ['contactPersonalInformation', `query ($v: ID!) { contactPersonalInformation(contactId: $v) { json } }`, 'contactId'],
    ['auditTrail', `query ($v: String!) { auditTrail(entityType: "Company", entityId: $v) { totalCount } }`, 'entityId'],
    ['companyByNeq', `query ($v: String!) { companyByNeq(neq: $v) { id } }`, 'neq'],
    ['companies search', `query ($v: String) { companies(filter: { search: $v }) { totalCount } }`, 'filter.search'],
    ['region', `query ($v: String!) { region(code: $v) { code } }`, 'code'],
    ['removeCompanyContact', `mutation ($v: ID!) { removeCompanyContact(id: $v) }`, 'id'],
  ])('%s: a NUL character is BAD_USER_INPUT naming the argument', async (_name, query, field) => {
    const response = await app.graphql(query, { variables: { v: '00000000-0000-4000-8000-00000000\u00000001' } });
    expect(problem(response)).toEqual({ status: 200, code: 'BAD_USER_INPUT', fields: [field] });
  });

  it.each([
    ['companies', `query ($a: String) { companies(after: $a) { totalCount edges { cursor } } }`],
    ['companies by creation', `query ($a: String) { companies(after: $a, orderBy: { field: CREATED_AT }) { edges { cursor } } }`],
    ['companies by relevance', `query ($a: String) { companies(after: $a, filter: { search: "scierie" }) { edges { cursor } } }`],
    ['advisors', `query ($a: String) { advisors(after: $a) { edges { cursor } } }`],
    ['accompaniments', `query ($a: String) { accompaniments(after: $a) { edges { cursor } } }`],
    ['interactions', `query ($a: String, $f: ID!) { interactions(accompanimentId: $f, after: $a) { edges { cursor } } }`],
    ['recruitmentNeeds', `query ($a: String) { recruitmentNeeds(after: $a) { edges { cursor } } }`],
    ['journeesQuebecEvents', `query ($a: String) { journeesQuebecEvents(after: $a) { edges { cursor } } }`],
    ['portailReferrals', `query ($a: String) { portailReferrals(after: $a) { edges { cursor } } }`],
    ['personalInformationAccessLog', `query ($a: String) { personalInformationAccessLog(after: $a) { edges { cursor } } }`],
    ['auditTrail', `query ($a: String) { auditTrail(entityType: "Company", entityId: "x", after: $a) { edges { cursor } } }`],
  ])('%s: a forged cursor is BAD_USER_INPUT on `after` (or simply a page), never an internal error', async (_name, query) => {
    let refused = 0;
    for (const after of FORGED_CURSORS) {
      const response = await app.graphql(query, { variables: { a: after, f: fileId } });
      expect(response.status).toBe(200);
      if (response.errors) {
        expect({ after, ...problem(response) }).toEqual({ after, status: 200, code: 'BAD_USER_INPUT', fields: ['after'] });
        refused += 1;
      }
    }
    // At least the cursors of the wrong length or with NUL characters are refused.
    expect(refused).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['employerCountsByRegion', `query ($p: PeriodInput!) { employerCountsByRegion(period: $p) { employersAccompanied } }`],
    ['regionalReport', `query ($p: PeriodInput!) { regionalReport(regionCode: "13", period: $p) { markdown } }`],
    ['portailFunnel', `query ($p: PeriodInput!) { portailFunnel(period: $p) { referred } }`],
  ])('%s: fiscal year "0000-0001" (and other impossible years) is BAD_USER_INPUT on period.fiscalYear', async (_name, query) => {
    for (const fiscalYear of ['0000-0001', '0099-0100', '0999-1000']) {
      const response = await app.graphql(query, { variables: { p: { fiscalYear } } });
      expect({ fiscalYear, ...problem(response) }).toEqual({ fiscalYear, status: 200, code: 'BAD_USER_INPUT', fields: ['period.fiscalYear'] });
    }
  });

  it('a signed token whose email holds a NUL or other control character is UNAUTHENTICATED', async () => {
    for (const email of [`${TEST_ADMIN_EMAIL}\u0000`, `admin\u0000@test.crm.example`, `${TEST_ADMIN_EMAIL}\n`, `${'a'.repeat(300)}@test.crm.example`]) {
      const token = await new SignJWT({ email })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      const response = await app.graphql(`{ me { id } }`, { as: { token } });
      expect({ email, code: response.errors?.[0]?.extensions?.code }).toEqual({ email, code: 'UNAUTHENTICATED' });
    }
  });
});
