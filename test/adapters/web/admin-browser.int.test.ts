import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import { browserAvailability, launchChromium, openPage, signInThroughForm, type WatchedPage } from './browser-support.js';
import { startHarness, type Harness } from './web-harness.js';

const availability = browserAvailability();
const XSS = '<img src=x onerror=alert(1)>';

describe.skipIf(!availability.run)('admin web in a real browser (fake engine)', () => {
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
    const cited = makeAnswer({
      question: 'How many countries came to the Strasbourg summit?',
      outcome: 'answered',
      mode: 'extractive',
      grounded: true,
      language: 'en',
      text: 'People from 14 countries came. [1]',
      citations: [
        { n: 1, chunkId: 'sommet-strasbourg#3', docId: 'sommet-strasbourg', title: 'Sommet de Strasbourg', source: 'soga.md', quote: 'venus de 14 pays', date: '2023-05-04', lang: 'fr', score: 0.91 },
      ],
    });
    await h.log.record({ surface: 'discord', place: 'general', askerId: 'u1', answer: cited });
    await h.log.record({ surface: 'matrix', askerId: 'u2', answer: makeAnswer({ question: 'Who won the 2031 prize?', language: 'en' }) });
    await h.log.record({
      surface: 'matrix',
      askerId: 'u3',
      answer: makeAnswer({ question: 'Qui organise le prochain hackathon ?', language: 'fr', outcome: 'answered', mode: 'extractive', grounded: true }),
    });
    await h.log.record({ surface: 'discord', askerId: 'u4', answer: makeAnswer({ question: XSS }) });
    w = await openPage(browser);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await w.shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
    await w.context.close();
    await h.stop();
  });

  it('signs in through the form and lands on the page asked for', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    expect(new URL(w.page.url()).pathname).toBe('/log');
    expect(await w.page.locator('h1').textContent()).toBe('Answer log');
    await w.shot('01-log-after-sign-in');
    expect(w.errors).toEqual([]);
  });

  it('filters the log to refused Matrix questions', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    expect(await w.page.locator('tr.entry').count()).toBe(4);
    await w.page.selectOption('select[name="surface"]', 'matrix');
    await w.page.check('input[name="refused"]');
    await Promise.all([w.page.waitForURL(/surface=matrix/), w.page.click('#log-filters button[type="submit"]')]);
    const questions = await w.page.locator('tr.entry td.question a.entry-link').allTextContents();
    expect(questions).toEqual(['Who won the 2031 prize?']);
    await w.shot('02-log-filtered');
  });

  it('opens a detail with its cited passage and marks it reviewed with a correction', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    await Promise.all([w.page.waitForURL(/\/log\/\d+$/), w.page.click('text=How many countries came to the Strasbourg summit?')]);
    expect(await w.page.locator('#answer-text').textContent()).toContain('14 countries');
    expect(await w.page.locator('table.citations').textContent()).toContain('sommet-strasbourg#3');
    expect(await w.page.locator('table.citations').textContent()).toContain('0.9100');
    await w.shot('03-detail');
    await w.page.check('input[name="status"][value="reviewed"]');
    await w.page.fill('textarea[name="corrected"]', 'Participants came from 14 countries.');
    await w.page.fill('textarea[name="facts"]', '14');
    await Promise.all([w.page.waitForURL(/saved=1/), w.page.click('form.review-form button[value="stay"]')]);
    expect(await w.page.locator('p.notice').textContent()).toBe('Review saved.');
    const id = new URL(w.page.url()).pathname.split('/').pop()!;
    expect(await h.log.get(id)).toMatchObject({ reviewStatus: 'reviewed', reviewedBy: 'Camille', correctedAnswer: 'Participants came from 14 countries.', correctedFacts: ['14'] });
    await w.shot('04-reviewed');
    expect(w.errors).toEqual([]);
  });

  it('shows a hostile question as text, never as markup', async () => {
    await signInThroughForm(w.page, h.url, '/log');
    const cell = w.page.locator('tr.entry td.question a.entry-link', { hasText: XSS });
    expect(await cell.count()).toBe(1);
    expect(await w.page.locator('main img').count()).toBe(0);
    await cell.click();
    await w.page.waitForURL(/\/log\/\d+$/);
    expect(await w.page.locator('#question-text').textContent()).toBe(XSS);
    expect(await w.page.locator('main img').count()).toBe(0);
    await w.page.waitForTimeout(200);
    expect(w.alerts).toEqual([]);
    await w.shot('05-xss-as-text');
  });

  it('uploads a Markdown document with a progress indicator, answers from it in the playground, then deletes it', async () => {
    (h.corpus as FakeCorpus).delayMs = 1500;
    await signInThroughForm(w.page, h.url, '/documents');
    await w.page.setInputFiles('input[type="file"]', {
      name: 'hackathon-2026.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Hackathon 2026\n\nThe next SOGA hackathon takes place in Lyon on 12 March 2026.\n\nTeams of four build tools for associations.'),
    });
    await Promise.all([w.page.waitForURL(/\/documents\?job=/), w.page.click('#upload-form button[type="submit"]')]);
    await w.page.locator('#job progress').waitFor({ state: 'visible' });
    await w.shot('06-upload-in-progress');
    // app.js polls the job and reloads the list when it is done.
    await w.page.locator('#job[data-state="done"]').waitFor({ timeout: 10_000 });
    expect(await w.page.locator('tr.document').count()).toBe(1);
    expect(await w.page.locator('tr.document').textContent()).toContain('Hackathon 2026');
    await w.shot('07-uploaded');

    await w.page.click('nav >> text=Playground');
    await w.page.fill('textarea[name="question"]', 'Where does the next hackathon take place?');
    await Promise.all([w.page.waitForLoadState('load'), w.page.click('form.playground button[type="submit"]')]);
    await w.page.locator('#playground-answer').waitFor();
    expect(await w.page.locator('#playground-answer .answer-text').textContent()).toContain('Lyon');
    expect(await w.page.locator('#playground-answer ol.sources').textContent()).toContain('Hackathon 2026');
    expect((await h.log.list({ surface: 'web' })).items.map((e) => e.question)).toEqual(['Where does the next hackathon take place?']);
    await w.shot('08-playground');

    (h.corpus as FakeCorpus).delayMs = 300;
    await w.page.click('nav >> text=Documents');
    await Promise.all([w.page.waitForURL(/\/documents\?job=/), w.page.click('tr.document button[type="submit"]')]);
    await w.page.locator('#job[data-state="done"]').waitFor({ timeout: 10_000 });
    expect(await w.page.locator('tr.document').count()).toBe(0);
    await w.shot('09-deleted');
    expect(w.errors).toEqual([]);
  });

  it('switches to French and draws the overview chart', async () => {
    await signInThroughForm(w.page, h.url, '/overview');
    expect(await w.page.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);
    await Promise.all([w.page.waitForURL(/\/overview/), w.page.click('.lang-switch a[lang="fr"]')]);
    expect(await w.page.locator('h1').textContent()).toBe("Vue d'ensemble");
    expect(await w.page.locator('#stat-total').textContent()).toBe('4');
    await w.shot('10-overview-fr');
    expect(w.errors).toEqual([]);
  });
});
