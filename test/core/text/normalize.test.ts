import { describe, expect, it } from 'vitest';
import { cognateKey, wordSimilarity } from '../../../src/core/text/normalize.js';

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
