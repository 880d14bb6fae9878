/**
 * Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core. Outside CI the browser
 * tests are skipped, with the reason printed, when Chromium is not installed; in CI they must run.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from './web-harness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-results', 'admin-web');

export function browserAvailability(): { run: boolean; reason?: string } {
  if (existsSync(CHROMIUM)) return { run: true };
  if (process.env.CI === 'true') return { run: true }; // launching will fail loudly, as it must in CI
  const reason = `${CHROMIUM} not found; install it with scripts/install-chromium.sh (browser tests skipped outside CI)`;
  console.warn(`[admin web browser tests] skipped: ${reason}`);
  return { run: false, reason };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors (CSP violations show up here) and uncaught page errors. */
  errors: string[];
  /** alert() calls: any is a script injection. */
  alerts: string[];
  shot(name: string): Promise<void>;
}

export async function openPage(browser: Browser, options: { locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const alerts: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'confirm') return dialog.accept();
    alerts.push(dialog.message());
    return dialog.dismiss();
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    context,
    errors,
    alerts,
    shot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
  };
}

export async function signInThroughForm(page: Page, base: string, next = '/log', password = PASSWORD): Promise<void> {
  await page.goto(`${base}${next}`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.fill('input[name="name"]', 'Camille');
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.click('form.sign-in button[type="submit"]')]);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page as it is, as "rule: selector" lines. The
 * script is evaluated through the DevTools protocol, which the page's CSP does not govern, so the CSP
 * stays as strict as in production.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<string[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' '))))`);
  return violations;
}
