/**
 * Does the embedding model match meaning across languages? The semantic parts of retrieval (the
 * vector term of the rerank, the vector agreement of the answerability gate) assume it does: that is
 * what a multilingual retrieval model such as multilingual-e5 brings. A model that is lexical at heart
 * (a bag of words, a monolingual model, the test fixture) still ranks passages usefully as one more
 * list in the fusion, but trusting its closeness to rerank and to refuse made answers worse (dev set
 * with the fixture model: hit@5 0.85 → 0.65, half the answerable questions refused).
 *
 * So the model is asked, once, to pair eight everyday sentences with their translations. The pairs
 * share no word, name or number, so only meaning can pair them: a multilingual model pairs all or
 * nearly all, a bag of words about one in eight (chance).
 */
import type { Embedder } from '../ports.js';

/** [query, its translation]: no shared token, so word overlap cannot pair them. */
export const PROBE_PAIRS: readonly (readonly [string, string])[] = [
  ['The meeting was cancelled because of the storm.', 'La réunion a été annulée à cause de la tempête.'],
  ['Volunteers help elderly people with their shopping.', 'Ehrenamtliche helfen älteren Menschen beim Einkaufen.'],
  ['The library opens early on weekdays.', 'La biblioteca abre temprano entre semana.'],
  ['Our bakery sells fresh bread every morning.', 'Il nostro forno vende pane fresco ogni mattina.'],
  ['Children learn to swim at the lake in summer.', 'As crianças aprendem a nadar no lago durante o verão.'],
  ['The train to the airport is late again.', 'De trein naar het vliegveld heeft weer vertraging.'],
  ['Il pleut depuis trois jours sur la ville.', 'It has been raining on the town for three days.'],
  ['Die Kinder spielen im Garten Fußball.', 'Los niños juegan al fútbol en el jardín.'],
];

export interface ProbeResult {
  /** Pairs whose query found its own translation first. */
  matched: number;
  total: number;
  /** True when the model may be trusted across languages (at least 6 of 8 pairs). */
  multilingual: boolean;
}

const PASS = 6;

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Embeds the probe pairs (16 short texts) and counts how many queries find their translation first. */
export async function probeCrossLingual(embedder: Embedder): Promise<ProbeResult> {
  const [queries, passages] = await Promise.all([embedder.embedQueries(PROBE_PAIRS.map(([q]) => q)), embedder.embedPassages(PROBE_PAIRS.map(([, p]) => p))]);
  let matched = 0;
  queries.forEach((q, i) => {
    let best = -1;
    let bestScore = -Infinity;
    passages.forEach((p, j) => {
      const s = cosine(q, p);
      if (s > bestScore) [best, bestScore] = [j, s];
    });
    if (best === i) matched++;
  });
  return { matched, total: PROBE_PAIRS.length, multilingual: matched >= PASS };
}
