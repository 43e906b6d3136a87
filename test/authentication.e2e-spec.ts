import { createAdvisor } from './support/factories.js';
import { TestApp, type RequestOptions } from './support/test-app.js';

describe('authentication', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const codeOf = async (as: RequestOptions["as"]) =>
    (await app.graphql(`{ regions { code } }`, { as })).errors?.[0]?.extensions?.code;

  it('answers UNAUTHENTICATED without a token', async () => {
    const response = await app.graphql(`{ regions { code } }`, { as: null });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data).toBeNull();
  });

  it('answers UNAUTHENTICATED for a token signed with another secret', async () => {
    const token = await TestApp.token('admin@test.crm.example', { secret: 'another-secret-another-secret-another-secret' });
    expect(await codeOf({ token })).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED for an expired token', async () => {
    const token = await TestApp.token('admin@test.crm.example', { expiresIn: '-1m' });
    expect(await codeOf({ token })).toBe('UNAUTHENTICATED');
  });

  it('refuses a token once it expires, though it was accepted (and remembered as verified) before', async () => {
    const token = await TestApp.token('admin@test.crm.example', { expiresIn: '2s' });
    expect(await codeOf({ token })).toBeUndefined();
    expect(await codeOf({ token })).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await codeOf({ token })).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED for garbage and for an unknown email', async () => {
    expect(await codeOf({ token: 'not.a.jwt' })).toBe('UNAUTHENTICATED');
    expect(await codeOf('nobody@test.crm.example')).toBe('UNAUTHENTICATED');
  });

  it('takes role and regions from the database, not the token, and refuses a deactivated advisor', async () => {
    const advisor = await createAdvisor(app, { regionCodes: ['15', '13'] });
    const me = await app.graphql(`{ me { email role regions { code } } }`, { as: advisor.email });
    expect(me.data?.me).toEqual({ email: advisor.email, role: 'ADVISOR', regions: [{ code: '13' }, { code: '15' }] });

    const deactivated = await app.graphql(
      `mutation ($id: ID!) { updateAdvisor(input: { id: $id, version: 1, active: false }) { active } }`,
      { variables: { id: advisor.id } },
    );
    expect(deactivated.data?.updateAdvisor.active).toBe(false);
    expect(await codeOf(advisor.email)).toBe('UNAUTHENTICATED');
  });

  it('gives a manager the regions of their direction', async () => {
    const manager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'MCQ' });
    const me = await app.graphql(`{ me { role direction { code } regions { code } } }`, { as: manager.email });
    expect(me.data?.me).toEqual({ role: 'MANAGER', direction: { code: 'MCQ' }, regions: [{ code: '04' }, { code: '17' }] });
  });

  it('matches the email claim without regard to case', async () => {
    const advisor = await createAdvisor(app, { email: 'Julie.Tremblay@Test.CRM.example' });
    expect(advisor.email).toBe('julie.tremblay@test.crm.example');
    expect(await codeOf('JULIE.TREMBLAY@test.crm.example')).toBeUndefined();
  });

  it('creates the BOOTSTRAP_ADMIN_EMAIL administrator at start-up', async () => {
    const [admin] = await app.sql(`SELECT role, active FROM advisors WHERE email = 'admin@test.crm.example'`);
    expect(admin).toEqual({ role: 'ADMIN', active: true });
  });
});
