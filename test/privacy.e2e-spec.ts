import {
  LectureFicheDocument as READ_CONTACTS,
  PrivacyAccessLogDocument as ACCESS_LOG,
  PrivacyExportDocument as EXPORT,
  PrivacyRemoveCompanyContactDocument,
  UpdateCompanyContactDocument,
} from '../operations/generated.js';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrivacyRetentionService } from '../src/privacy/privacy-retention.service.js';
import {
  addCompanyContact,
  addRecruitmentNeed,
  closeFile,
  createAdvisor,
  createCompany,
  logInteraction,
  openFile,
  type CompanyFixture,
  type ContactFixture,
} from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'privacy-retention.cli.js');

interface AccessRow {
  advisor_id: string | null;
  contact_id: string;
  company_id: string;
  via: string;
  path: string;
  operation_name: string | null;
}

describe('personal information (Loi 25)', () => {
  let app: TestApp;
  let adminId: string;
  let advisor: { id: string; email: string };
  let outsider: { id: string; email: string };
  let company: CompanyFixture;
  let contacts: ContactFixture[];

  const accessRows = (where = 'TRUE', params: unknown[] = []) =>
    app.sql<AccessRow>(
      `SELECT advisor_id, contact_id, company_id, via, path, operation_name FROM personal_information_access_log WHERE ${where} ORDER BY id`,
      params,
    );

  beforeAll(async () => {
    app = await TestApp.start();
    adminId = (await app.sql<{ id: string }>(`SELECT id FROM advisors WHERE email = $1`, [TEST_ADMIN_EMAIL]))[0]!.id;
    advisor = await createAdvisor(app, { regionCodes: ['13'] });
    outsider = await createAdvisor(app, { regionCodes: ['17'] });
    company = await createCompany(app, { regionCode: '13', neq: '1170000001' });
    contacts = [
      await addCompanyContact(app, company.id, { firstName: 'Émilie', lastName: 'Bélanger' }),
      await addCompanyContact(app, company.id, { firstName: 'Jacques', lastName: 'Arsenault', phone: '450 555-0101' }),
    ];
  });
  afterAll(() => app.close());

  describe('access log', () => {
    it('logs the contacts a mutation answers with, in its transaction', async () => {
      const rows = await accessRows('contact_id = ANY($1::uuid[])', [contacts.map((c) => c.id)]);
      expect(rows).toEqual(
        contacts.map((contact) => ({
          advisor_id: adminId,
          contact_id: contact.id,
          company_id: company.id,
          via: 'Mutation.addCompanyContact',
          path: 'addCompanyContact',
          operation_name: 'mutation AddCompanyContact',
        })),
      );
    });

    it('logs who read which contacts, and through what, in one statement per request', async () => {
      const before = await app.count('personal_information_access_log');
      const response = await app.request(READ_CONTACTS, { id: company.id }, { as: advisor.email });
      expect(dataOf(response).company!.contacts).toHaveLength(2);
      const rows = await accessRows('advisor_id = $1', [advisor.id]);
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.contact_id))).toEqual(new Set(contacts.map((c) => c.id)));
      expect(rows[0]).toMatchObject({
        company_id: company.id,
        via: 'Company.contacts',
        path: 'company.contacts',
        operation_name: 'query LectureFiche',
      });
      expect(await app.count('personal_information_access_log')).toBe(before + 2);

      // The directory page: every company's contacts of the page land in the same INSERT.
      const other = await createCompany(app, { regionCode: '13' });
      await addCompanyContact(app, other.id, { firstName: 'Lucie', lastName: 'Paquette' });
      // Anonymous on purpose: the log names an operation without a name by its type alone.
      const page = await app.graphql(`{ companies(first: 50, filter: { regionCodes: ["13"] }) { edges { node { contacts { id } } } } }`, {
        as: advisor.email,
      });
      const listed = dataOf(page).companies.edges.flatMap((e: { node: { contacts: { id: string }[] } }) => e.node.contacts);
      expect(listed.length).toBeGreaterThanOrEqual(3);
      const pageRows = await accessRows(`advisor_id = $1 AND path = 'companies.edges.node.contacts'`, [advisor.id]);
      expect(pageRows).toHaveLength(listed.length);
      expect(pageRows.every((r) => r.operation_name === 'query' && r.via === 'Company.contacts')).toBe(true);
    });

    it('writes nothing when no contact is returned (a company outside the reader’s regions)', async () => {
      const before = await app.count('personal_information_access_log');
      const response = await app.request(READ_CONTACTS, { id: company.id }, { as: outsider.email });
      expect(dataOf(response).company!.contacts).toEqual([]);
      expect(await app.count('personal_information_access_log')).toBe(before);
      expect(await accessRows('advisor_id = $1', [outsider.id])).toEqual([]);
    });

    it('logs the audit trail of a contact (its snapshots hold personal information)', async () => {
      const response = await app.graphql(
        // Anonymous on purpose, as above.
        `query ($id: String!) { auditTrail(entityType: "CompanyContact", entityId: $id) { edges { node { action after } } } }`,
        { variables: { id: contacts[0]!.id } },
      );
      expect(dataOf(response).auditTrail.edges).toHaveLength(1);
      expect(await accessRows(`via = 'Query.auditTrail'`)).toEqual([
        {
          advisor_id: adminId,
          contact_id: contacts[0]!.id,
          company_id: company.id,
          via: 'Query.auditTrail',
          path: 'auditTrail',
          operation_name: 'query',
        },
      ]);
    });

    it('refuses the read when the access cannot be logged', async () => {
      await app.sql(`ALTER TABLE personal_information_access_log ADD CONSTRAINT test_refuse_all CHECK (false) NOT VALID`);
      try {
        const response = await app.request(READ_CONTACTS, { id: company.id }, { as: advisor.email });
        expect(response.data?.company ?? null).toBeNull();
        expect(response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(response.errors?.[0]?.message).toMatch(/journalisé/);
        expect(JSON.stringify(response)).not.toContain('Bélanger');
      } finally {
        await app.sql(`ALTER TABLE personal_information_access_log DROP CONSTRAINT test_refuse_all`);
      }
    });

    it('lets ADMIN query the log by contact, advisor and days, page by page', async () => {
      const byContact = dataOf(
        await app.request(ACCESS_LOG, { filter: { contactId: contacts[0]!.id, advisorId: advisor.id }, first: 1 }),
      ).personalInformationAccessLog;
      expect(byContact.totalCount).toBe(2);
      expect(byContact.edges).toHaveLength(1);
      expect(byContact.edges[0].node).toMatchObject({ advisorId: advisor.id, contactId: contacts[0]!.id, companyId: company.id });
      expect(byContact.pageInfo.hasNextPage).toBe(true);
      const next = dataOf(
        await app.request(ACCESS_LOG, { filter: { contactId: contacts[0]!.id, advisorId: advisor.id }, first: 1, after: byContact.pageInfo.endCursor }),
      ).personalInformationAccessLog;
      expect(next.edges).toHaveLength(1);
      expect(next.edges[0].node.id).not.toBe(byContact.edges[0].node.id);
      expect(next.pageInfo.hasNextPage).toBe(false);

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());
      const todays = await app.request(ACCESS_LOG, { filter: { advisorId: advisor.id, from: today, to: today } });
      expect(dataOf(todays).personalInformationAccessLog.totalCount).toBe(await app.count('personal_information_access_log', 'advisor_id = $1', [advisor.id]));
      const later = await app.request(ACCESS_LOG, { filter: { from: '2999-01-01' } });
      expect(dataOf(later).personalInformationAccessLog.totalCount).toBe(0);
      const reversed = await app.request(ACCESS_LOG, { filter: { from: '2024-02-01', to: '2024-01-01' } });
      expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers FORBIDDEN to every role but ADMIN', async () => {
      const manager = await createAdvisor(app, { role: 'MANAGER', directionCode: (await directionOf13()) });
      const analyst = await createAdvisor(app, { role: 'ANALYST' });
      for (const email of [advisor.email, manager.email, analyst.email]) {
        const response = await app.request(ACCESS_LOG, {}, { as: email });
        expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(response.data?.personalInformationAccessLog ?? null).toBeNull();
      }
    });
  });

  const directionOf13 = async () =>
    (await app.sql<{ direction_code: string }>(`SELECT direction_code FROM regions WHERE code = '13'`))[0]!.direction_code;

  describe('right of access (contactPersonalInformation)', () => {
    it('exports the contact, its company, its audit entries and its access entries', async () => {
      const contact = contacts[1]!;
      await app.request(UpdateCompanyContactDocument, { input: { id: contact.id, version: contact.version, title: 'Directeur des opérations' } });
      const exported = dataOf(await app.request(EXPORT, { id: contact.id })).contactPersonalInformation;
      expect(exported.contact).toEqual({
        id: contact.id,
        firstName: 'Jacques',
        lastName: 'Arsenault',
        email: contact.email,
        phone: '450 555-0101',
        title: 'Directeur des opérations',
      });
      expect(exported.anonymizedAt).toBeNull();
      expect(exported.company).toEqual({ id: company.id, legalName: company.legalName, neq: '1170000001' });
      expect(exported.auditEntries.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
      const vias = exported.accessLog.map((a: { via: string }) => a.via);
      expect(vias).toEqual(expect.arrayContaining(['Mutation.addCompanyContact', 'Company.contacts', 'Mutation.updateCompanyContact']));
      expect(vias.at(-1)).toBe('Query.contactPersonalInformation');
      const json = JSON.parse(exported.json);
      expect(json.contact.lastName).toBe('Arsenault');
      expect(json.company.neq).toBe('1170000001');
      expect(json.auditEntries).toHaveLength(2);
      expect(json.accessLog.length).toBe(exported.accessLog.length);
    });

    it('answers NOT_FOUND for an unknown contact and FORBIDDEN for non-ADMIN', async () => {
      const unknown = await app.request(EXPORT, { id: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const malformed = await app.request(EXPORT, { id: 'pas-un-uuid' });
      expect(malformed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const refused = await app.request(EXPORT, { id: contacts[0]!.id }, { as: advisor.email });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('retention (npm run privacy:retention)', () => {
    let dormant: CompanyFixture;
    let active: CompanyFixture;
    let needOnly: CompanyFixture;
    let dormantContacts: ContactFixture[];
    let activeContact: ContactFixture;
    let deletedContactId: string;

    const backdateContacts = (companyId: string) =>
      app.sql(`UPDATE company_contacts SET created_at = '2012-02-01', updated_at = '2012-02-01' WHERE company_id = $1`, [companyId]);
    const retention = () => app.app.get(PrivacyRetentionService);
    const snapshot = async () => ({
      contacts: await app.sql(`SELECT * FROM company_contacts ORDER BY id`),
      audit: await app.sql(`SELECT id, before, after FROM audit_log ORDER BY id`),
    });

    beforeAll(async () => {
      // Dormant: a file opened, worked and closed in 2012, contacts collected then (one updated, one deleted).
      dormant = await createCompany(app, { regionCode: '13', legalName: 'Scierie dormante enr.' });
      dormantContacts = [
        await addCompanyContact(app, dormant.id, { firstName: 'Rosalie', lastName: 'Vachon', email: 'rosalie.vachon@scierie.example' }),
        await addCompanyContact(app, dormant.id, { firstName: 'Gaston', lastName: 'Lapointe', phone: '819 555-0177' }),
      ];
      await app.request(UpdateCompanyContactDocument, { input: { id: dormantContacts[0]!.id, version: 1, email: 'r.vachon@scierie.example' } });
      const file = await openFile(app, advisor.email, { companyId: dormant.id, openedOn: '2012-03-01' });
      await logInteraction(app, advisor.email, { accompanimentId: file.id, occurredOn: '2012-04-02' });
      await closeFile(app, advisor.email, { id: file.id, version: file.version, closedOn: '2012-06-01' });
      const removed = await addCompanyContact(app, dormant.id, { firstName: 'Hubert', lastName: 'Disparu' });
      deletedContactId = removed.id;
      await app.request(PrivacyRemoveCompanyContactDocument, { id: removed.id });
      await app.sql(`UPDATE audit_log SET occurred_at = '2012-07-01' WHERE entity_id = $1`, [removed.id]);
      await backdateContacts(dormant.id);

      // Active: an old contact, but a file still open.
      active = await createCompany(app, { regionCode: '13', legalName: 'Fromagerie active inc.' });
      activeContact = await addCompanyContact(app, active.id, { firstName: 'Maude', lastName: 'Ouellet' });
      await openFile(app, advisor.email, { companyId: active.id, openedOn: '2011-05-01' });
      await backdateContacts(active.id);

      // Only a recruitment need this year keeps this one.
      needOnly = await createCompany(app, { regionCode: '13', legalName: 'Atelier avec besoin ltée' });
      await addCompanyContact(app, needOnly.id, { firstName: 'Yves', lastName: 'Gendron' });
      await addRecruitmentNeed(app, advisor.email, { companyId: needOnly.id });
      await backdateContacts(needOnly.id);
    });

    it('prints in French what a dry run would do, and changes nothing', async () => {
      const before = await snapshot();
      const run = spawnSync(process.execPath, [CLI, '--older-than-years', '7', '--dry-run'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: app.database.options.connectionString, LOG_LEVEL: 'silent' },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Simulation');
      expect(run.stdout).toContain('- Scierie dormante enr. (région 13) : 2 personnes-ressources anonymisées');
      expect(run.stdout).toContain('Total : 1 entreprise, 2 personnes-ressources anonymisées');
      expect(run.stdout).not.toContain('Fromagerie');
      expect(run.stdout).not.toContain('Atelier');

      const report = await retention().run({ olderThanYears: 7, dryRun: true });
      expect(report.companies.map((c) => c.companyId)).toEqual([dormant.id]);
      expect(report.totals).toEqual({ companies: 1, contacts: 2, auditEntries: 3, deletedContactsAuditEntries: 2, expiredIdempotencyKeys: 0 });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an invalid number of years (usage, exit 2)', () => {
      const run = spawnSync(process.execPath, [CLI, '--older-than-years', 'sept'], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Usage');
    });

    it('anonymizes the contacts of dormant companies only, and redacts their audit rows', async () => {
      const report = await retention().run({ olderThanYears: 7, dryRun: false });
      expect(report.totals).toEqual({ companies: 1, contacts: 2, auditEntries: 3, deletedContactsAuditEntries: 2, expiredIdempotencyKeys: 0 });

      const anonymized = await app.sql(
        `SELECT first_name, last_name, title, email, phone, anonymized_at, version FROM company_contacts WHERE company_id = $1`,
        [dormant.id],
      );
      expect(anonymized).toHaveLength(2);
      for (const row of anonymized) {
        expect(row).toMatchObject({ first_name: 'Personne-ressource', last_name: 'anonymisée', title: null, email: null, phone: null });
        expect(row.anonymized_at).toBeInstanceOf(Date);
      }
      const untouched = await app.sql(`SELECT first_name, last_name, anonymized_at FROM company_contacts WHERE id = $1`, [activeContact.id]);
      expect(untouched).toEqual([{ first_name: 'Maude', last_name: 'Ouellet', anonymized_at: null }]);
      expect(await app.count('company_contacts', `company_id = $1 AND first_name = 'Yves'`, [needOnly.id])).toBe(1);

      const ids = [...dormantContacts.map((c) => c.id), deletedContactId];
      const audit = JSON.stringify(await app.sql(`SELECT before, after FROM audit_log WHERE entity_id = ANY($1)`, [ids]));
      for (const value of ['Rosalie', 'Vachon', 'rosalie.vachon', 'r.vachon', 'Gaston', 'Lapointe', '819 555-0177', 'Hubert', 'Disparu']) {
        expect(audit).not.toContain(value);
      }
      expect(audit).toContain('[anonymisé]');
      expect(await app.count('audit_log', `action = 'anonymize' AND entity_id = ANY($1)`, [dormantContacts.map((c) => c.id)])).toBe(2);
      const activeAudit = JSON.stringify(await app.sql(`SELECT after FROM audit_log WHERE entity_id = $1`, [activeContact.id]));
      expect(activeAudit).toContain('Ouellet');

      // The contact is still there for the right of access, without its personal information.
      const exported = dataOf(await app.request(EXPORT, { id: dormantContacts[0]!.id })).contactPersonalInformation;
      expect(exported.contact).toMatchObject({ firstName: 'Personne-ressource', email: null });
      expect(exported.anonymizedAt).not.toBeNull();
      expect(exported.json).not.toContain('Vachon');
    });

    it('changes nothing more when run again', async () => {
      const before = await snapshot();
      const report = await retention().run({ olderThanYears: 7, dryRun: false });
      expect(report.totals).toEqual({ companies: 0, contacts: 0, auditEntries: 0, deletedContactsAuditEntries: 0, expiredIdempotencyKeys: 0 });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('logs', () => {
    it('never hold a contact’s personal fields, even at trace level', async () => {
      const lines: string[] = [];
      const traced = await TestApp.start({ LOG_LEVEL: 'trace' }, { write: (line: string) => void lines.push(line) });
      try {
        const values = {
          firstName: 'Zéphirine',
          lastName: 'Quintal-Bérubé',
          email: 'zephirine.quintal@exemple-prive.example',
          phone: '418 555-0199',
          title: 'Responsable de la dotation internationale',
        };
        const target = await createCompany(traced, { regionCode: '13' });
        const added = await addCompanyContact(traced, target.id, values);
        dataOf(await traced.request(READ_CONTACTS, { id: target.id }));
        dataOf(
          await traced.request(UpdateCompanyContactDocument, { input: { id: added.id, version: added.version, phone: '418 555-0100' } }),
        );
        const stale = await traced.request(UpdateCompanyContactDocument, {
          input: { id: added.id, version: 1, lastName: 'Autre-Nom-Secret' },
        });
        expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        dataOf(await traced.request(EXPORT, { id: added.id }));
        await traced.app.get(PrivacyRetentionService).run({ olderThanYears: 7, dryRun: true });

        const output = lines.join('');
        expect(lines.length).toBeGreaterThan(5);
        expect(output).toContain('"level":20');
        for (const value of [...Object.values(values), '418 555-0100', 'Autre-Nom-Secret', 'zephirine']) {
          expect(output).not.toContain(value);
        }
      } finally {
        await traced.close();
      }
    });
  });
});
