/// <reference lib="dom" />
import { axe, ConsoleBrowser, seriousViolations, watchFor } from './support/browser.js';
import { TestApp } from '../support/test-app.js';

// Administration (advisors, service points, regional directions), the sign-in by token (memory only), the English
// switch, the strict CSP and the weight of the first load.
describe('console: administration and sign-in (Chromium)', () => {
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lets an administrator create an advisor, change their role and regions, and deactivate them', async () => {
    const page = await browser.signIn('Administratrice de démonstration', '/administration/conseillers');
    await page.getByRole('heading', { level: 2, name: 'Conseillères et conseillers' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle personne' }).click();
    await page.getByRole('textbox', { name: /^Courriel/ }).fill('julie.roy@example.qc.ca');
    await page.getByLabel('Nom complet').fill('Julie Roy');
    await page.getByLabel('17 — Centre-du-Québec').check();
    await page.getByRole('button', { name: 'Nouvelle personne' }).last().click();
    const row = page.getByTestId('advisors').getByRole('row', { name: /Julie Roy/ });
    await row.waitFor();
    expect(seriousViolations(await axe(page, 'administration: advisors'))).toEqual([]);
    await row.getByRole('button', { name: 'Modifier Julie Roy' }).click();
    await row.getByLabel('Rôle').selectOption('ANALYST');
    await row.getByLabel('17 — Centre-du-Québec').uncheck();
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    await row.getByRole('cell', { name: 'Analyste' }).waitFor();
    await row.getByRole('button', { name: /Désactiver/ }).click();
    await row.getByRole('cell', { name: 'Inactif' }).waitFor();
    const [advisor] = await browser.app.sql(`SELECT role, active FROM advisors WHERE email = 'julie.roy@example.qc.ca'`);
    expect(advisor).toEqual({ role: 'ANALYST', active: false });
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('lets an administrator manage service points and regional directions', async () => {
    const page = await browser.signIn('Administratrice de démonstration', '/administration/points-de-services');
    await page.getByRole('button', { name: 'Nouveau point de services' }).click();
    await page.getByLabel('Nom').first().fill('Services Québec — Laval (Sainte-Rose)');
    await page.getByLabel('Région').selectOption('13');
    await page.getByLabel('Code postal').fill('h7l 1a1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('row', { name: /Sainte-Rose/ }).getByText('H7L 1A1').waitFor();
    expect(seriousViolations(await axe(page, 'administration: service points'))).toEqual([]);
    await page.getByRole('link', { name: 'Directions régionales' }).click();
    await page.getByRole('button', { name: 'Nouvelle direction régionale' }).click();
    await page.getByLabel('Code').fill('NDQ');
    await page.getByLabel('Nom').first().fill('Direction du Nord-du-Québec');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('row', { name: /NDQ/ }).waitFor();
    expect(seriousViolations(await axe(page, 'administration: directions'))).toEqual([]);
    expect(await browser.app.count('service_points', `postal_code = 'H7L 1A1'`)).toBe(1);
    expect(await browser.app.count('regional_directions', `code = 'NDQ'`)).toBe(1);
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('signs in with a pasted token kept in memory only (never in storage or the address): a reload signs out', async () => {
    const page = await browser.page();
    const response = await page.goto(`${browser.app.url}/`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(seriousViolations(await axe(page, 'sign-in'))).toEqual([]);
    const token = await TestApp.token('marie-eve.lavoie@demo.crm.example');
    await page.getByRole('textbox', { name: 'Jeton' }).fill(token);
    await page.getByRole('button', { name: 'Se connecter avec ce jeton' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ma liste' }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie + location.href);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.split('.')[2]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByRole('textbox', { name: 'Jeton' }).fill('pas-un-jeton');
    await page.getByRole('button', { name: 'Se connecter avec ce jeton' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce jeton n’est pas accepté.' }).waitFor();
    expect(browser.problemsOf(page).filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });

  it('switches to English from one catalogue, with dates and numbers in the chosen locale', async () => {
    const page = await browser.signIn('Marie-Ève Lavoie');
    const firstItem = page.getByTestId('worklist').locator('li').first().locator('.reason-text');
    expect(await firstItem.textContent()).toMatch(/ \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} /);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My list' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-CA');
    // The browser stays French (fr-CA): the page's own words, dates and numbers follow the switch.
    expect(await page.evaluate(() => navigator.language)).toBe('fr-CA');
    expect(await firstItem.textContent()).toMatch(/ (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} /);
    await page.getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('searchbox', { name: 'Search by name or NEQ' }).waitFor();
    expect(seriousViolations(await axe(page, 'companies (English)'))).toEqual([]);
    await page.getByRole('button', { name: 'Passer au français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Entreprises' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
  });

  it('loads at most 250 KB of compressed JavaScript before the worklist shows, all from this origin', async () => {
    const page = await browser.page();
    // As on a first visit (nothing from the HTTP cache of the other pages), bytes as received on the wire.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = new Map<string, { url: string; sentAt: number; encoding: string | undefined; bytes: number }>();
    const sentAt = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (event) => sentAt.set(event.requestId, event.wallTime * 1000));
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') {
        const encoding = event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'];
        scripts.set(event.requestId, { url: event.response.url, sentAt: sentAt.get(event.requestId)!, encoding, bytes: 0 });
      }
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId);
      if (script) script.bytes = event.encodedDataLength;
    });
    await page.goto(`${browser.app.url}/`);
    const drawn = await watchFor(page, '[data-testid="worklist"] li');
    await page.getByRole('button', { name: 'Se connecter : Marie-Ève Lavoie' }).click();
    // Scripts asked for before the list was drawn, and those loaded ahead after it, while the browser was idle.
    const drawnAt = (await drawn()).wallTime;
    await page.waitForLoadState('networkidle');
    const all = [...scripts.values()];
    const first = all.filter((s) => s.sentAt < drawnAt);
    const later = all.filter((s) => s.sentAt >= drawnAt);
    const kb = (list: typeof all) => (list.reduce((sum, s) => sum + s.bytes, 0) / 1024).toFixed(1);
    const total = first.reduce((sum, s) => sum + s.bytes, 0);
    process.stdout.write(`first load: ${first.length} script(s), ${kb(first)} KB on the wire (${first.map((s) => s.encoding).join(', ')}); loaded ahead once the list is drawn: ${later.length} script(s), ${kb(later)} KB\n`);
    expect(first.length).toBeGreaterThan(0);
    expect(all.every((s) => s.url.startsWith(`${browser.app.url}/assets/`) && s.bytes > 0)).toBe(true);
    expect(first.every((s) => ['br', 'gzip'].includes(s.encoding ?? ''))).toBe(true);
    expect(total).toBeLessThanOrEqual(250 * 1024);
  });
});
