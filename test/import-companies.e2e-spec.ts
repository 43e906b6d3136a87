import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../src/common/project-root.js';
import { importCompaniesFromCsv } from '../src/companies/import/company-import.js';
import { dataOf, TestApp } from './support/test-app.js';

const ROOT = projectRoot();
const TEMPLATE = join(ROOT, 'test', 'fixtures', 'companies-template.csv');
const REGISTRE = join(ROOT, 'test', 'fixtures', 'registre-entreprises-extrait.csv');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'import-companies.cli.js');

/** Edits of the template that the tests apply in turn (each later file keeps the earlier edits). */
const CLINIQUE_MOVES: [string, string] = ['Trois-Rivières,G9A 5H9,04', 'Trois-Rivières,G9A 5H8,04'];
const GARAGE_RENAMED: [string, string] = [',Garage Léveillé,,811111,EMPLOYEES_1_4', ',GARAGE LEVEILLE LTÉE,Garage du Lac,811111,EMPLOYEES_5_19'];
const HELIOS_MOVES: [string, string] = ['Montréal,H3B 4W5,06', 'Montréal,H3B 4W6,06'];
const SCIERIE_FIXED: [string, string] = ['EMPLOYEES_50_99,PRIVÉE,', 'EMPLOYEES_50_99,PRIVATE,'];

const SEARCH = `query ($s: String!) {
  companies(first: 20, filter: { search: $s }) {
    totalCount edges { node { legalName neq otherNames naicsCode sizeBand ownership address municipality postalCode regionCode } }
  }
}`;

