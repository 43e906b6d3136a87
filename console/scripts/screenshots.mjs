// npm run screenshots [-- http://localhost:3000]: screenshots of the console's main pages on the demo data, taken
/* global window, PopStateEvent -- inside page.evaluate, run by the browser */
// in Debian's Chromium from a running service (`npm start`), written to docs/screenshots/ for the README.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (executablePath === '/usr/bin/chromium' && !existsSync('/usr/lib/chromium/locales/fr.pak')) {
  process.stderr.write('Chromium has no French locale, so date fields would read mm/dd/yyyy: apt-get install -y chromium-l10n\n');
  process.exit(1);
}
const profile = mkdtempSync(join(tmpdir(), 'crm-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=fr-CA'],
  // A Québec user's browser: on Linux, Chromium's own language (native controls such as date fields) comes from
  // the environment; Playwright's locale is what pages see.
  env: { ...process.env, LANGUAGE: 'fr_CA:fr', LANG: 'fr_CA.UTF-8' },
  locale: 'fr-CA',
  timezoneId: 'America/Toronto',
  viewport: { width: 1280, height: 860 },
});

async function signIn(name) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: `Se connecter : ${name}` }).click();
  await page.locator('.who').filter({ hasText: name }).waitFor();
  return page;
}

async function go(page, path, ready) {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await ready();
  await page.waitForTimeout(300);
}

try {
  const advisor = await signIn('Marie-Ève Lavoie');
  await advisor.getByTestId('worklist').waitFor();
  await advisor.screenshot({ path: join(out, 'worklist.png') });
  await advisor.getByRole('link', { name: 'Boulangerie Les Délices de Chomedey inc.', exact: true }).first().click();
  await advisor.getByTestId('timeline').first().locator('li').first().waitFor();
  await advisor.getByRole('button', { name: 'Afficher les personnes-ressources' }).click();
  await advisor.getByTestId('contacts').waitFor();
  await advisor.screenshot({ path: join(out, 'company.png'), fullPage: true });
  const manager = await signIn('Sophie Gagnon');
  await go(manager, '/tableau-de-bord', () => manager.getByRole('table', { name: /Tendance/ }).waitFor());
  await manager.getByLabel('Période').selectOption('depuis-le-deploiement');
  await manager.waitForTimeout(800);
  await manager.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });
  await go(manager, '/bilan', () => manager.getByTestId('report').waitFor());
  await manager.getByLabel('Période').selectOption('depuis-le-deploiement');
  await manager.waitForTimeout(800);
  await manager.screenshot({ path: join(out, 'bilan.png'), fullPage: true });
  const admin = await signIn('Administratrice de démonstration');
  await go(admin, '/administration/conseillers', () => admin.getByTestId('advisors').waitFor());
  await admin.screenshot({ path: join(out, 'admin.png') });
  process.stdout.write(`screenshots written to ${out}\n`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
