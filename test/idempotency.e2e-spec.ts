import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType } from 'graphql';
import { IdempotentReplays } from '../src/database/idempotent-replays.js';
import {
  addCompanyContact,
  createAdvisor,
  createCompany,
  createJourneesQuebecEvent,
  registerCompanyForEvent,
  uniqueCompanyName,
} from './support/factories.js';
import { dataOf, TestApp, type GraphQLResponse } from './support/test-app.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RETENTION_CLI = join(ROOT, 'dist', 'src', 'cli', 'privacy-retention.cli.js');

const ADD_CONTACT = `mutation AjoutContact($input: AddCompanyContactInput!) {
  addCompanyContact(input: $input) { id firstName lastName email phone }
}`;
const UPDATE_ADVISOR = `mutation ($input: UpdateAdvisorInput!) { updateAdvisor(input: $input) { id version } }`;
const CREATE_COMPANY = (alias = '') => `mutation ($name: String!) {
  ${alias}createCompany(input: { legalName: $name, regionCode: "13", confirmNotDuplicate: true }) { id legalName version }
}`;

/**
 * Idempotent replays (Idempotency-Key): a key belongs to one advisor and one operation (the mutation field and its
 * arguments once variables are applied, aliases aside), and a replay answers the outcome through the normal read
 * path: the caller's role and regions are checked again, personal information shown is logged, and nothing
 * personal is stored for replays.
 */
