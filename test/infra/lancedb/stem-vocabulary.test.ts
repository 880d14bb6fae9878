/**
 * StemVocabulary: the stems of the index and their neighbours within one edit.
 */
import { describe, expect, it } from 'vitest';
import { StemVocabulary, withinOneEdit } from '../../../src/infra/lancedb/stem-vocabulary.js';

const vocabulary = StemVocabulary.fromCounts([
  ['solidair', 40],
  ['solidar', 12],
  ['solid', 3],
  ['rassembl', 7],
  ['ess', 90],
  ['les', 500],
  ['est', 300],
  ['esse', 2],
  ['es', 8],
  ['economi', 25],
  ['ecologi', 25],
]);

describe('a stem is known with the number of passages that use it', () => {
  it('answers for a stem of the index, and 0 for any other word', () => {
    expect(vocabulary.has('solidair')).toBe(true);
    expect(vocabulary.passages('solidair')).toBe(40);
    expect(vocabulary.has('solidaire')).toBe(false);
    expect(vocabulary.passages('solidaire')).toBe(0);
    expect(vocabulary.size).toBe(11);
  });

  it('adds up the counts of a stem given twice, and ignores an empty stem', () => {
    const v = StemVocabulary.fromCounts([
      ['velo', 2],
      ['', 5],
      ['velo', 3],
    ]);
    expect([...v.entries()]).toEqual([['velo', 5]]);
  });

  it('round-trips through its entries', () => {
    const copy = StemVocabulary.fromCounts(vocabulary.entries());
    expect([...copy.entries()]).toEqual([...vocabulary.entries()]);
    expect(copy.neighbours('solidar')).toEqual(vocabulary.neighbours('solidar'));
  });
});

describe('neighbours: the stems one edit away, first letter fixed', () => {
  it('finds an insertion, a deletion and a substitution, most used first', () => {
    // solidair: one letter more; solid: two less (not a neighbour).
    expect(vocabulary.neighbours('solidar')).toEqual(['solidair']);
    expect(vocabulary.neighbours('solidaire')).toEqual(['solidair']);
    expect(vocabulary.neighbours('rasembl')).toEqual(['rassembl']);
    expect(vocabulary.neighbours('economie')).toEqual(['economi']);
    expect(vocabulary.neighbours('ecolomi')).toEqual(['ecologi', 'economi']);
  });

  it('never changes the first letter ("ess" does not reach "les")', () => {
    expect(vocabulary.neighbours('ess')).toEqual(['est', 'es', 'esse']);
    expect(vocabulary.neighbours('ess')).not.toContain('les');
  });

  it('stops at one edit: a swap of two letters or two typos are not neighbours', () => {
    expect(vocabulary.neighbours('rassmebl')).toEqual([]);
    expect(vocabulary.neighbours('rasembel')).toEqual([]);
  });

  it('excludes the word itself and honours the limit', () => {
    expect(vocabulary.neighbours('solidair')).toEqual(['solidar']);
    expect(vocabulary.neighbours('ess', 2)).toEqual(['est', 'es']);
    expect(vocabulary.neighbours('ess', 0)).toEqual([]);
    expect(vocabulary.neighbours('')).toEqual([]);
  });

  it('finds exactly what a scan of the whole vocabulary finds, on random words', () => {
    // Seeded generator: a small alphabet makes neighbours, repeated letters and collisions frequent.
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const word = () => Array.from({ length: 1 + Math.floor(random() * 7) }, () => 'aabcde'[Math.floor(random() * 6)]).join('');
    const stems = new Map<string, number>();
    for (let i = 0; i < 3000; i++) stems.set(word(), 1 + Math.floor(random() * 50));
    const v = StemVocabulary.fromCounts(stems);
    let compared = 0;
    for (let i = 0; i < 500; i++) {
      const q = word();
      const expected = [...stems.keys()].filter((s) => s !== q && s[0] === q[0] && withinOneEdit(s, q));
      expect(new Set(v.neighbours(q))).toEqual(new Set(expected));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('works on letters outside ASCII', () => {
    const v = StemVocabulary.fromCounts([
      ['σχολει', 3],
      ['школ', 2],
    ]);
    expect(v.neighbours('σχολι')).toEqual(['σχολει']);
    expect(v.neighbours('школа')).toEqual(['школ']);
  });
});

describe('the approximate query: the stems and their neighbours', () => {
  it('keeps every stem, known or not, and adds at most perStem neighbours of each, once', () => {
    expect(vocabulary.expand(['solidar', 'rasembl', 'xyz'], 10)).toEqual(['solidar', 'rasembl', 'xyz', 'solidair', 'rassembl']);
    expect(vocabulary.expand(['solidar', 'solidair'], 10)).toEqual(['solidar', 'solidair']);
    expect(vocabulary.expand(['ess'], 1)).toEqual(['ess', 'est']);
    expect(vocabulary.expand([], 10)).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it('is Levenshtein distance ≤ 1', () => {
    expect(withinOneEdit('abc', 'abc')).toBe(true);
    expect(withinOneEdit('abc', 'abd')).toBe(true);
    expect(withinOneEdit('abc', 'ab')).toBe(true);
    expect(withinOneEdit('abc', 'xabc')).toBe(true);
    expect(withinOneEdit('abc', 'acb')).toBe(false);
    expect(withinOneEdit('abc', 'a')).toBe(false);
    expect(withinOneEdit('abcd', 'abdc')).toBe(false);
  });
});
