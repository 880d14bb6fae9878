/**
 * Date filters in real Chromium with a US locale (whose native picker shows mm/dd/yyyy): the chosen day
 * is written beside the picker in the interface's language with the month named, as soon as it is picked
 * and again when the page comes back from the server; the query string stays ISO.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium, openPage, signInThroughForm, type WatchedPage } from './browser-support.js';
import { startHarness, type Harness } from './web-harness.js';

const availability = browserAvailability();

describe.skipIf(!availability.run)('date filters in a real browser', () => {
  let browser: Browser;
  let h: Harness;
  let w: WatchedPage;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    h = await startHarness();
    w = await openPage(browser, { locale: 'en-US' });
  });
  afterEach(async () => {
    await w.context.close();
    await h.stop();
  });

  it('names the month of the chosen day beside the picker, in English then French, and keeps ISO in the URL', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    await w.page.fill('#log-from', '2026-11-03');
    expect(await w.page.locator('#log-from-named').textContent()).toBe('3 Nov 2026');
    await Promise.all([w.page.waitForURL(/from=2026-11-03/), w.page.click('#log-filters button[type="submit"]')]);
    expect(new URL(w.page.url()).searchParams.get('from')).toBe('2026-11-03');
    expect(await w.page.locator('#log-from-named').textContent()).toBe('3 Nov 2026');
    await w.shot('dates-01-log-1280');
    await w.page.click('.lang-switch a[lang="fr"]');
    await w.page.waitForSelector('html[lang="fr"]');
    expect(new URL(w.page.url()).searchParams.get('from')).toBe('2026-11-03');
    expect(await w.page.locator('#log-from-named').textContent()).toBe('3 nov. 2026');
    await w.page.fill('#log-to', '2026-12-06');
    expect(await w.page.locator('#log-to-named').textContent()).toBe('6 déc. 2026');
    await w.page.goto(`${h.url}/overview?from=2026-10-01&to=2026-12-06`);
    expect(await w.page.locator('#overview-from-named').textContent()).toBe('1 oct. 2026');
    await w.page.setViewportSize({ width: 390, height: 844 });
    expect(await w.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await w.shot('dates-02-overview-fr-390');
    expect(w.errors).toEqual([]);
  });
});
