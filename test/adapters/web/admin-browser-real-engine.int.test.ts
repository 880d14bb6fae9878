import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { startWeb } from '../../../src/adapters/web/start-web.js';
import { openAnswerLog, type SqliteAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { createRuntime, type Runtime } from '../../../src/main/runtime.js';
import { browserAvailability, launchChromium, openPage, signInThroughForm } from './browser-support.js';
import { HMAC_KEY, PASSWORD } from './web-harness.js';
import { embeddedSharedState } from '../../../src/main/shared-state.js';

const availability = browserAvailability();

describe.skipIf(!availability.run)('admin web in a real browser (real engine: ingestion, index, retrieval)', () => {
  let browser: Browser;
  let dir: string;
  let runtime: Runtime;
  let log: SqliteAnswerLog;
  let web: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soga-web-real-'));
    mkdirSync(path.join(dir, 'corpus'));
    const config = parseConfig({
      SOGA_DATA_DIR: path.join(dir, 'data'),
      SOGA_CORPUS_DIR: path.join(dir, 'corpus'),
      // The tiny real ONNX model of test/fixtures: real embedding code, no download.
      SOGA_EMBED_MODEL_DIR: path.resolve('test/fixtures/tiny-embedder'),
      SOGA_EMBED_ALLOW_DOWNLOAD: 'false',
      SOGA_EMBED_DTYPE: 'fp32',
      SOGA_WEB_PORT: '0',
      SOGA_ADMIN_PASSWORD: PASSWORD,
      SOGA_LOG_HMAC_KEY: HMAC_KEY,
      SOGA_LOG_DB: path.join(dir, 'data', 'answers.sqlite'),
    });
    runtime = await createRuntime(config, { log: () => undefined });
    log = openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: config.SOGA_LOG_HMAC_KEY });
    web = await startWeb({
      config,
      assistant: runtime.assistant,
      corpus: runtime.corpus,
      log,
      messages: runtime.messages,
      sessions: embeddedSharedState(config).adminSessions,
      signInLockout: embeddedSharedState(config).signInLockout,
      report: () => undefined,
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    log?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a Markdown document, then answers a question about it with a citation', async () => {
    const w = await openPage(browser);
    try {
      await signInThroughForm(w.page, web.url, '/documents');
      await w.page.setInputFiles('input[type="file"]', {
        name: 'community-garden.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(
          '# Community garden project\n\n' +
            'The Social Good Accelerator opened a community garden in Rennes in April 2025. ' +
            'Volunteers from twelve associations maintain the garden every Saturday morning.\n\n' +
            'The harvest is shared with the local food bank, which distributes it to families.\n',
        ),
      });
      await Promise.all([w.page.waitForURL(/\/documents\?job=/), w.page.click('#upload-form button[type="submit"]')]);
      await w.page.locator('#job[data-state="done"], #job[data-state="failed"]').waitFor({ timeout: 60_000 });
      expect(await w.page.locator('#job').getAttribute('data-state'), (await w.page.locator('#job').textContent()) ?? '').toBe('done');
      expect(await w.page.locator('tr.document').textContent()).toContain('Community garden project');
      await w.shot('real-01-uploaded');

      await w.page.click('nav >> text=Playground');
      await w.page.fill('textarea[name="question"]', 'In which city did the Social Good Accelerator open a community garden?');
      await Promise.all([w.page.waitForLoadState('load'), w.page.click('form.playground button[type="submit"]')]);
      await w.page.locator('#playground-answer').waitFor();
      await w.shot('real-02-playground');
      expect(await w.page.locator('#playground-answer .answer-text').textContent()).toContain('Rennes');
      expect(await w.page.locator('#playground-answer ol.sources').textContent()).toContain('Community garden project');
      const entry = (await log.list({ surface: 'web' })).items[0];
      expect(entry.outcome).toBe('answered');
      expect((await log.get(entry.id))!.citations[0].title).toBe('Community garden project');
      expect(w.errors).toEqual([]);
    } finally {
      await w.context.close();
    }
  }, 120_000);
});
