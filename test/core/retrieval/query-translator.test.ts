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
    // The German-French pair, then the English one its untranslated words were tried in: each once.
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/de→fr.*truncated index/);
    expect(warnings[1]).toMatch(/en→fr.*truncated index/);
  });
  it('looks a word its own dictionaries do not list up as a borrowed English word', async () => {
    const lexicon = new FakeLexicon({ 'pt-fr': { cadeira: ['chaise'] }, 'en-fr': { meeting: ['reunion'], cadeira: ['wrong'] } });
    const out = await createQueryTranslator(lexicon, () => undefined).translateUnknown(terms('cadeira', 'meeting', 'xyzzy'), 'pt', ['pt', 'fr', 'en'], stats([]));
    // "cadeira" has its Portuguese sense only; English is never asked for a word into English.
    expect(Object.fromEntries(out)).toEqual({ cadeira: ['chaise'], meeting: ['reunion'] });
    expect(lexicon.calls.some((c) => c.from === 'en' && c.to === 'en')).toBe(false);
  });
});
