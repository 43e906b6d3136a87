import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const REPORT = `query ($region: String!, $period: PeriodInput!) {
  regionalReport(regionCode: $region, period: $period) {
    region { name } from to fiscalYear employersAccompanied newEmployers filesOpened filesClosed interactions interactionMinutes
    needsByCategory { nocBroadCategory label needs positions openPositions filledPositions }
    journeesQuebec { participations attended offersMade hires }
    portailReferrals { referred hired }
    advisors servicePoints { name address } markdown
  }
}`;

describe('regionalReport', () => {
  let app: TestApp;
  let advisor: { id: string; email: string };

  beforeAll(async () => {
    app = await TestApp.start();
    advisor = await createAdvisor(app, { regionCodes: ['08'] });
    const as = (query: string, variables: Record<string, unknown>) => app.graphql(query, { variables, as: advisor.email });
    // Abitibi-Témiscamingue, fiscal year 2022-2023: two companies, three files, interactions and needs.
    const companies: string[] = [];
    for (const name of ['Scierie Témiscamingue', 'Forage Malartic']) {
      companies.push(dataOf(await as(`mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "08", confirmNotDuplicate: true }) { id } }`, { n: name })).createCompany.id);
    }
    const open = async (companyId: string, openedOn: string) =>
      dataOf(await as(`mutation ($c: ID!, $o: Date!) { openAccompaniment(input: { companyId: $c, serviceLevel: PERSONALIZED, themes: [RECRUITMENT], openedOn: $o }) { id } }`, { c: companyId, o: openedOn }))
        .openAccompaniment.id as string;
    const first = await open(companies[0]!, '2021-06-01'); // before the year: accompanied, not new
    dataOf(await as(`mutation ($f: ID!) { logInteraction(input: { accompanimentId: $f, occurredOn: "2022-05-10", kind: MEETING, mode: IN_PERSON, durationMinutes: 90, summary: "Rencontre" }) { id } }`, { f: first }));
    dataOf(await as(`mutation ($f: ID!) { logInteraction(input: { accompanimentId: $f, occurredOn: "2023-02-10", kind: CALL, mode: PHONE, durationMinutes: 30, summary: "Suivi" }) { id } }`, { f: first }));
    dataOf(await as(`mutation ($f: ID!) { closeAccompaniment(input: { id: $f, closedOn: "2023-03-01", outcome: NEEDS_MET }) { id } }`, { f: first }));
    await open(companies[1]!, '2022-09-15'); // new in the year, still open
    for (const [noc, positions] of [['72106', 3], ['73300', 2]] as const) {
      const need = dataOf(
        await as(`mutation ($c: ID!, $n: String!, $p: Int!) { createRecruitmentNeed(input: { companyId: $c, nocCode: $n, title: "Poste", positions: $p,
            employmentType: PERMANENT, channels: [INTERNATIONAL_RECRUITMENT], openedOn: "2022-10-01" }) { id } }`, { c: companies[1], n: noc, p: positions }),
      ).createRecruitmentNeed.id;
      if (noc === '72106') dataOf(await as(`mutation ($id: ID!) { recordPositionsFilled(input: { id: $id, positionsFilled: 1, on: "2023-01-15" }) { id } }`, { id: need }));
    }
  });
  afterAll(() => app.close());

  it('gives every figure of the region for the period, computed from the data', async () => {
    const report = dataOf(await app.graphql(REPORT, { variables: { region: '08', period: { fiscalYear: '2022-2023' } } })).regionalReport;
    expect(report).toMatchObject({
      region: { name: 'Abitibi-Témiscamingue' },
      from: '2022-04-01',
      to: '2023-03-31',
      fiscalYear: '2022-2023',
      employersAccompanied: 2,
      newEmployers: 1,
      filesOpened: 1,
      filesClosed: 1,
      interactions: 2,
      interactionMinutes: 120,
      needsByCategory: [{ nocBroadCategory: 7, label: 'Métiers, transport, machinerie et domaines apparentés', needs: 2, positions: 5, openPositions: 4, filledPositions: 1 }],
      journeesQuebec: { participations: 0, attended: 0, offersMade: 0, hires: 0 },
      portailReferrals: { referred: 0, hired: 0 },
      advisors: 1,
    });
    expect(report.servicePoints.map((s: { name: string }) => s.name)).toContain("Services Québec — Val-d'Or");
    expect(report.markdown).toContain('# Bilan des réalisations — Abitibi-Témiscamingue (exercice 2022-2023)');
    expect(report.markdown).toContain('ont accompagné **2 entreprises** de la région de l’Abitibi-Témiscamingue, dont **1 nouvelle entreprise accompagnée**');
    expect(report.markdown).toContain("- Services Québec — Val-d'Or, 186, avenue Perrault, Val-d'Or, J9P 2H5");
  });

  it('gives an ADVISOR the report of their own regions only', async () => {
    expect(dataOf(await app.graphql(REPORT, { variables: { region: '08', period: { sinceDeployment: true } }, as: advisor.email })).regionalReport.region.name).toBe('Abitibi-Témiscamingue');
    const refused = await app.graphql(REPORT, { variables: { region: '06', period: { sinceDeployment: true } }, as: advisor.email });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await createAdvisor(app, { role: 'ANALYST' });
    expect(dataOf(await app.graphql(REPORT, { variables: { region: '06', period: { sinceDeployment: true } }, as: analyst.email })).regionalReport.employersAccompanied).toBe(0);
  });

  it('refuses an invalid period or region code', async () => {
    const badPeriod = await app.graphql(REPORT, { variables: { region: '08', period: { fiscalYear: '2022-2024' } } });
    expect(badPeriod.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'period.fiscalYear' }] });
    const badRegion = await app.graphql(REPORT, { variables: { region: '18', period: { sinceDeployment: true } } });
    expect(badRegion.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'regionCode' }] });
  });

  describe('commands', () => {
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, [join(process.cwd(), 'dist/src/cli', script), ...args], {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: String(app.database.options.connectionString), LOG_LEVEL: 'error' },
        encoding: 'utf8',
        timeout: 60_000,
      });

    it('`npm run report` prints the same Markdown report, or JSON', async () => {
      const graphql = dataOf(await app.graphql(REPORT, { variables: { region: '08', period: { fiscalYear: '2022-2023' } } })).regionalReport;
      const md = run('report.cli.js', ['--region', '08', '--fiscal-year', '2022-2023']);
      expect(md.status).toBe(0);
      expect(md.stdout).toBe(graphql.markdown);
      const json = run('report.cli.js', ['--region', '08', '--fiscal-year', '2022-2023', '--format', 'json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ employersAccompanied: 2, newEmployers: 1 });
      const bad = run('report.cli.js', ['--region', '08', '--fiscal-year', '2022']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('period.fiscalYear');
    });

    it('`npm run export` streams a view as CSV with a header row and an optional BOM', () => {
      const result = run('export.cli.js', ['employer-counts', '--fiscal-year', '2022-2023', '--bom', '--delimiter', ';']);
      expect(result.status).toBe(0);
      const lines = result.stdout.trimEnd().split('\r\n');
      expect(lines[0]).toBe('\uFEFFfiscal_year;region_code;region_name;employers_accompanied;new_employers');
      expect(lines).toHaveLength(18);
      expect(lines).toContain('2022-2023;08;Abitibi-Témiscamingue;2;1');
      const facts = run('export.cli.js', ['fact-accompaniment']);
      expect(facts.stdout.split('\n')[0]).toMatch(/^accompaniment_id,company_id,advisor_id,region_code,status,/);
      expect(facts.stdout.trimEnd().split('\r\n')).toHaveLength(3);
      expect(run('export.cli.js', ['nothing']).status).toBe(2);
    });
  });
});
