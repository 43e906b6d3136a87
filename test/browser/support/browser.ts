/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TestApp } from '../../support/test-app.js';

/** Debian's Chromium (`apt-get install -y chromium`); nothing here downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    const app = await TestApp.start({ DEMO_DATA: 'true', ...settings });
    const profile = mkdtempSync(join(tmpdir(), 'crm-chromium-'));
    // Playwright passes --headless itself and wants the profile folder as launchPersistentContext's argument.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
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
 * Milliseconds the browser took from `action` (a click, a navigation) until `ready` resolved, as the page's own
 * clock measured it; printed, and returned for the test to check it is a real measurement.
 */
export async function renderTime(page: Page, label: string, action: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  await page.evaluate(() => performance.mark('crm-action'));
  await action();
  await ready();
  const ms = await page.evaluate(() => performance.now() - performance.getEntriesByName('crm-action').at(-1)!.startTime);
  process.stdout.write(`render ${label}: ${Math.round(ms)} ms\n`);
  return ms;
}

/** Client-side navigation to a console path, as a click on one of its links does (no page reload). */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
