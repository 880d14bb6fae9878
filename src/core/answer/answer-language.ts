/**
 * Is a generated answer in the language the member asked in? The model is told to answer in the
 * asker's language, but a small model often answers in the passages' language instead (a German
 * question over French articles gets French back), and the citation verifier cannot see that.
 *
 * Only the model's own words are judged: quoted spans are verbatim passages in the article's
 * language (rule 4 of the system prompt asks for them), and article titles and [n] markers are names,
 * not prose. What remains must be clearly in another language to be rejected: short or mixed text
 * (names, dates, numbers) gets the benefit of the doubt, because rejecting a right answer costs the
 * member the better answer while the extractive fallback is always in the right language anyway.
 */
import { indexStopwords } from '../text/analyzer.js';
import { normalizeText } from '../text/normalize.js';
import type { LanguageDetector, LanguageGuess } from '../ports.js';
import type { LanguageCode } from '../types.js';

/**
 * At or above this confidence the detector's guess alone is "clearly" another language. Measured with
 * the ELD detector (extrasmall and large dictionaries) on one-sentence answers: right-language
 * answers full of French names score up to 0.48 for a wrong language ("HelloAsso et Social Good
 * Accelerator." → da 0.48), but right answers in Spanish or Portuguese only 0.31–0.39 for their own,
 * so confidence alone misses a Spanish answer to a Portuguese question.
 */
export const CLEAR_CONFIDENCE = 0.5;
/**
 * Below that, function words decide: the guessed language must have at least this many in the
 * answer, and more than twice as many as the asked language ("El NEC ESS se celebra en París del 25
 * al 27 de noviembre": Spanish el, se, en, del, al, de against Portuguese se, de).
 */
export const MIN_FUNCTION_WORDS = 3;
export const MIN_SUPPORTED_CONFIDENCE = 0.25;
/** Fewer words than this (after stripping quotes, titles and markers) is too little to judge. */
export const MIN_JUDGED_WORDS = 4;

const QUOTED = /«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"]*"/g;
const MARKERS = /\[\d+(?:\s*[,;]\s*\d+)*\]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The answer's own words: without quoted spans, the given article titles and [n] markers. */
export function answerProse(answer: string, titles: readonly string[] = []): string {
  let prose = answer.replace(QUOTED, ' ').replace(MARKERS, ' ');
  // Longest first, so that a title containing another is removed whole.
  for (const title of [...new Set(titles)].filter((t) => t.trim().length >= 3).sort((a, b) => b.length - a.length)) {
    prose = prose.replace(new RegExp(escapeRegExp(title.trim()), 'giu'), ' ');
  }
  return prose.replace(/\s+/g, ' ').trim();
}

export type LanguageCheck = { ok: true; guess: LanguageGuess | null } | { ok: false; guess: LanguageGuess; reason: string };

/**
 * Checks that `answer` is not clearly in another language than `asked`. `titles` are the titles of
 * the passages the model was given (names that may appear unquoted in any language).
 */
export function checkAnswerLanguage(answer: string, asked: LanguageCode, detector: LanguageDetector, titles: readonly string[] = []): LanguageCheck {
  const prose = answerProse(answer, titles);
  const words = prose.match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_JUDGED_WORDS) return { ok: true, guess: null };
  const guess = detector.detect(prose);
  if (guess.lang === asked || guess.confidence < MIN_SUPPORTED_CONFIDENCE) return { ok: true, guess };
  const folded = words.map((w) => normalizeText(w));
  const functionWords = (lang: LanguageCode) => {
    const stops = indexStopwords(lang);
    return folded.filter((w) => stops.has(w)).length;
  };
  const theirs = functionWords(guess.lang);
  const clear = guess.confidence >= CLEAR_CONFIDENCE || (theirs >= MIN_FUNCTION_WORDS && theirs > 2 * functionWords(asked));
  if (!clear) return { ok: true, guess };
  return { ok: false, guess, reason: `answer is in another language (${guess.lang}, confidence ${guess.confidence.toFixed(2)}, ${theirs} of its function words) than the question (${asked})` };
}
