/**
 * Issue 15: with templated announcements merged into one another, "Quand a lieu la rencontre
 * Lupekevi ?" was answered with another event's date and city. Through the real ingest and ask().
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createRuntime } from '../../src/main/runtime.js';
import { TempDirs } from './helpers/env.js';
import { templatedArticles } from './helpers/templated-articles.js';

const temp = new TempDirs();
afterAll(() => temp.removeAll());

describe('templated announcements answer with their own facts', { timeout: 180_000 }, () => {
  it('ingests 400 announcements as 400 documents and answers each named one with its own date and city', async () => {
    const root = await temp.make('soga-templated-');
    const corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    const articles = templatedArticles(400);
    for (const a of articles) await writeFile(path.join(corpusDir, `${a.code}.md`), a.markdown);
    const runtime = await createRuntime(
      parseConfig({ SOGA_DATA_DIR: path.join(root, 'data'), SOGA_CORPUS_DIR: corpusDir, SOGA_EMBED_PROVIDER: 'none', SOGA_LOG_ENABLED: 'false', SOGA_DICTIONARY_DIR: '' }),
      { log: () => undefined },
    );
    try {
      const report = await runtime.ingest();
      expect(report.added).toHaveLength(400);
      expect(report.merged).toEqual([]);
      // Neighbours in the generator: names that differ by one syllable, same template.
      for (const a of [articles[137], articles[138], articles[153]]) {
        const answer = await runtime.assistant.ask(`Quand a lieu la rencontre ${a.name} ?`);
        expect(answer.grounded, a.name).toBe(true);
        expect(answer.citations[0].title).toBe(a.title);
        expect(answer.text).toContain(a.city);
      }
    } finally {
      await runtime.close();
    }
  });
});