describe('importing companies from CSV', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    app = await TestApp.start();
    dir = mkdtempSync(join(tmpdir(), 'crm-import-'));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const state = async () => ({ companies: await app.count('companies'), audit: await app.count('audit_log') });
  /** A copy of the template with some text replaced (each replacement must match). */
  const templateWith = (name: string, ...replacements: [string, string][]) => {
    let text = readFileSync(TEMPLATE, 'utf8');
    for (const [from, to] of replacements) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const readReport = (file: string) =>
    parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as { line: string; field: string; reason: string }[];
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: app.database.options.connectionString, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });

  it('imports the valid rows of the template, reports the others with line and column, and audits each company', async () => {
    const before = await state();
    const report = join(dir, 'template-errors.csv');
    const summary = await importCompaniesFromCsv(app.database, TEMPLATE, { reportPath: report });

    expect(summary).toMatchObject({ format: 'template', rowsRead: 16, inserted: 7, updated: 0, unchanged: 0, rejected: 9 });
    expect(await state()).toEqual({ companies: before.companies + 7, audit: before.audit + 7 });
    expect(readReport(report).map((r) => [Number(r.line), r.field])).toEqual([
      [6, 'neq'],
      [7, 'naics_code'],
      [8, 'region_code'],
      [9, 'legal_name'],
      [10, 'postal_code'],
      [11, 'neq'],
      [12, 'size_band'],
      [15, 'neq'],
      [15, 'region_code'],
      [17, 'ownership'],
    ]);
    expect(readReport(report).find((r) => r.line === '8')!.reason).toBe('région inconnue : 18');

    const audit = await app.sql(
      `SELECT actor_id, action, entity_type, entity_id, before, after FROM audit_log
        WHERE request_id = 'system:import' AND after->>'neq' = '1171234567'`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: null,
        action: 'import',
        entity_type: 'Company',
        before: null,
        after: expect.objectContaining({ legalName: 'Boulangerie St-Jérôme inc.', regionCode: '15', version: 1 }),
      }),
    ]);
    const [company] = await app.sql(`SELECT id FROM companies WHERE neq = '1171234567'`);
    expect(audit[0]!.entity_id).toBe(company!.id);
  });

  it('makes the imported companies searchable through the API, accents and legal forms aside', async () => {
    const jerome = dataOf(await app.graphql(SEARCH, { variables: { s: 'boulangerie st-jerome' } })).companies;
    expect(jerome.edges.map((e: any) => e.node)).toContainEqual({
      legalName: 'Boulangerie St-Jérôme inc.',
      neq: '1171234567',
      otherNames: ['Pains de Saint-Jérôme', 'Boulangerie du Nord'],
      naicsCode: '311811',
      sizeBand: 'EMPLOYEES_20_49',
      ownership: 'PRIVATE',
      address: '125, rue Principale',
      municipality: 'Saint-Jérôme',
      postalCode: 'J7Z 1X6',
      regionCode: '15',
    });
    const helios = dataOf(await app.graphql(SEARCH, { variables: { s: 'Hélios Tech' } })).companies;
    expect(helios.edges.map((e: any) => e.node.legalName)).toContain('Technologies Hélios inc.');
    const erabliere = dataOf(await app.graphql(SEARCH, { variables: { s: '1162345678' } })).companies;
    expect(erabliere.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ legalName: 'Érablière Côté & Fils ltée', postalCode: 'J2R 1H3', regionCode: '16' }),
    ]);
    const garage = dataOf(await app.graphql(SEARCH, { variables: { s: 'garage leveille' } })).companies;
    expect(garage.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({ neq: null, regionCode: '08' }));
  });

  it('changes nothing and audits nothing when the same file is imported again', async () => {
    const before = await state();
    const versions = await app.sql(`SELECT id, version, updated_at FROM companies ORDER BY id`);
    const summary = await importCompaniesFromCsv(app.database, TEMPLATE, { reportPath: join(dir, 'again.csv') });
    expect(summary).toMatchObject({ rowsRead: 16, inserted: 0, updated: 0, unchanged: 7, rejected: 9 });
    expect(await state()).toEqual(before);
    expect(await app.sql(`SELECT id, version, updated_at FROM companies ORDER BY id`)).toEqual(versions);
  });

  it('updates the one company whose row changed, with its before and after in the audit row', async () => {
    const file = templateWith('one-change.csv', CLINIQUE_MOVES);
    const before = await state();
    const summary = await importCompaniesFromCsv(app.database, file, { reportPath: join(dir, 'one-change-errors.csv') });
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 6, rejected: 9 });
    expect(await state()).toEqual({ companies: before.companies, audit: before.audit + 1 });
    const [audit] = await app.sql(
      `SELECT before, after FROM audit_log WHERE request_id = 'system:import' AND before IS NOT NULL AND after->>'neq' = '1145678901'`,
    );
    expect(audit!.before).toMatchObject({ postalCode: 'G9A 5H9', version: 1 });
    expect(audit!.after).toMatchObject({ postalCode: 'G9A 5H8', version: 2, legalName: 'Clinique dentaire Saint-Élie' });
  });

  it('matches a row without NEQ to the company of the same normalized name in its region', async () => {
    const file = templateWith('same-name.csv', CLINIQUE_MOVES, GARAGE_RENAMED);
    const before = await state();
    const summary = await importCompaniesFromCsv(app.database, file, { reportPath: join(dir, 'same-name-errors.csv') });
    expect(summary).toMatchObject({ inserted: 0, updated: 1 });
    expect(await state()).toEqual({ companies: before.companies, audit: before.audit + 1 });
    const [garage] = await app.sql(`SELECT legal_name, other_names, size_band, version FROM companies WHERE name_key = 'garage leveille'`);
    expect(garage).toEqual({ legal_name: 'GARAGE LEVEILLE LTÉE', other_names: ['Garage du Lac'], size_band: 'EMPLOYEES_5_19', version: 2 });
  });

  it('writes nothing in a dry run, and says what would change', async () => {
    const file = templateWith('dry-run.csv', CLINIQUE_MOVES, GARAGE_RENAMED, HELIOS_MOVES, SCIERIE_FIXED);
    const before = await state();
    const companies = await app.sql(`SELECT * FROM companies ORDER BY id`);
    const summary = await importCompaniesFromCsv(app.database, file, { dryRun: true, reportPath: join(dir, 'dry-run-errors.csv') });
    expect(summary).toMatchObject({ dryRun: true, inserted: 1, updated: 1, rejected: 8 });
    expect(await state()).toEqual(before);
    expect(await app.sql(`SELECT * FROM companies ORDER BY id`)).toEqual(companies);
  });

  it('imports the Registre extract through the real command, with --region, its CAE code never taken for SCIAN', async () => {
    const report = join(dir, 'registre-errors.csv');
    const before = await state();
    const run = cli(REGISTRE, '--region', '13', '--report', report);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(extrait du Registre des entreprises) terminé');
    expect(run.stdout).toMatch(/lignes lues\s+: 6\n/);
    expect(run.stdout).toMatch(/insérées\s+: 4\n/);
    expect(run.stdout).toMatch(/rejetées\s+: 2\n/);
    expect(run.stdout).toContain(`rapport des rejets : ${report}`);
    expect(await state()).toEqual({ companies: before.companies + 4, audit: before.audit + 4 });

    const rows = await app.sql(
      `SELECT neq, legal_name, cae_code, naics_code, address, municipality, postal_code, region_code
         FROM companies WHERE neq LIKE '116000000%' ORDER BY neq`,
    );
    expect(rows).toEqual([
      {
        neq: '1160000001',
        legal_name: 'LES CONSTRUCTIONS GAUTHIER & FRÈRES INC.',
        cae_code: '4011',
        naics_code: null,
        address: '1250, BOUL. DES LAURENTIDES',
        municipality: 'LAVAL',
        postal_code: 'H7M 2Y3',
        region_code: '13',
      },
      expect.objectContaining({ neq: '1160000002', cae_code: '1071', naics_code: null, postal_code: 'H7V 1X4' }),
      expect.objectContaining({ neq: '1160000003', cae_code: '9211', naics_code: null, municipality: 'LAVAL' }),
      expect.objectContaining({ neq: '1160000006', cae_code: '7712', naics_code: null, address: null }),
    ]);
    expect(readReport(report).map((r) => [r.line, r.field])).toEqual([
      ['5', 'NEQ'],
      ['6', 'COD_ACT_ECON_CAE'],
    ]);

    const again = cli(REGISTRE, '--region', '13', '--report', report);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/insérées\s+: 0\n/);
    expect(again.stdout).toMatch(/mises à jour\s+: 0\n/);
    expect(again.stdout).toMatch(/inchangées\s+: 4\n/);
    expect(await app.count('companies')).toBe(before.companies + 4);
    expect(await app.count('audit_log')).toBe(before.audit + 4);
  });

  it('refuses a row without NEQ whose name matches several companies of its region', async () => {
    const created = await app.graphql(
      `mutation { createCompany(input: { legalName: "Fromagerie des Îles inc.", regionCode: "11", confirmNotDuplicate: true }) { id } }`,
    );
    dataOf(created);
    const file = templateWith('ambiguous.csv', CLINIQUE_MOVES, GARAGE_RENAMED);
    const report = join(dir, 'ambiguous-errors.csv');
    const before = await state();
    const summary = await importCompaniesFromCsv(app.database, file, { reportPath: report });
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 6, rejected: 10 });
    expect(readReport(report)).toContainEqual({
      line: '16',
      field: 'legal_name',
      reason: '2 entreprises de la région 11 portent déjà ce nom : ajoutez le NEQ pour choisir',
    });
    expect(await state()).toEqual(before);
  });

  it('refuses an unknown --region, a missing file and an unknown header, writing nothing', async () => {
    const before = await state();
    const unknownRegion = cli(REGISTRE, '--region', '18', '--report', join(dir, 'unknown-region.csv'));
    expect(unknownRegion.status).toBe(1);
    expect(unknownRegion.stderr).toContain('--region 18 : région inconnue');

    const missing = cli(join(dir, 'absent.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('fichier illisible');

    const other = join(dir, 'other.csv');
    writeFileSync(other, 'nom,adresse\nA,B\n');
    const unknownHeader = cli(other);
    expect(unknownHeader.status).toBe(1);
    expect(unknownHeader.stderr).toContain('en-tête non reconnu');

    const usage = cli();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage : npm run import:companies');
    expect(await state()).toEqual(before);
  });
});
