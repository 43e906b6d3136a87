/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { CreateCompanyDocument } from '../../operations/generated.js';
import { dataOf } from '../support/test-app.js';
import { axe, ConsoleBrowser, navigate, renderTime, seriousViolations } from './support/browser.js';

// An advisor's day in the console: sign in, « Ma liste », find a company as you type, create one despite a likely
// duplicate (after confirming), and log an interaction from the keyboard alone.
describe('console: advisor workflows (Chromium)', () => {
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const noProblems = (page: Page) => expect(browser.problemsOf(page)).toEqual([]);

  it('signs in with the development sign-in and lands on « Ma liste », each item with its reason and a link to its action', async () => {
    const page = await browser.signIn('Marie-Ève Lavoie');
    await page.getByRole('heading', { level: 1, name: 'Ma liste' }).waitFor();
    const items = page.getByTestId('worklist').locator('li');
    await items.first().waitFor();
    expect(await items.count()).toBe(5);
    const held = items.filter({ hasText: 'Dossier en suspens depuis longtemps' });
    await held.getByRole('link', { name: 'Logiciels Nordiques inc.', exact: true }).waitFor();
    const action = held.getByRole('link', { name: /Reprendre ou fermer le dossier/ });
    expect(await action.getAttribute('href')).toMatch(/^\/entreprises\/[0-9a-f-]{36}\?dossier=[0-9a-f-]{36}#dossiers$/);
    await items.filter({ hasText: 'Référencement arrêté à une étape' }).getByRole('link', { name: /Faire avancer le référencement/ }).waitFor();
    await items.filter({ hasText: 'Besoin ouvert depuis longtemps' }).getByRole('link', { name: /Mettre à jour le besoin/ }).waitFor();
    await action.click();
    await page.getByTestId('company-page').waitFor();
    await page.getByRole('button', { name: 'Reprendre' }).waitFor();
    expect(seriousViolations(await axe(page, 'company page (advisor)'))).toEqual([]);
    await page.getByRole('link', { name: 'Ma liste' }).click();
    await items.first().waitFor();
    expect(seriousViolations(await axe(page, 'worklist'))).toEqual([]);
    noProblems(page);
  });

  it('draws « Ma liste » after three requests in a row and a company page from one request, its code loaded ahead (timed, printed)', async () => {
    const page = await browser.page();
    // What the page asks the network for: each GraphQL operation with the SQL statements it cost, and scripts.
    const requests: { what: string; statements?: string }[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') requests.push({ what: new URL(request.url()).pathname.replace(/-[\w-]{8}\.js$/, '.js') });
    });
    page.on('response', async (response) => {
      const body = response.request().postData();
      if (!response.url().endsWith('/graphql') || !body) return;
      const operation = /\b(?:query|mutation)\s+(\w+)/.exec(JSON.parse(body).query)?.[1] ?? '?';
      requests.push({ what: operation, statements: response.headers()['x-sql-statements'] });
    });
    await page.goto(`${browser.app.url}/`);
    const signIn = page.getByRole('button', { name: 'Se connecter : Isabelle Bergeron' });
    await signIn.waitFor();
    // From the click on sign-in: the token, `me` (kept from the token's check), the worklist's query, drawn.
    requests.length = 0;
    // Once the list is drawn and the browser idle, the company page's code loads ahead of any click.
    const preloaded = page.waitForResponse((response) => /\/assets\/CompanyPage-[\w-]+\.js$/.test(response.url()));
    const worklist = await renderTime(page, 'worklist (sign-in click to list)', () => signIn.click(), '[data-testid="worklist"] li');
    expect(requests.filter((r) => r.statements !== undefined).map((r) => r.what)).toEqual(['DevelopmentSignIn', 'Me', 'MyWorklist']);
    await preloaded;
    await page.waitForLoadState('networkidle');
    const [company] = await browser.app.sql<{ id: string }>(`SELECT id FROM companies WHERE neq = '1990000031'`);
    requests.length = 0;
    const companyPage = await renderTime(
      page,
      'company page (navigation to its files and first interactions drawn)',
      () => navigate(page, `/entreprises/${company!.id}`),
      '[data-testid="timeline"] li',
    );
    // Its identification, files with their first interactions, needs, events and referrals: one request, no script.
    expect(requests.map((r) => r.what)).toEqual(['CompanyPage']);
    process.stdout.write(`company page: ${requests.map((r) => `${r.what} (${r.statements} SQL statements)`).join(', ')}\n`);
    expect(Number(requests[0]!.statements)).toBeGreaterThan(0);
    expect(worklist).toBeGreaterThan(0);
    expect(companyPage).toBeGreaterThan(0);
    noProblems(page);
  });

  it('logs an interaction from the worklist with the keyboard alone, in under 30 seconds', async () => {
    const page = await browser.signIn('Jean-François Côté');
    await page.getByTestId('worklist').waitFor();
    const started = Date.now();
    const target = 'Consigner une intervention — Aérotech Montréal inc.';
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.replace(/\s+/g, ' ').trim() ?? '');
    await tabUntil(page, async () => (await focused()) === target);
    await page.keyboard.press('Enter');
    // The file's form takes the focus on its first field (the kind of interaction).
    await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
    await page.keyboard.press('ArrowDown'); // Appel → Rencontre
    await tabUntil(page, () => page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'));
    await page.keyboard.type('Suivi du recrutement de machinistes : trois candidatures retenues.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Intervention consignée.' }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`keyboard-only interaction: ${seconds.toFixed(1)} s from the worklist\n`);
    expect(seconds).toBeLessThan(30);
    const [row] = await browser.app.sql(
      `SELECT i.kind, i.summary, a.email FROM interactions i JOIN advisors a ON a.id = i.advisor_id WHERE i.summary LIKE 'Suivi du recrutement de machinistes%'`,
    );
    expect(row).toEqual({ kind: 'MEETING', summary: 'Suivi du recrutement de machinistes : trois candidatures retenues.', email: 'jean-francois.cote@demo.crm.example' });
    await page.getByTestId('timeline').first().getByText('Suivi du recrutement de machinistes').waitFor();
    noProblems(page);
  });

  it('finds companies as you type, accents, case and « inc. » ignored, or by NEQ, and pages with the API cursors', async () => {
    for (let n = 1; n <= 30; n++) {
      dataOf(await browser.app.request(CreateCompanyDocument, { input: { legalName: `Pagination Essai ${String(n).padStart(2, '0')} inc.`, regionCode: '13', confirmNotDuplicate: true } }));
    }
    const page = await browser.signIn('Marie-Ève Lavoie', '/entreprises');
    const search = page.getByRole('searchbox', { name: 'Rechercher par nom ou NEQ' });
    await search.fill('delices de chomedey');
    await page.getByRole('table').getByRole('link', { name: 'Boulangerie Les Délices de Chomedey inc.' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 entreprise' }).first().waitFor();
    await search.fill('SCIERIE VAL-D’OR LTEE');
    await page.getByRole('table').getByRole('link', { name: 'Scierie Val-d’Or ltée' }).waitFor();
    await search.fill('1990000013');
    await page.getByRole('table').getByRole('link', { name: 'Logiciels Nordiques inc.' }).waitFor();
    await search.fill('pagination essai');
    await page.getByText('25 sur 30').waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Afficher plus' }).click();
    await page.getByText('30 sur 30').waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(30);
    expect(await page.getByRole('button', { name: 'Afficher plus' }).count()).toBe(0);
    expect(seriousViolations(await axe(page, 'company search'))).toEqual([]);
    noProblems(page);
  });

  it('creates a company after warning of its likely duplicates and asking for an explicit confirmation', async () => {
    const page = await browser.signIn('Marie-Ève Lavoie', '/entreprises/nouvelle');
    await page.getByLabel('Nom légal').fill('Boulangerie Les Délices de Chomedey');
    const warning = page.getByTestId('duplicates');
    await warning.getByRole('link', { name: 'Boulangerie Les Délices de Chomedey inc.' }).waitFor();
    expect(seriousViolations(await axe(page, 'company creation with duplicates'))).toEqual([]);
    await page.getByRole('button', { name: 'Créer l’entreprise' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cochez la confirmation' }).waitFor();
    expect(await browser.app.count('companies', `legal_name = 'Boulangerie Les Délices de Chomedey'`)).toBe(0);
    await page.getByLabel('J’ai vérifié : il s’agit bien d’une autre entreprise').check();
    await page.getByRole('button', { name: 'Créer l’entreprise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boulangerie Les Délices de Chomedey' }).waitFor();
    expect(await browser.app.count('companies', `legal_name = 'Boulangerie Les Délices de Chomedey' AND region_code = '13'`)).toBe(1);
    noProblems(page);
  });
});

/** Presses Tab until the condition holds (at most 60 times): how a keyboard user moves through the page. */
async function tabUntil(page: Page, condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await condition()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the element was not reached with the Tab key');
}
