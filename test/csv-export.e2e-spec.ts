import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createCompany, uniqueCompanyName } from './support/factories.js';
import { TestApp } from './support/test-app.js';

/** What a spreadsheet would run as a formula: a cell starting with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): every CSV the product writes neutralizes a cell that a
 * spreadsheet would read as a formula by prefixing it with an apostrophe; the bi views themselves stay raw.
 */
describe('CSV written by the product (npm run export)', () => {
  let app: TestApp;
  const suffix = uniqueCompanyName('').trim();
  const HOSTILE = [
    `=HYPERLINK("http://evil.example","x") ${suffix}`,
    `+1+2 ${suffix}`,
    `-2+3+cmd|' /C calc'!A0 ${suffix}`,
    `@SUM(1+1) ${suffix}`,
  ];
  const PLAIN = `Scierie "Les Bouleaux", inc. ${suffix}`;

  const exportCsv = (args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), 'dist/src/cli/export.cli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: String(app.database.options.connectionString), LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  beforeAll(async () => {
    app = await TestApp.start();
    for (const legalName of [...HOSTILE, PLAIN]) await createCompany(app, { legalName, municipality: '=1+1' });
  });
  afterAll(() => app?.close());

  it.each([
    ['--bom', ','],
    ['--bom', ';'],
  ])('`export dim-company %s --delimiter "%s"` neutralizes every cell a spreadsheet would take for a formula', (bom, delimiter) => {
    const result = exportCsv(['dim-company', bom, '--delimiter', delimiter]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('\uFEFFcompany_id')).toBe(true);
    const rows = parse(result.stdout, { bom: true, columns: true, delimiter, relax_column_count: false }) as Record<string, string>[];
    const names = rows.map((row) => row.legal_name!);
    for (const hostile of HOSTILE) expect(names).toContain(`'${hostile}`);
    expect(names).toContain(PLAIN);
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
    }
    expect(rows.filter((row) => row.legal_name!.endsWith(suffix)).map((row) => row.municipality)).toEqual(Array(5).fill("'=1+1"));
  });

  it('quotes as RFC 4180 says, one record per line', () => {
    const lines = exportCsv(['dim-company']).stdout.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.find((line) => line.includes('Bouleaux'))).toContain(`"Scierie ""Les Bouleaux"", inc. ${suffix}"`);
    expect(lines.find((line) => line.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") ${suffix}"`);
  });

  it('leaves the bi views themselves raw (BI tools read the values as they are)', async () => {
    const rows = await app.sql<{ legal_name: string }>(`SELECT legal_name FROM bi.dim_company WHERE legal_name LIKE '%' || $1`, [suffix]);
    expect(rows.map((row) => row.legal_name).sort()).toEqual([...HOSTILE, PLAIN].sort());
  });
});
