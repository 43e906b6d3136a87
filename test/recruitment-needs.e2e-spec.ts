import {
  CancelRecruitmentNeedDocument,
  CloseRecruitmentNeedStatusDocument,
  CreateCompanyDocument,
  CreateRecruitmentNeedDetailDocument as CREATE,
  NeedsSummaryByBroadCategoryDocument,
  NeedsSummaryByChannelDocument,
  NeedsSummaryByWorkRegionAndTeerDocument,
  RecordPositionsFilledStatusDocument,
  RecruitmentNeedIdsDocument,
  RecruitmentNeedsTotalDocument,
  UpdateRecruitmentNeedDocument,
} from '../operations/generated.js';
import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

describe('recruitment needs', () => {
  let app: TestApp;
  let lavalCompany: string;
  let montrealCompany: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const company = async (legalName: string, regionCode: string) =>
      dataOf(
        await app.request(CreateCompanyDocument, { input: { legalName, regionCode, confirmNotDuplicate: true } }),
      ).createCompany.id as string;
    lavalCompany = await company('Soudure Industrielle Laval', '13');
    montrealCompany = await company('Hôpital vétérinaire du Plateau', '06');
  });
  afterAll(() => app.close());

  const counts = () => app.counts({ needs: 'recruitment_needs', audit: 'audit_log' });
  const valid = (overrides: Record<string, unknown> = {}) => ({
    companyId: lavalCompany,
    nocCode: '72106',
    title: 'Soudeur ou soudeuse',
    positions: 4,
    employmentType: 'PERMANENT',
    hourlyWage: 27.5,
    frenchLevel: 'INTERMEDIATE',
    channels: ['INTERNATIONAL_RECRUITMENT', 'LOCAL'],
    openedOn: '2024-09-03',
    ...overrides,
  });
  const create = (input: Record<string, unknown>, as?: string) => app.request(CREATE, { input } as never, { as });

  it('records a need with its TEER and broad category derived from the CNP code, and audits it', async () => {
    const before = await counts();
    const need = dataOf(await create(valid())).createRecruitmentNeed;
    expect(need).toMatchObject({
      nocCode: '72106',
      nocBroadCategory: 7,
      teer: 2,
      positions: 4,
      positionsFilled: 0,
      hourlyWage: 27.5,
      status: 'OPEN',
      workRegion: { code: '13' },
      channels: ['INTERNATIONAL_RECRUITMENT', 'LOCAL'],
    });
    expect(await counts()).toEqual({ needs: before.needs + 1, audit: before.audit + 1 });
  });

  it.each([
    ['a CNP code of 4 digits', { nocCode: '7210' }, 'input.nocCode'],
    ['a CNP code with letters', { nocCode: '72A06' }, 'input.nocCode'],
    ['a TEER of 6', { nocCode: '76106' }, 'input.nocCode'],
    ['no title', { title: ' ' }, 'input.title'],
    ['0 positions', { positions: 0 }, 'input.positions'],
    ['1001 positions', { positions: 1001 }, 'input.positions'],
    ['a negative wage', { hourlyWage: -1 }, 'input.hourlyWage'],
    ['a wage with three decimals', { hourlyWage: 27.555 }, 'input.hourlyWage'],
    ['no channel', { channels: [] }, 'input.channels'],
    ['a channel twice', { channels: ['LOCAL', 'LOCAL'] }, 'input.channels'],
    ['a future opening date', { openedOn: '2999-01-01' }, 'input.openedOn'],
    ['an unknown work region', { workRegionCode: '19' }, 'input.workRegionCode'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field) => {
    const before = await counts();
    const response = await create(valid(overrides));
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!.fields!.map((f) => f.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('accepts 1 and 1000 positions', async () => {
    expect(dataOf(await create(valid({ positions: 1 }))).createRecruitmentNeed.positions).toBe(1);
    expect(dataOf(await create(valid({ positions: 1000 }))).createRecruitmentNeed.positions).toBe(1000);
  });

  describe('positions filled and status', () => {
    it('moves OPEN → IN_PROGRESS → FILLED as positions are filled', async () => {
      const need = dataOf(await create(valid({ positions: 3 }))).createRecruitmentNeed;
      const record = (filled: number) =>
        app.request(RecordPositionsFilledStatusDocument, { id: need.id, f: filled });
      expect(dataOf(await record(1)).recordPositionsFilled).toMatchObject({ positionsFilled: 1, status: 'IN_PROGRESS', closedOn: null });
      const before = await counts();
      const tooMany = await record(4);
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.positionsFilled' }] });
      expect(await counts()).toEqual(before);
      expect(dataOf(await record(3)).recordPositionsFilled).toMatchObject({ positionsFilled: 3, status: 'FILLED' });
      const afterFilled = await record(2);
      expect(afterFilled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('closes a need worked on below its positions as PARTIALLY_FILLED', async () => {
      const need = dataOf(await create(valid({ positions: 5 }))).createRecruitmentNeed;
      dataOf(await app.request(RecordPositionsFilledStatusDocument, { id: need.id, f: 2 }));
      const closed = await app.request(CloseRecruitmentNeedStatusDocument, { id: need.id });
      expect(dataOf(closed).closeRecruitmentNeed).toEqual({ status: 'PARTIALLY_FILLED', positionsFilled: 2 });
    });

    it.each([
      ['OPEN', 'FILLED'],
      ['OPEN', 'PARTIALLY_FILLED'],
    ])('refuses the move %s → %s, writing nothing', async (_from, to) => {
      const need = dataOf(await create(valid())).createRecruitmentNeed;
      const before = await counts();
      const response = await app.request(UpdateRecruitmentNeedDocument, { input: { id: need.id, version: 1, status: to as never } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.status' }] });
      expect(await counts()).toEqual(before);
    });

    it('cancels, then refuses any further move', async () => {
      const need = dataOf(await create(valid())).createRecruitmentNeed;
      expect(dataOf(await app.request(CancelRecruitmentNeedDocument, { input: { id: need.id } })).cancelRecruitmentNeed.status).toBe('CANCELLED');
      const again = await app.request(UpdateRecruitmentNeedDocument, { input: { id: need.id, version: 2, status: 'IN_PROGRESS' } });
      expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a stale version with CONFLICT and fewer positions than already filled', async () => {
      const need = dataOf(await create(valid({ positions: 4 }))).createRecruitmentNeed;
      dataOf(await app.request(RecordPositionsFilledStatusDocument, { id: need.id, f: 3 }));
      const stale = await app.request(UpdateRecruitmentNeedDocument, { input: { id: need.id, version: 1, title: 'Soudeur' } });
      expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const fewer = await app.request(UpdateRecruitmentNeedDocument, { input: { id: need.id, version: 2, positions: 2 } });
      expect(fewer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.positions' }] });
    });
  });

  describe('scope', () => {
    it('shows a Laval advisor the needs of Laval companies and the needs for work in Laval, not the others', async () => {
      const laval = await createAdvisor(app, { regionCodes: ['13'] });
      const montrealForLaval = dataOf(await create(valid({ companyId: montrealCompany, workRegionCode: '13', title: 'Technicien en santé animale' }))).createRecruitmentNeed;
      const montrealOnly = dataOf(await create(valid({ companyId: montrealCompany, workRegionCode: '06', title: 'Vétérinaire' }))).createRecruitmentNeed;
      const seen = dataOf(await app.request(RecruitmentNeedIdsDocument, {}, { as: laval.email })).recruitmentNeeds.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
      expect(seen).toContain(montrealForLaval.id);
      expect(seen).not.toContain(montrealOnly.id);
      const before = await counts();
      const refused = await create(valid({ companyId: montrealCompany, workRegionCode: '06' }), laval.email);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const cancel = await app.request(CancelRecruitmentNeedDocument, { input: { id: montrealOnly.id } }, { as: laval.email });
      expect(cancel.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });
  });

  describe('recruitmentNeedsSummary', () => {
    it('adds up open and filled positions per group in SQL, matching an independent count', async () => {
      const rows = await app.sql<{ work_region_code: string; teer: number; status: string; positions: number; positions_filled: number; channels: string[] }>(
        `SELECT work_region_code, teer, status, positions, positions_filled, channels FROM recruitment_needs`,
      );
      const expected = new Map<string, { needs: number; positions: number; openPositions: number; filledPositions: number }>();
      for (const row of rows.filter((r) => r.status !== 'CANCELLED')) {
        const key = `${row.work_region_code}/${row.teer}`;
        const group = expected.get(key) ?? { needs: 0, positions: 0, openPositions: 0, filledPositions: 0 };
        group.needs += 1;
        group.positions += row.positions;
        group.filledPositions += row.positions_filled;
        if (row.status === 'OPEN' || row.status === 'IN_PROGRESS') group.openPositions += row.positions - row.positions_filled;
        expected.set(key, group);
      }
      const summary = dataOf(
        await app.request(NeedsSummaryByWorkRegionAndTeerDocument, {}),
      ).recruitmentNeedsSummary as { workRegionCode: string; teer: number; needs: number; positions: number; openPositions: number; filledPositions: number }[];
      expect(new Map(summary.map((g) => [`${g.workRegionCode}/${g.teer}`, { needs: g.needs, positions: g.positions, openPositions: g.openPositions, filledPositions: g.filledPositions }]))).toEqual(expected);

      const byChannel = dataOf(await app.request(NeedsSummaryByChannelDocument, {})).recruitmentNeedsSummary;
      const local = rows.filter((r) => r.status !== 'CANCELLED' && r.channels.includes('LOCAL')).length;
      expect(byChannel).toContainEqual({ channel: 'LOCAL', needs: local });
    });

    it('is open to analysts (aggregates only) but needs stay closed to them', async () => {
      const analyst = await createAdvisor(app, { role: 'ANALYST' });
      expect(dataOf(await app.request(NeedsSummaryByBroadCategoryDocument, {}, { as: analyst.email })).recruitmentNeedsSummary.length).toBeGreaterThan(0);
      expect((await app.request(RecruitmentNeedsTotalDocument, {}, { as: analyst.email })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
