import { describe, expect, it } from 'vitest';
import { PARAPHRASE_PAIRS, PROBE_PAIRS, probeCrossLingual } from '../../../src/core/retrieval/cross-lingual-probe.js';
import { words } from '../../../src/core/text/normalize.js';
import type { Embedder } from '../../../src/core/ports.js';

/** Knows what each probe sentence means (the index of its pair): what a multilingual model does. */
class MeaningEmbedder implements Embedder {
  readonly modelId = 'fake/meaning';
  readonly dimension = PROBE_PAIRS.length;
  constructor(private readonly pairs: (readonly (readonly [string, string])[])[] = [PROBE_PAIRS, PARAPHRASE_PAIRS]) {}
  private vector(text: string): Float32Array {
    const v = new Float32Array(this.dimension).fill(0.01);
    for (const pairs of this.pairs) {
      const i = pairs.findIndex((pair) => pair.includes(text));
      if (i >= 0) v[i] = 1;
    }
    return v;
  }
  async embedQueries(texts: string[]) {
    return texts.map((t) => this.vector(t));
  }
  async embedPassages(texts: string[]) {
    return texts.map((t) => this.vector(t));
  }
}

/** A bag of hashed words: texts that share words are close, translations are not. */
class BagOfWordsEmbedder implements Embedder {
  readonly modelId = 'fake/bag-of-words';
  readonly dimension = 256;
  private vector(text: string): Float32Array {
    const v = new Float32Array(this.dimension);
    for (const w of words(text)) {
      let h = 2166136261;
      for (const c of w) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
      v[(h >>> 0) % this.dimension] += 1;
    }
    return v;
  }
  async embedQueries(texts: string[]) {
    return texts.map((t) => this.vector(t));
  }
  async embedPassages(texts: string[]) {
    return texts.map((t) => this.vector(t));
  }
}

describe('the cross-lingual check of an embedding model', () => {
  it('trusts a model that pairs the sentences with their translations', async () => {
    expect(await probeCrossLingual(new MeaningEmbedder())).toEqual({ matched: 8, total: 8, multilingual: true, paraphrasesMatched: 8, semantic: true });
  });

  it('does not trust a bag of words, which neither translations nor paraphrases share anything with', async () => {
    const result = await probeCrossLingual(new BagOfWordsEmbedder());
    expect(result.multilingual).toBe(false);
    expect(result.matched).toBeLessThanOrEqual(2);
    expect(result.semantic).toBe(false);
    expect(result.paraphrasesMatched).toBeLessThan(4);
  });

  it('finds meaning in a model that pairs paraphrases within a language, though not across languages', async () => {
    const result = await probeCrossLingual(new MeaningEmbedder([PARAPHRASE_PAIRS]));
    expect(result).toMatchObject({ multilingual: false, paraphrasesMatched: 8, semantic: true });
  });

  it('uses pairs that share no word, so that word overlap cannot pass it', () => {
    for (const [a, b] of [...PROBE_PAIRS, ...PARAPHRASE_PAIRS]) {
      const shared = words(a).filter((w) => words(b).includes(w) && w.length > 2);
      expect(shared, `${a} / ${b}`).toEqual([]);
    }
  });
});
