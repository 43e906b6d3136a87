import { ScaleSeedError, seedAtScale } from '../src/scale/scale-seeder.js';
import { dataOf, TestApp } from './support/test-app.js';

const SIZES = { companies: 300, files: 1500, interactions: 5000, seed: 7 };

describe('seed:scale (benchmark data)', () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await TestApp.start();
    url = app.database.options.connectionString!;
  });
  afterAll(() => app.close());

  const none = async (sql: string) => expect(await app.sql(sql)).toEqual([]);
  const firstCompanies = () =>
    app.sql(`SELECT id, legal_name, neq, region_code, name_key, postal_code FROM companies ORDER BY neq NULLS LAST, id LIMIT 10`);

  it('loads the sizes asked, with every rule of the schema holding', async () => {
    const auditBefore = await app.count('audit_log');
    const summary = await seedAtScale(url, SIZES);
    const rows = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
    expect(rows).toMatchObject({ companies: 300, accompaniments: 1500, interactions: 5000 });
    expect(await app.count('companies')).toBe(300);
    expect(await app.count('accompaniments')).toBe(1500);
    expect(await app.count('interactions')).toBe(5000);
    for (const table of ['recruitment_needs', 'journees_quebec_events', 'event_participations', 'portail_referrals', 'event_participation_needs']) {
      expect(await app.count(table)).toBeGreaterThan(0);
    }
    expect(await app.count('advisors', `role = 'ADMIN' AND email LIKE '%@scale.crm.example'`)).toBe(1);
    expect(await app.count('advisors', `role = 'MANAGER'`)).toBeGreaterThanOrEqual(9);
    expect(await app.count('audit_log')).toBe(auditBefore); // history-less synthetic data: no audit row written

    // What the partial unique indexes guarantee, checked again by query.
    await none(`SELECT company_id, region_code FROM accompaniments WHERE status IN ('OPEN', 'ON_HOLD')
                 GROUP BY 1, 2 HAVING count(*) > 1`);
    await none(`SELECT company_id FROM portail_referrals WHERE step NOT IN ('HIRED', 'DECLINED', 'ABANDONED')
                 GROUP BY 1 HAVING count(*) > 1`);
    // Rules no constraint states: interactions inside their file, files led by an advisor of their region,
    // nothing in the future, ended referrals with ended_on.
    await none(`SELECT i.id FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id
                 WHERE i.occurred_on < a.opened_on OR i.occurred_on > coalesce(a.closed_on, current_date)`);
    await none(`SELECT a.id FROM accompaniments a
                 WHERE NOT EXISTS (SELECT 1 FROM advisor_regions r WHERE r.advisor_id = a.advisor_id AND r.region_code = a.region_code)`);
    await none(`SELECT id FROM accompaniments WHERE opened_on < '2019-08-01' OR opened_on > current_date
                 OR status_changed_on < opened_on OR status_changed_on > current_date`);
    await none(`SELECT id FROM portail_referrals WHERE (ended_on IS NOT NULL) <> (step IN ('HIRED', 'DECLINED', 'ABANDONED'))`);
    await none(`SELECT p.id FROM event_participations p JOIN journees_quebec_events e ON e.id = p.event_id
                 WHERE e.status IN ('PLANNED', 'CANCELLED') OR (p.status = 'ATTENDED' AND e.status <> 'HELD')`);
    await none(`SELECT l.participation_id FROM event_participation_needs l
                 JOIN event_participations p ON p.id = l.participation_id JOIN recruitment_needs n ON n.id = l.recruitment_need_id
                 WHERE n.company_id <> p.company_id`);
  });

  it('answers the GraphQL API on that data: Montréal has the most employers accompanied, Laval some', async () => {
    const response = await app.graphql(`{
      employerCountsByRegion(period: { sinceDeployment: true }) {
        employersAccompanied byRegion { region { code } employersAccompanied newEmployers }
      }
    }`);
    const counts = dataOf(response).employerCountsByRegion;
    const of = (code: string) => counts.byRegion.find((r: { region: { code: string } }) => r.region.code === code).employersAccompanied;
    expect(counts.byRegion).toHaveLength(17);
    expect(of('06')).toBeGreaterThan(0);
    expect(of('13')).toBeGreaterThan(0);
    expect(of('06')).toBe(Math.max(...counts.byRegion.map((r: { employersAccompanied: number }) => r.employersAccompanied)));
    expect(counts.employersAccompanied).toBeGreaterThan(200);

    const companies = await app.graphql(`{ companies(first: 5, filter: { search: "transport" }) { totalCount } }`);
    expect(dataOf(companies).companies.totalCount).toBeGreaterThan(0);
  });

  it('refuses a database that already has companies, and --force-empty reloads the very same data', async () => {
    const before = await firstCompanies();
    await expect(seedAtScale(url, SIZES)).rejects.toThrow(ScaleSeedError);
    expect(await app.count('companies')).toBe(300);

    await seedAtScale(url, { ...SIZES, forceEmpty: true });
    expect(await firstCompanies()).toEqual(before);
    expect(await app.count('interactions')).toBe(5000);
    const [sample] = await app.sql(`SELECT id, occurred_on::text, summary FROM interactions ORDER BY id LIMIT 1`);
    await seedAtScale(url, { ...SIZES, forceEmpty: true });
    expect((await app.sql(`SELECT id, occurred_on::text, summary FROM interactions ORDER BY id LIMIT 1`))[0]).toEqual(sample);

    await seedAtScale(url, { ...SIZES, seed: 8, forceEmpty: true });
    expect(await firstCompanies()).not.toEqual(before);
  });
});
