import { describe, expect, it } from 'vitest';
import { createQueryTranslator } from '../../../src/core/retrieval/query-translator.js';
import { FakeLexicon } from '../../fakes/fake-lexicon.js';
import type { TermStats, WeightedTerm } from '../../../src/core/answer/matching.js';

const stats = (known: string[]): TermStats => ({ df: (w: string) => (known.includes(w) ? 3 : 0), total: 10 });
const terms = (...words: string[]): WeightedTerm[] => words.map((word) => ({ word, weight: 1, stems: new Set([word]) }));

describe('dictionary translations of the words the corpus never uses', () => {
  it('translates only unknown words, into each other corpus language', async () => {
    const lexicon = new FakeLexicon({ 'de-fr': { mitglieder: ['membre'] }, 'de-en': { mitglieder: ['member'] } });
    const out = await createQueryTranslator(lexicon, () => undefined).translateUnknown(terms('mitglieder', 'soga'), 'de', ['de', 'fr', 'en'], stats(['soga']));
    expect(out.get('mitglieder')).toEqual(['membre', 'member']);
    expect(lexicon.calls.every((c) => c.words.join() === 'mitglieder')).toBe(true);
  });
  it('goes on without a broken dictionary and says so once per pair', async () => {
    const lexicon = new FakeLexicon({});
    lexicon.failure = new Error('truncated index');
    const warnings: string[] = [];
    const t = createQueryTranslator(lexicon, (m) => warnings.push(m));
    expect((await t.translateUnknown(terms('mitglieder'), 'de', ['de', 'fr'], stats([]))).size).toBe(0);
    await t.translateUnknown(terms('mitglieder'), 'de', ['de', 'fr'], stats([]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/de→fr.*truncated index/);
  });
});
