/**
 * Reorders the fused passages. Rank fusion says which passages the retrievers agree on; coverage says
 * which passages contain the question's topic words (across languages), the passage's own text apart
 * from its article title, which every passage of the article shares; closeness brings back what the
 * embedding model knows across languages, which word overlap cannot see; the answer type tells the
 * passage that holds a date for "when" from its neighbours that only repeat the event's name.
 */
import type { FusedHit, Hit, LanguageCode } from '../types.js';
import { expectedAnswerTypes, type AnswerType } from '../answer/answer-type.js';
import { actIn, actOnTopic, countAsk, countIn, kindMatch } from '../answer/counts.js';
import { askedAct } from '../text/act-words.js';
import { coverage, holdsRareName, type WeightedTerm } from '../answer/matching.js';
import { searchableText } from './passage-text.js';

/**
 * Weights of the rerank: rank fusion (normalised to the best fused score), topic coverage of title +
 * section + passage, coverage of the passage's own text, closeness to the question in the embedding
 * space (0 without a trusted embedding model, so lexical-only ranking is unchanged), and whether the
 * passage holds the kind of thing asked for (answer-type.ts). Values come from the config schema.
 */
export interface RerankWeights {
  fusion: number;
  coverage: number;
  passageCoverage: number;
  vector: number;
  answerType: number;
  /** Weight of belonging to a document the previous answer cited, for a follow-up only (a boost, never a filter). */
  prior: number;
}

/** What holding a rare name of the question adds, as a share of the coverage weight (so twice the answer type's 0.15). */
const RARE_NAME_SHARE_OF_COVERAGE = 1;

/** 0–1 closeness of a hit to the question in the embedding space. */
export type Closeness = (hit: FusedHit) => number;

/**
 * Where a passage's cosine sits between the k-th vector hit (0) and the best (1). Raw cosines of models
 * like e5 crowd into a narrow band whose level varies from question to question (best hit 0.74–0.91 with
 * e5-small on the SOGA articles), so only their order within one question means something. A passage
 * the vector search did not return counts as 0; no vector list, no closeness at all. (Read from the list
 * itself: fusion drops the signals of a list weighted 0.)
 */
export function closenessFrom(vectorHits: Hit[]): { cosines: Map<string, number>; closeness: Closeness | null } {
  const cosines = new Map(vectorHits.map((h) => [h.chunk.id, h.score]));
  const best = vectorHits[0]?.score;
  const floor = vectorHits.at(-1)?.score;
  if (best === undefined || floor === undefined) return { cosines, closeness: null };
  return {
    cosines,
    closeness: (hit) => {
      const cosine = cosines.get(hit.chunk.id);
      return cosine === undefined ? 0 : best - floor > 1e-9 ? (cosine - floor) / (best - floor) : 1;
    },
  };
}

/**
 * Sets each hit's coverage (title, lead, section and text) and sorts the hits in place by the weighted
 * score; the passage's own text is covered separately, since passages of one article share the title.
 */
export function rerank(
  fused: FusedHit[],
  question: string,
  lang: LanguageCode,
  terms: WeightedTerm[],
  langs: LanguageCode[],
  closeness: Closeness | null,
  w: RerankWeights,
  priorSources: ReadonlySet<string> = new Set(),
): FusedHit[] {
  const top = fused[0]?.score ?? 1;
  const body = new Map<string, number>();
  for (const hit of fused) {
    hit.coverage = coverage(terms, searchableText(hit.chunk), langs, { places: true }).coverage;
    body.set(hit.chunk.id, coverage(terms, hit.chunk.text, langs, { places: true }).coverage);
  }
  const expected = w.answerType ? expectedAnswerTypes(question, lang) : new Set<AnswerType>();
  const known = new Set(terms.map((t) => t.word));
  // A "how many <noun>" question: the passages that count that noun, where any does (answer/counts.ts).
  const counting = expected.size
    ? countIn(
        fused.map((h) => ({ text: h.chunk.text, lang: h.chunk.lang })),
        expected,
        countAsk(question, lang, terms, langs),
        known,
      )
    : null;
  // "Quand Coopedia a-t-il été créé ?": the rare name is what the question is about, the rest says what
  // of it is asked. A passage that holds none of the question's rare names (few passages use them:
  // WeightedTerm.rareName) must not win on "créé" and a date alone, as "Créer ensemble…, 25 novembre" did.
  const named = (h: FusedHit) => (holdsRareName(terms, searchableText(h.chunk), langs) ? w.coverage * RARE_NAME_SHARE_OF_COVERAGE : 0);
  // "Who moderated…?": the passages that name who did it, where any does.
  const acting = actIn(
    fused.map((h) => ({ text: h.chunk.text })),
    expected,
    askedAct(question, lang),
    known,
  );
  const inPlace = actOnTopic(terms, langs);
  const typed = (h: FusedHit) => (expected.size ? w.answerType * kindMatch(h.chunk.text, h.chunk.lang, expected, known, counting, inPlace(h) ? acting : null) : 0);
  const score = new Map(
    fused.map((h) => [
      h.chunk.id,
      w.fusion * (h.score / top) +
        w.coverage * h.coverage +
        w.passageCoverage * body.get(h.chunk.id)! +
        (closeness ? w.vector * closeness(h) : 0) +
        typed(h) +
        named(h) +
        (priorSources.has(h.chunk.docId) ? w.prior : 0),
    ]),
  );
  return fused.sort((a, b) => score.get(b.chunk.id)! - score.get(a.chunk.id)!);
}
