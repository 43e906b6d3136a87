import pg from 'pg';
import { MeDocument, UpdateAdvisorDocument } from '../operations/generated.js';
import { createAdvisor, uniqueCompanyName, type AdvisorFixture } from './support/factories.js';
import { dataOf, type GraphQLResponse } from './support/graphql-client.js';
import { scratchDatabase, startServiceProcess, type ScratchDatabase, type ServiceProcess } from './support/service-process.js';
import { withClient } from '../src/database/database-admin.js';
import { TEST_ENV } from './support/test-database.js';
import { TEST_ADMIN_EMAIL } from './support/test-app.js';

const statements = (response: GraphQLResponse) => Number(response.headers.get('x-sql-statements'));
/** `me` reads the advisor's row and their regions: 2 statements, plus 1 when the actor is looked up. */
const ME = 2;
const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code ?? 'OK';

/**
 * Authenticated advisors are cached by each instance, and every change to advisors, their regions or the regions
 * reaches every instance's cache through PostgreSQL's LISTEN/NOTIFY (channel `actor_changed`). Two service
 * processes on one database, as behind a load balancer.
 */
describe('actor cache on several instances', () => {
  let database: ScratchDatabase;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let sql: pg.Client;

  beforeAll(async () => {
    database = await scratchDatabase();
    const env = { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN_EMAIL };
    [a, b] = await Promise.all([startServiceProcess({ env }), startServiceProcess({ env })]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    a?.kill();
    b?.kill();
    await Promise.all([a?.exited, b?.exited]);
    await allowConnections(true).catch(() => undefined);
    await sql?.end();
    await database?.drop();
  });

  /** Whether the database accepts new connections (from the server's admin database: not for the current one). */
  const allowConnections = (allowed: boolean) =>
    withClient(process.env[TEST_ENV.adminUrl]!, (client) =>
      client.query(`ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" ALLOW_CONNECTIONS ${allowed}`),
    );
  const me = (instance: ServiceProcess, advisor: AdvisorFixture) => instance.client.request(MeDocument, {}, { as: advisor.email });
  const createCompanyIn = (instance: ServiceProcess, advisor: AdvisorFixture, regionCode: string) =>
    instance.client.graphql(`mutation ($n: String!, $r: String!) { createCompany(input: { legalName: $n, regionCode: $r, confirmNotDuplicate: true }) { id } }`, {
      variables: { n: uniqueCompanyName('Fromagerie'), r: regionCode },
      as: advisor.email,
    });
  /**
   * `me` on each instance until an answer comes from the cache (only `me`'s own statements). The notifications of the
   * advisor's creation reach the instances a moment after it commits; one arriving during a lookup keeps its result
   * out of the cache (it may be older than the change), so a lookup may be needed twice.
   */
  async function cachedOnBoth(advisor: AdvisorFixture): Promise<void> {
    for (const instance of [a, b]) {
      let cost = 0;
      for (let i = 0; i < 10 && cost !== ME; i++) {
        const answer = await me(instance, advisor);
        expect(codeOf(answer)).toBe('OK');
        cost = statements(answer);
      }
      expect(cost).toBe(ME);
    }
  }
  /**
   * The code another instance answers once the change's notification has reached it: NOTIFY is delivered when the
   * transaction commits, and the other instance hears it a moment later (milliseconds), so its very next request
   * may come first. Without the notification its cache would answer the old actor forever (this times out).
   */
  async function eventually(ask: () => Promise<GraphQLResponse>, code: string): Promise<string> {
    let answer = codeOf(await ask());
    for (let i = 0; i < 40 && answer !== code; i++) {
      await new Promise((r) => setTimeout(r, 50));
      answer = codeOf(await ask());
    }
    return answer;
  }
  const listeners = async () =>
    (
      await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%(actor listener)' ORDER BY pid`)
    ).rows.map((row: { pid: number }) => row.pid);

  it('sends no statement to authenticate a request whose advisor it found before', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13'] });
    const first = await me(b, advisor);
    expect(dataOf(first).me.email).toBe(advisor.email);
    expect(statements(first)).toBe(ME + 1); // the actor looked up
    await cachedOnBoth(advisor); // then cached: no statement to authenticate
    // A refusal is never cached: an unknown email is looked up each time.
    for (let i = 0; i < 2; i++) {
      const unknown = await b.client.request(MeDocument, {}, { as: 'personne@test.crm.example' });
      expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
      expect(statements(unknown)).toBe(1);
    }
    expect(await listeners()).toHaveLength(2);
  });

  it('refuses an advisor deactivated through A on the next request to A and to B, and accepts them again once reactivated', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13'] });
    await cachedOnBoth(advisor);
    const deactivated = dataOf(await a.client.request(UpdateAdvisorDocument, { input: { id: advisor.id, version: advisor.version, active: false } })).updateAdvisor;
    // A emptied its own cache when its transaction committed: its very next request reads the advisor again.
    expect(codeOf(await me(a, advisor))).toBe('UNAUTHENTICATED');
    expect(await eventually(() => me(b, advisor), 'UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
    dataOf(await a.client.request(UpdateAdvisorDocument, { input: { id: advisor.id, version: deactivated.version, active: true } }));
    expect(codeOf(await me(b, advisor))).toBe('OK');
    expect(codeOf(await me(a, advisor))).toBe('OK');
  });

  it('applies regions changed through A on the next request to B: a write in the region taken away is FORBIDDEN', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13', '15'] });
    await cachedOnBoth(advisor);
    expect(codeOf(await createCompanyIn(b, advisor, '13'))).toBe('OK');
    dataOf(await a.client.request(UpdateAdvisorDocument, { input: { id: advisor.id, version: advisor.version, regionCodes: ['15'] } }));
    expect(codeOf(await createCompanyIn(a, advisor, '13'))).toBe('FORBIDDEN');
    expect(await eventually(() => createCompanyIn(b, advisor, '13'), 'FORBIDDEN')).toBe('FORBIDDEN');
    expect(codeOf(await createCompanyIn(b, advisor, '15'))).toBe('OK');
  });

  it('honours changes made in SQL, without the service: a deactivation, a role, a region moved to another direction', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13'] });
    await cachedOnBoth(advisor);
    await sql.query(`UPDATE advisors SET active = false WHERE id = $1`, [advisor.id]);
    for (const instance of [a, b]) expect(await eventually(() => me(instance, advisor), 'UNAUTHENTICATED')).toBe('UNAUTHENTICATED');

    const analyst = await createAdvisor(a.client, { regionCodes: ['13'] });
    await cachedOnBoth(analyst);
    await sql.query(`UPDATE advisors SET role = 'ANALYST' WHERE id = $1`, [analyst.id]);
    expect(await eventually(() => createCompanyIn(b, analyst, '13'), 'FORBIDDEN')).toBe('FORBIDDEN'); // ANALYST: no region of their own

    // A manager's regions are their direction's (LLL: 13, 14, 15): a region moved to another direction leaves them.
    const manager = await createAdvisor(a.client, { role: 'MANAGER', directionCode: 'LLL' });
    await cachedOnBoth(manager);
    expect(codeOf(await createCompanyIn(b, manager, '14'))).toBe('OK');
    const { rows } = await sql.query(`SELECT direction_code FROM regions WHERE code = '14'`);
    await sql.query(`UPDATE regions SET direction_code = 'MTL' WHERE code = '14'`);
    try {
      for (const instance of [a, b]) expect(await eventually(() => createCompanyIn(instance, manager, '14'), 'FORBIDDEN')).toBe('FORBIDDEN');
      expect(codeOf(await createCompanyIn(b, manager, '13'))).toBe('OK');
    } finally {
      await sql.query(`UPDATE regions SET direction_code = $1 WHERE code = '14'`, [rows[0].direction_code]);
    }
  });

  it('reads every advisor from the database while its listener is down, and caches again once it is back', async () => {
    const advisor = await createAdvisor(a.client, { regionCodes: ['13'] });
    await cachedOnBoth(advisor);
    const before = await listeners();
    expect(before).toHaveLength(2);
    // The listeners cannot come back while the database refuses new connections (the pools keep theirs).
    await allowConnections(false);
    try {
      await sql.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [before]);
      for (let i = 0; i < 50 && (await listeners()).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      for (const instance of [a, b]) {
        for (let i = 0; i < 2; i++) expect(statements(await me(instance, advisor))).toBe(ME + 1); // looked up each time
      }
      // Nothing notifies anyone now, and nothing is cached: a change made meanwhile applies at once.
      await sql.query(`UPDATE advisors SET active = false WHERE id = $1`, [advisor.id]);
      expect([codeOf(await me(a, advisor)), codeOf(await me(b, advisor))]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
      await sql.query(`UPDATE advisors SET active = true WHERE id = $1`, [advisor.id]);
    } finally {
      await allowConnections(true);
    }
    for (let i = 0; i < 100 && (await listeners()).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await listeners()).toHaveLength(2);
    await cachedOnBoth(advisor);
    expect(a.stdout() + b.stdout()).toMatch(/actor listener lost/);
    expect(a.stderr() + b.stderr()).toBe('');
  }, 30_000);
});
