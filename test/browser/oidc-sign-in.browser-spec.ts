/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { MeDocument, UpdateAdvisorDocument } from '../../operations/generated.js';
import { dataOf, TEST_ADMIN_EMAIL } from '../support/test-app.js';
import { axe, ConsoleBrowser, seriousViolations } from './support/browser.js';
import { OpenIdProvider } from './support/openid-provider.js';

const CLIENT_ID = 'console-crm';
const AUDIENCE = 'crm-immigration-regionale';
const MARIE_EVE = { email: 'marie-eve.lavoie@demo.crm.example' };
const KARIM = { email: 'karim.benali@demo.crm.example' };

// The console's OpenID Connect sign-in (Authorization Code with PKCE, oidc-client-ts) against a provider written
// here (test/browser/support/openid-provider.ts), with the service verifying its tokens by its key set.
describe('console: sign-in with an OpenID Connect provider (Chromium)', () => {
  let provider: OpenIdProvider;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    provider = await OpenIdProvider.start(AUDIENCE);
    browser = await ConsoleBrowser.start({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_CONSOLE_CLIENT_ID: CLIENT_ID,
    });
    provider.register(CLIENT_ID, `${browser.app.url}/connexion/retour`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
  });

  beforeEach(() => {
    provider.user = null;
    provider.beforeRedirect = null;
    provider.down = false;
  });

  /** A page that records the console's navigations and the Authorization header of each /graphql request. */
  const openPage = async () => {
    const page = await browser.page();
    const navigations: string[] = [];
    const bearers: (string | undefined)[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    page.on('request', (request) => {
      if (request.url() === `${browser.app.url}/graphql`) bearers.push(request.headers().authorization);
    });
    await page.goto(`${browser.app.url}/`);
    return { page, navigations, bearers };
  };

  const startSignIn = (page: Page) => page.getByRole('button', { name: 'Se connecter avec le fournisseur d’identité' }).click();

  /** Everything the browser keeps that a token could leak into: both storages, cookies of any origin, the address. */
  const kept = async (page: Page) => ({
    ...(await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, href: location.href }))),
    cookies: await browser.context.cookies(),
  });

  it('redirects to the provider with a PKCE S256 challenge, comes back, and lands on « Ma liste » with the bearer token kept in memory only', async () => {
    provider.user = MARIE_EVE;
    const { page, navigations, bearers } = await openPage();
    expect(seriousViolations(await axe(page, 'sign-in (OpenID Connect)'))).toEqual([]);
    const exchangesBefore = provider.exchanges.length;
    // While the person is at the provider, the request's state and PKCE verifier wait in the console tab's own
    // sessionStorage, never in localStorage (shared by every tab of the origin and kept after the browser closes):
    // another tab of the console sees nothing.
    const otherTab = await browser.page();
    await otherTab.goto(`${browser.app.url}/connexion`);
    let duringRedirect: Record<string, string> | undefined;
    provider.beforeRedirect = async () => {
      duringRedirect = await otherTab.evaluate(() => ({ ...localStorage }));
    };
    await startSignIn(page);
    await page.getByRole('heading', { level: 1, name: 'Ma liste' }).waitFor();
    await page.locator('.who').filter({ hasText: 'Marie-Ève Lavoie' }).waitFor();
    await page.getByTestId('worklist').locator('li').first().waitFor();

    // The authorization request: this client, its registered redirect URI, a code with an S256 challenge.
    const authorization = provider.authorizations.at(-1)!;
    expect(Object.fromEntries(authorization)).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: `${browser.app.url}/connexion/retour`,
      response_type: 'code',
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    expect(authorization.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.get('state')).toMatch(/\w{16,}/);
    expect(duringRedirect).toEqual({});
    // Back at the console's callback with the code and the same state…
    const callback = new URL(navigations.find((url) => url.startsWith(`${browser.app.url}/connexion/retour?`))!);
    expect(callback.searchParams.get('state')).toBe(authorization.get('state'));
    expect(callback.searchParams.get('code')).toBeTruthy();
    // …exchanged once, with the verifier of that challenge (the provider checked it) and the same redirect URI.
    const exchanges = provider.exchanges.slice(exchangesBefore);
    expect(exchanges.map((e) => e.outcome)).toEqual(['issued']);
    expect(exchanges[0]!.params.get('code')).toBe(callback.searchParams.get('code'));
    expect(exchanges[0]!.params.get('code_verifier')).not.toBe(authorization.get('code_challenge'));

    // Every API call after that carries the provider's access token (not the ID token).
    const accessToken = exchanges[0]!.accessToken!;
    const signedIn = bearers.filter(Boolean);
    expect(signedIn.length).toBeGreaterThanOrEqual(2); // me, then the worklist
    expect(new Set(signedIn)).toEqual(new Set([`Bearer ${accessToken}`]));
    // The API linked the advisor to the provider's issuer and subject at this first sign-in.
    const [linked] = await browser.app.sql(`SELECT identity_issuer, identity_subject FROM advisors WHERE email = $1`, [MARIE_EVE.email]);
    expect(linked).toEqual({ identity_issuer: provider.issuer, identity_subject: provider.subjectOf(MARIE_EVE.email) });

    // No token, code or PKCE verifier anywhere the browser keeps things; the address is the worklist's.
    const stored = await kept(page);
    const text = JSON.stringify(stored);
    for (const token of [...provider.issued, callback.searchParams.get('code')!, exchanges[0]!.params.get('code_verifier')!]) {
      expect(text).not.toContain(token);
    }
    expect(stored.session).toEqual({});
    expect(stored.local).toEqual({});
    expect(stored.href).toBe(`${browser.app.url}/`);
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('comes back to the page asked for before signing in', async () => {
    provider.user = MARIE_EVE;
    const page = await browser.page();
    await page.goto(`${browser.app.url}/entreprises`);
    await startSignIn(page);
    await page.getByRole('searchbox', { name: 'Rechercher par nom ou NEQ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/entreprises');
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('refuses clearly an identity the CRM does not know, and one whose advisor was deactivated', async () => {
    provider.user = { email: 'personne.inconnue@example.qc.ca' };
    const unknown = await openPage();
    await startSignIn(unknown.page);
    const refusal = unknown.page.getByRole('alert');
    await refusal.filter({ hasText: 'personne.inconnue@example.qc.ca' }).waitFor();
    expect(await refusal.textContent()).toContain('aucune personne active du CRM ne correspond à cette identité');
    expect(await refusal.textContent()).toContain('Réponse du CRM : Aucune conseillère ni aucun conseiller actif ne correspond à ce jeton.');
    await unknown.page.getByRole('heading', { level: 1, name: 'Connexion refusée' }).waitFor();
    expect(await unknown.page.locator('.who').count()).toBe(0);
    expect(await unknown.page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    expect(seriousViolations(await axe(unknown.page, 'sign-in refused (OpenID Connect)'))).toEqual([]);
    expect(JSON.stringify(await kept(unknown.page))).not.toContain(provider.exchanges.at(-1)!.accessToken!);

    // Karim signs in; an administrator deactivates him; his next sign-in through the provider is refused.
    provider.user = KARIM;
    const karim = await openPage();
    await startSignIn(karim.page);
    await karim.page.locator('.who').filter({ hasText: 'Karim Benali' }).waitFor();
    const admin = { token: await provider.accessToken({ email: TEST_ADMIN_EMAIL }) };
    const { me } = dataOf(await browser.app.request(MeDocument, {}, { as: { token: provider.exchanges.at(-1)!.accessToken! } }));
    const [row] = await browser.app.sql<{ version: number }>(`SELECT version FROM advisors WHERE id = $1`, [me.id]);
    dataOf(await browser.app.request(UpdateAdvisorDocument, { input: { id: me.id, version: row!.version, active: false } }, { as: admin }));
    const again = await openPage();
    await startSignIn(again.page);
    await again.page.getByRole('alert').filter({ hasText: 'karim.benali@demo.crm.example' }).waitFor();
    expect(await again.page.locator('.who').count()).toBe(0);
    await again.page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await again.page.getByRole('button', { name: 'Se connecter avec le fournisseur d’identité' }).waitFor();
    for (const { page } of [unknown, karim, again]) {
      expect(browser.problemsOf(page).filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    }
  });

  it('refuses an answer whose state was tampered with: the code is never exchanged and no session starts', async () => {
    provider.user = MARIE_EVE;
    provider.beforeRedirect = (location) => location.searchParams.set('state', `${location.searchParams.get('state')}x`);
    const { page, bearers } = await openPage();
    const exchangesBefore = provider.exchanges.length;
    await startSignIn(page);
    await page.getByRole('alert').filter({ hasText: 'ne correspond à aucune connexion commencée dans ce navigateur' }).waitFor();
    expect(provider.exchanges.length).toBe(exchangesBefore);
    expect(bearers.filter(Boolean)).toEqual([]);
    expect(await page.locator('.who').count()).toBe(0);
    const stored = await kept(page);
    expect(stored.href).toBe(`${browser.app.url}/connexion/retour`);
    // The abandoned request's state and verifier are not left behind.
    expect(stored.session).toEqual({});
    expect(stored.local).toEqual({});
    expect(browser.problemsOf(page)).toEqual([]);
  });

  it('says so when the provider is down, and lets the person try again', async () => {
    provider.down = true;
    const { page } = await openPage();
    await startSignIn(page);
    await page.getByRole('alert').filter({ hasText: 'Le fournisseur d’identité ne répond pas' }).waitFor();
    provider.down = false;
    provider.user = MARIE_EVE;
    await startSignIn(page);
    await page.locator('.who').filter({ hasText: 'Marie-Ève Lavoie' }).waitFor();
    expect(browser.problemsOf(page).filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });

  it('says so when the provider does not sign the person in', async () => {
    provider.user = null; // the provider answers error=access_denied
    const { page } = await openPage();
    await startSignIn(page);
    await page.getByRole('alert').filter({ hasText: 'Le fournisseur d’identité n’a pas ouvert de session' }).waitFor();
    expect(await page.locator('.who').count()).toBe(0);
    expect(browser.problemsOf(page)).toEqual([]);
  });
});
