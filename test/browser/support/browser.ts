/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TestApp } from '../../support/test-app.js';

/** Debian's Chromium (`apt-get install -y chromium`); nothing here downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium ships en-US only; its other languages come with `chromium-l10n`. */
const DEBIAN_FRENCH = '/usr/lib/chromium/locales/fr.pak';

/**
 * The browser's own language, as a Québec user's (fr-CA): on Linux, Chromium takes it from the environment, not
 * from --lang, and it decides how native controls read (a date field as jj/mm/aaaa, not mm/dd/yyyy). Playwright's
 * `locale` sets what pages see (navigator.language, Intl, Accept-Language).
 */
const FRENCH_ENVIRONMENT = { LANGUAGE: 'fr_CA:fr', LANG: 'fr_CA.UTF-8' };

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=fr-CA',
];

/**
 * The browser side of a test file: the real service on a copy of the template database with the demo data, and
 * Chromium with a fresh profile. Each page records what the browser reported (CSP violations, uncaught errors),
 * which `problems` returns so tests can assert there were none.
 */
export class ConsoleBrowser {
  private readonly problems = new Map<Page, string[]>();

  private constructor(
    readonly app: TestApp,
    readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  static async start(settings: Record<string, string> = {}): Promise<ConsoleBrowser> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium chromium-l10n (or set CHROMIUM_PATH)`);
    if (CHROMIUM === '/usr/bin/chromium' && !existsSync(DEBIAN_FRENCH)) {
      throw new Error(`${DEBIAN_FRENCH} is missing, so Chromium's own controls would read in English (mm/dd/yyyy): apt-get install -y chromium-l10n`);
    }
    const app = await TestApp.start({ DEMO_DATA: 'true', ...settings });
    const profile = mkdtempSync(join(tmpdir(), 'crm-chromium-'));
    // Playwright passes --headless itself and wants the profile folder as launchPersistentContext's argument.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      env: { ...process.env, ...FRENCH_ENVIRONMENT },
      locale: 'fr-CA',
      timezoneId: 'America/Toronto',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    return new ConsoleBrowser(app, context, profile);
  }

  async page(): Promise<Page> {
    const page = await this.context.newPage();
    const seen: string[] = [];
    this.problems.set(page, seen);
    page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
    });
    return page;
  }

  /** What the browser reported on this page: CSP violations, uncaught exceptions, console errors. */
  problemsOf(page: Page): string[] {
    return this.problems.get(page) ?? [];
  }

  /** Opens the console and signs in with the development sign-in as the demo person named. */
  async signIn(fullName: string, path = '/'): Promise<Page> {
    const page = await this.page();
    await page.goto(`${this.app.url}${path}`);
    await page.getByRole('button', { name: `Se connecter : ${fullName}` }).click();
    await page.locator('.who').filter({ hasText: fullName }).waitFor();
    return page;
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
    await this.app.close();
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeSummary {
  page: string;
  violations: { id: string; impact: string | null; help: string; nodes: number }[];
  passes: number;
}

/**
 * axe-core in the page (WCAG 2.0/2.1 A and AA rules), run through the DevTools protocol so the console's CSP need
 * not allow it. Answers every violation; tests assert that none is serious or critical.
 */
export async function axe(page: Page, name: string): Promise<AxeSummary> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe.run;
    const r = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return {
      violations: r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) })),
      passes: r.passes.length,
    };
  });
  const summary = { page: name, ...result };
  process.stdout.write(
    `axe ${name}: ${summary.violations.length} violation(s)${summary.violations.map((v: AxeSummary['violations'][number]) => ` [${v.impact}] ${v.id} ×${v.nodes}`).join('')}\n`,
  );
  return summary;
}

/** The serious and critical violations of an axe run (with where they are), for an assertion message. */
export const seriousViolations = (summary: AxeSummary) => summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Watches for an element matching `selector` to enter the page's document (a MutationObserver notes the moment, so
 * the test harness's polling is not counted). Answers a function that waits for it and returns when it appeared on
 * the page's clock (`performance.now()`) and on the wall clock (milliseconds since the epoch). The page must not
 * reload in between (the console navigates without reloading).
 */
export async function watchFor(page: Page, selector: string): Promise<() => Promise<{ at: number; wallTime: number }>> {
  const key = `crmWatch${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ css, name }) => {
      (window as unknown as Record<string, Promise<number>>)[name] = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(css)) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document, { childList: true, subtree: true });
      });
    },
    { css: selector, name: key },
  );
  return () =>
    page.evaluate(async (name) => {
      const at = await (window as unknown as Record<string, Promise<number>>)[name]!;
      return { at, wallTime: performance.timeOrigin + at };
    }, key);
}

/**
 * Milliseconds the page took from just before `action` (a click, a client-side navigation) until an element
 * matching `selector` was in its document, on the page's own clock; printed, and returned for the test to check it
 * is a real measurement.
 */
export async function renderTime(page: Page, label: string, action: () => Promise<unknown>, selector: string): Promise<number> {
  const drawn = await watchFor(page, selector);
  const start = await page.evaluate(() => performance.now());
  await action();
  const ms = (await drawn()).at - start;
  process.stdout.write(`render ${label}: ${Math.round(ms)} ms\n`);
  return ms;
}

/**
 * The parts of a native date field as the browser presents them, in order, from its accessibility tree (the
 * field's inner spin buttons are not in the page's DOM): e.g. ['Jour', 'Mois', 'Année'] in a French browser.
 */
export async function dateFieldParts(page: Page, selector: string): Promise<string[]> {
  const devtools = await page.context().newCDPSession(page);
  try {
    const { result } = await devtools.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
    if (!result.objectId) throw new Error(`no element matches ${selector}`);
    const { node } = await devtools.send('DOM.describeNode', { objectId: result.objectId });
    const { nodes } = await devtools.send('Accessibility.queryAXTree', { backendNodeId: node.backendNodeId, role: 'spinbutton' });
    return nodes.map((part) => String(part.name?.value ?? '').split(' ')[0]!);
  } finally {
    await devtools.detach();
  }
}

/** Client-side navigation to a console path, as a click on one of its links does (no page reload). */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
