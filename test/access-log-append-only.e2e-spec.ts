import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { addCompanyContact, createCompany } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

/**
 * The personal-information access log is append-only in the database itself (finding 10): UPDATE, DELETE and
 * TRUNCATE are refused whoever sends them, so a trace once written stays; privacy:retention still runs.
 */
describe('personal-information access log, append-only', () => {
  let app: TestApp;
  let contactId: string;
  beforeAll(async () => {
    app = await TestApp.start();
    const company = await createCompany(app, { regionCode: '13' });
    contactId = (await addCompanyContact(app, company.id, { firstName: 'Rosalie', lastName: 'Vachon' })).id;
    dataOf(await app.graphql(`query ($id: ID!) { company(id: $id) { contacts { firstName } } }`, { variables: { id: company.id } }));
  });
  afterAll(() => app?.close());

  const rows = () => app.sql(`SELECT * FROM personal_information_access_log ORDER BY id`);
  const refusal = async (sql: string) => {
    try {
      await app.sql(sql);
      return 'accepted';
    } catch (error) {
      return (error as { message: string }).message;
    }
  };

  it.each([
    [`UPDATE personal_information_access_log SET via = 'effacé'`],
    [`UPDATE personal_information_access_log SET advisor_id = NULL WHERE contact_id IS NOT NULL`],
    [`DELETE FROM personal_information_access_log`],
    [`DELETE FROM personal_information_access_log WHERE contact_id = '00000000-0000-4000-8000-000000000000'::uuid OR TRUE`],
    [`TRUNCATE personal_information_access_log`],
  ])('refuses %s, even to the table’s owner, and changes nothing', async (sql) => {
    const before = await rows();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(await refusal(sql)).toMatch(/append-only|ajout seulement/);
    expect(await rows()).toEqual(before);
  });

  it('still takes new rows, and npm run privacy:retention still runs and keeps them', async () => {
    const before = await rows();
    const run = spawnSync(process.execPath, [join(process.cwd(), 'dist/src/cli/privacy-retention.cli.js'), '--older-than-years', '1'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: String(app.database.options.connectionString), LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(await rows()).toEqual(before);
    const company = await createCompany(app, { regionCode: '13' });
    await addCompanyContact(app, company.id);
    expect((await rows()).length).toBe(before.length + 1);
    expect(contactId).toBeDefined();
  });
});
