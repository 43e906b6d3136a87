import pg from 'pg';
import { MIGRATIONS } from '../migrations/index.js';
import { MeDocument, UpdateAdvisorDocument, UpdateCompanyDocument } from '../operations/generated.js';
import { createAdvisor, createCompany } from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL } from './support/graphql-client.js';
import { emptyDatabase, startServiceProcess, type ScratchDatabase, type ServiceProcess } from './support/service-process.js';

const LIMIT = 60;

/**
 * Two service processes on one database, as behind a load balancer: whatever one instance knows (counters, keys,
 * versions, who is active) the other knows at once, because it lives in PostgreSQL only.
 */
describe('several instances on one database', () => {
  let database: ScratchDatabase;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let sql: pg.Client;

  beforeAll(async () => {
    database = await emptyDatabase();
    const env = { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN_EMAIL, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    // Started together on a database that was never migrated, as a fresh deployment of two replicas would be.
    [a, b] = await Promise.all([startServiceProcess({ env }), startServiceProcess({ env })]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    a?.kill();
    b?.kill();
    await Promise.all([a?.exited, b?.exited]);
    await sql?.end();
    await database?.drop();
  });

  it('start together on a never-migrated database: each migration runs once, reference data and the administrator exist once', async () => {
    const migrations = await sql.query(`SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name`);
    expect(migrations.rows).toHaveLength(MIGRATIONS.length);
    expect(migrations.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    expect((await sql.query(`SELECT count(*)::int AS n FROM regions`)).rows[0].n).toBe(17);
    expect((await sql.query(`SELECT count(*)::int AS n FROM advisors WHERE email = $1`, [TEST_ADMIN_EMAIL])).rows[0].n).toBe(1);
    expect(a.stderr() + b.stderr()).toBe('');
  });

  it('share one rate limit: requests spread over both count once', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13'] });
    for (let i = 0; i < LIMIT; i++) {
      const answer = await (i % 2 ? b : a).client.request(MeDocument, {}, { as: advisor.email });
      expect(answer.status).toBe(200);
    }
    const [overA, overB] = await Promise.all([
      a.client.request(MeDocument, {}, { as: advisor.email }),
      b.client.request(MeDocument, {}, { as: advisor.email }),
    ]);
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(overB.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(overA.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('replay an Idempotency-Key sent to one instance when the retry reaches the other', async () => {
    const create = (instance: ServiceProcess, legalName: string) =>
      instance.client.graphql(`mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "13", confirmNotDuplicate: true }) { id version } }`, {
        variables: { n: legalName },
        headers: { 'idempotency-key': 'creation-bois-franc-1' },
      });
    const first = dataOf(await create(a, 'Bois franc Laval')).createCompany;
    const retry = dataOf(await create(b, 'Bois franc Laval')).createCompany;
    expect(retry).toEqual(first);
    expect((await sql.query(`SELECT count(*)::int AS n FROM companies WHERE legal_name = 'Bois franc Laval'`)).rows[0].n).toBe(1);
    const reused = await create(b, 'Autre entreprise');
    expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await sql.query(`SELECT count(*)::int AS n FROM companies WHERE legal_name = 'Autre entreprise'`)).rows[0].n).toBe(0);
  });

  it('let one of 50 updates carrying the same version win, spread over both: 1 ok, 49 CONFLICT', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13'] });
    const company = await createCompany(b.client, {}, advisor.email);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? b : a).client.request(UpdateCompanyDocument, { input: { id: company.id, version: company.version, municipality: `Laval ${i}` } }, { as: advisor.email }),
      ),
    );
    const won = answers.filter((answer) => answer.data?.updateCompany);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(49);
    const [row] = (await sql.query(`SELECT municipality, version FROM companies WHERE id = $1`, [company.id])).rows;
    expect(row).toEqual({ municipality: won[0]!.data!.updateCompany.municipality, version: company.version + 1 });
    expect((await sql.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'update'`, [company.id])).rows[0].n).toBe(1);
  });

  it('refuse a deactivated advisor on both at once', async () => {
    const advisor = await createAdvisor(b.client, { regionCodes: ['13'] });
    const both = () => Promise.all([a, b].map((instance) => instance.client.request(MeDocument, {}, { as: advisor.email })));
    expect((await both()).map((answer) => answer.data?.me.email)).toEqual([advisor.email, advisor.email]);
    dataOf(await a.client.request(UpdateAdvisorDocument, { input: { id: advisor.id, version: advisor.version, active: false } }));
    // A, which made the change, refuses the very next request; B as soon as PostgreSQL's notification of the change
    // reaches it, milliseconds after the commit (each caches its advisors: test/actor-cache.e2e-spec.ts).
    let refused = await both();
    expect(refused[0]!.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 40 && refused[1]!.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      refused = await both();
    }
    expect(refused.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });
});
