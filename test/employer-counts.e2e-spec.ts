import fc from 'fast-check';
import { fiscalYearsSinceDeployment } from '../src/common/period.js';
import { todayInQuebec } from '../src/common/calendar.js';
import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const REGIONS = ['13', '14', '15'];

/** A file as the property test draws it: which company, which region, its interval (closedOn null = still open). */
interface DrawnFile {
  company: number;
  region: string;
  openedOn: string;
  closedOn: string | null;
}

const day = (offset: number) => new Date(Date.UTC(2019, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** SPEC §4, computed the obvious way in the test, independently of the service's SQL. */
function bruteForce(files: DrawnFile[], from: string, to: string) {
  const active = files.filter((f) => f.openedOn <= to && (f.closedOn === null || f.closedOn >= from));
  const byRegion = Object.fromEntries(
    REGIONS.map((region) => {
      const inRegion = files.filter((f) => f.region === region);
      const companies = new Set(inRegion.map((f) => f.company));
      const newcomers = [...companies].filter((c) => {
        const first = inRegion.filter((f) => f.company === c).map((f) => f.openedOn).sort()[0]!;
        return first >= from && first <= to;
      });
      return [region, { accompanied: new Set(active.filter((f) => f.region === region).map((f) => f.company)).size, newcomers: newcomers.length }];
    }),
  );
  const allCompanies = new Set(files.map((f) => f.company));
  const newTotal = [...allCompanies].filter((c) => {
    const first = files.filter((f) => f.company === c).map((f) => f.openedOn).sort()[0]!;
    return first >= from && first <= to;
  }).length;
  return { byRegion, accompanied: new Set(active.map((f) => f.company)).size, newcomers: newTotal };
}

/**
 * Random files respecting what the product allows: per company and region, closed intervals in any order and at
 * most one file still open (the one opened last).
 */
const drawnFiles = fc
  .array(
    fc.record({
      company: fc.integer({ min: 0, max: 3 }),
      region: fc.constantFrom(...REGIONS),
      start: fc.integer({ min: 0, max: 1800 }),
      length: fc.integer({ min: 0, max: 500 }),
      open: fc.boolean(),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((drawn) => {
    const lastOpen = new Map<string, number>();
    drawn.forEach((f, i) => f.open && lastOpen.set(`${f.company}/${f.region}`, i));
    return drawn.map((f, i): DrawnFile => ({
      company: f.company,
      region: f.region,
      openedOn: day(f.start),
      closedOn: lastOpen.get(`${f.company}/${f.region}`) === i ? null : day(Math.min(f.start + f.length, 2600)),
    }));
  });
const drawnPeriod = fc
  .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 700 }))
  .map(([start, length]) => ({ from: day(start), to: day(start + length) }));

describe('employerCountsByRegion', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const COUNTS = `query ($period: PeriodInput!, $filter: EmployerCountsFilter) {
    employerCountsByRegion(period: $period, filter: $filter) {
      from to fiscalYear employersAccompanied newEmployers byRegion { region { code name } employersAccompanied newEmployers }
    }
  }`;
  const counts = async (period: Record<string, unknown>, filter?: Record<string, unknown>, as?: string) =>
    app.graphql(COUNTS, { variables: { period, filter }, as });

  /** Creates the files through the API, led by a fresh advisor so that the run can be isolated by advisorId. */
  async function createFiles(files: DrawnFile[]): Promise<string> {
    const advisor = await createAdvisor(app, { regionCodes: REGIONS });
    const companies = new Map<number, string>();
    for (const c of new Set(files.map((f) => f.company))) {
      const created = await app.graphql(`mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "13", confirmNotDuplicate: true }) { id } }`, {
        variables: { n: `Entreprise ${advisor.id.slice(0, 8)} ${c}` },
        as: advisor.email,
      });
      companies.set(c, dataOf(created).createCompany.id);
    }
    // Closed files first (several may share a company and region), then the open ones.
    for (const f of [...files].sort((a, b) => Number(a.closedOn === null) - Number(b.closedOn === null))) {
      const opened = await app.graphql(
        `mutation ($c: ID!, $r: String!, $o: Date!) { openAccompaniment(input: { companyId: $c, regionCode: $r, serviceLevel: PERSONALIZED,
           themes: [RECRUITMENT], openedOn: $o }) { id } }`,
        { variables: { c: companies.get(f.company), r: f.region, o: f.openedOn }, as: advisor.email },
      );
      if (f.closedOn) {
        dataOf(await app.graphql(`mutation ($id: ID!, $d: Date!) { closeAccompaniment(input: { id: $id, closedOn: $d }) { id } }`, {
          variables: { id: dataOf(opened).openAccompaniment.id, d: f.closedOn },
          as: advisor.email,
        }));
      } else {
        dataOf(opened);
      }
    }
    return advisor.id;
  }

  it('follows the counting rule of SPEC §4 on random files and periods (property-based, against a brute force)', async () => {
    await fc.assert(
      fc.asyncProperty(drawnFiles, fc.array(drawnPeriod, { minLength: 1, maxLength: 3 }), async (files, periods) => {
        const advisorId = await createFiles(files);
        for (const period of periods) {
          const expected = bruteForce(files, period.from, period.to);
          const result = dataOf(await counts(period, { advisorId, regionCodes: REGIONS })).employerCountsByRegion;
          expect(result.employersAccompanied).toBe(expected.accompanied);
          expect(result.newEmployers).toBe(expected.newcomers);
          for (const row of result.byRegion) {
            expect([row.region.code, row.employersAccompanied, row.newEmployers]).toEqual([
              row.region.code,
              expected.byRegion[row.region.code]!.accompanied,
              expected.byRegion[row.region.code]!.newcomers,
            ]);
          }
        }
      }),
      { numRuns: 25, seed: 20261121, endOnFailure: true },
    );
  });

  it('is computed in one SQL statement (plus the one that authenticates the request)', async () => {
    const response = await counts({ sinceDeployment: true }, { serviceLevel: 'PERSONALIZED', theme: 'RECRUITMENT', naicsSector: '31-33' });
    dataOf(response);
    expect(response.headers.get('x-sql-statements')).toBe('2');
  });

  it('returns the 17 regions, zeros included, with their names', async () => {
    const result = dataOf(await counts({ fiscalYear: '2020-2021' })).employerCountsByRegion;
    expect(result).toMatchObject({ from: '2020-04-01', to: '2021-03-31', fiscalYear: '2020-2021' });
    expect(result.byRegion.map((r: { region: { code: string } }) => r.region.code)).toEqual(
      Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(result.byRegion.find((r: { region: { code: string } }) => r.region.code === '02').region.name).toBe('Saguenay–Lac-Saint-Jean');
  });

  it('counts a company with two files in a region once, and in each region it is accompanied in, once in the total', async () => {
    const advisorId = await createFiles([
      { company: 0, region: '13', openedOn: '2020-05-01', closedOn: '2020-06-01' },
      { company: 0, region: '13', openedOn: '2020-09-01', closedOn: null },
      { company: 0, region: '14', openedOn: '2020-10-01', closedOn: null },
    ]);
    const result = dataOf(await counts({ fiscalYear: '2020-2021' }, { advisorId })).employerCountsByRegion;
    const row = (code: string) => result.byRegion.find((r: { region: { code: string } }) => r.region.code === code);
    expect(row('13')).toMatchObject({ employersAccompanied: 1, newEmployers: 1 });
    expect(row('14')).toMatchObject({ employersAccompanied: 1, newEmployers: 1 });
    expect(result).toMatchObject({ employersAccompanied: 1, newEmployers: 1 });
    const nextYear = dataOf(await counts({ fiscalYear: '2021-2022' }, { advisorId })).employerCountsByRegion;
    expect(nextYear).toMatchObject({ employersAccompanied: 1, newEmployers: 0 });
  });

  it.each([
    [{}, 'period'],
    [{ fiscalYear: '2020-2022' }, 'period.fiscalYear'],
    [{ fiscalYear: '2020' }, 'period.fiscalYear'],
    [{ fiscalYear: '2020-2021', sinceDeployment: true }, 'period'],
    [{ from: '2021-01-01' }, 'period.to'],
    [{ from: '2021-02-01', to: '2021-01-01' }, 'period.to'],
    [{ sinceDeployment: false }, 'period'],
  ])('refuses the period %p with BAD_USER_INPUT on %s', async (period, field) => {
    const response = await counts(period);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field }] });
  });

  it('refuses a malformed date in a period before running anything', async () => {
    const response = await counts({ from: '2021-02-30', to: '2021-03-01' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('who may ask (SPEC §5)', () => {
    it('gives MANAGER, ANALYST and ADMIN every region', async () => {
      const manager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'LLL' });
      const analyst = await createAdvisor(app, { role: 'ANALYST' });
      for (const who of [manager.email, analyst.email, undefined]) {
        expect(dataOf(await counts({ sinceDeployment: true }, undefined, who)).employerCountsByRegion.byRegion).toHaveLength(17);
      }
    });

    it('gives an ADVISOR the rows of their regions when named, and refuses any other region rather than zeroing it', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13', '15'] });
      const own = dataOf(await counts({ sinceDeployment: true }, { regionCodes: ['13', '15'] }, advisor.email)).employerCountsByRegion;
      expect(own.byRegion.map((r: { region: { code: string } }) => r.region.code)).toEqual(['13', '15']);
      expect((await counts({ sinceDeployment: true }, undefined, advisor.email)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const other = await counts({ sinceDeployment: true }, { regionCodes: ['13', '06'] }, advisor.email);
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(other.errors?.[0]?.message).toContain('06');
    });
  });

  it('agrees with bi.employer_counts_by_region_fiscal_year for every fiscal year since the deployment', async () => {
    for (const fiscalYear of fiscalYearsSinceDeployment(todayInQuebec())) {
      const graphql = dataOf(await counts({ fiscalYear })).employerCountsByRegion.byRegion.map(
        (r: { region: { code: string; name: string }; employersAccompanied: number; newEmployers: number }) => ({
          region_code: r.region.code,
          region_name: r.region.name,
          employers_accompanied: r.employersAccompanied,
          new_employers: r.newEmployers,
        }),
      );
      const view = await app.sql(
        `SELECT region_code, region_name, employers_accompanied, new_employers FROM bi.employer_counts_by_region_fiscal_year
          WHERE fiscal_year = $1 ORDER BY region_code`,
        [fiscalYear],
      );
      expect(view).toEqual(graphql);
    }
    const [{ years }] = await app.sql(`SELECT count(DISTINCT fiscal_year)::int AS years FROM bi.employer_counts_by_region_fiscal_year`);
    expect(years).toBe(fiscalYearsSinceDeployment(todayInQuebec()).length);
  });
});
