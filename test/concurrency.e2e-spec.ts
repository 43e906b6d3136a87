import { IdempotencyKeys } from '../src/database/idempotency.js';
import { createAdvisor, createJourneesQuebecEvent } from './support/factories.js';
import { dataOf, TestApp, TEST_ADMIN_EMAIL } from './support/test-app.js';

const PARALLEL = 50;

describe('concurrency and idempotency', () => {
  let app: TestApp;
  let advisor: string;
  beforeAll(async () => {
    app = await TestApp.start();
    advisor = (await createAdvisor(app, { regionCodes: ['12'] })).email;
  });
  afterAll(() => app.close());

  const company = async (name: string) =>
    dataOf(
      await app.graphql(`mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "12", confirmNotDuplicate: true }) { id version } }`, {
        variables: { n: name },
        as: advisor,
      }),
    ).createCompany as { id: string; version: number };
  const codes = (responses: { errors?: { extensions?: { code?: string } }[] }[]) => {
    const tally: Record<string, number> = {};
    for (const r of responses) {
      const code = r.errors?.[0]?.extensions?.code ?? 'OK';
      tally[code] = (tally[code] ?? 0) + 1;
    }
    return tally;
  };

  it(`lets exactly one of ${PARALLEL} parallel updates with the same version through; the others get CONFLICT`, async () => {
    const { id } = await company('Chantier naval Lévis');
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        app.graphql(`mutation ($id: ID!, $m: String!) { updateCompany(input: { id: $id, version: 1, municipality: $m }) { version } }`, {
          variables: { id, m: `Lévis ${i}` },
          as: advisor,
        }),
      ),
    );
    expect(codes(responses)).toEqual({ OK: 1, CONFLICT: PARALLEL - 1 });
    const [row] = await app.sql(`SELECT version FROM companies WHERE id = $1`, [id]);
    expect(row).toEqual({ version: 2 });
    expect(await app.count('audit_log', `entity_id = $1 AND action = 'update'`, [id])).toBe(1);
  });

  it(`opens exactly one file out of ${PARALLEL} parallel openAccompaniment for the same company and region`, async () => {
    const { id } = await company('Érablière Beauce');
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        app.graphql(`mutation ($id: ID!) { openAccompaniment(input: { companyId: $id, serviceLevel: PERSONALIZED, themes: [RECRUITMENT] }) { id } }`, {
          variables: { id },
          as: advisor,
        }),
      ),
    );
    expect(codes(responses)).toEqual({ OK: 1, CONFLICT: PARALLEL - 1 });
    expect(await app.count('accompaniments', 'company_id = $1', [id])).toBe(1);
  });

  it(`registers a company once out of ${PARALLEL} parallel registerForEvent`, async () => {
    const { id } = await company('Portes et fenêtres Beauce');
    const event = await createJourneesQuebecEvent(app);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        app.graphql(`mutation ($e: ID!, $c: ID!) { registerForEvent(input: { eventId: $e, companyId: $c, recruitmentNeedIds: [] }) { id } }`, {
          variables: { e: event.id, c: id },
          as: advisor,
        }),
      ),
    );
    expect(codes(responses)).toEqual({ OK: 1, CONFLICT: PARALLEL - 1 });
    expect(await app.count('event_participations', 'company_id = $1', [id])).toBe(1);
  });

  describe('Idempotency-Key', () => {
    const CREATE = `mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "12", confirmNotDuplicate: true }) {
      id legalName version createdAt region { name } } }`;
    const create = (name: string, key: string, as = advisor) =>
      app.graphql(CREATE, { variables: { n: name }, headers: { 'idempotency-key': key }, as });

    it('answers a replay with the first result and writes nothing', async () => {
      const first = dataOf(await create('Scierie Saint-Georges', 'cle-essai-1')).createCompany;
      const before = { companies: await app.count('companies'), audit: await app.count('audit_log') };
      const replay = dataOf(await create('Scierie Saint-Georges', 'cle-essai-1')).createCompany;
      expect(replay).toEqual(first);
      expect({ companies: await app.count('companies'), audit: await app.count('audit_log') }).toEqual(before);
    });

    it('refuses the same key with another payload, writing nothing', async () => {
      dataOf(await create('Fonderie Montmagny', 'cle-essai-2'));
      const before = await app.count('companies');
      const reused = await create('Autre entreprise', 'cle-essai-2');
      expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await app.count('companies')).toBe(before);
    });

    it('keeps keys per advisor, and writes once when the same key is sent concurrently', async () => {
      const responses = await Promise.all(Array.from({ length: 10 }, () => create('Quincaillerie Thetford', 'cle-essai-3')));
      const ids = new Set(responses.map((r) => dataOf(r).createCompany.id));
      expect(ids.size).toBe(1);
      expect(await app.count('companies', `legal_name = 'Quincaillerie Thetford'`)).toBe(1);
      // Another advisor's identical key is theirs: a new company (confirmNotDuplicate lets the same name pass).
      const other = dataOf(await create('Quincaillerie Thetford', 'cle-essai-3', TEST_ADMIN_EMAIL)).createCompany;
      expect(ids.has(other.id)).toBe(false);
    });

    it('forgets keys after a day (purged at start and by privacy:retention)', async () => {
      dataOf(await create('Atelier Saint-Joseph', 'cle-essai-4'));
      await app.sql(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'cle-essai-4'`);
      const purged = await app.app.get(IdempotencyKeys).purgeExpired();
      expect(purged).toBe(1);
      expect(await app.count('idempotency_keys', `key = 'cle-essai-4'`)).toBe(0);
      expect(await app.count('idempotency_keys', `key = 'cle-essai-1'`)).toBe(1);
    });

    it('refuses a malformed key', async () => {
      const response = await create('Entreprise', 'clé avec espaces');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
