/**
 * The review desk (issue 18) in real Chromium: what a row tells at a glance, search over answers,
 * filters that survive opening an entry, "next unreviewed", readable diagnostics, phones (390 px),
 * dark mode, and the playground's follow-ups and ratings. Screenshots at 1280 and 390 px go to
 * test-results/admin-web/ (git-ignored).
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskContext } from '../../../src/core/types.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { accessibilityViolations, browserAvailability, launchChromium, openPage, signInThroughForm, type WatchedPage } from './browser-support.js';
import { startHarness, type Harness } from './web-harness.js';

const availability = browserAvailability();

/** Answers every question, saying how many earlier turns it was given, so follow-ups can be checked. */
function conversationalAnswer(question: string, context: AskContext) {
  const earlier = (context.history ?? []).filter((t) => t.role === 'user').map((t) => t.text);
  return makeAnswer({
    question,
    standaloneQuestion: earlier.length ? `${earlier.join(' / ')} / ${question}` : question,
    language: 'en',
    outcome: 'answered',
    mode: 'extractive',
    grounded: true,
    text: `Answer ${earlier.length + 1}: the hackathon takes place in Lyon.`,
  });
}

describe.skipIf(!availability.run)('the review desk in a real browser', () => {
  let browser: Browser;
  let h: Harness;
  let w: WatchedPage;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    h = await startHarness({ assistant: new FakeAssistant(conversationalAnswer) });
    ids.refused = await h.log.record({ surface: 'matrix', askerId: 'u1', answer: makeAnswer({ question: 'Qui est le trésorier ?', language: 'fr', text: 'Les articles de SOGA ne le disent pas.' }) });
    ids.fellBack = await h.log.record({
      surface: 'discord',
      askerId: 'u2',
      answer: makeAnswer({
        question: 'When is the summit?',
        language: 'en',
        outcome: 'answered',
        mode: 'extractive',
        grounded: true,
        fallbackReason: 'citation check failed: [3] names no passage',
        text: 'The summit takes place on 4 May 2023 in Strasbourg. [1]\nSecond line that the list does not show.',
        timings: { languageMs: 1, condenseMs: 0, embedMs: 3, retrieveMs: 12, answerMs: 3100, totalMs: 3116 },
      }),
    });
    ids.followUp = await h.log.record({
      surface: 'discord',
      askerId: 'u2',
      answer: makeAnswer({
        question: 'And where?',
        standaloneQuestion: 'Where does the Strasbourg summit take place?',
        language: 'en',
        outcome: 'answered',
        mode: 'extractive',
        grounded: true,
        text: 'At the Palais de la Musique et des Congrès. [1]',
      }),
    });
    await h.log.addFeedback(ids.followUp, { rating: 'down', by: 'u2' });
    w = await openPage(browser);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await w.shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
    await w.context.close();
    await h.stop();
  });

  it('shows for each answer its first line, how it ended, the language by name, feedback in words and a dated time', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    const row = (id: string) => w.page.locator(`tr.entry[data-id="${id}"]`);
    expect(await row(ids.fellBack).locator('.answer-line').textContent()).toBe('The summit takes place on 4 May 2023 in Strasbourg. [1]');
    expect(await row(ids.fellBack).locator('td.outcome').textContent()).toMatch(/fell back\s+citation check failed/);
    expect(await row(ids.refused).locator('td.outcome').textContent()).toMatch(/refused\s+not in the articles/);
    expect(await row(ids.followUp).locator('td.outcome').textContent()).toMatch(/^answered$/);
    expect(await row(ids.followUp).locator('a.follow-up').textContent()).toBe('↳ follow-up');
    expect(await row(ids.fellBack).locator('a.follow-up').count()).toBe(0);
    expect(await row(ids.refused).locator('td.lang').textContent()).toBe('French');
    expect(await row(ids.followUp).locator('td.feedback').textContent()).toMatch(/1 not helpful/);
    expect(await row(ids.refused).locator('td.time').textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);
    expect(await w.page.locator('select[name="lang"] option[value="fr"]').textContent()).toBe('French');
    await w.shot('desk-01-log-1280');
    expect(w.errors).toEqual([]);
  });

  it('searches answers as well as questions, keeps the search in the URL and in the detail links', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    await w.page.fill('input[name="q"]', 'palais congres');
    await Promise.all([w.page.waitForURL(/q=palais\+congres/), w.page.click('#log-filters button[type="submit"]')]);
    expect(await w.page.locator('tr.entry td.question a.entry-link').allTextContents()).toEqual(['And where?']);
    await w.page.reload();
    expect(await w.page.locator('input[name="q"]').inputValue()).toBe('palais congres');
    await Promise.all([w.page.waitForURL(/\/log\/\d+\?q=palais/), w.page.click('tr.entry td.question a.entry-link')]);
    await Promise.all([w.page.waitForURL(/\/log\?q=palais\+congres$/), w.page.click('.entry-nav a:first-child')]);
    expect(await w.page.locator('tr.entry').count()).toBe(1);
  });

  it('saves a review and opens the next unreviewed answer of the same view, then says when none is left', async () => {
    await signInThroughForm(w.page, h.url, '/log?lang=en');
    await Promise.all([w.page.waitForURL(new RegExp(`/log/${ids.followUp}\\?lang=en`)), w.page.click(`tr.entry[data-id="${ids.followUp}"] td.question a.entry-link`)]);
    await w.page.check('input[name="status"][value="reviewed"]');
    await Promise.all([w.page.waitForURL(new RegExp(`/log/${ids.fellBack}\\?lang=en&saved=${ids.followUp}`)), w.page.click('#save-next')]);
    expect(await w.page.locator('p.notice').textContent()).toBe(`Review of #${ids.followUp} saved.`);
    await w.page.check('input[name="status"][value="flagged"]');
    await Promise.all([w.page.waitForURL(/none=1/), w.page.click('#save-next')]);
    // The French refusal is outside the lang=en view: it is not "next".
    expect(new URL(w.page.url()).pathname).toBe(`/log/${ids.fellBack}`);
    expect(await w.page.locator('p.notice').textContent()).toBe('Review saved. No unreviewed answer left in this view.');
    expect((await h.log.get(ids.followUp))!.reviewStatus).toBe('reviewed');
    expect((await h.log.get(ids.fellBack))!.reviewStatus).toBe('flagged');
    expect((await h.log.get(ids.refused))!.reviewStatus).toBe('unreviewed');
  });

  it('names the stages and their times, and shows the searched query when it differs from the question', async () => {
    await signInThroughForm(w.page, h.url, `/log/${ids.fellBack}`);
    const timings = (await w.page.locator('#timings').textContent())!;
    expect(timings).toContain('finding passages 12 ms');
    expect(timings).toContain('writing the answer 3.1 s');
    expect(timings).toContain('3.1 s in all');
    expect(await w.page.locator('#searched-query').count()).toBe(0);
    await w.shot('desk-02-detail-1280');
    await w.page.goto(`${h.url}/log/${ids.followUp}`);
    expect(await w.page.locator('#searched-query .searched-text').textContent()).toBe('Where does the Strasbourg summit take place?');
    // The turn before, by the same asker: "And where?" reads with its context.
    const turns = w.page.locator('#conversation li.turn');
    expect(await turns.count()).toBe(2);
    expect(await turns.nth(0).textContent()).toContain('When is the summit?');
    expect(await turns.nth(1).getAttribute('aria-current')).toBe('true');
    expect(await w.page.locator('#searched-query').isVisible()).toBe(true);
    await w.shot('desk-03-follow-up-1280');
  });

  it('fits a 390 px phone on every page, without sideways scrolling', async () => {
    await w.page.setViewportSize({ width: 390, height: 844 });
    await signInThroughForm(w.page, h.url, '/log');
    for (const [name, path] of [
      ['log', '/log'],
      ['detail', `/log/${ids.followUp}`],
      ['overview', '/overview'],
      ['documents', '/documents'],
      ['playground', '/playground'],
    ] as const) {
      await w.page.goto(`${h.url}${path}`);
      const width = await w.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
      const signOut = await w.page.locator('.sign-out button').boundingBox();
      expect(signOut!.x + signOut!.width, `${path}: sign-out inside the header`).toBeLessThanOrEqual(390);
      await w.shot(`desk-04-${name}-390`);
      if (name === 'overview') {
        await w.page.setViewportSize({ width: 1280, height: 900 });
        await w.shot('desk-09-overview-1280');
        await w.page.setViewportSize({ width: 390, height: 844 });
      }
    }
    expect(w.errors).toEqual([]);
  });

  it('has no serious accessibility violation (axe-core) on any page, in light and dark', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    const pages = ['/overview', '/log', `/log/${ids.followUp}`, '/documents', '/playground'];
    for (const scheme of ['light', 'dark'] as const) {
      await w.page.emulateMedia({ colorScheme: scheme });
      for (const path of pages) {
        await w.page.goto(`${h.url}${path}`);
        expect(await accessibilityViolations(w.page), `${path} (${scheme})`).toEqual([]);
      }
    }
    await w.context.clearCookies();
    await w.page.goto(`${h.url}/sign-in`);
    expect(await accessibilityViolations(w.page), '/sign-in').toEqual([]);
  });

  it('follows the dark colour preference, and the switch overrides it either way', async () => {
    // Polled: the click's new page (same URL, so waitForURL resolves at once) may not have replaced the old one yet.
    const isDark = async () => {
      const [r, g, b] = (await w.page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).match(/\d+/g)!.map(Number);
      return r + g + b < 3 * 64;
    };
    await w.page.emulateMedia({ colorScheme: 'dark' });
    await signInThroughForm(w.page, h.url, '/log');
    await expect.poll(isDark).toBe(true);
    await Promise.all([w.page.waitForURL(/\/log$/), w.page.click('.theme-switch a[href^="/theme/light"]')]);
    await expect.poll(isDark).toBe(false);
    await w.page.emulateMedia({ colorScheme: 'light' });
    await Promise.all([w.page.waitForURL(/\/log$/), w.page.click('.theme-switch a[href^="/theme/dark"]')]);
    await expect.poll(isDark).toBe(true);
    await Promise.all([w.page.waitForURL(/\/log$/), w.page.click('.theme-switch a[href^="/theme/auto"]')]);
    await expect.poll(isDark).toBe(false);
    await w.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(isDark).toBe(true);
    await w.shot('desk-05-log-dark-1280');
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(`${h.url}/log/${ids.fellBack}`);
    await w.shot('desk-06-detail-dark-390');
  });

  it('holds a conversation in the playground, with follow-ups and a rating, each turn logged', async () => {
    await signInThroughForm(w.page, h.url, '/playground');
    expect(await w.page.locator('select[name="locale"] option[value="fr"]').textContent()).toBe('French');
    await w.page.fill('textarea[name="question"]', 'Where is the next hackathon?');
    await Promise.all([w.page.waitForLoadState('load'), w.page.click('form.playground button[type="submit"]')]);
    expect(await w.page.locator('#playground-answer .answer-text').textContent()).toBe('Answer 1: the hackathon takes place in Lyon.');
    await w.page.fill('textarea[name="question"]', 'And when?');
    await Promise.all([w.page.waitForLoadState('load'), w.page.click('form.playground button[type="submit"]')]);
    expect(await w.page.locator('#playground-answer .answer-text').textContent()).toBe('Answer 2: the hackathon takes place in Lyon.');
    expect(await w.page.locator('#conversation .turn-user').allTextContents()).toEqual(['You: Where is the next hackathon?']);
    await Promise.all([w.page.waitForURL(/rated=down/), w.page.click('#rate button[value="down"]')]);
    expect(await w.page.locator('#rate .notice').textContent()).toBe('Thanks: recorded as not helpful.');
    expect(await w.page.locator('#playground-answer .answer-text').textContent()).toBe('Answer 2: the hackathon takes place in Lyon.');
    await w.shot('desk-07-playground-1280');
    const logged = (await h.log.list({ surface: 'web' })).items;
    expect(logged.map((e) => [e.question, e.thumbsDown])).toEqual([
      ['And when?', 1],
      ['Where is the next hackathon?', 0],
    ]);
    expect((await h.log.get(logged[0].id))!.standaloneQuestion).toBe('Where is the next hackathon? / And when?');
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.shot('desk-08-playground-390');
    expect(await w.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(w.errors).toEqual([]);
  });
});
