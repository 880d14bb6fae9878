import { describe, expect, it } from 'vitest';
import { closenessFrom, rerank } from '../../../src/core/retrieval/rerank.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import type { FusedHit, Hit } from '../../../src/core/types.js';

const chunk = (id: string, text: string) => ({ id, docId: 'd', title: 'NEC ESS 2025', source: 'a.md', lang: 'en', date: null, position: 0, section: null, text });
const fused = (id: string, text: string, score: number): FusedHit => ({ chunk: chunk(id, text), score, ranks: {}, signals: {}, coverage: 0 });
const weights = { fusion: 0.4, coverage: 0.3, passageCoverage: 0.3, vector: 0.6, answerType: 0.15, prior: 0.2 };

describe('the rerank of the fused passages', () => {
  it('puts the passage holding the kind of thing asked for (a date for "when") ahead of its neighbour', () => {
    const q = 'When does NEC ESS 2025 take place?';
    const hits = [fused('theme', 'The theme of NEC ESS 2025 is digital commons.', 0.03), fused('date', 'NEC ESS 2025 takes place on 25 November 2025.', 0.029)];
    const terms = weightedTopicTerms(q, 'en', ['en'], null);
    expect(rerank(hits, q, 'en', terms, ['en'], null, weights)[0].chunk.id).toBe('date');
    expect(rerank(hits, q, 'en', terms, ['en'], null, { ...weights, answerType: 0 })[0].chunk.id).toBe('theme');
  });
  it('prefers, among equals, a passage of a document the previous answer cited, without dropping the others', () => {
    const q = 'Who spoke there?';
    const other = (id: string, docId: string): FusedHit => ({ ...fused(id, 'Several speakers took the floor.', 0.03), chunk: { ...chunk(id, 'Several speakers took the floor.'), docId } });
    const hits = () => [other('elsewhere', 'd1'), other('cited', 'd2')];
    const terms = weightedTopicTerms(q, 'en', ['en'], null);
    expect(rerank(hits(), q, 'en', terms, ['en'], null, weights, new Set(['d2'])).map((h) => h.chunk.id)).toEqual(['cited', 'elsewhere']);
    expect(rerank(hits(), q, 'en', terms, ['en'], null, { ...weights, prior: 0 }, new Set(['d2'])).map((h) => h.chunk.id)).toEqual(['elsewhere', 'cited']);
  });
  it('for "how many <noun>", puts the passage that counts that noun ahead of one with other numbers', () => {
    const q = 'How many finalists did NEC ESS 2025 have?';
    const hits = () => [fused('other', 'NEC ESS 2025 announced its finalists after over 100 applications.', 0.03), fused('count', 'NEC ESS 2025 chose only 9 finalists.', 0.029)];
    const terms = weightedTopicTerms(q, 'en', ['en'], null);
    expect(rerank(hits(), q, 'en', terms, ['en'], null, weights)[0].chunk.id).toBe('count');
    // Without a passage that counts finalists, any number is the kind of thing asked for.
    expect(rerank([hits()[0], fused('none', 'NEC ESS 2025 chose its finalists.', 0.029)], q, 'en', terms, ['en'], null, weights)[0].chunk.id).toBe('other');
  });
  it('puts a passage holding the question’s rare name ahead of one that only fits its other word and the kind asked', () => {
    const q = 'When was Coopolis created?';
    const stats = { total: 200, df: (w: string) => ({ coopolis: 2, created: 2, forum: 20 })[w] ?? 0 };
    const hits = [fused('other', 'Created together at the forum on 25 November 2025.', 0.03), fused('named', 'Coopolis is a search engine of cooperative resources.', 0.029)];
    const terms = weightedTopicTerms(q, 'en', ['en'], stats);
    expect(terms.find((t) => t.word === 'coopolis')?.rareName).toBe(true);
    expect(rerank(hits, q, 'en', terms, ['en'], null, weights)[0].chunk.id).toBe('named');
  });
  it('sets each passage coverage of the question', () => {
    const q = 'digital commons theme';
    const hits = [fused('theme', 'The theme is digital commons.', 0.03)];
    rerank(hits, q, 'en', weightedTopicTerms(q, 'en', ['en'], null), ['en'], null, weights);
    expect(hits[0].coverage).toBeGreaterThan(0.5);
  });
});

describe('closeness in the embedding space', () => {
  const vh = (id: string, score: number): Hit => ({ chunk: chunk(id, id), score });
  it('spreads the cosines of one question between its worst (0) and best (1) vector hit', () => {
    const { closeness } = closenessFrom([vh('a', 0.9), vh('b', 0.85), vh('c', 0.8)]);
    expect(closeness!(fused('a', 'a', 0))).toBe(1);
    expect(closeness!(fused('b', 'b', 0))).toBeCloseTo(0.5);
    expect(closeness!(fused('z', 'z', 0))).toBe(0);
  });
  it('is absent without a vector list', () => {
    expect(closenessFrom([]).closeness).toBeNull();
  });
});
