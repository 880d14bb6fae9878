import { describe, expect, it } from 'vitest';
import { cognateKey, wordSimilarity, words } from '../../../src/core/text/normalize.js';

describe('close cognates across the Romance languages and English', () => {
  it('meets words that the Latin spelling rules set apart ("ação" / "action", "esistono" / "existent")', () => {
    expect(cognateKey('acao')).toBe(cognateKey('action'));
    expect(cognateKey('azione')).toBe(cognateKey('action'));
    expect(wordSimilarity('acao', 'action')).toBe(1);
    expect(wordSimilarity('esistono', 'existent')).toBeGreaterThanOrEqual(0.5);
    expect(wordSimilarity('fotografia', 'photographie')).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps unrelated words apart, near-false friends below the cognate threshold', () => {
    expect(wordSimilarity('treasurer', 'tresorerie')).toBeLessThan(0.5);
    expect(wordSimilarity('machines', 'distributeurs')).toBeLessThan(0.3);
    expect(wordSimilarity('2025', '2026')).toBe(0);
  });
});

describe('the percent sign', () => {
  it('covers the word "percentage" of a question in any language', async () => {
    const { coverage, weightedTopicTerms } = await import('../../../src/core/answer/matching.js');
    for (const [q, lang] of [
      ['Quale percentuale dei mestieri?', 'it'],
      ['What percentage of jobs?', 'en'],
      ['Welcher Prozentsatz der Berufe?', 'de'],
    ] as const) {
      const terms = weightedTopicTerms(q, lang, [lang, 'fr'], null);
      const word = terms.findIndex((t) => /[cz]ent/.test(t.word));
      expect(coverage(terms, 'près de 85 % des métiers', [lang, 'fr']).matched[word], q).toBe(1);
      expect(coverage(terms, 'près de la moitié des métiers', [lang, 'fr']).matched[word], q).toBe(0);
    }
  });
});

describe('words of a text', () => {
  it('adds the joined form of a hyphenated compound, but not of a range of numbers', () => {
    expect(words('Le projet co-financé')).toEqual(['le', 'projet', 'co', 'finance', 'cofinance']);
    expect(words('coopération 2024-2026')).toEqual(['cooperation', '2024', '2026']);
  });
});
