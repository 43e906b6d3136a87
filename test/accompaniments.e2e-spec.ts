import {
  AccompanimentsCloseDocument as CLOSE,
  AccompanimentsHoldDocument as HOLD,
  AccompanimentsListDocument as LIST,
  AccompanimentsOpenDocument as OPEN,
  AccompanimentsReassignDocument as REASSIGN,
  AccompanimentsResumeDocument as RESUME,
  AccompanimentsUpdateAdvisorDocument,
  type TypedDocumentString,
} from '../operations/generated.js';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  closeFile,
  createAdvisor,
  createCompany,
  logInteraction,
  openFile,
  type AdvisorFixture,
  type FileFixture,
} from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';
import { expectRefusal } from './support/expectations.js';

describe('accompaniment files', () => {
  let app: TestApp;
  let laval: AdvisorFixture; // ADVISOR, region 13
  let lavalLaurentides: AdvisorFixture; // ADVISOR, regions 13 and 15
  let montreal: AdvisorFixture; // ADVISOR, region 06
  let lllManager: AdvisorFixture; // MANAGER, direction LLL (13, 14, 15)
  let mtlManager: AdvisorFixture; // MANAGER, direction MTL (06)
  const today = todayInQuebec();
  const tomorrow = addDays(today, 1);

  beforeAll(async () => {
    app = await TestApp.start();
    laval = await createAdvisor(app, { regionCodes: ['13'] });
    lavalLaurentides = await createAdvisor(app, { regionCodes: ['13', '15'] });
    montreal = await createAdvisor(app, { regionCodes: ['06'] });
    lllManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'LLL' });
    mtlManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'MTL' });
  });
  afterAll(() => app.close());

  const counts = () => app.counts({ accompaniments: 'accompaniments', interactions: 'interactions', audit: 'audit_log' });
  const fileRow = async (id: string) =>
    (
      await app.sql(
        `SELECT status, version, advisor_id, closed_on, outcome, status_changed_on FROM accompaniments WHERE id = $1`,
        [id],
      )
    )[0];
  const call = <R>(mutation: TypedDocumentString<R, never>, input: Record<string, unknown>, as?: string) =>
    app.request(mutation, { input } as never, { as });
  const auditOf = (id: string) =>
    app.sql(
      `SELECT l.action, l.before, l.after, a.email AS actor
         FROM audit_log l LEFT JOIN advisors a ON a.id = l.actor_id
        WHERE l.entity_type = 'Accompaniment' AND l.entity_id = $1 ORDER BY l.id`,
      [id],
    );

  describe('openAccompaniment', () => {
    it('defaults the region to the company’s, the lead advisor to the caller and the opening date to today, and audits `open`', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      const file = dataOf(
        await call(OPEN, { companyId: company.id, serviceLevel: 'INFORMATION', themes: ['ATTRACTION'] }, laval.email),
      ).openAccompaniment;
      expect(file).toEqual({
        id: expect.any(String),
        regionCode: '13',
        status: 'OPEN',
        serviceLevel: 'INFORMATION',
        themes: ['ATTRACTION'],
        openedOn: today,
        closedOn: null,
        outcome: null,
        statusChangedOn: today,
        version: 1,
        company: { id: company.id },
        advisor: { id: laval.id },
      });
      expect(await counts()).toEqual({ ...before, accompaniments: before.accompaniments + 1, audit: before.audit + 1 });
      const audit = await auditOf(file.id);
      expect(audit).toEqual([
        {
          action: 'open',
          actor: laval.email,
          before: null,
          after: expect.objectContaining({
            id: file.id,
            companyId: company.id,
            advisorId: laval.id,
            regionCode: '13',
            status: 'OPEN',
            openedOn: today,
            closedOn: null,
            version: 1,
          }),
        },
      ]);
    });

    it('takes an explicit service region, lead advisor, opening date, service level and themes', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = dataOf(
        await call(
          OPEN,
          {
            companyId: company.id,
            regionCode: '15',
            advisorId: lavalLaurentides.id,
            serviceLevel: 'PERSONALIZED',
            themes: ['RETENTION', 'RECRUITMENT'],
            openedOn: '2022-05-02',
          },
          lllManager.email,
        ),
      ).openAccompaniment;
      expect(file).toEqual({
        id: expect.any(String),
        regionCode: '15',
        status: 'OPEN',
        serviceLevel: 'PERSONALIZED',
        themes: ['RETENTION', 'RECRUITMENT'],
        openedOn: '2022-05-02',
        closedOn: null,
        outcome: null,
        statusChangedOn: '2022-05-02',
        version: 1,
        company: { id: company.id },
        advisor: { id: lavalLaurentides.id },
      });
      const [audit] = await auditOf(file.id);
      expect(audit).toMatchObject({ action: 'open', actor: lllManager.email, after: { advisorId: lavalLaurentides.id } });
    });

    it('refuses a lead advisor who does not serve the region, writing nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      const response = await call(
        OPEN,
        { companyId: company.id, advisorId: montreal.id, serviceLevel: 'INFORMATION', themes: ['RECRUITMENT'] },
        laval.email,
      );
      expectRefusal(response, 'BAD_USER_INPUT', 'input.advisorId');
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown company, no theme and a repeated theme with BAD_USER_INPUT, writing nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      const base = { companyId: company.id, serviceLevel: 'INFORMATION', themes: ['RECRUITMENT'] };
      expectRefusal(
        await call(OPEN, { ...base, companyId: '00000000-0000-4000-8000-000000000000' }, laval.email),
        'BAD_USER_INPUT',
        'input.companyId',
      );
      expectRefusal(await call(OPEN, { ...base, themes: [] }, laval.email), 'BAD_USER_INPUT', 'input.themes');
      expectRefusal(
        await call(OPEN, { ...base, themes: ['WELCOME', 'WELCOME'] }, laval.email),
        'BAD_USER_INPUT',
        'input.themes',
      );
      expect(await counts()).toEqual(before);
    });
  });

  describe('one OPEN or ON_HOLD file per company and region', () => {
    it('refuses a second active file in the same region, allows another region, and a new file once the first is closed', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const input = { companyId: company.id, serviceLevel: 'REFERRAL' as const, themes: ['RECRUITMENT' as const] };
      const first = await openFile(app, lavalLaurentides.email, { ...input, openedOn: '2022-05-02' });

      let before = await counts();
      expectRefusal(await call(OPEN, input, lavalLaurentides.email), 'CONFLICT');
      expect(await counts()).toEqual(before);

      dataOf(await call(HOLD, { id: first.id, on: '2022-06-01' }, lavalLaurentides.email));
      before = await counts();
      expectRefusal(await call(OPEN, input, lavalLaurentides.email), 'CONFLICT');
      expect(await counts()).toEqual(before);

      // Interregional mobility: the same company is accompanied in Laurentides at the same time.
      const elsewhere = dataOf(await call(OPEN, { ...input, regionCode: '15' }, lavalLaurentides.email)).openAccompaniment;
      expect(elsewhere).toMatchObject({ regionCode: '15', status: 'OPEN' });

      await closeFile(app, lavalLaurentides.email, { id: first.id, closedOn: '2022-09-30' });
      const again = dataOf(await call(OPEN, input, lavalLaurentides.email)).openAccompaniment;
      expect(again).toMatchObject({ regionCode: '13', status: 'OPEN', openedOn: today });
      expect(await app.count('accompaniments', 'company_id = $1', [company.id])).toBe(3);
      expect(await app.count('accompaniments', `company_id = $1 AND status <> 'CLOSED'`, [company.id])).toBe(2);
    });

    it('lets exactly one of two concurrent openings for the same company and region succeed', async () => {
      for (let round = 0; round < 5; round += 1) {
        const company = await createCompany(app, { regionCode: '13' });
        const input = { companyId: company.id, serviceLevel: 'INFORMATION', themes: ['WELCOME'] };
        const auditBefore = await app.count('audit_log');
        const responses = await Promise.all([call(OPEN, input, laval.email), call(OPEN, input, laval.email)]);
        const succeeded = responses.filter((r) => !r.errors);
        const refused = responses.filter((r) => r.errors);
        expect(succeeded).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expectRefusal(refused[0]!, 'CONFLICT');
        expect(succeeded[0]!.data!.openAccompaniment).toMatchObject({ regionCode: '13', status: 'OPEN' });
        expect(await app.count('accompaniments', 'company_id = $1', [company.id])).toBe(1);
        expect(await app.count('audit_log')).toBe(auditBefore + 1);
      }
    });
  });

  describe('dates', () => {
    it('refuses an opening date in the future, writing nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      const response = await call(
        OPEN,
        { companyId: company.id, serviceLevel: 'INFORMATION', themes: ['RECRUITMENT'], openedOn: tomorrow },
        laval.email,
      );
      expectRefusal(response, 'BAD_USER_INPUT', 'input.openedOn');
      expect(await counts()).toEqual(before);
    });

    it('refuses a closing date before the opening or in the future, and closing a closed file', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      let before = await counts();
      expectRefusal(await call(CLOSE, { id: file.id, closedOn: '2022-05-01' }, laval.email), 'BAD_USER_INPUT', 'input.closedOn');
      expectRefusal(await call(CLOSE, { id: file.id, closedOn: tomorrow }, laval.email), 'BAD_USER_INPUT', 'input.closedOn');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'OPEN', version: 1, closed_on: null });

      const closed = dataOf(await call(CLOSE, { id: file.id, closedOn: '2022-05-02' }, laval.email)).closeAccompaniment;
      expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2022-05-02', version: 2 });
      before = await counts();
      expectRefusal(await call(CLOSE, { id: file.id, closedOn: today }, laval.email), 'BAD_USER_INPUT', 'input.id');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'CLOSED', version: 2, closed_on: '2022-05-02' });
    });

    it('refuses a closing date before the last interaction, and accepts that day itself', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      await logInteraction(app, laval.email, { accompanimentId: file.id, occurredOn: '2022-06-01' });
      await logInteraction(app, laval.email, { accompanimentId: file.id, occurredOn: '2022-08-10' });
      const before = await counts();
      const response = await call(CLOSE, { id: file.id, closedOn: '2022-08-09' }, laval.email);
      expectRefusal(response, 'BAD_USER_INPUT', 'input.closedOn');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'OPEN', version: 1 });

      const closed = dataOf(await call(CLOSE, { id: file.id, closedOn: '2022-08-10' }, laval.email)).closeAccompaniment;
      expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2022-08-10' });
    });

    it('refuses putting a file on hold before it opened or in the future', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      const before = await counts();
      expectRefusal(await call(HOLD, { id: file.id, on: '2022-05-01' }, laval.email), 'BAD_USER_INPUT', 'input.on');
      expectRefusal(await call(HOLD, { id: file.id, on: tomorrow }, laval.email), 'BAD_USER_INPUT', 'input.on');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'OPEN', version: 1 });
    });
  });

  describe('lifecycle', () => {
    it('goes OPEN → ON_HOLD → OPEN → CLOSED with an outcome, one audit row per step', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });

      const held = dataOf(await call(HOLD, { id: file.id, version: 1, on: '2022-06-15' }, laval.email)).putAccompanimentOnHold;
      expect(held).toMatchObject({ status: 'ON_HOLD', statusChangedOn: '2022-06-15', closedOn: null, version: 2 });

      const resumed = dataOf(await call(RESUME, { id: file.id, version: 2, on: '2022-07-04' }, laval.email)).resumeAccompaniment;
      expect(resumed).toMatchObject({ status: 'OPEN', statusChangedOn: '2022-07-04', version: 3 });

      const closed = dataOf(
        await call(CLOSE, { id: file.id, version: 3, closedOn: '2022-09-30', outcome: 'NEEDS_MET' }, laval.email),
      ).closeAccompaniment;
      expect(closed).toEqual({
        id: file.id,
        regionCode: '13',
        status: 'CLOSED',
        serviceLevel: 'INFORMATION',
        themes: ['RECRUITMENT'],
        openedOn: '2022-05-02',
        closedOn: '2022-09-30',
        outcome: 'NEEDS_MET',
        statusChangedOn: '2022-09-30',
        version: 4,
        company: { id: company.id },
        advisor: { id: laval.id },
      });

      const audit = await auditOf(file.id);
      expect(audit.map((row) => [row.action, row.actor, row.before?.status ?? null, row.after.status])).toEqual([
        ['open', laval.email, null, 'OPEN'],
        ['hold', laval.email, 'OPEN', 'ON_HOLD'],
        ['resume', laval.email, 'ON_HOLD', 'OPEN'],
        ['close', laval.email, 'OPEN', 'CLOSED'],
      ]);
      expect(audit[3]).toMatchObject({
        before: { version: 3, closedOn: null, outcome: null },
        after: { version: 4, closedOn: '2022-09-30', outcome: 'NEEDS_MET' },
      });
    });

    it('closes an ON_HOLD file without an outcome, the version being optional', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      dataOf(await call(HOLD, { id: file.id, on: '2022-09-01' }, laval.email));
      const closed = dataOf(await call(CLOSE, { id: file.id, closedOn: '2022-10-01' }, laval.email)).closeAccompaniment;
      expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2022-10-01', outcome: null, version: 3 });
      expect(await fileRow(file.id)).toEqual({
        status: 'CLOSED',
        version: 3,
        advisor_id: laval.id,
        closed_on: '2022-10-01',
        outcome: null,
        status_changed_on: '2022-10-01',
      });
    });

    it('refuses a status change dated before the previous one, changing nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      dataOf(await call(HOLD, { id: file.id, on: '2022-08-01' }, laval.email));
      const before = await counts();
      expectRefusal(await call(RESUME, { id: file.id, on: '2022-07-01' }, laval.email), 'BAD_USER_INPUT', 'input.on');
      expectRefusal(await call(CLOSE, { id: file.id, closedOn: '2022-07-15' }, laval.email), 'BAD_USER_INPUT', 'input.closedOn');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'ON_HOLD', status_changed_on: '2022-08-01', version: 2 });
    });

    it('refuses resuming an OPEN file, holding an ON_HOLD file and holding a CLOSED file, changing nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      let before = await counts();
      expectRefusal(await call(RESUME, { id: file.id }, laval.email), 'BAD_USER_INPUT', 'input.id');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'OPEN', version: 1 });

      dataOf(await call(HOLD, { id: file.id, on: '2022-06-01' }, laval.email));
      before = await counts();
      expectRefusal(await call(HOLD, { id: file.id }, laval.email), 'BAD_USER_INPUT', 'input.id');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'ON_HOLD', version: 2, status_changed_on: '2022-06-01' });

      await closeFile(app, laval.email, { id: file.id, closedOn: '2022-07-01' });
      before = await counts();
      expectRefusal(await call(HOLD, { id: file.id }, laval.email), 'BAD_USER_INPUT', 'input.id');
      expectRefusal(await call(RESUME, { id: file.id }, laval.email), 'BAD_USER_INPUT', 'input.id');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ status: 'CLOSED', version: 3 });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const file = await openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
      dataOf(await call(HOLD, { id: file.id, version: 1, on: '2022-06-01' }, laval.email));
      const before = await counts();
      expectRefusal(await call(RESUME, { id: file.id, version: 1 }, laval.email), 'CONFLICT');
      expectRefusal(await call(CLOSE, { id: file.id, version: 1, closedOn: '2022-07-01' }, laval.email), 'CONFLICT');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toEqual({
        status: 'ON_HOLD',
        version: 2,
        advisor_id: laval.id,
        closed_on: null,
        outcome: null,
        status_changed_on: '2022-06-01',
      });
    });

    it('answers NOT_FOUND for an unknown file', async () => {
      const response = await call(HOLD, { id: '00000000-0000-4000-8000-000000000000' }, laval.email);
      expectRefusal(response, 'NOT_FOUND');
    });
  });

  describe('reassignAccompaniment', () => {
    const lavalFile = async () => {
      const company = await createCompany(app, { regionCode: '13' });
      return openFile(app, laval.email, { companyId: company.id, openedOn: '2022-05-02' });
    };

    it('lets the manager of the file’s direction reassign it, audited as `reassign`', async () => {
      const file = await lavalFile();
      const before = await counts();
      const reassigned = dataOf(
        await call(REASSIGN, { id: file.id, version: 1, advisorId: lavalLaurentides.id }, lllManager.email),
      ).reassignAccompaniment;
      expect(reassigned).toMatchObject({ id: file.id, status: 'OPEN', version: 2, advisor: { id: lavalLaurentides.id } });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const audit = await auditOf(file.id);
      expect(audit.map((row) => row.action)).toEqual(['open', 'reassign']);
      expect(audit[1]).toMatchObject({
        actor: lllManager.email,
        before: { advisorId: laval.id, version: 1 },
        after: { advisorId: lavalLaurentides.id, version: 2 },
      });
    });

    it('refuses the manager of another direction and an ADVISOR with FORBIDDEN, changing nothing', async () => {
      const file = await lavalFile();
      const before = await counts();
      expectRefusal(await call(REASSIGN, { id: file.id, advisorId: lavalLaurentides.id }, mtlManager.email), 'FORBIDDEN');
      expectRefusal(await call(REASSIGN, { id: file.id, advisorId: lavalLaurentides.id }, laval.email), 'FORBIDDEN');
      expectRefusal(await call(REASSIGN, { id: file.id, advisorId: laval.id }, lavalLaurentides.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ advisor_id: laval.id, version: 1 });
    });

    it('refuses a target advisor without the file’s region, or inactive, with BAD_USER_INPUT', async () => {
      const file = await lavalFile();
      const inactive = await createAdvisor(app, { regionCodes: ['13'] });
      dataOf(
        await app.request(AccompanimentsUpdateAdvisorDocument, { id: inactive.id }),
      );
      const before = await counts();
      expectRefusal(
        await call(REASSIGN, { id: file.id, advisorId: montreal.id }, lllManager.email),
        'BAD_USER_INPUT',
        'input.advisorId',
      );
      expectRefusal(
        await call(REASSIGN, { id: file.id, advisorId: inactive.id }, lllManager.email),
        'BAD_USER_INPUT',
        'input.advisorId',
      );
      expect(await counts()).toEqual(before);
      expect(await fileRow(file.id)).toMatchObject({ advisor_id: laval.id, version: 1 });
    });

    it('lets only one of two concurrent reassignments holding the same version win; the other is CONFLICT', async () => {
      const file = await lavalFile();
      const other = await createAdvisor(app, { regionCodes: ['13'] });
      const auditBefore = await app.count('audit_log');
      const responses = await Promise.all([
        call(REASSIGN, { id: file.id, version: 1, advisorId: lavalLaurentides.id }, lllManager.email),
        call(REASSIGN, { id: file.id, version: 1, advisorId: other.id }, TEST_ADMIN_EMAIL),
      ]);
      const winners = responses.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expectRefusal(responses.find((r) => r.errors)!, 'CONFLICT');
      const winner = winners[0]!.data!.reassignAccompaniment.advisor.id;
      expect(await fileRow(file.id)).toMatchObject({ advisor_id: winner, version: 2 });
      expect(await app.count('audit_log')).toBe(auditBefore + 1);
    });

    it('refuses reassigning a closed file', async () => {
      const file = await lavalFile();
      await closeFile(app, laval.email, { id: file.id, closedOn: '2022-06-01' });
      const before = await counts();
      expectRefusal(
        await call(REASSIGN, { id: file.id, advisorId: lavalLaurentides.id }, lllManager.email),
        'BAD_USER_INPUT',
        'input.id',
      );
      expect(await counts()).toEqual(before);
    });

    it('lets the ADMIN reassign a file in any region', async () => {
      const company = await createCompany(app, { regionCode: '06' });
      const file = await openFile(app, montreal.email, { companyId: company.id });
      const other = await createAdvisor(app, { regionCodes: ['06'] });
      const reassigned = dataOf(await call(REASSIGN, { id: file.id, advisorId: other.id }, TEST_ADMIN_EMAIL)).reassignAccompaniment;
      expect(reassigned).toMatchObject({ regionCode: '06', version: 2, advisor: { id: other.id } });
      const audit = await auditOf(file.id);
      expect(audit.at(-1)).toMatchObject({ action: 'reassign', actor: TEST_ADMIN_EMAIL });
    });
  });

  describe('accompaniments query', () => {
    // Files of regions 09 and 12, which no other test of this file uses; the period is calendar 2022.
    let f: AdvisorFixture; // ADVISOR, regions 09 and 12
    let g: AdvisorFixture; // ADVISOR, region 09
    const files: Record<string, FileFixture> = {};
    const companies: Record<string, string> = {};

    beforeAll(async () => {
      f = await createAdvisor(app, { regionCodes: ['09', '12'] });
      g = await createAdvisor(app, { regionCodes: ['09'] });
      for (const name of ['A', 'B', 'C', 'D', 'E', 'Z']) companies[name] = (await createCompany(app, { regionCode: '09' })).id;
      const open = (companyName: string, regionCode: string, openedOn: string, extra: Record<string, unknown> = {}) =>
        openFile(app, f.email, { companyId: companies[companyName]!, regionCode, openedOn, ...extra });
      // before the period
      files.f1 = await open('A', '09', '2021-03-01', { serviceLevel: 'INFORMATION', themes: ['ATTRACTION'] });
      await closeFile(app, f.email, { id: files.f1.id, closedOn: '2021-06-30' });
      // straddles the start of the period, led by G
      files.f2 = await open('B', '09', '2021-11-15', { serviceLevel: 'REFERRAL', themes: ['RECRUITMENT', 'WELCOME'], advisorId: g.id });
      await closeFile(app, f.email, { id: files.f2.id, closedOn: '2022-02-01' });
      // inside the period
      files.f3 = await open('A', '12', '2022-05-02', { serviceLevel: 'PERSONALIZED', themes: ['RECRUITMENT'] });
      await closeFile(app, f.email, { id: files.f3.id, closedOn: '2022-08-31' });
      // opens inside the period, still open
      files.f4 = await open('C', '12', '2022-11-01', { serviceLevel: 'PERSONALIZED', themes: ['INTEGRATION'] });
      // after the period, on hold, led by G
      files.f5 = await open('C', '09', '2023-02-01', { serviceLevel: 'INFORMATION', themes: ['RETENTION'], advisorId: g.id });
      dataOf(await call(HOLD, { id: files.f5.id, on: '2023-03-01' }, f.email));
      // opened long before the period and never closed
      files.f6 = await open('D', '09', '2020-06-01', { serviceLevel: 'REFERRAL', themes: ['IMMIGRATION_PROCEDURES', 'RECRUITMENT'] });
      // opens on the last day of the period
      files.f7 = await open('B', '12', '2022-12-31', { serviceLevel: 'INFORMATION', themes: ['WELCOME'] });
      await closeFile(app, f.email, { id: files.f7.id, closedOn: '2023-01-15' });
      // closes on the first day of the period
      files.f8 = await open('E', '09', '2021-01-01', { serviceLevel: 'INFORMATION', themes: ['ATTRACTION'] });
      await closeFile(app, f.email, { id: files.f8.id, closedOn: '2022-01-01' });
      // a Montréal file on company A, outside F's regions
      files.mtl = await openFile(app, montreal.email, { companyId: companies.A!, regionCode: '06', openedOn: '2022-06-01' });
    });

    const ids = (...names: string[]) => names.map((name) => files[name]!.id);
    const list = async (filter: Record<string, unknown> = {}, as = f.email) => {
      const page = dataOf(await app.request(LIST, { filter, first: 200 }, { as })).accompaniments;
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((edge: { node: { id: string } }) => edge.node.id);
    };

    it('lists the files of the caller’s regions, newest opening first', async () => {
      expect(await list()).toEqual(ids('f5', 'f7', 'f4', 'f3', 'f2', 'f1', 'f8', 'f6'));
    });

    it.each([
      ['regionCodes [12]', { regionCodes: ['12'] }, ['f7', 'f4', 'f3']],
      ['regionCodes [06] (outside the caller’s regions)', { regionCodes: ['06'] }, []],
      ['advisorId G', { advisorId: 'G' }, ['f5', 'f2']],
      ['companyId C', { companyId: 'C' }, ['f5', 'f4']],
      ['companyId A (its Montréal file stays hidden)', { companyId: 'A' }, ['f3', 'f1']],
      ['companyId Z (no file)', { companyId: 'Z' }, []],
      ['status [OPEN]', { status: ['OPEN'] }, ['f4', 'f6']],
      ['status [ON_HOLD]', { status: ['ON_HOLD'] }, ['f5']],
      ['status [OPEN, ON_HOLD]', { status: ['OPEN', 'ON_HOLD'] }, ['f5', 'f4', 'f6']],
      ['status [CLOSED]', { status: ['CLOSED'] }, ['f7', 'f3', 'f2', 'f1', 'f8']],
      ['serviceLevel PERSONALIZED', { serviceLevel: 'PERSONALIZED' }, ['f4', 'f3']],
      ['serviceLevel REFERRAL', { serviceLevel: 'REFERRAL' }, ['f2', 'f6']],
      ['theme RECRUITMENT', { theme: 'RECRUITMENT' }, ['f3', 'f2', 'f6']],
      ['theme WELCOME', { theme: 'WELCOME' }, ['f7', 'f2']],
      ['openedBetween 2022', { openedBetween: { from: '2022-01-01', to: '2022-12-31' } }, ['f7', 'f4', 'f3']],
      ['openedBetween, both bounds included', { openedBetween: { from: '2021-03-01', to: '2021-11-15' } }, ['f2', 'f1']],
      ['openedBetween a single day', { openedBetween: { from: '2022-12-31', to: '2022-12-31' } }, ['f7']],
      [
        'activeDuring 2022 (before: no; straddling, inside, open-ended, boundary days: yes; after: no)',
        { activeDuring: { from: '2022-01-01', to: '2022-12-31' } },
        ['f7', 'f4', 'f3', 'f2', 'f8', 'f6'],
      ],
      ['activeDuring the first half of 2021', { activeDuring: { from: '2021-01-01', to: '2021-06-30' } }, ['f1', 'f8', 'f6']],
      [
        'regionCodes [09] and activeDuring 2022',
        { regionCodes: ['09'], activeDuring: { from: '2022-01-01', to: '2022-12-31' } },
        ['f2', 'f8', 'f6'],
      ],
    ])('filters by %s', async (_case, filter, expected) => {
      // Placeholders: advisor G and companies by letter, created in beforeAll.
      const resolved: Record<string, unknown> = { ...filter };
      if (resolved.advisorId === 'G') resolved.advisorId = g.id;
      if (typeof resolved.companyId === 'string') resolved.companyId = companies[resolved.companyId];
      expect(await list(resolved)).toEqual(ids(...expected));
    });

    it('refuses openedBetween and activeDuring whose end precedes the start, naming the field', async () => {
      const range = { from: '2022-12-31', to: '2022-01-01' };
      expectRefusal(
        await app.request(LIST, { filter: { openedBetween: range } }, { as: f.email }),
        'BAD_USER_INPUT',
        'filter.openedBetween.to',
      );
      expectRefusal(
        await app.request(LIST, { filter: { activeDuring: range } }, { as: f.email }),
        'BAD_USER_INPUT',
        'filter.activeDuring.to',
      );
    });

    it('pages with cursors without duplicates or gaps, with the total on every page', async () => {
      const all = ids('f5', 'f7', 'f4', 'f3', 'f2', 'f1', 'f8', 'f6');
      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | undefined;
      do {
        const page = dataOf(await app.request(LIST, { first: 3, after }, { as: f.email })).accompaniments;
        expect(page.totalCount).toBe(8);
        seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
        hasNext.push(page.pageInfo.hasNextPage);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      } while (after);
      expect(seen).toEqual(all);
      expect(hasNext).toEqual([true, true, false]);
    });

    it('pages through files opened on the same day in a stable order (opening date, then id)', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['10'] });
      const dates = ['2022-03-01', '2022-03-01', '2022-03-01', '2021-07-15', '2021-07-15', '2020-01-10', '2023-04-03'];
      const created: { id: string; openedOn: string }[] = [];
      for (const openedOn of dates) {
        const company = await createCompany(app, { regionCode: '10' });
        created.push(await openFile(app, advisor.email, { companyId: company.id, openedOn }));
      }
      const expected = [...created]
        .sort((a, b) => (a.openedOn === b.openedOn ? (a.id < b.id ? -1 : 1) : a.openedOn < b.openedOn ? 1 : -1))
        .map((file) => file.id);
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = dataOf(await app.request(LIST, { first: 2, after }, { as: advisor.email })).accompaniments;
        expect(page.totalCount).toBe(7);
        seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
        pages += 1;
      } while (after);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(7);
      expect(seen).toEqual(expected);
    });

    it('refuses a page size of 0 or 201 and a forged cursor with BAD_USER_INPUT', async () => {
      expectRefusal(await app.request(LIST, { first: 0 }, { as: f.email }), 'BAD_USER_INPUT', 'first');
      expectRefusal(await app.request(LIST, { first: 201 }, { as: f.email }), 'BAD_USER_INPUT', 'first');
      expectRefusal(await app.request(LIST, { after: 'bm90LWEtY3Vyc29y' }, { as: f.email }), 'BAD_USER_INPUT', 'after');
    });

    describe('Company.accompaniments', () => {
      const COMPANY_FILES = `query ($id: ID!, $status: [AccompanimentStatus!]) {
        company(id: $id) { all: accompaniments { id status } some: accompaniments(status: $status) { id } }
      }`;
      const companyFiles = async (name: string, status: string[], as = f.email) =>
        dataOf(await app.graphql(COMPANY_FILES, { variables: { id: companies[name], status }, as })).company;

      it('lists the company’s files in the caller’s regions, newest first, optionally of some statuses', async () => {
        const c = await companyFiles('C', ['OPEN']);
        expect(c.all).toEqual([
          { id: files.f5!.id, status: 'ON_HOLD' },
          { id: files.f4!.id, status: 'OPEN' },
        ]);
        expect(c.some).toEqual([{ id: files.f4!.id }]);
        expect((await companyFiles('C', ['OPEN', 'ON_HOLD'])).some).toEqual([{ id: files.f5!.id }, { id: files.f4!.id }]);
        expect((await companyFiles('B', ['OPEN'])).some).toEqual([]);
        expect(await companyFiles('Z', ['OPEN'])).toEqual({ all: [], some: [] });
      });

      it('hides files of other regions (the ADMIN sees them all)', async () => {
        expect((await companyFiles('A', ['OPEN'])).all.map((file: { id: string }) => file.id)).toEqual(ids('f3', 'f1'));
        const admin = await companyFiles('A', ['OPEN'], TEST_ADMIN_EMAIL);
        expect(admin.all.map((file: { id: string }) => file.id)).toEqual(ids('mtl', 'f3', 'f1'));
        expect(admin.some).toEqual([{ id: files.mtl!.id }]);
      });
    });
  });
});
