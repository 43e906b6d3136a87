import {
  AddContactWithBadEmailDocument,
  AddContactToUnknownCompanyDocument,
  AddHumanResourcesContactDocument,
  CompaniesByNeqPrefixPageDocument,
  SearchCompanyNamesDocument,
  CompanyContactNamesDocument,
  CompanyByShortNeqDocument,
  CompanyByFormattedNeqDocument,
  CompanyByMalformedIdDocument,
  CompaniesCreateDocument as CREATE,
  CompaniesPossibleDuplicateCompaniesDocument,
  CompaniesRemoveCompanyContactDocument,
  SetCompanyMunicipalityDocument,
  SetCompanyNeqDocument,
  UpdateUnknownCompanyDocument,
  CompaniesUpdateCompanyContactDocument,
  MoveCompanyToAmosDocument,
} from '../operations/generated.js';
import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

let sequence = 0;
/** A company name no other test uses, so the duplicate-name check stays out of the way. */
const uniqueName = (base: string) => `${base} ${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

describe('companies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const counts = () => app.counts({ companies: 'companies', audit: 'audit_log' });
  const create = (input: Record<string, unknown>, as?: string) => app.request(CREATE, { input } as never, { as });

  describe('createCompany', () => {
    it('needs only a legal name and a region', async () => {
      const name = uniqueName('Ferme Beauséjour');
      const company = dataOf(await create({ legalName: name, regionCode: '17' })).createCompany;
      expect(company).toMatchObject({ legalName: name, neq: null, otherNames: [], region: { code: '17', name: 'Centre-du-Québec' }, version: 1 });
    });

    it('normalizes what users type (NEQ spaces and dashes, postal code) and audits the creation', async () => {
      const before = await counts();
      const company = dataOf(
        await create({
          legalName: 'Usinage Précis Drummond inc.',
          otherNames: ['Usinage Drummond'],
          neq: '1 170-123 456',
          naicsCode: '332710',
          sizeBand: 'EMPLOYEES_20_49',
          ownership: 'PRIVATE',
          address: '270, rue Lindsay',
          municipality: 'Drummondville',
          postalCode: 'j2b1h1',
          regionCode: '17',
        }),
      ).createCompany;
      expect(company).toMatchObject({
        neq: '1170123456',
        naicsCode: '332710',
        naicsSector: '31-33',
        postalCode: 'J2B 1H1',
        sizeBand: 'EMPLOYEES_20_49',
        ownership: 'PRIVATE',
        otherNames: ['Usinage Drummond'],
      });
      expect(await counts()).toEqual({ companies: before.companies + 1, audit: before.audit + 1 });
      const [audit] = await app.sql(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [company.id]);
      expect(audit).toMatchObject({ action: 'create', after: { legalName: 'Usinage Précis Drummond inc.', neq: '1170123456' } });
    });

    it.each([
      ['a NEQ of 9 digits', { neq: '123456789' }, 'input.neq'],
      ['a NEQ with letters', { neq: '12345abcde' }, 'input.neq'],
      ['a SCIAN code outside the 20 sectors', { naicsCode: '99' }, 'input.naicsCode'],
      ['a SCIAN code of 7 digits', { naicsCode: '3327101' }, 'input.naicsCode'],
      ['a region code out of range', { regionCode: '18' }, 'input.regionCode'],
      ['a region code that is not two digits', { regionCode: '6' }, 'input.regionCode'],
      ['a postal code that is not Canadian', { postalCode: '90210' }, 'input.postalCode'],
      ['an empty legal name', { legalName: '  ' }, 'input.legalName'],
      ['a 301-character legal name', { legalName: 'x'.repeat(301) }, 'input.legalName'],
      ['an other name of 301 characters', { otherNames: ['y'.repeat(301)] }, 'input.otherNames'],
      ['a 101-character municipality', { municipality: 'z'.repeat(101) }, 'input.municipality'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field) => {
      const before = await counts();
      const response = await create({ legalName: uniqueName('Entreprise Valide'), regionCode: '13', ...overrides });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.extensions!.fields!.map((f) => f.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown size band or ownership before running anything', async () => {
      const before = await counts();
      for (const overrides of [{ sizeBand: 'HUGE' }, { ownership: 'FOREIGN' }]) {
        const response = await create({ legalName: uniqueName('Entreprise'), regionCode: '13', ...overrides });
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect(await counts()).toEqual(before);
    });

    it('reports every invalid field at once', async () => {
      const response = await create({ legalName: uniqueName('Entreprise'), regionCode: '13', neq: '1', naicsCode: '00', postalCode: 'x' });
      expect(response.errors![0]!.extensions!.fields!.map((f) => f.field).sort()).toEqual([
        'input.naicsCode',
        'input.neq',
        'input.postalCode',
      ]);
    });

    it('refuses a second company with the same NEQ with CONFLICT, naming the existing one', async () => {
      const first = dataOf(await create({ legalName: uniqueName('Scierie Nord'), neq: '1140000001', regionCode: '08' })).createCompany;
      const before = await counts();
      const response = await create({ legalName: uniqueName('Autre Scierie'), neq: '1140-000-001', regionCode: '08', confirmNotDuplicate: true });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingCompanyId: first.id });
      expect(response.errors?.[0]?.message).toContain('1140000001');
      expect(await counts()).toEqual(before);
    });

    it('answers CONFLICT with the likely duplicates for a name that only differs by accents, case, punctuation or legal form', async () => {
      const original = dataOf(await create({ legalName: 'Boulangerie Saint-Jérôme Inc.', regionCode: '15' })).createCompany;
      const before = await counts();
      for (const variant of ['BOULANGERIE SAINT JEROME LTÉE', 'Boulangerie St-Jérôme', 'boulangerie saint-jérôme enr.']) {
        const response = await create({ legalName: variant, regionCode: '15' });
        expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(response.errors?.[0]?.extensions?.duplicates).toEqual([
          expect.objectContaining({ id: original.id, legalName: 'Boulangerie Saint-Jérôme Inc.', reason: 'NAME' }),
        ]);
      }
      expect(await counts()).toEqual(before);

      const confirmed = await create({ legalName: 'Boulangerie Saint-Jérôme Ltée', regionCode: '15', confirmNotDuplicate: true });
      expect(dataOf(confirmed).createCompany.legalName).toBe('Boulangerie Saint-Jérôme Ltée');
    });

    it('does not flag a merely related name', async () => {
      dataOf(await create({ legalName: 'Transport Lavoie et Fils', regionCode: '14' }));
      expect(dataOf(await create({ legalName: 'Boucherie Lavoie', regionCode: '14' })).createCompany.legalName).toBe('Boucherie Lavoie');
    });

    it('lets a client check for duplicates first, by NEQ and by name', async () => {
      const company = dataOf(await create({ legalName: 'Aciers Outaouais S.E.N.C.', neq: '1177777777', regionCode: '07' })).createCompany;
      const response = await app.request(CompaniesPossibleDuplicateCompaniesDocument, {});
      const data = dataOf(response);
      expect(data.byName).toEqual([{ company: { id: company.id }, reason: 'NAME', similarity: 1 }]);
      expect(data.byNeq).toEqual([{ company: { id: company.id }, reason: 'NEQ' }]);
    });

    it('lets an advisor create companies in their own regions only', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13'] });
      expect(dataOf(await create({ legalName: uniqueName('Traiteur Laval'), regionCode: '13' }, advisor.email)).createCompany.region.code).toBe('13');
      const before = await counts();
      const refused = await create({ legalName: uniqueName('Traiteur Montréal'), regionCode: '06' }, advisor.email);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });
  });

  describe('updateCompany', () => {
    it('changes the given fields, bumps the version and audits before and after', async () => {
      const company = dataOf(await create({ legalName: uniqueName('Menuiserie Abitibi'), regionCode: '08' })).createCompany;
      const response = await app.request(MoveCompanyToAmosDocument, { id: company.id });
      expect(dataOf(response).updateCompany).toEqual({ municipality: 'Amos', naicsCode: '321', version: 2 });
      const [audit] = await app.sql(`SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'update'`, [company.id]);
      expect(audit!.before).toMatchObject({ municipality: null, version: 1 });
      expect(audit!.after).toMatchObject({ municipality: 'Amos', version: 2 });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const company = dataOf(await create({ legalName: uniqueName('Serres Lanaudière'), regionCode: '14' })).createCompany;
      const update = (municipality: string) =>
        app.request(SetCompanyMunicipalityDocument, { id: company.id, m: municipality });
      expect(dataOf(await update('Joliette')).updateCompany.version).toBe(2);
      const before = await counts();
      expect((await update('Terrebonne')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
      expect((await app.sql(`SELECT municipality FROM companies WHERE id = $1`, [company.id]))[0]).toEqual({ municipality: 'Joliette' });
    });

    it('refuses taking a NEQ another company has', async () => {
      dataOf(await create({ legalName: uniqueName('A'), neq: '1160000001', regionCode: '16' }));
      const other = dataOf(await create({ legalName: uniqueName('B'), regionCode: '16' })).createCompany;
      const response = await app.request(SetCompanyNeqDocument, { id: other.id });
      expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });

    it('refuses a malformed id with BAD_USER_INPUT rather than an internal error', async () => {
      const response = await app.request(CompanyByMalformedIdDocument, {});
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'id' }] });
    });

    it('answers NOT_FOUND for an unknown company', async () => {
      const response = await app.request(UpdateUnknownCompanyDocument, {});
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      for (const [legalName, otherNames, neq] of [
        ['École de conduite Montréal-Nord', [], '1150000001'],
        ['Les Entreprises Électriques Côté', ['Électricité Côté'], '1150000002'],
        ['Clinique vétérinaire Île-Perrot', [], '1150000003'],
        ['Ecolab Canada', [], null],
      ] as [string, string[], string | null][]) {
        await create({ legalName, otherNames, neq, regionCode: '06', confirmNotDuplicate: true });
      }
    });

    const search = async (text: string, first = 20) =>
      dataOf(
        await app.request(SearchCompanyNamesDocument, { s: text, n: first }),
      ).companies as { totalCount: number; edges: { node: { legalName: string } }[] };
    const names = (page: { edges: { node: { legalName: string } }[] }) => page.edges.map((e) => e.node.legalName);

    it.each([
      ['ecole', 'École de conduite Montréal-Nord'],
      ['ÉCOLE', 'École de conduite Montréal-Nord'],
      ['montreal', 'École de conduite Montréal-Nord'],
      ['electriques cote', 'Les Entreprises Électriques Côté'],
      ['electricite', 'Les Entreprises Électriques Côté'],
      ['ile perrot', 'Clinique vétérinaire Île-Perrot'],
      ['veterinaire', 'Clinique vétérinaire Île-Perrot'],
    ])('"%s" finds %s, without regard to accents or case', async (text, expected) => {
      expect(names(await search(text))).toContain(expected);
    });

    it('finds companies by the beginning of their NEQ', async () => {
      expect(names(await search('115000000'))).toEqual(
        expect.arrayContaining(['École de conduite Montréal-Nord', 'Les Entreprises Électriques Côté', 'Clinique vétérinaire Île-Perrot']),
      );
      expect(names(await search('1150000003'))[0]).toBe('Clinique vétérinaire Île-Perrot');
    });

    it('ranks a name starting with the search first', async () => {
      const found = names(await search('ecol'));
      expect(found.slice(0, 2).sort()).toEqual(['Ecolab Canada', 'École de conduite Montréal-Nord']);
    });

    it('finds nothing for a name that is not there', async () => {
      expect(await search('zzzqqq')).toEqual({ totalCount: 0, edges: [] });
    });

    it('pages through results in a stable order with cursors', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = dataOf(
          await app.request(CompaniesByNeqPrefixPageDocument, { after }),
        ).companies;
        seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);
    });

    it('finds a company by NEQ typed with spaces', async () => {
      const response = await app.request(CompanyByFormattedNeqDocument, {});
      expect(dataOf(response).companyByNeq).toEqual({ legalName: 'École de conduite Montréal-Nord' });
      expect((await app.request(CompanyByShortNeqDocument, {})).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('contacts', () => {
    it('adds, updates and removes a contact of a company in scope, auditing each change', async () => {
      const company = dataOf(await create({ legalName: uniqueName('Hôtel Val-d’Or'), regionCode: '08' })).createCompany;
      const added = dataOf(
        await app.request(AddHumanResourcesContactDocument, { id: company.id }),
      ).addCompanyContact;
      expect(added).toMatchObject({ email: 'emilie.belanger@example.qc.ca', preferredLanguage: 'FR', version: 1 });
      const updated = await app.request(CompaniesUpdateCompanyContactDocument, { id: added.id });
      expect(dataOf(updated).updateCompanyContact).toEqual({ preferredLanguage: 'EN', version: 2 });
      const listed = await app.request(CompanyContactNamesDocument, { id: company.id });
      expect(dataOf(listed).company!.contacts).toEqual([{ firstName: 'Émilie', lastName: 'Bélanger' }]);
      const removed = await app.request(CompaniesRemoveCompanyContactDocument, { id: added.id });
      expect(dataOf(removed).removeCompanyContact).toBe(added.id);
      expect(await app.count('company_contacts', 'id = $1', [added.id])).toBe(0);
      expect(await app.count('audit_log', `entity_type = 'CompanyContact' AND entity_id = $1`, [added.id])).toBe(3);
    });

    it('refuses an invalid contact email and an unknown company', async () => {
      const company = dataOf(await create({ legalName: uniqueName('Pêcheries Gaspé'), regionCode: '11' })).createCompany;
      const bad = await app.request(AddContactWithBadEmailDocument, { id: company.id });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.email' }] });
      const unknown = await app.request(AddContactToUnknownCompanyDocument, {});
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.companyId' }] });
    });
  });
});
