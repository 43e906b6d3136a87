/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { CreateCompanyDocument, EmployerCountsDocument, RegionalReportDocument } from '../../operations/generated.js';
import { dataOf } from '../support/test-app.js';
import { axe, ConsoleBrowser, seriousViolations } from './support/browser.js';

const ANALYST = 'catherine.roy@demo.crm.example';
const MANAGER = 'sophie.gagnon@demo.crm.example';

// Managers and analysts: the dashboard (charts with their tables), the printable Bilan des réalisations, CSV
// downloads of the bi views, and a manager reassigning a file.
describe('console: manager and analyst (Chromium)', () => {
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the dashboard: counts per region as a chart and a table, the trend, the Portail funnel and Journées Québec results', async () => {
    const page = await browser.signIn('Catherine Roy');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    const api = dataOf(await browser.app.request(EmployerCountsDocument, { period: { sinceDeployment: true } }, { as: ANALYST })).employerCountsByRegion;
    await page.getByLabel('Période').selectOption('depuis-le-deploiement');
    const table = page.getByRole('table', { name: /Employeurs accompagnés et nouveaux employeurs par région, depuis le déploiement/ });
    const laval = api.byRegion.find((r) => r.region.code === '13')!;
    expect(laval.employersAccompanied).toBeGreaterThan(0);
    const row = table.getByRole('row', { name: /^13 Laval/ });
    await row.getByRole('cell').first().filter({ hasText: String(laval.employersAccompanied) }).waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(String(laval.newEmployers));
    await page.getByRole('table', { name: 'Tendance par exercice financier' }).getByRole('row').nth(1).waitFor();
    await page.getByRole('table', { name: /Entonnoir du Portail employeurs/ }).getByRole('row', { name: /Référée/ }).waitFor();
    await page.getByRole('table', { name: 'Résultats des Journées Québec' }).getByRole('row', { name: /Europe francophone/ }).waitFor();
    expect(await page.locator('canvas[role="img"]').count()).toBe(4);
    expect(seriousViolations(await axe(page, 'dashboard'))).toEqual([]);
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('shows the regional Bilan des réalisations with its figures and charts, and prints it cleanly to PDF', async () => {
    const page = await browser.signIn('Sophie Gagnon', '/bilan');
    await page.getByRole('heading', { level: 1, name: 'Bilan des réalisations' }).waitFor();
    await page.getByLabel('Région').selectOption('13');
    await page.getByLabel('Période').selectOption('depuis-le-deploiement');
    const report = dataOf(await browser.app.request(RegionalReportDocument, { regionCode: '13', period: { sinceDeployment: true } }, { as: MANAGER })).regionalReport;
    const body = page.getByTestId('report');
    await body.getByRole('heading', { name: 'Région 13 — Laval' }).waitFor();
    const figure = (name: string) => body.locator('.kpis div').filter({ hasText: name }).locator('dd');
    await figure('Interventions').filter({ hasText: String(report.interactions) }).waitFor();
    expect(await figure('Dossiers ouverts').textContent()).toBe(String(report.filesOpened));
    expect(await figure('Employeurs accompagnés').textContent()).toBe(String(report.employersAccompanied));
    expect(await body.locator('canvas').count()).toBe(2);
    expect(seriousViolations(await axe(page, 'Bilan des réalisations'))).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await body.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    process.stdout.write(`Bilan PDF: ${pdf.length} bytes\n`);
    await page.emulateMedia({ media: 'screen' });
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('downloads a bi view as CSV, formula-like cells neutralized; advisors have no such page', async () => {
    dataOf(await browser.app.request(CreateCompanyDocument, { input: { legalName: '=HYPERLINK("http://exemple.test","clic")', regionCode: '13', confirmNotDuplicate: true } }));
    const page = await browser.signIn('Catherine Roy', '/exportations');
    await page.getByRole('heading', { level: 1, name: 'Exportations CSV' }).waitFor();
    await page.getByLabel('Vue').selectOption('dim-company');
    await page.getByLabel('Séparateur').selectOption(',');
    await page.getByLabel(/Marque d’ordre d’octets/).uncheck();
    expect(seriousViolations(await axe(page, 'exports'))).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger' }).click()]);
    expect(download.suggestedFilename()).toBe('dim-company.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toMatch(/^company_id,/);
    expect(rows.some((line) => line.includes(`"'=HYPERLINK(""http://exemple.test"",""clic"")"`))).toBe(true);
    expect(rows.some((line) => /(^|,)"?=HYPERLINK/.test(line))).toBe(false);
    await page.getByRole('status').filter({ hasText: 'dim-company.csv téléchargé.' }).waitFor();

    const advisor = await browser.signIn('Marie-Ève Lavoie');
    expect(await advisor.getByRole('link', { name: 'Exportations' }).count()).toBe(0);
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('lets a manager reassign a file of their direction to another advisor', async () => {
    const [file] = await browser.app.sql<{ id: string; company_id: string }>(
      `SELECT a.id, a.company_id FROM accompaniments a JOIN companies c ON c.id = a.company_id WHERE c.neq = '1990000011'`,
    );
    const page = await browser.signIn('Sophie Gagnon', `/entreprises/${file!.company_id}`);
    const card = page.getByTestId('file').first();
    await card.getByRole('button', { name: 'Réassigner' }).click();
    await card.getByLabel('Nouvelle conseillère ou nouveau conseiller').selectOption({ label: 'Karim Benali' });
    await card.getByRole('button', { name: 'Réassigner' }).last().click();
    await card.locator('dd').filter({ hasText: 'Karim Benali' }).waitFor();
    const [row] = await browser.app.sql(`SELECT ad.email FROM accompaniments a JOIN advisors ad ON ad.id = a.advisor_id WHERE a.id = $1`, [file!.id]);
    expect(row).toEqual({ email: 'karim.benali@demo.crm.example' });
    expect(browser.problemsOf(page)).toEqual([]);
  });
});
