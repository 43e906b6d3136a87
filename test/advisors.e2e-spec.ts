import {
  AdvisorsPageTooLargeDocument,
  AdvisorsAfterBadCursorDocument,
  AbitibiAdvisorsPageDocument,
  AdvisorsCreateDocument as CREATE,
  AdvisorsMeDocument,
  RenameAdvisorDocument,
  DeactivateUnknownAdvisorDocument,
  MoveAdvisorToLaurentidesDocument,
} from '../operations/generated.js';
import { createAdvisor } from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

const valid = (overrides: Record<string, unknown> = {}) => ({
  email: `nouvelle.${Math.random().toString(36).slice(2)}@test.crm.example`,
  fullName: 'Nadia Côté-Laliberté',
  role: 'ADVISOR' as const,
  regionCodes: ['13'],
  ...overrides,
});

describe('advisors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const counts = () => app.counts({ advisors: 'advisors', audit: 'audit_log' });

  describe('createAdvisor', () => {
    it('creates the advisor and writes exactly one audit row with the actor and the new state', async () => {
      const input = valid({ email: 'Chloe.Martin@Test.CRM.example', regionCodes: ['15', '13'] });
      const before = await counts();
      const created = dataOf(await app.request(CREATE, { input })).createAdvisor;
      expect(created).toMatchObject({
        email: 'chloe.martin@test.crm.example',
        fullName: 'Nadia Côté-Laliberté',
        role: 'ADVISOR',
        regions: [{ code: '13' }, { code: '15' }],
        version: 1,
      });
      expect(await counts()).toEqual({ advisors: before.advisors + 1, audit: before.audit + 1 });
      const [audit] = await app.sql(
        `SELECT l.action, l.entity_type, l.before, l.after, a.email AS actor
           FROM audit_log l JOIN advisors a ON a.id = l.actor_id WHERE l.entity_id = $1`,
        [created.id],
      );
      expect(audit).toMatchObject({
        action: 'create',
        entity_type: 'Advisor',
        before: null,
        actor: TEST_ADMIN_EMAIL,
        after: { email: 'chloe.martin@test.crm.example', role: 'ADVISOR', regionCodes: ['13', '15'] },
      });
    });

    it.each([
      ['an invalid email', { email: 'pas-un-courriel' }, 'input.email'],
      ['an unknown region code', { regionCodes: ['13', '18'] }, 'input.regionCodes'],
      ['an empty name', { fullName: '   ' }, 'input.fullName'],
      ['a 10,000-character name', { fullName: 'x'.repeat(10_000) }, 'input.fullName'],
      ['an ADVISOR without region', { regionCodes: [] }, 'input.regionCodes'],
      ['a MANAGER without direction', { role: 'MANAGER', regionCodes: [] }, 'input.directionCode'],
      ['an unknown direction', { role: 'MANAGER', regionCodes: [], directionCode: 'ZZZ' }, 'input.directionCode'],
      ['a control character in the name', { fullName: 'Nadia\u0000Côté' }, 'input.fullName'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field) => {
      const before = await counts();
      const response = await app.request(CREATE, { input: valid(overrides) });
      expect(response.data).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(response.errors![0]!.extensions!.fields!.map((f) => f.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses an ADVISOR with FORBIDDEN and writes nothing', async () => {
      const advisor = await createAdvisor(app);
      const before = await counts();
      const response = await app.request(CREATE, { input: valid() }, { as: advisor.email });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it.each(['MANAGER', 'ANALYST'] as const)('refuses a %s with FORBIDDEN', async (role) => {
      const user = await createAdvisor(app, { role, directionCode: role === 'MANAGER' ? 'LLL' : undefined });
      const response = await app.request(CREATE, { input: valid() }, { as: user.email });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses a second advisor with the same email (any case) with CONFLICT', async () => {
      const first = await createAdvisor(app);
      const before = await counts();
      const response = await app.request(CREATE, { input: valid({ email: first.email.toUpperCase() }) });
      expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(response.errors?.[0]?.message).toContain(first.email);
      expect(await counts()).toEqual(before);
    });
  });

  describe('messages', () => {
    it('answers in French by default and in English with Accept-Language: en', async () => {
      const input = valid({ email: 'invalide' });
      const fr = await app.request(CREATE, { input });
      const en = await app.request(CREATE, { input }, { headers: { 'accept-language': 'en-CA,en;q=0.9' } });
      expect(fr.errors?.[0]?.message).toBe('Données invalides : corrigez les champs indiqués.');
      expect(fr.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.email', message: 'Adresse courriel invalide.' }]);
      expect(en.errors?.[0]?.message).toBe('Invalid input: correct the fields listed.');
      expect(en.errors?.[0]?.extensions?.fields).toEqual([{ field: 'input.email', message: 'Invalid email address.' }]);

      const noTokenEn = await app.request(AdvisorsMeDocument, {}, { as: null, headers: { 'accept-language': 'en' } });
      expect(noTokenEn.errors?.[0]?.message).toBe('Authentication required: send a token in the Authorization: Bearer header.');
    });
  });

  describe('updateAdvisor', () => {
    it('changes role and regions, audits before and after, and bumps the version', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13'] });
      const response = await app.request(MoveAdvisorToLaurentidesDocument, { id: advisor.id });
      expect(dataOf(response).updateAdvisor).toEqual({
        fullName: 'Léa Roy',
        regions: [{ code: '14' }, { code: '15' }],
        version: 2,
      });
      const [audit] = await app.sql(
        `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'update'`,
        [advisor.id],
      );
      expect(audit!.before).toMatchObject({ regionCodes: ['13'], version: 1 });
      expect(audit!.after).toMatchObject({ fullName: 'Léa Roy', regionCodes: ['14', '15'], version: 2 });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const advisor = await createAdvisor(app);
      const update = (fullName: string) =>
        app.request(RenameAdvisorDocument, { id: advisor.id, n: fullName });
      expect(dataOf(await update('Première')).updateAdvisor.version).toBe(2);
      const before = await counts();
      const stale = await update('Seconde');
      expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
      const [row] = await app.sql(`SELECT full_name, version FROM advisors WHERE id = $1`, [advisor.id]);
      expect(row).toEqual({ full_name: 'Première', version: 2 });
    });

    it('answers NOT_FOUND for an unknown advisor', async () => {
      const response = await app.request(DeactivateUnknownAdvisorDocument, {});
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('transaction boundary', () => {
    it('rolls back the data when the audit row cannot be written, and masks the internal error', async () => {
      await app.sql(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$`);
      await app.sql(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()`);
      try {
        const before = await counts();
        const input = valid({ email: 'sans.audit@test.crm.example' });
        const response = await app.request(CREATE, { input });
        expect(response.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(JSON.stringify(response)).not.toMatch(/audit|trigger|INSERT|storage|plpgsql/i);
        expect(await counts()).toEqual(before);
        expect(await app.count('advisors', `email = $1`, [input.email])).toBe(0);
      } finally {
        await app.sql(`DROP TRIGGER refuse_audit ON audit_log`);
        await app.sql(`DROP FUNCTION refuse_audit()`);
      }
    });
  });

  describe('advisors query', () => {
    it('pages through advisors by name with cursors, filters and a total', async () => {
      for (const name of ['Zoé Abitibi', 'Yves Abitibi', 'Xavier Abitibi']) {
        await createAdvisor(app, { fullName: name, regionCodes: ['08'] });
      }
      const page = (after?: string) =>
        app.request(AbitibiAdvisorsPageDocument, { after });
      const first = dataOf(await page()).advisors;
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((e: { node: { fullName: string } }) => e.node.fullName)).toEqual(['Xavier Abitibi', 'Yves Abitibi']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = dataOf(await page(first.pageInfo.endCursor!)).advisors;
      expect(second.edges.map((e: { node: { fullName: string } }) => e.node.fullName)).toEqual(['Zoé Abitibi']);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a page size above 200 and a forged cursor with BAD_USER_INPUT', async () => {
      const big = await app.request(AdvisorsPageTooLargeDocument, {});
      expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
      const forged = await app.request(AdvisorsAfterBadCursorDocument, {});
      expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    });
  });
});
