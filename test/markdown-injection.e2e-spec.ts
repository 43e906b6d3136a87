import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { createCompany, uniqueCompanyName } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const REPORT = `query ($region: String!) {
  regionalReport(regionCode: $region, period: { sinceDeployment: true }) { region { name } servicePoints { name } markdown }
}`;

/** The token types a permissive renderer (raw HTML on, every link scheme allowed) would produce from `markdown`. */
function rendered(markdown: string): { types: string[]; headings: string[] } {
  const md = new MarkdownIt({ html: true, linkify: false });
  md.validateLink = () => true;
  const types: string[] = [];
  const headings: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const token of tokens) {
      types.push(token.type === 'text_special' && token.info === 'entity' ? 'entity' : token.type);
      if (token.type === 'heading_open') headings.push(token.tag);
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(markdown, {}));
  return { types, headings };
}

/**
 * Markdown injection in the regional report (finding 4): values are escaped where the report is rendered, and
 * single-line names refuse control characters and line breaks, in the API and in the CSV import alike.
 */
describe('names in the regional report and single-line fields', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  const codeAndFields = (response: { errors?: { extensions?: { code?: string; fields?: { field: string }[] } }[] }) => ({
    code: response.errors?.[0]?.extensions?.code,
    fields: response.errors?.[0]?.extensions?.fields?.map((f) => f.field),
  });

  it('renders hostile region and service-point names as text: no heading, link, image or raw HTML of theirs', async () => {
    const region = (await app.sql<{ version: number }>(`SELECT version FROM regions WHERE code = '09'`))[0]!;
    const hostileRegion = 'Côte-Nord <img src="//t.example/p"> [clic](javascript:alert(1)) ![](http://t.example/q.gif)';
    expect(hostileRegion.length).toBeLessThanOrEqual(100);
    dataOf(
      await app.graphql(`mutation ($input: UpdateRegionInput!) { updateRegion(input: $input) { name } }`, {
        variables: { input: { code: '09', version: region.version, name: hostileRegion } },
      }),
    );
    for (const point of [
      { name: '# Titre injecté', address: '<script>alert(1)</script>', municipality: '[ici](javascript:alert(2))' },
      { name: '1. *gras* _souligné_ `code` | tableau |', address: '<b>adresse</b>', municipality: '> citation' },
      { name: '- ![traceur](http://track.example/r.gif)', address: null, municipality: '&lt;img&gt;' },
    ]) {
      dataOf(
        await app.graphql(`mutation ($input: CreateServicePointInput!) { createServicePoint(input: $input) { id } }`, {
          variables: { input: { regionCode: '09', ...point } },
        }),
      );
    }

    const report = dataOf(await app.graphql(REPORT, { variables: { region: '09' } })).regionalReport;
    expect(report.region.name).toBe(hostileRegion);
    expect(report.servicePoints.map((s: { name: string }) => s.name)).toContain('# Titre injecté');

    const { types, headings } = rendered(report.markdown);
    // The report's own title, five sections and two figures in bold; nothing a value could have added.
    expect(headings).toEqual(['h1', 'h2', 'h2', 'h2', 'h2', 'h2']);
    expect(types.filter((type) => type === 'strong_open')).toHaveLength(2);
    for (const type of ['link_open', 'image', 'html_inline', 'html_block', 'code_inline', 'code_block', 'fence', 'em_open', 's_open', 'blockquote_open', 'ordered_list_open', 'table_open', 'hr', 'entity']) {
      expect({ type, found: types.includes(type) }).toEqual({ type, found: false });
    }
    // The values are still there, readable.
    expect(report.markdown).toContain('Titre injecté');
    expect(report.markdown).toContain('javascript');
  });

  it.each([
    ['createServicePoint', 'CreateServicePointInput', { regionCode: '09', name: 'Bureau\n# Titre injecté' }, 'input.name'],
    ['createServicePoint', 'CreateServicePointInput', { regionCode: '09', name: 'Bureau', municipality: 'Sept-Îles\r\n- puce' }, 'input.municipality'],
    ['createRegionalDirection', 'CreateRegionalDirectionInput', { code: 'INJ', name: 'Direction\u2028injectée' }, 'input.name'],
    ['createCompany', 'CreateCompanyInput', { legalName: 'Scierie\nNord', regionCode: '13', confirmNotDuplicate: true }, 'input.legalName'],
    ['createCompany', 'CreateCompanyInput', { legalName: 'Scierie Nord', otherNames: ['Ligne 1\nLigne 2'], regionCode: '13', confirmNotDuplicate: true }, 'input.otherNames'],
    ['createCompany', 'CreateCompanyInput', { legalName: 'Scierie\tNord', regionCode: '13', confirmNotDuplicate: true }, 'input.legalName'],
    ['createAdvisor', 'CreateAdvisorInput', { email: 'ligne@test.crm.example', fullName: 'Julie\nRoy', role: 'ADVISOR', regionCodes: ['13'] }, 'input.fullName'],
    ['createJourneesQuebecEvent', 'CreateJourneesQuebecEventInput', { name: 'JQ\n# Paris', city: 'Paris', country: 'France', mode: 'IN_PERSON', startsOn: '2099-05-01', endsOn: '2099-05-02', registrationDeadline: '2099-04-01' }, 'input.name'],
  ])('%s refuses a line break or control character in a single-line name (%#)', async (mutation, inputType, input, field) => {
    const before = { points: await app.count('service_points'), companies: await app.count('companies'), audit: await app.count('audit_log') };
    const response = await app.graphql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`, { variables: { input } });
    expect(codeAndFields(response)).toEqual({ code: 'BAD_USER_INPUT', fields: [field] });
    expect({ points: await app.count('service_points'), companies: await app.count('companies'), audit: await app.count('audit_log') }).toEqual(before);
  });

  it('refuses a line break in a contact’s name, and keeps line breaks where text is meant to have them (an interaction summary)', async () => {
    const company = await createCompany(app, { regionCode: '13' });
    const refused = await app.graphql(`mutation ($input: AddCompanyContactInput!) { addCompanyContact(input: $input) { id } }`, {
      variables: { input: { companyId: company.id, firstName: 'Camille', lastName: 'Gagnon\n# Titre' } },
    });
    expect(codeAndFields(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.lastName'] });
    expect(await app.count('company_contacts', 'company_id = $1', [company.id])).toBe(0);
  });

  it('the CSV import refuses a legal name or a municipality written on two lines, and imports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-single-line-'));
    try {
      const name = uniqueCompanyName('Scierie');
      const file = join(dir, 'entreprises.csv');
      writeFileSync(
        file,
        [
          'neq,legal_name,other_names,naics_code,size_band,ownership,address,municipality,postal_code,region_code',
          `,"${name} A\n# Titre injecté",,,,,,,,13`,
          `,${name} B,,,,,,"Laval\r\nOuest",,13`,
          `,${name} C,,,,,,Laval,,13`,
        ].join('\n'),
      );
      const run = spawnSync(process.execPath, [join(process.cwd(), 'dist/src/cli/import-companies.cli.js'), file], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: String(app.database.options.connectionString), LOG_LEVEL: 'silent' },
        timeout: 60_000,
      });
      expect(run.status).toBe(0);
      const report = parse(readFileSync(`${file}.errors.csv`, 'utf8'), { bom: true, columns: true }) as { line: string; field: string; reason: string }[];
      expect(report.map((r) => [r.line, r.field])).toEqual([
        ['2', 'legal_name'],
        [expect.any(String), 'municipality'],
      ]);
      for (const row of report) expect(row.reason).toMatch(/seule ligne/);
      expect((await app.sql(`SELECT legal_name, municipality FROM companies WHERE legal_name LIKE $1 || '%'`, [name])).length).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
