/**
 * Stage 4 of ask(): may the passages answer at all? Answerable when one passage both covers the
 * question's topic words and, with a trusted embedding model, is among the passages the model finds
 * closest. Either signal alone is fooled: coverage by near-cognates ("presidential" ~ "présidence"),
 * cosine by anything on a neighbouring topic. Without a model, coverage decides alone.
 */
import type { FusedHit, LanguageCode } from '../types.js';
import type { Retrieved } from '../retrieval/retrieve.js';
import { ANCHORED_SHARE, anchoredByName } from './name-anchor.js';
import { coverage } from './matching.js';
import { searchableText } from '../retrieval/passage-text.js';

export interface AnswerabilityOptions {
  /** Weighted share of the question's topic words a passage must cover to be used. */
  minCoverage: number;
  /**
   * With a trusted model: cosine from which a passage counts as relevant with half the coverage; never
   * enough on its own, since an off-topic question's best cosine can be as high as an answerable one's.
   */
  minVectorScore?: number;
  /** How close to the question (0–1, see closenessFrom) the covering passage must also be; 0: no check. */
  minVectorAgreement: number;
}

export interface Answerability {
  answerable: boolean;
  /**
   * The passages an extractive answer may quote: those that clear most of the threshold and that the
   * model (when trusted) does not place far from the question, since the false friends the gate exists
   * for must not be quoted either. The best passage alone when none does.
   */
  usable: FusedHit[];
  /**
   * Answerable only by a looser reading: a passage holds the rare name asked about (name-anchor.ts), or
   * covers the question with a thesaurus's synonyms. Its sentences are quoted, but no value is stated
   * from them: "Who sponsors Girleek?" got the founder's name ("sponsor" → "champion" → "défendre").
   */
  loose: boolean;
}

/**
 * `asked`: the question, its language, weighted words and the corpus's languages; with them, a passage
 * about the rare name a question in another language asks about needs less coverage (name-anchor.ts).
 */
export function judgeAnswerability(
  passages: FusedHit[],
  retrieved: Pick<Retrieved, 'cosines' | 'closeness'>,
  options: AnswerabilityOptions,
  asked?: Pick<Retrieved, 'terms' | 'langs'> & { question: string; lang: LanguageCode; corpusLangs: readonly LanguageCode[] },
): Answerability {
  const { cosines, closeness } = retrieved;
  // A counted noun written in another language ("Partner" → "partenaires") counts here, not in the
  // ranking (matching.ts, WeightedTerm.alike).
  const widened = new Map<string, number>();
  const cover = (h: FusedHit) => {
    if (!asked?.terms.some((t) => t.alike)) return h.coverage;
    let c = widened.get(h.chunk.id);
    if (c === undefined) widened.set(h.chunk.id, (c = Math.max(h.coverage, coverage(asked.terms, searchableText(h.chunk), asked.langs, { places: true, alike: true }).coverage)));
    return c;
  };
  const agrees = (h: FusedHit) => !closeness || closeness(h) >= options.minVectorAgreement;
  // A high cosine lowers the coverage needed, never to nothing: the passage must share some of the topic.
  const vectorVouches = (h: FusedHit) => options.minVectorScore !== undefined && (cosines.get(h.chunk.id) ?? -1) >= options.minVectorScore && cover(h) >= options.minCoverage / 2;
  // Only for a question in a language the articles are not written in: its other words may be
  // translations the dictionaries lack, where a word of the articles' own language that they never use
  // is simply absent ("Who sponsors Girleek?").
  const foreign = Boolean(asked) && !asked!.corpusLangs.includes(asked!.lang);
  const anchored = (h: FusedHit) => foreign && cover(h) >= options.minCoverage * ANCHORED_SHARE && agrees(h) && anchoredByName(h.chunk, asked!);
  const covered = passages.some((h) => (cover(h) >= options.minCoverage && agrees(h)) || vectorVouches(h));
  const answerable = covered || passages.some(anchored);
  // Covered without the thesaurus's synonyms (a synonym may be another sense: "sponsors" → "champion" → "défendre").
  const plain = asked?.terms.some((t) => t.synonyms) ? asked.terms.map(({ synonyms: _, ...t }) => t) : null;
  const plainly = !plain
    ? covered
    : passages.some((h) => (coverage(plain, searchableText(h.chunk), asked!.langs, { places: true, alike: true }).coverage >= options.minCoverage && agrees(h)) || vectorVouches(h));
  const usable = passages.filter((h) => (cover(h) >= options.minCoverage * 0.8 && agrees(h)) || vectorVouches(h));
  return { answerable, loose: answerable && !plainly, usable: usable.length ? usable : passages.slice(0, 1) };
}
