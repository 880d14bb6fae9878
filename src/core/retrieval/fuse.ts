/**
 * Weighted reciprocal rank fusion (Cormack et al. 2009): each retriever votes 1/(k + rank). It needs no
 * score calibration between BM25 and cosine, which is why it is the default way to fuse them.
 */
import type { FusedHit, RetrievalLists } from '../types.js';

export type FusionWeights = Record<keyof RetrievalLists, number>;

export function reciprocalRankFusion(lists: RetrievalLists, weights: FusionWeights, k = 60): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  for (const name of Object.keys(lists) as (keyof RetrievalLists)[]) {
    const weight = weights[name] ?? 0;
    if (!weight) continue;
    lists[name].forEach((hit, index) => {
      const rank = index + 1;
      let entry = fused.get(hit.chunk.id);
      if (!entry) {
        entry = { chunk: hit.chunk, score: 0, ranks: {}, signals: {}, coverage: 0 };
        fused.set(hit.chunk.id, entry);
      }
      entry.score += weight / (k + rank);
      entry.ranks[name] = rank;
      entry.signals[name] = hit.score;
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