describe('Idempotency-Key', () => {
  let app: TestApp;
  let advisor: { id: string; email: string; version: number };

  const send = (query: string, key: string, variables: Record<string, unknown> = {}, as?: string): Promise<GraphQLResponse> =>
    app.graphql(query, { variables, headers: { 'idempotency-key': key }, ...(as ? { as } : {}) });
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
  const accessLogRows = (contactId: string) => app.count('personal_information_access_log', 'contact_id = $1', [contactId]);

  beforeAll(async () => {
    app = await TestApp.start();
    advisor = await createAdvisor(app, { regionCodes: ['13'] });
  });
  afterAll(() => app?.close());

  describe('a replay goes through authorization, the access log and deletions (finding 1)', () => {
    it('answers no personal information once the contact is removed and the advisor moved to another region', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const input = { companyId: company.id, firstName: 'Kim', lastName: 'Tremblay', email: 'kim.tremblay@entreprise.example', phone: '450 555-0101' };
      const first = dataOf(await send(ADD_CONTACT, 'kc-1', { input }, advisor.email)).addCompanyContact;
      expect(first).toMatchObject({ firstName: 'Kim', email: 'kim.tremblay@entreprise.example' });

      dataOf(await app.graphql(`mutation ($id: ID!) { removeCompanyContact(id: $id) }`, { variables: { id: first.id } }));
      const moved = dataOf(
        await app.graphql(UPDATE_ADVISOR, { variables: { input: { id: advisor.id, version: advisor.version, regionCodes: ['14'] } } }),
      ).updateAdvisor;
      advisor = { ...advisor, version: moved.version };
      // A new add on that company is FORBIDDEN now.
      expect(codeOf(await send(ADD_CONTACT, 'kc-autre', { input }, advisor.email))).toBe('FORBIDDEN');

      const logged = await accessLogRows(first.id);
      const replay = await send(ADD_CONTACT, 'kc-1', { input }, advisor.email);
      expect(replay.data ?? null).toBeNull();
      expect(codeOf(replay)).toBe('NOT_FOUND');
      expect(JSON.stringify(replay)).not.toMatch(/Kim|Tremblay|kim\.tremblay|555-0101/);
      expect(await accessLogRows(first.id)).toBe(logged);
    });

    it('answers no personal information to an advisor no longer in the contact’s region, although the contact exists', async () => {
      const mover = await createAdvisor(app, { regionCodes: ['13'] });
      const company = await createCompany(app, { regionCode: '13' });
      const input = { companyId: company.id, firstName: 'Noémie', lastName: 'Bergeron', email: 'noemie@entreprise.example' };
      const first = dataOf(await send(ADD_CONTACT, 'kc-2', { input }, mover.email)).addCompanyContact;
      dataOf(await app.graphql(UPDATE_ADVISOR, { variables: { input: { id: mover.id, version: mover.version, regionCodes: ['14'] } } }));

      const replay = await send(ADD_CONTACT, 'kc-2', { input }, mover.email);
      expect(codeOf(replay)).toBe('NOT_FOUND');
      expect(JSON.stringify(replay)).not.toMatch(/Noémie|Bergeron|noemie@/);
      expect(await app.count('company_contacts', 'company_id = $1', [company.id])).toBe(1);
      expect(first.id).toBeDefined();
    });

    it('logs a replay that shows personal information like any read, and writes nothing else', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const reader = await createAdvisor(app, { regionCodes: ['13'] });
      const input = { companyId: company.id, firstName: 'Rosalie', lastName: 'Vachon', phone: '819 555-0177' };
      const first = dataOf(await send(ADD_CONTACT, 'kc-3', { input }, reader.email)).addCompanyContact;
      expect(await accessLogRows(first.id)).toBe(1);
      const audit = await app.count('audit_log');

      const replay = dataOf(await send(ADD_CONTACT, 'kc-3', { input }, reader.email)).addCompanyContact;
      expect(replay).toEqual(first);
      const rows = await app.sql(
        `SELECT advisor_id, via, path, operation_name FROM personal_information_access_log WHERE contact_id = $1 ORDER BY id`,
        [first.id],
      );
      expect(rows).toEqual([
        { advisor_id: reader.id, via: 'Mutation.addCompanyContact', path: 'addCompanyContact', operation_name: 'mutation AjoutContact' },
        { advisor_id: reader.id, via: 'Mutation.addCompanyContact', path: 'addCompanyContact', operation_name: 'mutation AjoutContact' },
      ]);
      expect(await app.count('company_contacts', 'company_id = $1', [company.id])).toBe(1);
      expect(await app.count('audit_log')).toBe(audit);
    });

    it('stores no personal information for replays, and no fingerprint of it once the contact is removed', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const input = { companyId: company.id, firstName: 'Gaston', lastName: 'Lapointe', email: 'gaston.lapointe@scierie.example', phone: '819 555-0199' };
      const first = dataOf(await send(ADD_CONTACT, 'kc-4', { input })).addCompanyContact;
      const [stored] = await app.sql<{ row: string }>(`SELECT to_jsonb(k)::text AS row FROM idempotency_keys k WHERE key = 'kc-4'`);
      expect(stored!.row).not.toMatch(/Gaston|Lapointe|gaston\.lapointe|555-0199/);

      dataOf(await app.graphql(`mutation ($id: ID!) { removeCompanyContact(id: $id) }`, { variables: { id: first.id } }));
      const [redacted] = await app.sql<{ request_hash: string | null }>(`SELECT request_hash FROM idempotency_keys WHERE key = 'kc-4'`);
      expect(redacted).toEqual({ request_hash: null });
      // The replay still finds its key (it does not run again and re-create the contact): the contact is gone.
      const replay = await send(ADD_CONTACT, 'kc-4', { input });
      expect(codeOf(replay)).toBe('NOT_FOUND');
      expect(await app.count('company_contacts', 'company_id = $1', [company.id])).toBe(0);
    });

    it('keeps no fingerprint of a contact that npm run privacy:retention anonymizes', async () => {
      const company = await createCompany(app, { regionCode: '13', legalName: uniqueCompanyName('Scierie dormante') });
      const input = { companyId: company.id, firstName: 'Hubert', lastName: 'Dormant', email: 'hubert@dormant.example' };
      const first = dataOf(await send(ADD_CONTACT, 'kc-5', { input })).addCompanyContact;
      await app.sql(`UPDATE company_contacts SET created_at = '2012-02-01', updated_at = '2012-02-01' WHERE company_id = $1`, [company.id]);
      const run = spawnSync(process.execPath, [RETENTION_CLI, '--older-than-years', '7'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: app.database.options.connectionString, LOG_LEVEL: 'silent' },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await app.sql(`SELECT anonymized_at IS NOT NULL AS anonymized FROM company_contacts WHERE id = $1`, [first.id])).toEqual([
        { anonymized: true },
      ]);
      const rows = await app.sql<{ row: string; request_hash: string | null }>(
        `SELECT to_jsonb(k)::text AS row, request_hash FROM idempotency_keys k WHERE key = 'kc-5'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.request_hash).toBeNull();
      expect(rows[0]!.row).not.toMatch(/Hubert|Dormant|hubert@/);
      // A replay shows the contact as it reads now: anonymized.
      const replay = dataOf(await send(ADD_CONTACT, 'kc-5', { input })).addCompanyContact;
      expect(replay).toMatchObject({ id: first.id, firstName: 'Personne-ressource', lastName: 'anonymisée', email: null });
    });

    it('refuses a replay with FORBIDDEN once the caller’s role no longer allows the mutation', async () => {
      const changing = await createAdvisor(app, { regionCodes: ['13'] });
      const name = uniqueCompanyName('Fonderie');
      dataOf(await send(CREATE_COMPANY(), 'kc-6', { name }, changing.email));
      dataOf(
        await app.graphql(UPDATE_ADVISOR, { variables: { input: { id: changing.id, version: changing.version, role: 'ANALYST', regionCodes: [] } } }),
      );
      const replay = await send(CREATE_COMPANY(), 'kc-6', { name }, changing.email);
      expect(codeOf(replay)).toBe('FORBIDDEN');
      expect(replay.data ?? null).toBeNull();
    });
  });

  describe('a key belongs to the caller and to one operation (finding 2)', () => {
    it('refuses with CONFLICT another mutation on the same participation under the same alias and key', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const event = await createJourneesQuebecEvent(app);
      const participation = await registerCompanyForEvent(app, undefined, { eventId: event.id, companyId: company.id });
      const confirmed = dataOf(
        await send(`mutation ($id: ID!) { x: confirmParticipation(id: $id) { id status } }`, 'cle-k', { id: participation.id }),
      ).x;
      expect(confirmed.status).toBe('CONFIRMED');

      const withdraw = await send(`mutation ($id: ID!) { x: withdrawFromEvent(id: $id) { id status } }`, 'cle-k', { id: participation.id });
      expect(codeOf(withdraw)).toBe('CONFLICT');
      expect(withdraw.data ?? null).toBeNull();
      expect(await app.sql(`SELECT status FROM event_participations WHERE id = $1`, [participation.id])).toEqual([{ status: 'CONFIRMED' }]);
    });

    it('replays the same createCompany sent under another alias instead of creating a second company', async () => {
      const name = uniqueCompanyName('Quincaillerie');
      const first = dataOf(await send(CREATE_COMPANY('premier: '), 'cle-alias', { name })).premier;
      const second = dataOf(await send(CREATE_COMPANY('second: '), 'cle-alias', { name })).second;
      expect(second.id).toBe(first.id);
      // Written out as a literal instead of a variable: the same operation once variables are applied.
      const literal = dataOf(
        await send(`mutation { createCompany(input: { legalName: ${JSON.stringify(name)}, regionCode: "13", confirmNotDuplicate: true }) { id } }`, 'cle-alias'),
      ).createCompany;
      expect(literal.id).toBe(first.id);
      expect(await app.count('companies', 'legal_name = $1', [name])).toBe(1);
    });

    it('refuses a document with several mutation fields under one key, writing nothing', async () => {
      const [a, b] = [uniqueCompanyName('Atelier A'), uniqueCompanyName('Atelier B')];
      const before = { companies: await app.count('companies'), keys: await app.count('idempotency_keys') };
      const response = await send(
        `mutation ($a: String!, $b: String!) {
          a: createCompany(input: { legalName: $a, regionCode: "13", confirmNotDuplicate: true }) { id }
          b: createCompany(input: { legalName: $b, regionCode: "13", confirmNotDuplicate: true }) { id }
        }`,
        'cle-double',
        { a, b },
      );
      // The first field is refused, and with it the whole document (non-null mutation fields run in order).
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.fields).toEqual([{ field: 'Idempotency-Key', message: expect.stringContaining('une seule') }]);
      expect({ companies: await app.count('companies'), keys: await app.count('idempotency_keys') }).toEqual(before);
    });

    it('refuses with CONFLICT a key reused on another mutation field (logInteraction after createCompany)', async () => {
      dataOf(await send(CREATE_COMPANY(), 'cle-reutilisee', { name: uniqueCompanyName('Scierie') }));
      const before = await app.count('interactions');
      const reused = await send(
        `mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
        'cle-reutilisee',
        { input: { accompanimentId: '00000000-0000-4000-8000-000000000001', occurredOn: '2021-01-01', kind: 'CALL', mode: 'PHONE', durationMinutes: 5, summary: 'x' } },
      );
      expect(codeOf(reused)).toBe('CONFLICT');
      expect(await app.count('interactions')).toBe(before);
    });

    it('refuses with CONFLICT the same field with other arguments, and keeps keys per advisor', async () => {
      dataOf(await send(CREATE_COMPANY(), 'cle-args', { name: uniqueCompanyName('Boulangerie') }));
      expect(codeOf(await send(CREATE_COMPANY(), 'cle-args', { name: uniqueCompanyName('Autre') }))).toBe('CONFLICT');
      const other = await createAdvisor(app, { regionCodes: ['13'] });
      const theirs = await send(CREATE_COMPANY(), 'cle-args', { name: uniqueCompanyName('Autre') }, other.email);
      expect(codeOf(theirs)).toBeUndefined();
    });
  });

  describe('every mutation', () => {
    it('can be replayed (each type a mutation answers has a reader), but developmentSignIn, which refuses a key', async () => {
      const schema = app.app.get(GraphQLSchemaHost).schema;
      const replays = app.app.get(IdempotentReplays);
      const missing = Object.values(schema.getMutationType()!.getFields())
        .filter((field) => !replays.canReplay(getNamedType(field.type).name))
        .map((field) => field.name);
      // A development session is a fresh token: it cannot be read again, nor stored.
      expect(missing).toEqual(['developmentSignIn']);
      const refused = await send(`mutation { developmentSignIn(email: "admin@test.crm.example") { token } }`, 'cle-session');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'Idempotency-Key' }] });
      expect(await app.count('idempotency_keys', `key = 'cle-session'`)).toBe(0);
    });

    it('replays results identified by a code (a region) or by a scalar (the id of a removed contact)', async () => {
      const [region] = await app.sql<{ version: number; name: string }>(`SELECT version, name FROM regions WHERE code = '11'`);
      const rename = `mutation ($input: UpdateRegionInput!) { updateRegion(input: $input) { code name version } }`;
      const input = { code: '11', version: region!.version, name: `${region!.name} (essai)` };
      const first = dataOf(await send(rename, 'cle-region', { input })).updateRegion;
      expect(dataOf(await send(rename, 'cle-region', { input })).updateRegion).toEqual(first);

      const company = await createCompany(app, { regionCode: '13' });
      const contact = await addCompanyContact(app, company.id);
      const remove = `mutation ($id: ID!) { removeCompanyContact(id: $id) }`;
      expect(dataOf(await send(remove, 'cle-retrait', { id: contact.id })).removeCompanyContact).toBe(contact.id);
      const audit = await app.count('audit_log');
      expect(dataOf(await send(remove, 'cle-retrait', { id: contact.id })).removeCompanyContact).toBe(contact.id);
      expect(await app.count('audit_log')).toBe(audit);
    });
  });
});
