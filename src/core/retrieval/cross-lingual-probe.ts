/**
 * What does the embedding model know? Two checks, run once at start-up on 32 short sentences.
 *
 * - Meaning within a language: eight sentences and their paraphrases in the same language. A model
 *   that cannot pair them (a bag of words, a random or broken model, the test fixture) only repeats
 *   what BM25 already sees, less well: fusing its list cost the dev set a question in ten (hit@5
 *   0.95 → 0.85 with the fixture model, held-out 0.725 → 0.675), so its list is left out.
 * - Meaning across languages: eight sentences and their translations. The semantic parts of
 *   retrieval (the vector term of the rerank, the vector agreement of the answerability gate) assume
 *   it: trusting the closeness of a model without it made answers worse (dev set with the fixture
 *   model: hit@5 0.85 → 0.65, half the answerable questions refused).
 *
 * No pair shares a word, name or number, so only meaning can pair them: multilingual-e5-small pairs
 * 8 of 8 in both, a bag of words about one in eight (chance).
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

/** [sentence, its paraphrase in the same language]: no shared token either. */
export const PARAPHRASE_PAIRS: readonly (readonly [string, string])[] = [
  ['The meeting was cancelled because of the storm.', 'Bad weather forced organisers to call off a gathering.'],
  ['Les bénévoles aident les personnes âgées à faire leurs courses.', 'Des volontaires accompagnent nos aînés au supermarché.'],
  ['Die Bibliothek öffnet werktags früh.', 'Unter der Woche kann man morgens schon Bücher ausleihen.'],
  ['Nuestra panadería vende pan fresco cada mañana.', 'Todos los días temprano hay barras recién horneadas en esta tienda.'],
  ["I bambini imparano a nuotare nel lago d'estate.", 'Nei mesi caldi ogni piccolo segue lezioni di nuoto.'],
  ['De trein naar het vliegveld heeft weer vertraging.', 'Opnieuw komt onze spoorverbinding met Schiphol te laat aan.'],
  ['Chove há três dias na cidade.', 'Desde segunda-feira o céu não para de despejar água sobre a vila.'],
  ["Le concert a été reporté à l'an prochain.", "Ce spectacle musical n'aura lieu qu'en 2027."],
];

export interface ProbeResult {
  /** Pairs whose query found its own translation first. */
  matched: number;
  total: number;
  /** True when the model may be trusted across languages (at least 6 of 8 pairs). */
  multilingual: boolean;
  /** Paraphrase pairs (same language) whose first sentence found its own paraphrase first. */
  paraphrasesMatched: number;
  /** True when the model sees meaning at all (at least 6 of 8 paraphrases, or a multilingual pass). */
  semantic: boolean;
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

/** How many first sentences find their own partner first among all the partners. */
async function pairUp(embedder: Embedder, pairs: readonly (readonly [string, string])[]): Promise<number> {
  const [queries, passages] = await Promise.all([embedder.embedQueries(pairs.map(([q]) => q)), embedder.embedPassages(pairs.map(([, p]) => p))]);
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
  return matched;
}

/** Embeds the translation and paraphrase pairs (32 short texts) and counts the pairs found. */
export async function probeCrossLingual(embedder: Embedder): Promise<ProbeResult> {
  const matched = await pairUp(embedder, PROBE_PAIRS);
  const paraphrasesMatched = await pairUp(embedder, PARAPHRASE_PAIRS);
  const multilingual = matched >= PASS;
  return { matched, total: PROBE_PAIRS.length, multilingual, paraphrasesMatched, semantic: multilingual || paraphrasesMatched >= PASS };
}
