import {
  ScopingAddContactDocument as ADD_CONTACT,
  ScopingCloseDocument as CLOSE,
  ScopingCompanyDocument as COMPANY,
  ScopingCreateCompanyDocument as CREATE_COMPANY,
  ScopingDirectoryDocument as DIRECTORY,
  ScopingFileDocument as FILE,
  ScopingFilesDocument as FILES,
  ScopingHoldDocument as HOLD,
  ScopingInteractionsDocument as INTERACTIONS,
  ScopingLogDocument as LOG,
  ScopingMeDocument,
  ScopingOpenDocument as OPEN,
  ScopingResumeDocument as RESUME,
  ScopingTrailDocument as TRAIL,
  ScopingUpdateCompanyDocument as UPDATE_COMPANY,
  ScopingUpdateContactDocument as UPDATE_CONTACT,
  ScopingUpdateInteractionDocument as UPDATE_INTERACTION,
  type TypedDocumentString,
} from '../operations/generated.js';
import {
  addCompanyContact,
  createAdvisor,
  createCompany,
  logInteraction,
  openFile,
  uniqueCompanyName,
  type AdvisorFixture,
  type CompanyFixture,
  type ContactFixture,
  type FileFixture,
  type InteractionFixture,
} from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';
import { expectRefusal } from './support/expectations.js';

