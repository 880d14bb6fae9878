import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../../src/core/retrieval/fuse.js';
import type { Hit } from '../../../src/core/types.js';

const hit = (id: string, score = 1): Hit => ({ chunk: { id, docId: id, title: id, source: '', lang: 'fr', date: null, position: 0, section: null, text: id }, score });

describe('reciprocal rank fusion', () => {
  it('ranks first what several retrievers agree on', () => {
    const fused = reciprocalRankFusion({ vector: [hit('a'), hit('b')], lexical: [hit('b'), hit('c')], ngram: [hit('b')] }, { vector: 1, lexical: 1, ngram: 0.6 });
    expect(fused[0].chunk.id).toBe('b');
    expect(fused[0].ranks).toEqual({ vector: 2, lexical: 1, ngram: 1 });
  });

  it('ignores a retriever with weight 0', () => {
    const fused = reciprocalRankFusion({ vector: [hit('a')], lexical: [hit('b')], ngram: [] }, { vector: 0, lexical: 1, ngram: 1 });
    expect(fused.map((h) => h.chunk.id)).toEqual(['b']);
  });
});
