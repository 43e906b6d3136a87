import fc from 'fast-check';
import { fiscalYearsSinceDeployment } from '../src/common/period.js';
import { todayInQuebec } from '../src/common/calendar.js';
import { closeFile, createAdvisor, createCompany, openFile } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const REGIONS = ['13', '14', '15'];
const ALL_REGIONS = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'));

/** A file as the property test draws it: which company, which region, its interval (closedOn null = still open). */
interface DrawnFile {
  company: number;
  region: string;
  openedOn: string;
  closedOn: string | null;
}

const day = (offset: number) => new Date(Date.UTC(2019, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** The counting rule (docs/domain.md, Counting employers), computed the obvious way in the test, independently of the service's SQL. */
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

/** What a count answers, in a shape that subtracts: [employers accompanied, new employers] in total and per region. */
interface Figures {
  total: [number, number];
  byRegion: Record<string, [number, number]>;
}

function figuresOf(result: {
  employersAccompanied: number;
  newEmployers: number;
  byRegion: { region: { code: string }; employersAccompanied: number; newEmployers: number }[];
}): Figures {
  return {
    total: [result.employersAccompanied, result.newEmployers],
    byRegion: Object.fromEntries(result.byRegion.map((r) => [r.region.code, [r.employersAccompanied, r.newEmployers]])),
  };
}

/** after − before: the companies of a run are new, so their counts add to what was there (distinct companies). */
function minus(after: Figures, before: Figures): Figures {
  const sub = (a: [number, number], b: [number, number]): [number, number] => [a[0] - b[0], a[1] - b[1]];
  return {
    total: sub(after.total, before.total),
    byRegion: Object.fromEntries(Object.entries(after.byRegion).map(([code, f]) => [code, sub(f, before.byRegion[code]!)])),
  };
}

/** The brute force's answer as Figures over `regions` (regions without drawn files: zeros). */
function expectedFigures(expected: ReturnType<typeof bruteForce>, regions: string[]): Figures {
  return {
    total: [expected.accompanied, expected.newcomers],
    byRegion: Object.fromEntries(
      regions.map((code) => [code, expected.byRegion[code] ? [expected.byRegion[code].accompanied, expected.byRegion[code].newcomers] : [0, 0]]),
    ),
  };
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
/** A period as the API takes it (`input`) and its bounds: any range, or a fiscal year by its label or its bounds. */
interface DrawnPeriod {
  input: Record<string, string | boolean>;
  from: string;
  to: string;
}

const drawnPeriod: fc.Arbitrary<DrawnPeriod> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 700 }))
    .map(([start, length]) => ({ from: day(start), to: day(start + length) }))
    .map((bounds) => ({ input: bounds, ...bounds })),
  fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.boolean()).map(([year, byLabel]) => {
    const bounds = { from: `${year}-04-01`, to: `${year + 1}-03-31` };
    return { input: byLabel ? { fiscalYear: `${year}-${year + 1}` } : bounds, ...bounds };
  }),
  // Periods running to today: since the deployment, or from any day (the statement for open-ended periods).
  fc.option(fc.integer({ min: 0, max: 2600 }), { nil: undefined }).map((start) => {
    const bounds = { from: start === undefined ? day(0) : day(start), to: todayInQuebec() };
    return { input: start === undefined ? { sinceDeployment: true } : bounds, ...bounds };
  }),
);

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

  /**
   * The rollup tables, and their fiscal-year tables, hold exactly what a recomputation from the files gives: every
   * row that differs, either way (none expected). The recomputation: open_since = the lower bound of the open-ended
   * interval; a year row per fiscal year (2024 = 2024-04-01 .. 2025-03-31) that a closed interval intersects.
   */
  async function rollupDifferences(): Promise<unknown[]> {
    return app.sql(`
      WITH pair_files AS (
        SELECT company_id, region_code, min(opened_on) AS first_opened_on, range_agg(daterange(opened_on, closed_on, '[]')) AS active
          FROM accompaniments GROUP BY company_id, region_code
      ), company_files AS (
        SELECT company_id, min(opened_on) AS first_opened_on, range_agg(daterange(opened_on, closed_on, '[]')) AS active
          FROM accompaniments GROUP BY company_id
      ), pairs AS (
        SELECT p.*, (SELECT lower(r) FROM unnest(p.active) AS r WHERE upper_inf(r)) AS open_since FROM pair_files p
      ), companies AS (
        SELECT c.*, (SELECT lower(r) FROM unnest(c.active) AS r WHERE upper_inf(r)) AS open_since FROM company_files c
      ), region_years AS (
        SELECT DISTINCT p.region_code, y::smallint AS fiscal_year, p.company_id, p.open_since
          FROM pairs p, unnest(p.active) AS r,
               generate_series(extract(year FROM lower(r) - interval '3 months')::int,
                               extract(year FROM upper(r) - 1 - interval '3 months')::int) AS y
         WHERE NOT upper_inf(r)
      ), years AS (
        SELECT DISTINCT y::smallint AS fiscal_year, c.company_id, c.open_since
          FROM companies c, unnest(c.active) AS r,
               generate_series(extract(year FROM lower(r) - interval '3 months')::int,
                               extract(year FROM upper(r) - 1 - interval '3 months')::int) AS y
         WHERE NOT upper_inf(r)
      )
      (SELECT 'stale pair' AS problem, x::text AS row FROM
        (SELECT company_id, region_code, first_opened_on, active, open_since FROM employer_region_activity EXCEPT SELECT * FROM pairs) x)
      UNION ALL
      (SELECT 'missing pair', x::text FROM
        (SELECT * FROM pairs EXCEPT SELECT company_id, region_code, first_opened_on, active, open_since FROM employer_region_activity) x)
      UNION ALL
      (SELECT 'stale company', x::text FROM
        (SELECT company_id, first_opened_on, active, open_since FROM employer_activity EXCEPT SELECT * FROM companies) x)
      UNION ALL
      (SELECT 'missing company', x::text FROM
        (SELECT * FROM companies EXCEPT SELECT company_id, first_opened_on, active, open_since FROM employer_activity) x)
      UNION ALL
      (SELECT 'stale region year', x::text FROM
        (SELECT region_code, fiscal_year, company_id, open_since FROM employer_region_years EXCEPT SELECT * FROM region_years) x)
      UNION ALL
      (SELECT 'missing region year', x::text FROM
        (SELECT * FROM region_years EXCEPT SELECT region_code, fiscal_year, company_id, open_since FROM employer_region_years) x)
      UNION ALL
      (SELECT 'stale year', x::text FROM
        (SELECT fiscal_year, company_id, open_since FROM employer_years EXCEPT SELECT * FROM years) x)
      UNION ALL
      (SELECT 'missing year', x::text FROM
        (SELECT * FROM years EXCEPT SELECT fiscal_year, company_id, open_since FROM employer_years) x)`);
  }

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

  it('follows the counting rule of docs/domain.md on random files and periods (property-based, against a brute force)', async () => {
    // Unfiltered counts read the rollup (its fiscal-year rows for a fiscal year, by label or by bounds, of every
    // region); a filter (here the run's advisor, or the one service level every file of this database has) reads
    // the files. Both must follow the rule, and agree with each other.
    const unfiltered = async (period: Record<string, string | boolean>) => ({
      all: figuresOf(dataOf(await counts(period)).employerCountsByRegion),
      some: figuresOf(dataOf(await counts(period, { regionCodes: REGIONS })).employerCountsByRegion),
    });
    await fc.assert(
      fc.asyncProperty(drawnFiles, fc.array(drawnPeriod, { minLength: 1, maxLength: 3 }), async (files, periods) => {
        const before = await Promise.all(periods.map((period) => unfiltered(period.input)));
        const advisorId = await createFiles(files);
        expect(await rollupDifferences()).toEqual([]);
        for (const [i, period] of periods.entries()) {
          const expected = bruteForce(files, period.from, period.to);
          const result = dataOf(await counts(period.input, { advisorId, regionCodes: REGIONS })).employerCountsByRegion;
          expect(result.employersAccompanied).toBe(expected.accompanied);
          expect(result.newEmployers).toBe(expected.newcomers);
          for (const row of result.byRegion) {
            expect([row.region.code, row.employersAccompanied, row.newEmployers]).toEqual([
              row.region.code,
              expected.byRegion[row.region.code]!.accompanied,
              expected.byRegion[row.region.code]!.newcomers,
            ]);
          }

          // The rollup: what this run's files added to the counts of all regions and of REGIONS is the brute force.
          const after = await unfiltered(period.input);
          expect(minus(after.all, before[i]!.all)).toEqual(expectedFigures(expected, ALL_REGIONS));
          expect(minus(after.some, before[i]!.some)).toEqual(expectedFigures(expected, REGIONS));

          // Filtered (files) and unfiltered (rollup) agree when the filter keeps every file of the database.
          expect(await app.count('accompaniments', `service_level <> 'PERSONALIZED'`)).toBe(0);
          const everyFile = { serviceLevel: 'PERSONALIZED' };
          expect(figuresOf(dataOf(await counts(period.input, everyFile)).employerCountsByRegion)).toEqual(after.all);
          expect(figuresOf(dataOf(await counts(period.input, { ...everyFile, regionCodes: REGIONS })).employerCountsByRegion)).toEqual(after.some);
        }
      }),
      { numRuns: 25, seed: 20261121, endOnFailure: true },
    );
    expect(await rollupDifferences()).toEqual([]);
  });

  it('is computed in one SQL statement (authenticating the caller, cached since their first request, sends none)', async () => {
    dataOf(await counts({ sinceDeployment: true })); // the caller's first request, if it is one, looks them up
    const response = await counts({ sinceDeployment: true }, { serviceLevel: 'PERSONALIZED', theme: 'RECRUITMENT', naicsSector: '31-33' });
    dataOf(response);
    expect(response.headers.get('x-sql-statements')).toBe('1');
    // Unfiltered, from the rollup: every region, and some.
    for (const filter of [undefined, { regionCodes: ['13', '06'] }]) {
      const fromRollup = await counts({ fiscalYear: '2020-2021' }, filter);
      dataOf(fromRollup);
      expect(fromRollup.headers.get('x-sql-statements')).toBe('1');
    }
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

  describe('who may ask (docs/domain.md, Roles and permissions)', () => {
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

  describe('the rollup (employer_region_activity, employer_activity)', () => {
    const rollupOf = async (companyId: string) => ({
      regions: await app.sql(
        `SELECT region_code, first_opened_on, active::text FROM employer_region_activity WHERE company_id = $1 ORDER BY region_code`,
        [companyId],
      ),
      company: await app.sql(`SELECT first_opened_on, active::text FROM employer_activity WHERE company_id = $1`, [companyId]),
    });

    it('follows a file from its opening to its closing', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13', '14'] });
      const company = await createCompany(app, {}, advisor.email);
      const laval = await openFile(app, advisor.email, { companyId: company.id, serviceLevel: 'PERSONALIZED', openedOn: '2021-05-03' });
      expect(await rollupOf(company.id)).toEqual({
        regions: [{ region_code: '13', first_opened_on: '2021-05-03', active: '{[2021-05-03,)}' }],
        company: [{ first_opened_on: '2021-05-03', active: '{[2021-05-03,)}' }],
      });
      await openFile(app, advisor.email, { companyId: company.id, regionCode: '14', serviceLevel: 'PERSONALIZED', openedOn: '2020-11-02' });
      await closeFile(app, advisor.email, { id: laval.id, closedOn: '2021-06-30' });
      expect(await rollupOf(company.id)).toEqual({
        regions: [
          { region_code: '13', first_opened_on: '2021-05-03', active: '{[2021-05-03,2021-07-01)}' },
          { region_code: '14', first_opened_on: '2020-11-02', active: '{[2020-11-02,)}' },
        ],
        company: [{ first_opened_on: '2020-11-02', active: '{[2020-11-02,)}' }],
      });
      // A second Laval file after a gap: two intervals. Putting it on hold changes nothing here.
      const again = await openFile(app, advisor.email, { companyId: company.id, serviceLevel: 'PERSONALIZED', openedOn: '2022-01-10' });
      dataOf(await app.graphql(`mutation ($id: ID!) { putAccompanimentOnHold(input: { id: $id, on: "2022-02-01" }) { id } }`, {
        variables: { id: again.id },
        as: advisor.email,
      }));
      expect((await rollupOf(company.id)).regions[0]).toEqual({
        region_code: '13',
        first_opened_on: '2021-05-03',
        active: '{[2021-05-03,2021-07-01),[2022-01-10,)}',
      });
      expect(await rollupDifferences()).toEqual([]);
    });

    it('counts a file open across fiscal years in each of them up to the current one, until it is closed', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13'] });
      const company = await createCompany(app, {}, advisor.email);
      const fiscalYears = fiscalYearsSinceDeployment(todayInQuebec());
      // Every region and REGIONS: the fiscal-year rows, and the rollup for some regions.
      const byYear = async () =>
        Promise.all(
          fiscalYears.map(async (fiscalYear) => ({
            all: figuresOf(dataOf(await counts({ fiscalYear })).employerCountsByRegion),
            some: figuresOf(dataOf(await counts({ fiscalYear }, { regionCodes: REGIONS })).employerCountsByRegion),
          })),
        );
      const added = (after: Awaited<ReturnType<typeof byYear>>, before: Awaited<ReturnType<typeof byYear>>) =>
        after.map((year, i) => {
          const all = minus(year.all, before[i]!.all);
          const some = minus(year.some, before[i]!.some);
          expect(some).toEqual({ total: all.total, byRegion: Object.fromEntries(REGIONS.map((code) => [code, all.byRegion[code]])) });
          return [fiscalYears[i], all.total[0], all.byRegion['13']![0], all.total[1]];
        });
      const before = await byYear();

      // A closed file in 2020-2021, then one opened in February 2021 and never closed: a 2020 year row whose pair
      // is open since 2021-02-01, counted once in 2020-2021 (by the open term), and every later year by it alone.
      const early = await openFile(app, advisor.email, { companyId: company.id, serviceLevel: 'PERSONALIZED', openedOn: '2020-05-04' });
      await closeFile(app, advisor.email, { id: early.id, closedOn: '2020-06-30' });
      const open = await openFile(app, advisor.email, { companyId: company.id, serviceLevel: 'PERSONALIZED', openedOn: '2021-02-01' });
      expect(await rollupDifferences()).toEqual([]);
      expect(await app.sql(`SELECT fiscal_year, open_since FROM employer_region_years WHERE company_id = $1`, [company.id])).toEqual([
        { fiscal_year: 2020, open_since: '2021-02-01' },
      ]);
      expect(added(await byYear(), before)).toEqual(
        fiscalYears.map((fiscalYear) => [fiscalYear, ...(fiscalYear === '2019-2020' ? [0, 0, 0] : [1, 1, fiscalYear === '2020-2021' ? 1 : 0])]),
      );

      // Closed in 2022-2023: year rows 2020 to 2022 without open_since, nothing after.
      await closeFile(app, advisor.email, { id: open.id, closedOn: '2022-06-30' });
      expect(await rollupDifferences()).toEqual([]);
      expect(
        await app.sql(`SELECT fiscal_year, open_since FROM employer_region_years WHERE company_id = $1 ORDER BY fiscal_year`, [company.id]),
      ).toEqual([2020, 2021, 2022].map((fiscal_year) => ({ fiscal_year, open_since: null })));
      expect(added(await byYear(), before)).toEqual(
        fiscalYears.map((fiscalYear) => {
          const year = Number(fiscalYear.slice(0, 4));
          return [fiscalYear, ...(year >= 2020 && year <= 2022 ? [1, 1, year === 2020 ? 1 : 0] : [0, 0, 0])];
        }),
      );
    });

    it('stays exact under concurrent writes: 17 files of one company opened at once, then closed at once, among 20 other companies', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ALL_REGIONS });
      const company = await createCompany(app, {}, advisor.email);
      const others = await Promise.all(Array.from({ length: 20 }, () => createCompany(app, {}, advisor.email)));
      const opened = await Promise.all([
        ...ALL_REGIONS.map((regionCode, i) =>
          openFile(app, advisor.email, { companyId: company.id, regionCode, serviceLevel: 'PERSONALIZED', openedOn: day(300 - 10 * i) }),
        ),
        ...others.map((other, i) => openFile(app, advisor.email, { companyId: other.id, serviceLevel: 'PERSONALIZED', openedOn: day(i) })),
      ]);
      expect(await rollupDifferences()).toEqual([]);
      expect((await rollupOf(company.id)).company).toEqual([{ first_opened_on: day(140), active: `{[${day(140)},)}` }]);

      await Promise.all(opened.map((file, i) => closeFile(app, advisor.email, { id: file.id, closedOn: day(400 + (i % 3) * 200) })));
      expect(await rollupDifferences()).toEqual([]);
      const { regions, company: row } = await rollupOf(company.id);
      expect(regions).toHaveLength(17);
      expect(row).toEqual([{ first_opened_on: day(140), active: `{[${day(140)},${day(801)})}` }]);
    });

    // No mutation changes a file's company, region or dates, nor deletes a file; the rollup is the database's
    // guarantee all the same (corrections by SQL, scripts), so this test writes SQL on purpose.
    it('stays exact when files are corrected, moved to another company or region, or deleted in SQL', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13', '14'] });
      const [a, b] = [await createCompany(app, {}, advisor.email), await createCompany(app, {}, advisor.email)];
      const f1 = await openFile(app, advisor.email, { companyId: a.id, serviceLevel: 'PERSONALIZED', openedOn: '2021-03-01' });
      const f2 = await openFile(app, advisor.email, { companyId: a.id, regionCode: '14', serviceLevel: 'PERSONALIZED', openedOn: '2021-04-01' });
      await closeFile(app, advisor.email, { id: f2.id, closedOn: '2021-04-30' });
      await openFile(app, advisor.email, { companyId: b.id, serviceLevel: 'PERSONALIZED', openedOn: '2022-01-01' });
      const steps = [
        [`UPDATE accompaniments SET opened_on = '2020-12-01', status_changed_on = '2020-12-01' WHERE id = $1`, [f1.id]],
        [`UPDATE accompaniments SET closed_on = '2021-05-31', status_changed_on = '2021-05-31' WHERE id = $1`, [f2.id]],
        [`UPDATE accompaniments SET region_code = '14' WHERE id = $1`, [f1.id]],
        [`UPDATE accompaniments SET company_id = $2 WHERE id = $1`, [f2.id, b.id]],
        [`UPDATE accompaniments SET version = version + 1 WHERE company_id IN ($1, $2)`, [a.id, b.id]],
        [`DELETE FROM accompaniments WHERE id = $1`, [f1.id]],
      ] as const;
      for (const [sql, params] of steps) {
        await app.sql(sql, [...params]);
        expect([sql, await rollupDifferences()]).toEqual([sql, []]);
      }
      expect(await rollupOf(a.id)).toEqual({ regions: [], company: [] });
      expect((await rollupOf(b.id)).company).toEqual([{ first_opened_on: '2021-04-01', active: '{[2021-04-01,2021-06-01),[2022-01-01,)}' }]);
    });

    // SQL again: no mutation writes files of many companies at once (COPY of seed:scale does, see its test).
    it('stays exact after a statement of many files (one table lock instead of a lock per company) and a truncation', async () => {
      const advisor = await createAdvisor(app, { regionCodes: ['13'] });
      const client = await app.database.connect();
      try {
        await client.query('BEGIN');
        const { rows: companies } = await client.query<{ id: string }>(
          `INSERT INTO companies (legal_name, region_code, name_key)
           SELECT 'Entreprise en lot ' || g, '13', 'entreprise en lot ' || g FROM generate_series(1, 150) g RETURNING id`,
        );
        const insertFiles = (ids: string[]) =>
          client.query(
            `INSERT INTO accompaniments (company_id, advisor_id, region_code, status, service_level, themes, opened_on, closed_on, status_changed_on)
             SELECT id, $2, '13', 'CLOSED', 'PERSONALIZED', '{RECRUITMENT}', '2023-01-02', '2023-02-03', '2023-02-03' FROM unnest($1::uuid[]) AS id`,
            [ids, advisor.id],
          );
        const locks = () =>
          client.query<{ advisory: number; bulk: boolean }>(
            `SELECT count(*) FILTER (WHERE locktype = 'advisory' AND classid = 1764400000)::int AS advisory,
                    bool_or(locktype = 'relation' AND relation = 'employer_activity'::regclass AND mode = 'ShareRowExclusiveLock') AS bulk
               FROM pg_locks WHERE pid = pg_backend_pid()`,
          );
        // One file at a time: one advisory lock per company, up to 64 in the transaction; then the table lock.
        for (const [i, company] of companies.slice(0, 70).entries()) {
          await insertFiles([company.id]);
          expect((await locks()).rows[0]).toEqual(i < 64 ? { advisory: i + 1, bulk: false } : { advisory: 64, bulk: true });
        }
        await insertFiles(companies.slice(70).map((c) => c.id));
        await client.query('COMMIT');
        expect(await rollupDifferences()).toEqual([]);
        expect(await app.count('employer_activity', 'company_id = ANY($1)', [companies.map((c) => c.id)])).toBe(150);

        // A statement of many files takes the table lock at once.
        await client.query('BEGIN');
        await client.query(`UPDATE accompaniments SET closed_on = '2023-03-31', status_changed_on = '2023-03-31' WHERE company_id = ANY($1)`, [
          companies.map((c) => c.id),
        ]);
        expect((await locks()).rows[0]).toEqual({ advisory: 0, bulk: true });
        await client.query('COMMIT');
        expect(await rollupDifferences()).toEqual([]);

        await client.query('BEGIN');
        await client.query('TRUNCATE accompaniments CASCADE');
        const { rows } = await client.query(
          `SELECT (SELECT count(*) FROM employer_region_activity)::int AS pairs, (SELECT count(*) FROM employer_activity)::int AS companies,
                  (SELECT count(*) FROM employer_region_years)::int AS region_years, (SELECT count(*) FROM employer_years)::int AS years`,
        );
        expect(rows).toEqual([{ pairs: 0, companies: 0, region_years: 0, years: 0 }]);
        await client.query('ROLLBACK');
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    });
  });
});