describe('scoping by region (docs/domain.md, Region scope)', () => {
  let app: TestApp;
  let lavalAdvisor: AdvisorFixture; // ADVISOR, region 13
  let mtlAdvisor: AdvisorFixture; // ADVISOR, region 06
  let lllManager: AdvisorFixture; // MANAGER, direction LLL: regions 13, 14, 15
  let mtlManager: AdvisorFixture; // MANAGER, direction MTL: region 06
  let analyst: AdvisorFixture;
  /** Names of this file's companies share this word, so a directory search finds exactly them. */
  const token = `Scopeval${Math.random().toString(36).slice(2, 8)}`;
  let lavalCompany: CompanyFixture;
  let mtlCompany: CompanyFixture;
  let lavalContact: ContactFixture;
  let mtlContact: ContactFixture;
  let lavalFile: FileFixture;
  let mtlFile: FileFixture;
  let mtlInteraction: InteractionFixture;
  let adminId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    adminId = dataOf(await app.request(ScopingMeDocument, {})).me.id;
    lavalAdvisor = await createAdvisor(app, { regionCodes: ['13'] });
    mtlAdvisor = await createAdvisor(app, { regionCodes: ['06'] });
    lllManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'LLL' });
    mtlManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'MTL' });
    analyst = await createAdvisor(app, { role: 'ANALYST' });

    lavalCompany = await createCompany(app, { legalName: uniqueCompanyName(`${token} Laval`), regionCode: '13' }, lavalAdvisor.email);
    mtlCompany = await createCompany(app, { legalName: uniqueCompanyName(`${token} Montréal`), regionCode: '06' }, mtlAdvisor.email);
    lavalContact = await addCompanyContact(app, lavalCompany.id, { lastName: 'Lavallée' }, lavalAdvisor.email);
    mtlContact = await addCompanyContact(app, mtlCompany.id, { lastName: 'Montpetit' }, mtlAdvisor.email);
    lavalFile = await openFile(app, lavalAdvisor.email, { companyId: lavalCompany.id, openedOn: '2022-05-02' });
    mtlFile = await openFile(app, mtlAdvisor.email, { companyId: mtlCompany.id, openedOn: '2022-05-02' });
    await logInteraction(app, lavalAdvisor.email, { accompanimentId: lavalFile.id, occurredOn: '2022-05-10' });
    mtlInteraction = await logInteraction(app, mtlAdvisor.email, { accompanimentId: mtlFile.id, occurredOn: '2022-05-10' });
  });
  afterAll(() => app.close());

  const counts = () =>
    app.counts({
      companies: 'companies',
      contacts: 'company_contacts',
      accompaniments: 'accompaniments',
      interactions: 'interactions',
      audit: 'audit_log',
    });
  const run = <R>(query: TypedDocumentString<R, never>, variables: Record<string, unknown>, as: string) =>
    app.request(query, variables as never, { as });
  const mutate = <R>(mutation: TypedDocumentString<R, never>, input: Record<string, unknown>, as: string) =>
    app.request(mutation, { input } as never, { as });
  const visibleFiles = async (as: string, filter: Record<string, unknown> = {}) => {
    const page = dataOf(await run(FILES, { filter }, as)).accompaniments;
    expect(page.totalCount).toBe(page.edges.length);
    return page.edges.map((edge: { node: { id: string; regionCode: string } }) => edge.node) as { id: string; regionCode: string }[];
  };
  const mtlFileRow = async () => (await app.sql(`SELECT status, version, closed_on FROM accompaniments WHERE id = $1`, [mtlFile.id]))[0];
  const openInput = (companyId: string, extra: Record<string, unknown> = {}) => ({
    companyId,
    serviceLevel: 'INFORMATION',
    themes: ['RECRUITMENT'],
    ...extra,
  });
  const interactionInput = (accompanimentId: string) => ({
    accompanimentId,
    occurredOn: '2022-06-01',
    kind: 'CALL',
    mode: 'PHONE',
    durationMinutes: 15,
    summary: 'Appel',
  });

  describe('an ADVISOR of Laval', () => {
    it('reads the files of Laval and none of Montréal', async () => {
      const files = await visibleFiles(lavalAdvisor.email);
      expect(files.map((file) => file.id)).toContain(lavalFile.id);
      expect(files.map((file) => file.id)).not.toContain(mtlFile.id);
      expect(new Set(files.map((file) => file.regionCode))).toEqual(new Set(['13']));
      expect(dataOf(await run(FILE, { id: lavalFile.id }, lavalAdvisor.email)).accompaniment).toEqual({
        id: lavalFile.id,
        regionCode: '13',
      });
      const hidden = await run(FILE, { id: mtlFile.id }, lavalAdvisor.email);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data).toEqual({ accompaniment: null });
    });

    it('cannot read the interactions of a Montréal file (NOT_FOUND)', async () => {
      expect(dataOf(await run(INTERACTIONS, { id: lavalFile.id }, lavalAdvisor.email)).interactions.totalCount).toBeGreaterThan(0);
      expectRefusal(await run(INTERACTIONS, { id: mtlFile.id }, lavalAdvisor.email), 'NOT_FOUND');
    });

    it('cannot use a filter to reach Montréal files', async () => {
      expect(await visibleFiles(lavalAdvisor.email, { regionCodes: ['06'] })).toEqual([]);
      expect(await visibleFiles(lavalAdvisor.email, { regionCodes: ['06', '13'] })).not.toContainEqual({ id: mtlFile.id, regionCode: '06' });
      expect(await visibleFiles(lavalAdvisor.email, { companyId: mtlCompany.id })).toEqual([]);
      expect(await visibleFiles(lavalAdvisor.email, { advisorId: mtlAdvisor.id })).toEqual([]);
      expect(dataOf(await run(COMPANY, { id: mtlCompany.id }, lavalAdvisor.email)).company!.accompaniments).toEqual([]);
    });

    it('cannot open a file in Montréal (FORBIDDEN), writing nothing', async () => {
      const before = await counts();
      expectRefusal(await mutate(OPEN, openInput(mtlCompany.id), lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(await mutate(OPEN, openInput(lavalCompany.id, { regionCode: '06' }), lavalAdvisor.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('cannot hold, resume, close or log on a Montréal file, nor edit its interactions (FORBIDDEN), writing nothing', async () => {
      const before = await counts();
      expectRefusal(await mutate(HOLD, { id: mtlFile.id }, lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(await mutate(RESUME, { id: mtlFile.id }, lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(await mutate(CLOSE, { id: mtlFile.id, closedOn: '2022-06-30' }, lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(await mutate(LOG, interactionInput(mtlFile.id), lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(
        await mutate(UPDATE_INTERACTION, { id: mtlInteraction.id, version: 1, summary: 'Réécrit' }, lavalAdvisor.email),
        'FORBIDDEN',
      );
      expect(await counts()).toEqual(before);
      expect(await mtlFileRow()).toEqual({ status: 'OPEN', version: 1, closed_on: null });
      expect((await app.sql(`SELECT summary, version FROM interactions WHERE id = $1`, [mtlInteraction.id]))[0]).toEqual({
        summary: 'Suivi téléphonique',
        version: 1,
      });
    });

    it('cannot create or update a Montréal company, move a Laval one to Montréal, or touch Montréal contacts', async () => {
      const before = await counts();
      expectRefusal(
        await mutate(CREATE_COMPANY, { legalName: uniqueCompanyName(), regionCode: '06', confirmNotDuplicate: true }, lavalAdvisor.email),
        'FORBIDDEN',
      );
      expectRefusal(
        await mutate(UPDATE_COMPANY, { id: mtlCompany.id, version: mtlCompany.version, municipality: 'Laval' }, lavalAdvisor.email),
        'FORBIDDEN',
      );
      expectRefusal(
        await mutate(UPDATE_COMPANY, { id: lavalCompany.id, version: lavalCompany.version, regionCode: '06' }, lavalAdvisor.email),
        'FORBIDDEN',
      );
      expectRefusal(
        await mutate(ADD_CONTACT, { companyId: mtlCompany.id, firstName: 'Éric', lastName: 'Intrus' }, lavalAdvisor.email),
        'FORBIDDEN',
      );
      // A contact outside one's regions does not exist as far as the caller can tell.
      expectRefusal(await mutate(UPDATE_CONTACT, { id: mtlContact.id, version: 1, lastName: 'Intrus' }, lavalAdvisor.email), 'NOT_FOUND');
      expect(await counts()).toEqual(before);
      expect(await app.sql(`SELECT id, region_code, municipality, version FROM companies WHERE id = ANY($1) ORDER BY region_code`, [
        [lavalCompany.id, mtlCompany.id],
      ])).toEqual([
        { id: mtlCompany.id, region_code: '06', municipality: null, version: 1 },
        { id: lavalCompany.id, region_code: '13', municipality: null, version: 1 },
      ]);
    });

    it('sees Montréal companies in the directory, without their contacts', async () => {
      const directory = dataOf(await run(DIRECTORY, { filter: { search: token } }, lavalAdvisor.email)).companies;
      expect(directory.totalCount).toBe(2);
      const byId = Object.fromEntries(directory.edges.map((edge: { node: { id: string } }) => [edge.node.id, edge.node]));
      expect(byId[lavalCompany.id]).toEqual({
        id: lavalCompany.id,
        regionCode: '13',
        contacts: [{ id: lavalContact.id, lastName: 'Lavallée', email: lavalContact.email }],
      });
      expect(byId[mtlCompany.id]).toEqual({ id: mtlCompany.id, regionCode: '06', contacts: [] });

      const mtl = dataOf(await run(COMPANY, { id: mtlCompany.id }, lavalAdvisor.email)).company;
      expect(mtl).toEqual({ id: mtlCompany.id, regionCode: '06', contacts: [], accompaniments: [] });
      const laval = dataOf(await run(COMPANY, { id: lavalCompany.id }, lavalAdvisor.email)).company;
      expect(laval).toEqual({
        id: lavalCompany.id,
        regionCode: '13',
        contacts: [{ id: lavalContact.id }],
        accompaniments: [{ id: lavalFile.id }],
      });
    });

    it('cannot use a directory filter to reveal Montréal contacts', async () => {
      const filtered = dataOf(await run(DIRECTORY, { filter: { search: token, regionCodes: ['06'] } }, lavalAdvisor.email)).companies;
      expect(filtered.edges).toEqual([{ node: { id: mtlCompany.id, regionCode: '06', contacts: [] } }]);
      const byName = dataOf(await run(DIRECTORY, { filter: { search: 'Montpetit' } }, lavalAdvisor.email)).companies;
      expect(JSON.stringify(byName)).not.toContain(mtlContact.id);
    });
  });

  describe('the MANAGER of LLL (Laval, Laurentides, Lanaudière)', () => {
    it('reads and writes in 13, 14 and 15', async () => {
      const created: Record<string, string> = {};
      for (const regionCode of ['14', '15']) {
        const company = dataOf(
          await mutate(CREATE_COMPANY, { legalName: uniqueCompanyName('Direction LLL'), regionCode, confirmNotDuplicate: true }, lllManager.email),
        ).createCompany;
        expect(company.regionCode).toBe(regionCode);
        await addCompanyContact(app, company.id, {}, lllManager.email);
        const file = dataOf(await mutate(OPEN, openInput(company.id, { openedOn: '2022-05-02' }), lllManager.email)).openAccompaniment;
        expect(file).toEqual({ id: expect.any(String), regionCode, advisor: { id: lllManager.id } });
        created[regionCode] = file.id;
        const logged = dataOf(await mutate(LOG, interactionInput(file.id), lllManager.email)).logInteraction;
        expect(logged.advisor).toEqual({ id: lllManager.id });
      }
      // on the Laval advisor's file too
      const onLaval = dataOf(await mutate(LOG, interactionInput(lavalFile.id), lllManager.email)).logInteraction;
      expect(onLaval.advisor).toEqual({ id: lllManager.id });

      const files = await visibleFiles(lllManager.email);
      const ids = files.map((file) => file.id);
      expect(ids).toEqual(expect.arrayContaining([lavalFile.id, created['14'], created['15']]));
      expect(ids).not.toContain(mtlFile.id);
      expect(new Set(files.map((file) => file.regionCode))).toEqual(new Set(['13', '14', '15']));
      expect(dataOf(await run(COMPANY, { id: lavalCompany.id }, lllManager.email)).company!.contacts).toEqual([{ id: lavalContact.id }]);
    });

    it('neither reads nor writes in Montréal, writing nothing', async () => {
      expect(dataOf(await run(FILE, { id: mtlFile.id }, lllManager.email))).toEqual({ accompaniment: null });
      expectRefusal(await run(INTERACTIONS, { id: mtlFile.id }, lllManager.email), 'NOT_FOUND');
      expect(await visibleFiles(lllManager.email, { regionCodes: ['06'] })).toEqual([]);
      expect(dataOf(await run(COMPANY, { id: mtlCompany.id }, lllManager.email)).company).toMatchObject({ contacts: [], accompaniments: [] });

      const before = await counts();
      expectRefusal(await mutate(OPEN, openInput(mtlCompany.id), lllManager.email), 'FORBIDDEN');
      expectRefusal(await mutate(LOG, interactionInput(mtlFile.id), lllManager.email), 'FORBIDDEN');
      expectRefusal(await mutate(CLOSE, { id: mtlFile.id, closedOn: '2022-06-30' }, lllManager.email), 'FORBIDDEN');
      expectRefusal(await mutate(HOLD, { id: mtlFile.id }, lllManager.email), 'FORBIDDEN');
      expectRefusal(
        await mutate(CREATE_COMPANY, { legalName: uniqueCompanyName(), regionCode: '06', confirmNotDuplicate: true }, lllManager.email),
        'FORBIDDEN',
      );
      expectRefusal(
        await mutate(UPDATE_COMPANY, { id: mtlCompany.id, version: mtlCompany.version, municipality: 'Laval' }, lllManager.email),
        'FORBIDDEN',
      );
      expectRefusal(await mutate(ADD_CONTACT, { companyId: mtlCompany.id, firstName: 'A', lastName: 'B' }, lllManager.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
      expect(await mtlFileRow()).toEqual({ status: 'OPEN', version: 1, closed_on: null });
    });
  });

  describe('the MANAGER of MTL', () => {
    it('reads Montréal files and contacts, not those of Laval', async () => {
      const ids = (await visibleFiles(mtlManager.email)).map((file) => file.id);
      expect(ids).toContain(mtlFile.id);
      expect(ids).not.toContain(lavalFile.id);
      expect(dataOf(await run(COMPANY, { id: mtlCompany.id }, mtlManager.email)).company!.contacts).toEqual([{ id: mtlContact.id }]);
      expect(dataOf(await run(COMPANY, { id: lavalCompany.id }, mtlManager.email)).company!.contacts).toEqual([]);
      const before = await counts();
      expectRefusal(await mutate(LOG, interactionInput(lavalFile.id), mtlManager.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    });
  });

  describe('an ANALYST', () => {
    it.each([
      ['companies', DIRECTORY, () => ({ filter: { search: token } })],
      ['company', COMPANY, () => ({ id: mtlCompany.id })],
      ['accompaniments', FILES, () => ({})],
      ['accompaniment', FILE, () => ({ id: lavalFile.id })],
      ['interactions', INTERACTIONS, () => ({ id: lavalFile.id })],
    ])('is refused %s with FORBIDDEN', async (_name, query, variables) => {
      expectRefusal(await run(query as TypedDocumentString<unknown, never>, variables(), analyst.email), 'FORBIDDEN');
    });

    it.each([
      ['createCompany', CREATE_COMPANY, () => ({ legalName: uniqueCompanyName(), regionCode: '13', confirmNotDuplicate: true })],
      ['openAccompaniment', OPEN, () => openInput(lavalCompany.id)],
      ['logInteraction', LOG, () => interactionInput(lavalFile.id)],
      ['addCompanyContact', ADD_CONTACT, () => ({ companyId: lavalCompany.id, firstName: 'A', lastName: 'B' })],
    ])('is refused %s with FORBIDDEN, writing nothing', async (_name, mutation, input) => {
      const before = await counts();
      expectRefusal(await mutate(mutation as TypedDocumentString<unknown, never>, input(), analyst.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    });
  });

  describe('the ADMIN', () => {
    it('reads every region, contacts included', async () => {
      const ids = (await visibleFiles(TEST_ADMIN_EMAIL)).map((file) => file.id);
      expect(ids).toEqual(expect.arrayContaining([lavalFile.id, mtlFile.id]));
      expect(dataOf(await run(INTERACTIONS, { id: mtlFile.id }, TEST_ADMIN_EMAIL)).interactions.totalCount).toBe(1);
      const directory = dataOf(await run(DIRECTORY, { filter: { search: token, regionCodes: ['06', '13'] } }, TEST_ADMIN_EMAIL)).companies;
      const contacts = Object.fromEntries(
        directory.edges.map((edge: { node: { id: string; contacts: { id: string }[] } }) => [
          edge.node.id,
          edge.node.contacts.map((contact) => contact.id),
        ]),
      );
      expect(contacts).toEqual({ [lavalCompany.id]: [lavalContact.id], [mtlCompany.id]: [mtlContact.id] });
    });

    it('writes in every region', async () => {
      const company = dataOf(
        await mutate(CREATE_COMPANY, { legalName: uniqueCompanyName('Administration'), regionCode: '06', confirmNotDuplicate: true }, TEST_ADMIN_EMAIL),
      ).createCompany;
      expect(company.regionCode).toBe('06');
      const updated = dataOf(
        await mutate(UPDATE_COMPANY, { id: company.id, version: 1, municipality: 'Montréal' }, TEST_ADMIN_EMAIL),
      ).updateCompany;
      expect(updated).toEqual({ id: company.id, regionCode: '06', municipality: 'Montréal', version: 2 });
      await addCompanyContact(app, company.id, {}, TEST_ADMIN_EMAIL);
      // interregional: the Laval company is accompanied in Montréal, by a Montréal advisor
      const file = dataOf(await mutate(OPEN, openInput(lavalCompany.id, { regionCode: '06', advisorId: mtlAdvisor.id }), TEST_ADMIN_EMAIL))
        .openAccompaniment;
      expect(file).toEqual({ id: expect.any(String), regionCode: '06', advisor: { id: mtlAdvisor.id } });
      const logged = dataOf(await mutate(LOG, interactionInput(mtlFile.id), TEST_ADMIN_EMAIL)).logInteraction;
      expect(logged).toEqual({ id: expect.any(String), advisor: { id: adminId } });
      const held = dataOf(await mutate(HOLD, { id: file.id }, TEST_ADMIN_EMAIL)).putAccompanimentOnHold;
      expect(held.status).toBe('ON_HOLD');
    });
  });

  describe('auditTrail', () => {
    let lavalTrailFile: FileFixture;
    let mtlTrailFile: FileFixture;
    beforeAll(async () => {
      const lavalCo = await createCompany(app, { regionCode: '13' });
      const mtlCo = await createCompany(app, { regionCode: '06' });
      lavalTrailFile = await openFile(app, lavalAdvisor.email, { companyId: lavalCo.id, openedOn: '2022-05-02' });
      dataOf(await mutate(HOLD, { id: lavalTrailFile.id, on: '2022-06-01' }, lavalAdvisor.email));
      mtlTrailFile = await openFile(app, mtlAdvisor.email, { companyId: mtlCo.id, openedOn: '2022-05-02' });
      dataOf(await mutate(HOLD, { id: mtlTrailFile.id, on: '2022-06-01' }, mtlAdvisor.email));
    });
    const trail = (id: string, as: string, type = 'Accompaniment') => run(TRAIL, { type, id }, as);
    const entries = (id: string, actorId: string) => [
      { action: 'hold', entityType: 'Accompaniment', entityId: id, actorId },
      { action: 'open', entityType: 'Accompaniment', entityId: id, actorId },
    ];

    it('lets the ADMIN read the trail of any record, newest first', async () => {
      const page = dataOf(await trail(mtlTrailFile.id, TEST_ADMIN_EMAIL)).auditTrail;
      expect(page.totalCount).toBe(2);
      expect(page.edges.map((edge: { node: unknown }) => edge.node)).toEqual(entries(mtlTrailFile.id, mtlAdvisor.id));
      expect(dataOf(await trail(lavalTrailFile.id, TEST_ADMIN_EMAIL)).auditTrail.totalCount).toBe(2);
      expect(dataOf(await trail(lavalAdvisor.id, TEST_ADMIN_EMAIL, 'Advisor')).auditTrail.edges).toEqual([
        { node: { action: 'create', entityType: 'Advisor', entityId: lavalAdvisor.id, actorId: adminId } },
      ]);
    });

    it('lets the LLL manager read a Laval file’s trail, not a Montréal file’s', async () => {
      const page = dataOf(await trail(lavalTrailFile.id, lllManager.email)).auditTrail;
      expect(page.edges.map((edge: { node: unknown }) => edge.node)).toEqual(entries(lavalTrailFile.id, lavalAdvisor.id));
      expect(dataOf(await trail(lavalCompany.id, lllManager.email, 'Company')).auditTrail.totalCount).toBe(1);
      expectRefusal(await trail(mtlTrailFile.id, lllManager.email), 'FORBIDDEN');
      expectRefusal(await trail(mtlCompany.id, lllManager.email, 'Company'), 'FORBIDDEN');
      expectRefusal(await trail(mtlInteraction.id, lllManager.email, 'Interaction'), 'FORBIDDEN');
      expectRefusal(await trail(mtlContact.id, lllManager.email, 'CompanyContact'), 'FORBIDDEN');
    });

    it('lets the MTL manager read a Montréal file’s trail, not a Laval file’s', async () => {
      expect(dataOf(await trail(mtlTrailFile.id, mtlManager.email)).auditTrail.totalCount).toBe(2);
      expect(dataOf(await trail(mtlInteraction.id, mtlManager.email, 'Interaction')).auditTrail.totalCount).toBe(1);
      expectRefusal(await trail(lavalTrailFile.id, mtlManager.email), 'FORBIDDEN');
    });

    it('refuses an ADVISOR and an ANALYST, even on their own region’s records', async () => {
      expectRefusal(await trail(lavalTrailFile.id, lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(await trail(mtlTrailFile.id, lavalAdvisor.email), 'FORBIDDEN');
      expectRefusal(await trail(lavalTrailFile.id, analyst.email), 'FORBIDDEN');
    });

    it('refuses a manager the trail of a record type it cannot place in a region, or of an unknown record', async () => {
      expectRefusal(await trail(lavalAdvisor.id, lllManager.email, 'Advisor'), 'FORBIDDEN');
      expectRefusal(await trail('00000000-0000-4000-8000-000000000000', lllManager.email), 'FORBIDDEN');
    });
  });
});
