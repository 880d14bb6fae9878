/**
 * The corrections desk in real Chromium: an admin approves an answer for a logged question, a member's
 * paraphrase then gets it (marked as reviewed, dated, citing the ticked passage), the use is listed, and
 * once withdrawn it is never given again; a staff reply proposed from a chat thread is approved after an
 * edit, another dismissed; a refused form keeps what was typed. Axe-core and 390 px on each page;
 * screenshots in test-results/admin-web/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/core/ask.js';
import { loadMessages } from '../../../src/infra/prompt-files.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../../fakes/fake-chunk-store.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { testAskOptions } from '../../fakes/ask-options.js';
import { accessibilityViolations, browserAvailability, launchChromium, openPage, signInThroughForm, type WatchedPage } from './browser-support.js';
import { startHarness, type Harness } from './web-harness.js';

const availability = browserAvailability();
const QUESTION = 'Où se tiendra le sommet européen des coopératives ?';
const PARAPHRASE = 'Le sommet européen des coopératives se tiendra où ?';
const CITATION = {
  n: 1,
  chunkId: 'doc-0#0',
  docId: 'doc-0',
  title: 'Sommet des coopératives',
  source: 'file-0.md',
  quote: 'Le sommet européen des coopératives se tiendra à Porto en 2027.',
  date: '2025-03-01',
  lang: 'fr',
  score: 0.5,
};

describe.skipIf(!availability.run)('corrections in a real browser', () => {
  let browser: Browser;
  let h: Harness;
  let w: WatchedPage;
  let entryId: string;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    const messages = await loadMessages('prompts');
    h = await startHarness({
      assistantWith: (corrections) =>
        createAssistant(
          {
            store: FakeChunkStore.withPassages([{ title: CITATION.title, text: CITATION.quote, date: CITATION.date }]),
            embedder: null,
            chat: null,
            detector: new EldLanguageDetector({ fallback: 'en' }),
            messages,
            prompts: { system: 'rules', answer: '{{passages}}\n{{question}}', condense: '{{history}}\n{{question}}' },
            clock: { now: () => new Date('2026-12-06T12:00:00Z') },
            corrections,
          },
          testAskOptions(),
        ),
    });
    entryId = await h.log.record({
      surface: 'discord',
      askerId: 'u1',
      answer: makeAnswer({ question: QUESTION, language: 'fr', outcome: 'answered', mode: 'extractive', grounded: true, text: `« ${CITATION.quote} » [1]`, citations: [CITATION] }),
    });
    w = await openPage(browser);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await w.shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
    await w.context.close();
    await h.stop();
  });

  const askInPlayground = async (question: string) => {
    await w.page.goto(`${h.url}/playground`);
    await w.page.fill('textarea[name="question"]', question);
    await Promise.all([w.page.waitForLoadState('load'), w.page.click('form.playground button[type="submit"]')]);
    return (await w.page.locator('#playground-answer .answer-text').textContent()) ?? '';
  };

  it('approves an answer from the log, gives it to a paraphrase, lists the use, and stops after a withdrawal', async () => {
    await signInThroughForm(w.page, h.url, `/log/${entryId}`);
    expect(await w.page.locator('#approve-question').inputValue()).toBe(QUESTION);
    expect(await w.page.locator('#approve-form input[name="source"]').isChecked()).toBe(true);
    await w.page.fill('#approve-answer', 'À Lisbonne, les 4 et 5 juin 2027 : le lieu a changé depuis l’article.');
    await w.shot('corrections-01-approve-1280');
    await Promise.all([w.page.waitForURL(/\/corrections\/\d+\?done=approved$/), w.page.click('#approve-form button[type="submit"]')]);
    expect(await w.page.locator('p.notice').textContent()).toContain('Approved');
    const correctionId = new URL(w.page.url()).pathname.split('/').pop()!;

    const answer = await askInPlayground(PARAPHRASE);
    expect(answer).toMatch(/^Réponse vérifiée \(relue par l'équipe SOGA le \d{1,2} \S+ 2026\) :/);
    expect(answer).toContain('À Lisbonne');
    expect(answer).not.toContain('Porto en 2027. »');
    await w.shot('corrections-02-playground-1280');

    await w.page.goto(`${h.url}/corrections/${correctionId}`);
    expect(await w.page.locator('ul.uses li').allTextContents()).toEqual([expect.stringContaining(PARAPHRASE)]);
    await Promise.all([w.page.waitForURL(/done=withdrawn/), w.page.click(`#correction-${correctionId} form button`)]);
    expect((await h.corrections.getCorrection(correctionId))!.withdrawn).toBe(true);

    const after = await askInPlayground(PARAPHRASE);
    expect(after).not.toContain('Réponse vérifiée');
    expect(after).toContain('Porto');
    expect(await h.corrections.uses(correctionId)).toHaveLength(1);
    expect((await h.log.listAudit()).map((a) => a.action)).toEqual(expect.arrayContaining(['approve_correction', 'withdraw_correction']));
    expect(w.errors).toEqual([]);
  });

  it('keeps what was typed and says what to fix when the approved answer is empty', async () => {
    await signInThroughForm(w.page, h.url, `/log/${entryId}`);
    await w.page.fill('#approve-question', 'Où aura lieu le sommet des coopératives ?');
    // The browser's own check would stop an empty field before the server sees it: the server must say it too.
    await w.page.evaluate<void>("document.querySelector('#approve-answer').removeAttribute('required')");
    await w.page.click('#approve-form button[type="submit"]');
    await w.page.waitForSelector('#approve-error');
    expect(await w.page.locator('#approve-error').textContent()).toBe('Write the approved answer.');
    expect(await w.page.locator('#approve-question').inputValue()).toBe('Où aura lieu le sommet des coopératives ?');
    expect(await h.corrections.listCorrections()).toEqual([]);
  });

  it('shows staff replies as proposals: one approved after an edit, one dismissed', async () => {
    const approvedId = await h.corrections.propose({ surface: 'discord', place: 't1', question: QUESTION, botEntryId: entryId, reply: 'C’est à Lisbonne maintenant', staffId: 'staff-1' });
    const dismissedId = await h.corrections.propose({ surface: 'matrix', place: '!room', question: QUESTION, botEntryId: entryId, reply: 'lol', staffId: 'staff-2' });
    await signInThroughForm(w.page, h.url, '/corrections');
    expect(await w.page.locator('article.proposal').count()).toBe(2);
    expect(await w.page.locator(`#proposal-${approvedId} .staff-reply`).textContent()).toBe('C’est à Lisbonne maintenant');
    await w.shot('corrections-03-desk-1280');
    await Promise.all([w.page.waitForURL(/done=dismissed/), w.page.click(`#proposal-${dismissedId} form.inline button`)]);
    await w.page.click(`#proposal-${approvedId} details.approve summary`);
    await w.page.fill(`#proposal-${approvedId}-answer`, 'À Lisbonne, les 4 et 5 juin 2027.');
    await w.page.check(`#proposal-${approvedId}-form input[name="source"]`);
    await Promise.all([w.page.waitForURL(/\/corrections\/\d+\?done=approved$/), w.page.click(`#proposal-${approvedId}-form button[type="submit"]`)]);
    const [correction] = await h.corrections.listCorrections();
    expect(correction).toMatchObject({ answer: 'À Lisbonne, les 4 et 5 juin 2027.', lang: 'fr', fromProposalId: approvedId, sources: [expect.objectContaining({ chunkId: CITATION.chunkId })] });
    expect((await h.corrections.getProposal(dismissedId))!.status).toBe('dismissed');
    expect(await h.corrections.listProposals('open')).toEqual([]);
  });

  it('fits 390 px and has no serious accessibility violation on the corrections pages, light and dark', { timeout: 120_000 }, async () => {
    const c = await h.corrections.approve({ question: QUESTION, lang: 'fr', answer: 'À Lisbonne.', sources: [{ ...CITATION }], reviewer: 'Camille', fromEntryId: entryId });
    await h.corrections.propose({
      surface: 'discord',
      question: QUESTION,
      botEntryId: entryId,
      reply: 'Lisbonne, pas Porto : voir le nouvel article du réseau des coopératives européennes.',
      staffId: 's',
    });
    await signInThroughForm(w.page, h.url, '/corrections');
    for (const path of ['/corrections', `/corrections/${c.id}`, `/log/${entryId}`]) {
      for (const scheme of ['light', 'dark'] as const) {
        await w.page.emulateMedia({ colorScheme: scheme });
        await w.page.goto(`${h.url}${path}`);
        expect(await accessibilityViolations(w.page), `${path} (${scheme})`).toEqual([]);
      }
      await w.page.emulateMedia({ colorScheme: 'light' });
      await w.page.setViewportSize({ width: 390, height: 844 });
      await w.page.goto(`${h.url}${path}`);
      if (await w.page.locator('details.approve summary').count()) await w.page.locator('details.approve summary').first().click();
      const width = await w.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
      await w.shot(`corrections-04${path.replace(/\W+/g, '-')}-390`);
      await w.page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(w.errors).toEqual([]);
  });
});
