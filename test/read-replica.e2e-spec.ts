import pg from 'pg';
import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const READER = 'crm_test_replica_reader';
const PASSWORD = 'lecture-seule-pour-les-tests';

/**
 * DATABASE_READ_URL pointed at the same server through a read-only role: if any write went through it, it
 * would fail; reports and counts must read through it (taking away one of its grants breaks them, not writes).
 */
describe('read replica (DATABASE_READ_URL)', () => {
  let app: TestApp;
  let admin: pg.Client;
  let database: string;

  beforeAll(async () => {
    app = await TestApp.start(async (url) => {
      const parsed = new URL(url);
      database = parsed.pathname.slice(1);
      admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${READER}') THEN CREATE ROLE ${READER} LOGIN PASSWORD '${PASSWORD}'; END IF;
      END $$`);
      await admin.query(`GRANT CONNECT ON DATABASE "${database}" TO ${READER}`);
      await admin.query(`GRANT USAGE ON SCHEMA public TO ${READER}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER}`);
      parsed.username = READER;
      parsed.password = PASSWORD;
      return { DATABASE_READ_URL: parsed.toString() };
    });
  });

  afterAll(async () => {
    await admin.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${READER}`);
    await admin.query(`REVOKE ALL ON SCHEMA public FROM ${READER}`);
    await admin.end();
    await app.close();
  });

  const counts = () => app.graphql(`{ employerCountsByRegion(period: { sinceDeployment: true }) { employersAccompanied } }`);

  it('answers reports from the replica and writes to the primary', async () => {
    const advisor = await createAdvisor(app, { regionCodes: ['16'] });
    const company = dataOf(
      await app.graphql(`mutation { createCompany(input: { legalName: "Vignoble Montérégie", regionCode: "16" }) { id } }`, { as: advisor.email }),
    ).createCompany.id;
    dataOf(await app.graphql(`mutation ($c: ID!) { openAccompaniment(input: { companyId: $c, serviceLevel: REFERRAL, themes: [WELCOME], openedOn: "2024-05-01" }) { id } }`, {
      variables: { c: company },
      as: advisor.email,
    }));
    expect(dataOf(await counts()).employerCountsByRegion.employersAccompanied).toBe(1);

    // Take SELECT on the rollup the counts read (employer_region_activity) away from the replica's user: the counts fail, the writes go on.
    await admin.query(`REVOKE SELECT ON employer_region_activity FROM ${READER}`);
    const refused = await counts();
    expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(refused)).not.toMatch(/permission|employer_region_activity|denied/i);
    const another = dataOf(await app.graphql(`mutation { createCompany(input: { legalName: "Cidrerie Rougemont", regionCode: "16" }) { id } }`, { as: advisor.email })).createCompany.id;
    expect(dataOf(await app.graphql(`mutation ($c: ID!) { openAccompaniment(input: { companyId: $c, serviceLevel: REFERRAL, themes: [WELCOME] }) { id } }`, {
      variables: { c: another },
      as: advisor.email,
    })).openAccompaniment.id).toBeTruthy();
    await admin.query(`GRANT SELECT ON employer_region_activity TO ${READER}`);
    expect(dataOf(await counts()).employerCountsByRegion.employersAccompanied).toBe(2);
  });
});
