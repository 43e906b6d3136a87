import {
  PortailReferralsAdvanceDocument as ADVANCE,
  PortailReferralsCompanyReferralsDocument as COMPANY_REFERRALS,
  PortailReferralsFunnelDocument as FUNNEL,
  PortailReferralsListDocument as LIST,
  PortailReferralsOneDocument as ONE,
  PortailReferralsReferDocument as REFER,
  type PortailReferralStep,
  type TypedDocumentString,
} from '../operations/generated.js';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  advancePortailReferral,
  createAdvisor,
  createCompany,
  openFile,
  referToPortail,
  type AdvisorFixture,
  type PortailReferralFixture,
} from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';
import { expectRefusal } from './support/expectations.js';

describe('Portail employeurs referrals', () => {
  let app: TestApp;
  let laval: AdvisorFixture; // ADVISOR, region 13
  let lavalLaurentides: AdvisorFixture; // ADVISOR, regions 13 and 15
  let montreal: AdvisorFixture; // ADVISOR, region 06
  let lllManager: AdvisorFixture; // MANAGER, direction LLL (13, 14, 15)
  let analyst: AdvisorFixture; // ANALYST
  const today = todayInQuebec();
  const tomorrow = addDays(today, 1);

  beforeAll(async () => {
    app = await TestApp.start();
    laval = await createAdvisor(app, { regionCodes: ['13'] });
    lavalLaurentides = await createAdvisor(app, { regionCodes: ['13', '15'] });
    montreal = await createAdvisor(app, { regionCodes: ['06'] });
    lllManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'LLL' });
    analyst = await createAdvisor(app, { role: 'ANALYST' });
  });
  afterAll(() => app.close());

  const counts = () => app.counts({ referrals: 'portail_referrals', audit: 'audit_log' });
  const referralRow = async (id: string) =>
    (
      await app.sql(
        `SELECT step, version, referred_on, account_created_on, offer_posted_on, candidates_received_on, hired_on,
                ended_on, step_changed_on, updated_at
           FROM portail_referrals WHERE id = $1`,
        [id],
      )
    )[0];
  const call = <R>(mutation: TypedDocumentString<R, never>, input: Record<string, unknown>, as?: string, headers?: Record<string, string>) =>
    app.request(mutation, { input } as never, { as, headers });
  const auditOf = (id: string) =>
    app.sql(
      `SELECT l.action, l.entity_type, l.before, l.after, a.email AS actor
         FROM audit_log l LEFT JOIN advisors a ON a.id = l.actor_id
        WHERE l.entity_type = 'PortailReferral' AND l.entity_id = $1 ORDER BY l.id`,
      [id],
    );
  /** A referral of a new company of `regionCode`, by `as`, on `on`. */
  const newReferral = async (as: string, on: string, regionCode = '13'): Promise<PortailReferralFixture> => {
    const company = await createCompany(app, { regionCode });
    return referToPortail(app, as, { companyId: company.id, on });
  };

  describe('referToPortail', () => {
    it('refers a company of the caller’s regions today by default, by the caller, and audits `refer`', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      const referral = dataOf(await call(REFER, { companyId: company.id }, laval.email)).referToPortail;
      expect(referral).toEqual({
        id: expect.any(String),
        step: 'REFERRED',
        referredOn: today,
        accountCreatedOn: null,
        offerPostedOn: null,
        candidatesReceivedOn: null,
        hiredOn: null,
        endedOn: null,
        stepChangedOn: today,
        version: 1,
        company: { id: company.id },
        advisor: { id: laval.id },
        accompaniment: null,
      });
      expect(await counts()).toEqual({ referrals: before.referrals + 1, audit: before.audit + 1 });
      expect(await auditOf(referral.id)).toEqual([
        {
          action: 'refer',
          entity_type: 'PortailReferral',
          actor: laval.email,
          before: null,
          after: expect.objectContaining({
            id: referral.id,
            companyId: company.id,
            advisorId: laval.id,
            accompanimentId: null,
            step: 'REFERRED',
            referredOn: today,
            version: 1,
          }),
        },
      ]);
    });

    it('links a file of the company and takes an explicit date', async () => {
      const company = await createCompany(app, { regionCode: '15' });
      const file = await openFile(app, lavalLaurentides.email, { companyId: company.id, openedOn: '2023-03-01' });
      const referral = dataOf(
        await call(REFER, { companyId: company.id, accompanimentId: file.id, on: '2023-03-15' }, lavalLaurentides.email),
      ).referToPortail;
      expect(referral).toMatchObject({
        step: 'REFERRED',
        referredOn: '2023-03-15',
        stepChangedOn: '2023-03-15',
        accompaniment: { id: file.id },
        company: { id: company.id },
        advisor: { id: lavalLaurentides.id },
      });
      const read = await app.request(ONE, { id: referral.id }, { as: lllManager.email });
      expect(dataOf(read).portailReferral).toMatchObject({ id: referral.id, accompaniment: { id: file.id } });
    });

    it('refuses a date in the future with BAD_USER_INPUT on input.on, writing nothing', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      expectRefusal(await call(REFER, { companyId: company.id, on: tomorrow }, laval.email), 'BAD_USER_INPUT', 'input.on');
      expect(await counts()).toEqual(before);
    });

    it('refuses a file of another company, or one outside the caller’s regions, on input.accompanimentId', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const other = await createCompany(app, { regionCode: '13' });
      const otherFile = await openFile(app, laval.email, { companyId: other.id, openedOn: '2023-01-10' });
      // The company's own file, but served in Laurentides (15), which `laval` does not cover.
      const fileIn15 = await openFile(app, lavalLaurentides.email, {
        companyId: company.id,
        regionCode: '15',
        openedOn: '2023-01-10',
      });
      const before = await counts();
      for (const accompanimentId of [otherFile.id, fileIn15.id, '00000000-0000-4000-8000-000000000000']) {
        expectRefusal(
          await call(REFER, { companyId: company.id, accompanimentId }, laval.email),
          'BAD_USER_INPUT',
          'input.accompanimentId',
        );
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown company (BAD_USER_INPUT) and a company outside an ADVISOR’s regions (FORBIDDEN)', async () => {
      const lavalCompany = await createCompany(app, { regionCode: '13' });
      const before = await counts();
      expectRefusal(
        await call(REFER, { companyId: '00000000-0000-4000-8000-000000000000' }, laval.email),
        'BAD_USER_INPUT',
        'input.companyId',
      );
      expectRefusal(await call(REFER, { companyId: lavalCompany.id }, montreal.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('refuses a second open referral of a company with CONFLICT; a new one is allowed once the first ended', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const first = await referToPortail(app, laval.email, { companyId: company.id, on: '2023-02-01' });
      await advancePortailReferral(app, laval.email, { id: first.id, step: 'ACCOUNT_CREATED', on: '2023-02-03' });

      const before = await counts();
      const refused = await call(REFER, { companyId: company.id }, lavalLaurentides.email, { 'accept-language': 'en' });
      expectRefusal(refused, 'CONFLICT');
      expect(refused.errors![0]!.message).toBe('This company already has an open Portail employeurs referral.');
      expectRefusal(await call(REFER, { companyId: company.id, on: '2023-02-02' }, laval.email), 'CONFLICT');
      expect(await counts()).toEqual(before);

      await advancePortailReferral(app, laval.email, { id: first.id, step: 'DECLINED', on: '2023-04-01' });
      const second = await referToPortail(app, laval.email, { companyId: company.id, on: '2023-09-01' });
      expect(second.step).toBe('REFERRED');
      const read = await app.request(COMPANY_REFERRALS, { id: company.id }, { as: laval.email });
      expect(dataOf(read).company).toEqual({
        id: company.id,
        portailReferrals: [
          { id: second.id, step: 'REFERRED' },
          { id: first.id, step: 'DECLINED' },
        ],
      });
    });

    it('lets exactly one of two concurrent referrals of the same company succeed; the other is CONFLICT', async () => {
      for (let round = 0; round < 5; round += 1) {
        const company = await createCompany(app, { regionCode: '13' });
        const before = await counts();
        const responses = await Promise.all([
          call(REFER, { companyId: company.id }, laval.email),
          call(REFER, { companyId: company.id }, lavalLaurentides.email),
        ]);
        const succeeded = responses.filter((r) => !r.errors);
        const refused = responses.filter((r) => r.errors);
        expect(succeeded).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expectRefusal(refused[0]!, 'CONFLICT');
        expect(await app.count('portail_referrals', 'company_id = $1', [company.id])).toBe(1);
        expect(await counts()).toEqual({ referrals: before.referrals + 1, audit: before.audit + 1 });
      }
    });
  });

  describe('advancePortailReferral', () => {
    it('follows the whole funnel to HIRED, keeping each step’s date, and audits every move', async () => {
      const referral = await newReferral(laval.email, '2023-05-01');
      const path: [string, string][] = [
        ['ACCOUNT_CREATED', '2023-05-03'],
        ['OFFER_POSTED', '2023-05-03'], // the same day as the previous step: dates only need to be non-decreasing
        ['CANDIDATES_RECEIVED', '2023-06-10'],
        ['HIRED', '2023-07-02'],
      ];
      let version = referral.version;
      for (const [step, on] of path) {
        const before = await counts();
        const response = await call(ADVANCE, { id: referral.id, step, on, version }, laval.email);
        const moved = dataOf(response).advancePortailReferral;
        expect(moved).toMatchObject({ step, stepChangedOn: on, version: version + 1 });
        expect(await counts()).toEqual({ referrals: before.referrals, audit: before.audit + 1 });
        version = moved.version;
      }
      const final = dataOf(await app.request(ONE, { id: referral.id }, { as: laval.email })).portailReferral;
      expect(final).toEqual({
        id: referral.id,
        step: 'HIRED',
        referredOn: '2023-05-01',
        accountCreatedOn: '2023-05-03',
        offerPostedOn: '2023-05-03',
        candidatesReceivedOn: '2023-06-10',
        hiredOn: '2023-07-02',
        endedOn: '2023-07-02',
        stepChangedOn: '2023-07-02',
        version: 5,
        company: { id: expect.any(String) },
        advisor: { id: laval.id },
        accompaniment: null,
      });
      const audit = await auditOf(referral.id);
      expect(audit.map((row) => row.action)).toEqual(['refer', 'advance', 'advance', 'advance', 'advance']);
      expect(audit[4]).toMatchObject({
        actor: laval.email,
        before: { step: 'CANDIDATES_RECEIVED', version: 4, hiredOn: null },
        after: { step: 'HIRED', version: 5, hiredOn: '2023-07-02', endedOn: '2023-07-02' },
      });
    });

    it('allows skipping steps forward, leaving the skipped steps’ dates null (version optional)', async () => {
      const referral = await newReferral(laval.email, '2023-05-01');
      const moved = dataOf(
        await call(ADVANCE, { id: referral.id, step: 'CANDIDATES_RECEIVED', on: '2023-06-01' }, lllManager.email),
      ).advancePortailReferral;
      expect(moved).toMatchObject({
        step: 'CANDIDATES_RECEIVED',
        accountCreatedOn: null,
        offerPostedOn: null,
        candidatesReceivedOn: '2023-06-01',
        hiredOn: null,
        endedOn: null,
        stepChangedOn: '2023-06-01',
        version: 2,
      });
    });

    it.each([
      { from: 'REFERRED', path: [], exit: 'DECLINED', action: 'decline' },
      { from: 'ACCOUNT_CREATED', path: [['ACCOUNT_CREATED', '2023-05-05']], exit: 'DECLINED', action: 'decline' },
      { from: 'REFERRED', path: [], exit: 'ABANDONED', action: 'abandon' },
      { from: 'OFFER_POSTED', path: [['OFFER_POSTED', '2023-05-05']], exit: 'ABANDONED', action: 'abandon' },
      {
        from: 'CANDIDATES_RECEIVED',
        path: [['ACCOUNT_CREATED', '2023-05-02'], ['CANDIDATES_RECEIVED', '2023-05-05']],
        exit: 'DECLINED',
        action: 'decline',
      },
    ])('ends a referral at $from as $exit, keeping the dates reached, and audits `$action`', async (scenario) => {
      const { path, exit, action } = scenario;
      const referral = await newReferral(lavalLaurentides.email, '2023-05-01', '15');
      for (const [step, on] of path as [PortailReferralStep, string][]) {
        await advancePortailReferral(app, lavalLaurentides.email, { id: referral.id, step, on });
      }
      const before = await counts();
      const row = await referralRow(referral.id);
      const ended = dataOf(
        await call(ADVANCE, { id: referral.id, step: exit, on: '2023-05-20' }, lavalLaurentides.email),
      ).advancePortailReferral;
      expect(ended).toMatchObject({
        step: exit,
        referredOn: '2023-05-01',
        accountCreatedOn: row!.account_created_on,
        offerPostedOn: row!.offer_posted_on,
        candidatesReceivedOn: row!.candidates_received_on,
        hiredOn: null,
        endedOn: '2023-05-20',
        stepChangedOn: '2023-05-20',
      });
      expect(await counts()).toEqual({ referrals: before.referrals, audit: before.audit + 1 });
      const audit = (await auditOf(referral.id)).at(-1);
      expect(audit).toMatchObject({ action, before: { step: row!.step }, after: { step: exit } });
    });

    describe('refusals change nothing', () => {
      /** Refuses `input` on `referral` with `code` (and `field`), leaving the row and the counts as they were. */
      const expectNothingChanged = async (
        referralId: string,
        input: Record<string, unknown>,
        code: string,
        field?: string,
        as = laval.email,
      ) => {
        const before = await counts();
        const row = await referralRow(referralId);
        expectRefusal(await call(ADVANCE, { id: referralId, ...input }, as), code, ...(field === undefined ? [] : [field]));
        expect(await counts()).toEqual(before);
        expect(await referralRow(referralId)).toEqual(row);
      };

      it('refuses a step before or equal to the current one on input.step', async () => {
        const referral = await newReferral(laval.email, '2023-06-01');
        await expectNothingChanged(referral.id, { step: 'REFERRED', on: '2023-06-02' }, 'BAD_USER_INPUT', 'input.step');
        await advancePortailReferral(app, laval.email, { id: referral.id, step: 'OFFER_POSTED', on: '2023-06-05' });
        for (const step of ['REFERRED', 'ACCOUNT_CREATED', 'OFFER_POSTED']) {
          await expectNothingChanged(referral.id, { step, on: '2023-06-06' }, 'BAD_USER_INPUT', 'input.step');
        }
      });

      it.each([
        ['HIRED', 'DECLINED'],
        ['HIRED', 'HIRED'],
        ['DECLINED', 'ABANDONED'],
        ['DECLINED', 'ACCOUNT_CREATED'],
        ['ABANDONED', 'HIRED'],
        ['ABANDONED', 'ABANDONED'],
      ])('refuses anything after %s (here %s) on input.step', async (terminal, next) => {
        const referral = await newReferral(laval.email, '2023-06-01');
        await advancePortailReferral(app, laval.email, { id: referral.id, step: terminal as PortailReferralStep, on: '2023-06-10' });
        await expectNothingChanged(referral.id, { step: next, on: '2023-06-11' }, 'BAD_USER_INPUT', 'input.step');
      });

      it('refuses a date in the future, or before the current step’s date, on input.on', async () => {
        const referral = await newReferral(laval.email, '2023-06-01');
        await advancePortailReferral(app, laval.email, { id: referral.id, step: 'ACCOUNT_CREATED', on: '2023-06-15' });
        await expectNothingChanged(referral.id, { step: 'OFFER_POSTED', on: tomorrow }, 'BAD_USER_INPUT', 'input.on');
        await expectNothingChanged(referral.id, { step: 'OFFER_POSTED', on: '2023-06-14' }, 'BAD_USER_INPUT', 'input.on');
        await expectNothingChanged(referral.id, { step: 'DECLINED', on: '2023-06-01' }, 'BAD_USER_INPUT', 'input.on');
      });

      it('refuses a stale version with CONFLICT', async () => {
        const referral = await newReferral(laval.email, '2023-06-01');
        await advancePortailReferral(app, laval.email, { id: referral.id, step: 'ACCOUNT_CREATED', on: '2023-06-02' });
        await expectNothingChanged(referral.id, { step: 'OFFER_POSTED', on: '2023-06-03', version: 1 }, 'CONFLICT');
      });

      it('lets only one of two concurrent moves holding the same version win; the other is CONFLICT', async () => {
        const referral = await newReferral(laval.email, '2023-06-01');
        const before = await counts();
        const responses = await Promise.all([
          call(ADVANCE, { id: referral.id, step: 'ACCOUNT_CREATED', on: '2023-06-02', version: 1 }, laval.email),
          call(ADVANCE, { id: referral.id, step: 'ABANDONED', on: '2023-06-02', version: 1 }, lavalLaurentides.email),
        ]);
        expect(responses.filter((r) => !r.errors)).toHaveLength(1);
        expectRefusal(responses.find((r) => r.errors)!, 'CONFLICT');
        expect(await counts()).toEqual({ referrals: before.referrals, audit: before.audit + 1 });
        expect((await referralRow(referral.id))!.version).toBe(2);
      });

      it('answers NOT_FOUND for an unknown referral and FORBIDDEN outside an ADVISOR’s regions', async () => {
        const referral = await newReferral(laval.email, '2023-06-01');
        const before = await counts();
        expectRefusal(
          await call(ADVANCE, { id: '00000000-0000-4000-8000-000000000000', step: 'HIRED', on: '2023-06-02' }, laval.email),
          'NOT_FOUND',
        );
        expect(await counts()).toEqual(before);
        await expectNothingChanged(referral.id, { step: 'HIRED', on: '2023-06-02' }, 'FORBIDDEN', undefined, montreal.email);
      });
    });
  });

  describe('an ANALYST', () => {
    it('is FORBIDDEN on referrals, reading or writing, and writes nothing', async () => {
      const companyId = (await createCompany(app, { regionCode: '13' })).id;
      const referral = await referToPortail(app, laval.email, { companyId, on: '2023-07-01' });
      const before = await counts();
      expectRefusal(await call(REFER, { companyId }, analyst.email), 'FORBIDDEN');
      expectRefusal(await call(ADVANCE, { id: referral.id, step: 'HIRED', on: '2023-07-02' }, analyst.email), 'FORBIDDEN');
      const one = await app.request(ONE, { id: referral.id }, { as: analyst.email });
      expect(one.data).toEqual({ portailReferral: null }); // a nullable root field: null beside its error
      expect(one.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
      expectRefusal(await app.request(LIST, {}, { as: analyst.email }), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
      expect(await referralRow(referral.id)).toMatchObject({ step: 'REFERRED', version: 1 });
    });
  });

  describe('reading referrals', () => {
    let lister: AdvisorFixture; // ADVISOR, regions 13 and 15, who made r1..r3
    let companyA: string;
    let companyB: string;
    let r1: PortailReferralFixture; // 13, 2019-09-02, then ACCOUNT_CREATED
    let r2: PortailReferralFixture; // 13, 2019-10-01
    let r3: PortailReferralFixture; // 15, 2019-11-15, then DECLINED
    let r4: PortailReferralFixture; // 06, 2019-10-20, by the Montréal advisor
    const page = async (filter: Record<string, unknown>, as: string, first?: number, after?: string) =>
      dataOf(await app.request(LIST, { filter, first, after }, { as })).portailReferrals;
    const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);
    const in2019 = { referredBetween: { from: '2019-09-01', to: '2019-12-31' } };

    beforeAll(async () => {
      lister = await createAdvisor(app, { regionCodes: ['13', '15'] });
      companyA = (await createCompany(app, { regionCode: '13' })).id;
      companyB = (await createCompany(app, { regionCode: '13' })).id;
      const companyC = (await createCompany(app, { regionCode: '15' })).id;
      const companyD = (await createCompany(app, { regionCode: '06' })).id;
      r1 = await referToPortail(app, lister.email, { companyId: companyA, on: '2019-09-02' });
      await advancePortailReferral(app, lister.email, { id: r1.id, step: 'ACCOUNT_CREATED', on: '2019-09-10' });
      r2 = await referToPortail(app, lister.email, { companyId: companyB, on: '2019-10-01' });
      r3 = await referToPortail(app, lister.email, { companyId: companyC, on: '2019-11-15' });
      await advancePortailReferral(app, lister.email, { id: r3.id, step: 'DECLINED', on: '2019-12-01' });
      r4 = await referToPortail(app, montreal.email, { companyId: companyD, on: '2019-10-20' });
    });

    it('lists the caller’s regions only, newest referral first', async () => {
      expect(ids(await page(in2019, lister.email))).toEqual([r3.id, r2.id, r1.id]);
      expect(ids(await page(in2019, lllManager.email))).toEqual([r3.id, r2.id, r1.id]);
      expect(ids(await page(in2019, montreal.email))).toEqual([r4.id]);
      expect(ids(await page(in2019, laval.email))).toEqual([r2.id, r1.id]);
      expect(ids(await page(in2019, TEST_ADMIN_EMAIL))).toEqual([r3.id, r4.id, r2.id, r1.id]);
    });

    it('pages with a cursor and counts the total', async () => {
      const first = await page({ advisorId: lister.id }, lister.email, 2);
      expect(ids(first)).toEqual([r3.id, r2.id]);
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page({ advisorId: lister.id }, lister.email, 2, first.pageInfo.endCursor!);
      expect(ids(second)).toEqual([r1.id]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('filters by company, advisor, company region, current step and referral dates', async () => {
      expect(ids(await page({ companyId: companyB }, lister.email))).toEqual([r2.id]);
      expect(ids(await page({ ...in2019, advisorId: montreal.id }, TEST_ADMIN_EMAIL))).toEqual([r4.id]);
      expect(ids(await page({ advisorId: lister.id, regionCodes: ['15'] }, lister.email))).toEqual([r3.id]);
      expect(ids(await page({ advisorId: lister.id, steps: ['ACCOUNT_CREATED', 'DECLINED'] }, lister.email))).toEqual([
        r3.id,
        r1.id,
      ]);
      expect(
        ids(await page({ advisorId: lister.id, referredBetween: { from: '2019-09-02', to: '2019-10-01' } }, lister.email)),
      ).toEqual([r2.id, r1.id]);
      expectRefusal(
        await app.request(LIST, { filter: { referredBetween: { from: '2019-10-01', to: '2019-09-01' } } }, { as: lister.email }),
        'BAD_USER_INPUT',
        'filter.referredBetween.to',
      );
      expectRefusal(
        await app.request(LIST, { filter: { regionCodes: ['18'] } }, { as: lister.email }),
        'BAD_USER_INPUT',
        'filter.regionCodes',
      );
    });

    it('reads one referral in scope, null outside it', async () => {
      const read = await app.request(ONE, { id: r4.id }, { as: montreal.email });
      expect(dataOf(read).portailReferral).toMatchObject({
        id: r4.id,
        step: 'REFERRED',
        referredOn: '2019-10-20',
        advisor: { id: montreal.id },
      });
      expect(dataOf(await app.request(ONE, { id: r4.id }, { as: lister.email })).portailReferral).toBeNull();
      expect(dataOf(await app.request(ONE, { id: r1.id }, { as: montreal.email })).portailReferral).toBeNull();
    });

    it('shows a company’s referrals in the caller’s regions only', async () => {
      const read = async (as: string) =>
        dataOf(await app.request(COMPANY_REFERRALS, { id: companyA }, { as })).company!.portailReferrals;
      expect(await read(lister.email)).toEqual([{ id: r1.id, step: 'ACCOUNT_CREATED' }]);
      expect(await read(montreal.email)).toEqual([]);
    });

    it('loads the relations of a page in the same number of statements whatever its size', async () => {
      const query = `query ($filter: PortailReferralFilter, $first: Int) { portailReferrals(filter: $filter, first: $first) {
        edges { node { id company { legalName portailReferrals { id } } advisor { fullName } accompaniment { id } } } } }`;
      const statements = async (first: number) => {
        const response = await app.graphql(query, { variables: { filter: in2019, first } });
        expect(dataOf(response).portailReferrals.edges).toHaveLength(first);
        return Number(response.headers.get('x-sql-statements'));
      };
      expect(await statements(4)).toBe(await statements(1));
    });
  });

  describe('portailFunnel', () => {
    const FUNNEL_ORDER = ['REFERRED', 'ACCOUNT_CREATED', 'OFFER_POSTED', 'CANDIDATES_RECEIVED', 'HIRED'];

    interface Scenario {
      region: string;
      on: string;
      path: [string, string][];
    }

    /** Referrals made by the administrator, one company each, moved along `path`. */
    const scenarios: Scenario[] = [
      {
        region: '13',
        on: '2020-04-01',
        path: [
          ['ACCOUNT_CREATED', '2020-04-10'],
          ['OFFER_POSTED', '2020-05-01'],
          ['CANDIDATES_RECEIVED', '2020-05-20'],
          ['HIRED', '2020-06-15'],
        ],
      },
      { region: '13', on: '2020-06-01', path: [['OFFER_POSTED', '2020-06-10']] },
      { region: '13', on: '2020-09-15', path: [['ACCOUNT_CREATED', '2020-09-20'], ['DECLINED', '2020-10-01']] },
      { region: '13', on: '2021-03-31', path: [] },
      {
        region: '13',
        on: '2021-10-10',
        path: [
          ['ACCOUNT_CREATED', '2021-10-10'],
          ['OFFER_POSTED', '2021-10-10'],
          ['HIRED', '2021-12-24'],
        ],
      },
      { region: '13', on: '2022-04-01', path: [['ACCOUNT_CREATED', '2022-04-02']] },
      { region: '15', on: '2020-03-31', path: [['ACCOUNT_CREATED', '2020-04-15']] },
      { region: '15', on: '2020-07-01', path: [['HIRED', '2020-12-01']] },
      { region: '15', on: '2020-11-11', path: [['ABANDONED', '2021-01-05']] },
      {
        region: '15',
        on: '2021-04-01',
        path: [
          ['ACCOUNT_CREATED', '2021-04-02'],
          ['OFFER_POSTED', '2021-05-02'],
          ['ABANDONED', '2021-08-01'],
        ],
      },
      { region: '15', on: '2021-11-30', path: [['CANDIDATES_RECEIVED', '2022-01-04']] },
      {
        region: '06',
        on: '2020-05-05',
        path: [
          ['ACCOUNT_CREATED', '2020-05-06'],
          ['OFFER_POSTED', '2020-05-07'],
          ['CANDIDATES_RECEIVED', '2020-06-01'],
        ],
      },
      { region: '06', on: '2021-06-30', path: [['CANDIDATES_RECEIVED', '2021-07-15'], ['HIRED', '2021-09-01']] },
      { region: '06', on: '2022-03-31', path: [['DECLINED', '2022-04-02']] },
      { region: '04', on: '2019-08-01', path: [['OFFER_POSTED', '2019-08-20'], ['HIRED', '2019-11-01']] },
      { region: '04', on: '2020-10-10', path: [['ACCOUNT_CREATED', '2020-10-11']] },
      {
        region: '04',
        on: '2021-12-01',
        path: [
          ['OFFER_POSTED', '2022-01-10'],
          ['CANDIDATES_RECEIVED', '2022-02-01'],
          ['DECLINED', '2022-02-15'],
        ],
      },
      { region: '04', on: '2022-03-01', path: [['ABANDONED', '2022-03-01']] },
    ];

    /** The funnel computed here from the scenarios, independently of the service. */
    const expected = (from: string, to: string, regions: string[] | null) => {
      const chosen = scenarios.filter((s) => s.on >= from && s.on <= to && (!regions || regions.includes(s.region)));
      const furthest = (s: Scenario) => Math.max(0, ...s.path.map(([step]) => FUNNEL_ORDER.indexOf(step)));
      const last = (s: Scenario) => s.path.at(-1)?.[0] ?? 'REFERRED';
      const reached = FUNNEL_ORDER.map((_step, i) => chosen.filter((s) => furthest(s) >= i).length);
      return {
        from,
        to,
        regionCodes: regions,
        referred: chosen.length,
        declined: chosen.filter((s) => last(s) === 'DECLINED').length,
        abandoned: chosen.filter((s) => last(s) === 'ABANDONED').length,
        inProgress: chosen.filter((s) => !['HIRED', 'DECLINED', 'ABANDONED'].includes(last(s))).length,
        steps: FUNNEL_ORDER.map((step, i) => ({
          step,
          reached: reached[i],
          conversionRate: i === 0 || reached[i - 1] === 0 ? null : reached[i]! / reached[i - 1]!,
        })),
      };
    };
    const funnel = async (period: Record<string, unknown>, regionCodes: string[] | undefined, as?: string) =>
      app.request(FUNNEL, { period, regionCodes }, { as });
    const funnelOf = async (period: Record<string, unknown>, regionCodes: string[] | undefined, as?: string) =>
      dataOf(await funnel(period, regionCodes, as)).portailFunnel;

    beforeAll(async () => {
      for (const scenario of scenarios) {
        const referral = await newReferral(TEST_ADMIN_EMAIL, scenario.on, scenario.region);
        for (const [step, on] of scenario.path) {
          await advancePortailReferral(app, undefined, { id: referral.id, step: step as PortailReferralStep, on });
        }
      }
    });

    it('counts a fiscal year in every region for ADMIN, MANAGER and ANALYST', async () => {
      for (const as of [TEST_ADMIN_EMAIL, lllManager.email, analyst.email]) {
        const result = await funnelOf({ fiscalYear: '2020-2021' }, undefined, as);
        expect(result).toEqual(expected('2020-04-01', '2021-03-31', null));
      }
      expect(await funnelOf({ fiscalYear: '2021-2022' }, undefined, analyst.email)).toEqual(
        expected('2021-04-01', '2022-03-31', null),
      );
    });

    it('counts skipped steps as reached, and ended referrals at the step they had reached (2020-2021 by hand)', async () => {
      // 2020-04-01 → 2021-03-31: HIRED ×2 (one straight from REFERRED), OFFER_POSTED without account date, DECLINED
      // after ACCOUNT_CREATED, ABANDONED at REFERRED, CANDIDATES_RECEIVED, ACCOUNT_CREATED, REFERRED on 2021-03-31.
      const result = await funnelOf({ fiscalYear: '2020-2021' }, undefined, analyst.email);
      expect(result).toMatchObject({ referred: 8, declined: 1, abandoned: 1, inProgress: 4 });
      expect(result.steps).toEqual([
        { step: 'REFERRED', reached: 8, conversionRate: null },
        { step: 'ACCOUNT_CREATED', reached: 6, conversionRate: 0.75 },
        { step: 'OFFER_POSTED', reached: 4, conversionRate: 4 / 6 },
        { step: 'CANDIDATES_RECEIVED', reached: 3, conversionRate: 0.75 },
        { step: 'HIRED', reached: 2, conversionRate: 2 / 3 },
      ]);
    });

    it('restricts to the regions asked for, any region for a MANAGER', async () => {
      expect(await funnelOf({ from: '2020-04-01', to: '2022-03-31' }, ['15', '13'], TEST_ADMIN_EMAIL)).toEqual(
        expected('2020-04-01', '2022-03-31', ['13', '15']),
      );
      expect(await funnelOf({ from: '2020-01-01', to: '2022-12-31' }, ['06'], lllManager.email)).toEqual(
        expected('2020-01-01', '2022-12-31', ['06']),
      );
      expect(await funnelOf({ sinceDeployment: true }, ['04'], analyst.email)).toEqual(
        expected('2019-08-01', today, ['04']),
      );
    });

    it('counts an ADVISOR’s own regions by default and refuses any other region with FORBIDDEN', async () => {
      expect(await funnelOf({ from: '2020-04-01', to: '2022-03-31' }, undefined, laval.email)).toEqual(
        expected('2020-04-01', '2022-03-31', ['13']),
      );
      expect(await funnelOf({ from: '2020-04-01', to: '2022-03-31' }, undefined, lavalLaurentides.email)).toEqual(
        expected('2020-04-01', '2022-03-31', ['13', '15']),
      );
      expect(await funnelOf({ fiscalYear: '2020-2021' }, ['15'], lavalLaurentides.email)).toEqual(
        expected('2020-04-01', '2021-03-31', ['15']),
      );
      expectRefusal(await funnel({ fiscalYear: '2020-2021' }, ['06'], laval.email), 'FORBIDDEN');
      expectRefusal(await funnel({ fiscalYear: '2020-2021' }, ['13', '15'], laval.email), 'FORBIDDEN');
    });

    it('answers zeros and null rates for a period without referrals', async () => {
      const result = await funnelOf({ fiscalYear: '2017-2018' }, undefined, analyst.email);
      expect(result).toEqual(expected('2017-04-01', '2018-03-31', null));
      expect(result.referred).toBe(0);
      expect(result.steps.every((s: { conversionRate: number | null }) => s.conversionRate === null)).toBe(true);
    });

    it('is computed in one SQL statement (authenticating the caller, cached since their first request, sends none)', async () => {
      dataOf(await funnel({ fiscalYear: '2020-2021' }, ['13', '15'], lllManager.email)); // a first request looks the caller up
      const response = await funnel({ fiscalYear: '2020-2021' }, ['13', '15'], lllManager.email);
      dataOf(response);
      expect(Number(response.headers.get('x-sql-statements'))).toBe(1);
    });

    it.each([
      ['no period form', {}, undefined, 'period'],
      ['two period forms', { fiscalYear: '2020-2021', sinceDeployment: true }, undefined, 'period'],
      ['a malformed fiscal year', { fiscalYear: '2020-2022' }, undefined, 'period.fiscalYear'],
      ['a reversed range', { from: '2021-01-01', to: '2020-01-01' }, undefined, 'period.to'],
      ['an invalid region code', { fiscalYear: '2020-2021' }, ['18'], 'regionCodes'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, period, regionCodes, field) => {
      expectRefusal(await funnel(period, regionCodes, analyst.email), 'BAD_USER_INPUT', field);
    });
  });
});
