/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { UpdateCompanyDocument } from '../../operations/generated.js';
import { logInteraction } from '../support/factories.js';
import { dataOf } from '../support/test-app.js';
import { axe, ConsoleBrowser, dateFieldParts, navigate, seriousViolations } from './support/browser.js';

// The company page of an advisor (Laval): contacts shown on request and logged, the file's actions, needs,
// Journées Québec, Portail employeurs, and an edit that meets someone else's newer version.
describe('console: company page (Chromium)', () => {
  let browser: ConsoleBrowser;
  let page: Page;
  let bakery: string;
  let software: string;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    bakery = (await browser.app.sql<{ id: string }>(`SELECT id FROM companies WHERE neq = '1990000011'`))[0]!.id;
    software = (await browser.app.sql<{ id: string }>(`SELECT id FROM companies WHERE neq = '1990000013'`))[0]!.id;
    page = await browser.signIn('Marie-Ève Lavoie');
  }, 120_000);

  afterAll(async () => {
    if (page) expect(browser.problemsOf(page)).toEqual([]);
    await browser?.close();
  });

  const open = async (id: string) => {
    await page.goto(`${browser.app.url}/`); // a reload signs out: tokens live in memory only
    await page.getByRole('button', { name: 'Se connecter : Marie-Ève Lavoie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ma liste' }).waitFor();
    await page.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/entreprises/${id}`);
    await page.getByTestId('company-page').waitFor();
  };

  it('shows the identification (NEQ, SCIAN, size, region) and reads contacts only when asked, which the API logs', async () => {
    await open(bakery);
    const identity = page.getByRole('region', { name: 'Identification' });
    await identity.getByText('1990000011').waitFor();
    await identity.getByText('311811').waitFor();
    await identity.getByText('20 à 49 employés').waitFor();
    await identity.getByText('13 — Laval').waitFor();
    expect(await page.getByText('Nathalie').count()).toBe(0);
    const logged = () => browser.app.count('personal_information_access_log', `company_id = $1 AND via = 'Company.contacts'`, [bakery]);
    expect(await logged()).toBe(0);
    await page.getByRole('button', { name: 'Afficher les personnes-ressources' }).click();
    await page.getByTestId('contacts').getByText('Nathalie Fortin').waitFor();
    expect(await logged()).toBe(1);
    expect(seriousViolations(await axe(page, 'company page with contacts'))).toEqual([]);
  });

  it('shows native date fields as a Québec browser does: day, month, year, named in French', async () => {
    await open(bakery);
    const parts = await dateFieldParts(page, '[data-testid="file"] form input[type="date"]');
    expect(parts).toEqual(['Jour', 'Mois', 'Année']);
  });

  it("shows a file's most recent interactions with the page, and the rest a page at a time by the API's cursors", async () => {
    const [file] = await browser.app.sql<{ id: string }>(`SELECT id FROM accompaniments WHERE company_id = $1 AND status = 'OPEN'`, [bakery]);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    for (let n = 1; n <= 24; n++) {
      await logInteraction(browser.app, 'marie-eve.lavoie@demo.crm.example', { accompanimentId: file!.id, occurredOn: daysAgo(100 + n), summary: `Suivi numéro ${n}` });
    }
    await open(bakery);
    const timeline = page.getByTestId('file').first().locator('.timeline');
    await timeline.getByText('5 sur 28').waitFor();
    expect(await timeline.locator('li').count()).toBe(5);
    await timeline.getByRole('button', { name: 'Afficher plus' }).click();
    await timeline.getByText('20 sur 28').waitFor();
    await timeline.getByRole('button', { name: 'Afficher plus' }).click();
    await timeline.getByText('28 sur 28').waitFor();
    const summaries = await timeline.locator('.timeline-summary').allTextContents();
    expect(summaries).toHaveLength(28);
    expect(new Set(summaries).size).toBe(28);
    expect(summaries.at(-1)).toBe('Rencontre de démarrage : portrait des besoins de main-d’œuvre et des postes difficiles à pourvoir.');
    expect(await timeline.getByRole('button', { name: 'Afficher plus' }).count()).toBe(0);
  });

  it('passes axe in every other state an advisor meets: each form of the company page open, in English too, Journées Québec, a page not found, a page not allowed', async () => {
    await open(software);
    const closed = page.locator('[data-testid="company-page"] button[aria-expanded="false"]');
    const forms = await closed.count();
    expect(forms).toBeGreaterThanOrEqual(6);
    for (let n = 0; n < forms; n++) await closed.first().click(); // each click opens one and removes it from the list
    await page.getByLabel('Événement').locator('option', { hasText: 'Maghreb' }).waitFor({ state: 'attached' });
    expect(seriousViolations(await axe(page, 'company page, every form open'))).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('region', { name: 'Identification' }).getByText('Size').waitFor();
    expect(seriousViolations(await axe(page, 'company page, every form open (English)'))).toEqual([]);
    await page.getByRole('button', { name: 'Passer au français' }).click();
    await navigate(page, '/journees-quebec');
    await page.getByRole('heading', { level: 1, name: 'Journées Québec' }).waitFor();
    await page.getByRole('table').getByRole('row', { name: /Maghreb/ }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).hover(); // the header's buttons under the pointer
    expect(seriousViolations(await axe(page, 'Journées Québec, a header button hovered'))).toEqual([]);
    await navigate(page, '/nulle-part');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(seriousViolations(await axe(page, 'page not found'))).toEqual([]);
    await navigate(page, '/exportations');
    await page.getByRole('heading', { level: 1, name: 'Votre rôle ne donne pas accès à cette page.' }).waitFor();
    expect(seriousViolations(await axe(page, 'page not allowed'))).toEqual([]);
  });

  it('records a recruitment need (CNP 2021 with its TEER) and positions filled', async () => {
    await open(bakery);
    await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
    await page.getByLabel('Code CNP 2021').fill('21232');
    await page.getByLabel('Appellation d’emploi').fill('Développeuse de logiciels');
    await page.getByLabel('Postes (obligatoire)').fill('2');
    await page.getByLabel('Local', { exact: true }).check();
    await page.getByRole('button', { name: 'Ajouter un besoin' }).last().click();
    const row = page.getByTestId('needs').getByRole('row', { name: /Développeuse de logiciels/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('1'); // TEER of 21232
    const bread = page.getByTestId('needs').getByRole('row', { name: /Boulanger-pâtissier/ });
    await bread.getByRole('button', { name: 'Consigner les postes pourvus' }).click();
    await bread.getByLabel('Postes pourvus (total)').fill('3');
    await bread.getByRole('button', { name: 'Enregistrer' }).click();
    await bread.getByRole('cell', { name: 'Pourvu', exact: true }).waitFor();
    const [need] = await browser.app.sql(`SELECT status, positions_filled FROM recruitment_needs WHERE company_id = $1 AND noc_code = '63202'`, [bakery]);
    expect(need).toEqual({ status: 'FILLED', positions_filled: 3 });
  });

  it('registers the company for an open Journées Québec event with a need, then confirms the participation', async () => {
    await open(bakery);
    await page.getByRole('button', { name: 'Inscrire à un événement' }).click();
    const event = page.getByLabel('Événement');
    const maghreb = await event.locator('option', { hasText: 'Maghreb' }).getAttribute('value');
    await event.selectOption(maghreb!);
    await page.getByRole('group', { name: 'Besoins présentés' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Inscrire à un événement' }).last().click();
    const row = page.getByTestId('participations').getByRole('row', { name: /Maghreb/ });
    await row.getByText('Inscrite').waitFor();
    await row.getByRole('button', { name: 'Confirmer' }).click();
    await row.getByText('Confirmée').waitFor();
    expect(await browser.app.count('event_participations', `company_id = $1 AND status = 'CONFIRMED'`, [bakery])).toBe(1);
  });

  it('moves a Portail employeurs referral to its next step, with the step dates shown', async () => {
    await open(software);
    const referral = page.getByTestId('referral');
    await referral.getByText('Étape actuelle : Compte créé').waitFor();
    await referral.getByRole('button', { name: 'Faire avancer' }).click();
    await referral.getByLabel('Nouvelle étape').selectOption('OFFER_POSTED');
    await referral.getByRole('button', { name: 'Faire avancer' }).last().click();
    await referral.getByText('Étape actuelle : Offre publiée').waitFor();
    const [row] = await browser.app.sql(`SELECT step FROM portail_referrals WHERE company_id = $1`, [software]);
    expect(row).toEqual({ step: 'OFFER_POSTED' });
  });

  it('puts a file on hold, resumes it and closes it with an outcome', async () => {
    await open(software);
    const file = page.getByTestId('file').first();
    await file.getByText('En suspens', { exact: true }).waitFor();
    await file.getByRole('button', { name: 'Reprendre' }).click();
    await file.getByText('Ouvert', { exact: true }).waitFor();
    await file.getByRole('button', { name: 'Mettre en suspens' }).click();
    await file.getByText('En suspens', { exact: true }).waitFor();
    await file.getByRole('button', { name: 'Fermer le dossier' }).click();
    await file.getByLabel('Résultat').selectOption('NEEDS_MET');
    await file.getByRole('button', { name: 'Fermer le dossier' }).last().click();
    await file.getByText('Fermé', { exact: true }).waitFor();
    const [row] = await browser.app.sql(`SELECT status, outcome FROM accompaniments WHERE company_id = $1`, [software]);
    expect(row).toEqual({ status: 'CLOSED', outcome: 'NEEDS_MET' });
  });

  it('on a stale version, shows what someone else changed, keeps what was typed, and saves after a reload', async () => {
    await open(bakery);
    await page.getByRole('button', { name: 'Modifier l’identification' }).click();
    await page.getByLabel('Municipalité').fill('Laval-Ouest');
    // Meanwhile, someone else changes the postal code.
    const [before] = await browser.app.sql<{ version: number }>(`SELECT version FROM companies WHERE id = $1`, [bakery]);
    dataOf(await browser.app.request(UpdateCompanyDocument, { input: { id: bakery, version: before!.version, postalCode: 'H7W 1A1' } }));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const stale = page.getByTestId('stale-version');
    await stale.getByRole('heading', { name: 'Quelqu’un d’autre a modifié cette entreprise' }).waitFor();
    const change = stale.getByRole('row', { name: /Code postal/ });
    await change.getByRole('cell', { name: 'H7W 3Y5' }).waitFor();
    await change.getByRole('cell', { name: 'H7W 1A1' }).waitFor();
    expect(await page.getByLabel('Municipalité').inputValue()).toBe('Laval-Ouest');
    expect(seriousViolations(await axe(page, 'company page, stale version'))).toEqual([]);
    await stale.getByRole('button', { name: /Recharger les valeurs actuelles/ }).click();
    await page.getByRole('status').filter({ hasText: 'Valeurs actuelles chargées' }).waitFor();
    expect(await page.getByLabel('Municipalité').inputValue()).toBe('Laval-Ouest');
    expect(await page.getByLabel('Code postal').inputValue()).toBe('H7W 1A1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('region', { name: 'Identification' }).getByText('Laval-Ouest, H7W 1A1').waitFor();
    const [after] = await browser.app.sql(`SELECT municipality, postal_code FROM companies WHERE id = $1`, [bakery]);
    expect(after).toEqual({ municipality: 'Laval-Ouest', postal_code: 'H7W 1A1' });
  });
});
