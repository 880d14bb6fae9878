/**
 * Does a member's question ask what an approved correction answers? Compared question to question,
 * both ways, across languages: each question's topic words must be covered by the other (as words,
 * stems, cognates, or dictionary translations into the other question's language — the same
 * matching retrieval uses), and what tells one ask from a near one must agree exactly: the numbers
 * and years ("NEC ESS 2023" is not "NEC ESS 2025"), ordinals ("first" / "second edition") and the kind
 * of value asked for (a date for "when", a place for "where"). With an embedding model that pairs
 * translations, a close vector is a second way to match, never a way around those guards.
 */
import { expectedAnswerTypes, interrogativeWords } from '../answer/answer-type.js';
import { coverage, weightedTopicTerms, type TermStats, type WeightedTerm } from '../answer/matching.js';
import { topicWords } from '../text/analyzer.js';
import { normalizeText, words } from '../text/normalize.js';
import type { Lexicon } from '../ports.js';
import type { LanguageCode } from '../types.js';
import type { Correction } from './correction.js';
import { cosine } from '../retrieval/cross-lingual-probe.js';

export interface CorrectionMatchOptions {
  /** Both ways' weighted topic coverage a paraphrase reaches (SOGA_CORRECTION_MIN_OVERLAP). */
  minOverlap: number;
  /** Cosine of the two questions' vectors that counts as the same ask, when a trusted model is there (SOGA_CORRECTION_MIN_COSINE). */
  minCosine: number;
}

export interface CorrectionMatchDeps {
  lexicon: Lexicon | null;
  /** Corpus word statistics: rare words weigh more (the same weights as answerability). */
  termStats: (() => Promise<TermStats>) | null;
  /** A question's vector from a model that passed the translation check; absent: words only. */
  embed?: ((text: string) => Promise<Float32Array | undefined>) | null;
  warn?: (message: string) => void;
}

export interface CorrectionMatch {
  correction: Correction;
  /** min of both ways' coverage (0–1). */
  overlap: number;
  cosine: number | null;
  by: 'words' | 'model';
}

/** What must agree exactly between two asks, whatever their wording. */
interface Guard {
  numbers: string;
  ordinals: string;
  kinds: string;
}

/** Ordinals as numbers, across the languages the detector handles (accent-folded). */
const ORDINAL_VALUES: Record<string, number> = {};
for (const [value, list] of [
  [1, 'first premier premiere primero primera erste ersten erster primo prima primeiro primeira eerste'],
  [2, 'second seconde deuxieme segundo segunda zweite zweiten secondo seconda tweede'],
  [3, 'third troisieme tercero tercera dritte dritten terzo terza terceiro terceira derde'],
  [4, 'fourth quatrieme cuarto cuarta vierte vierten quarto quarta vierde'],
  [-1, 'last dernier derniere ultimo ultima letzte letzten laatste'],
  [0, 'next prochain prochaine proximo proxima nachste nachsten prossimo prossima volgende'],
] as const)
  for (const w of list.split(' ')) ORDINAL_VALUES[w] = value;

function guardOf(question: string, lang: LanguageCode): Guard {
  const ws = words(question);
  const numbers = [...new Set(ws.filter((w) => /^\d+$/.test(w)).map((w) => String(Number(w))))].sort();
  const ordinals = [...new Set(ws.map((w) => ORDINAL_VALUES[w]).filter((v) => v !== undefined))].sort();
  // "1st", "2e", "3º": an ordinal written with digits.
  for (const m of normalizeText(question).matchAll(/\b(\d{1,2})(?:st|nd|rd|th|e|er|re|eme|º|ª|o|a|te|de|ste)\b/g)) ordinals.push(Number(m[1]));
  return { numbers: numbers.join(','), ordinals: [...new Set(ordinals)].sort().join(','), kinds: [...expectedAnswerTypes(question, lang)].sort().join(',') };
}

function sameGuard(a: Guard, b: Guard): boolean {
  return a.numbers === b.numbers && a.ordinals === b.ordinals && a.kinds === b.kinds;
}

/** Topic words without the interrogatives: what the dictionary is asked about. */
function askWords(question: string, lang: LanguageCode): string[] {
  const asking = interrogativeWords(lang);
  return topicWords(question, lang).filter((w) => !asking.has(w));
}

/**
 * Weighted share of `terms` that `text` covers. Within one language a word counts only as itself or
 * its stem: "Sommerfest" and "Winterfest" are near cognates and different events. Across languages a
 * cognate counts as much as it resembles ("presidente" ~ "président").
 */
function strictCoverage(terms: WeightedTerm[], text: string, langs: LanguageCode[], crossLingual: boolean): number {
  const { matched } = coverage(terms, text, langs);
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (!total) return 0;
  return terms.reduce((s, t, i) => s + t.weight * (crossLingual || matched[i] === 1 ? matched[i] : 0), 0) / total;
}

export interface CorrectionMatcher {
  /** The best correction for this (self-contained) question, or null. */
  match(question: string, lang: LanguageCode, corrections: Correction[]): Promise<CorrectionMatch | null>;
}

export function createCorrectionMatcher(deps: CorrectionMatchDeps, options: CorrectionMatchOptions): CorrectionMatcher {
  const warn = deps.warn ?? (() => undefined);
  const vectors = new Map<string, Float32Array | undefined>();
  const translate = async (ws: string[], from: LanguageCode, to: LanguageCode): Promise<Map<string, string[]>> => {
    if (!deps.lexicon || from === to || !ws.length) return new Map();
    try {
      return await deps.lexicon.translate(ws, from, to);
    } catch (error) {
      // A broken dictionary costs cross-lingual matches of corrections, not the answer.
      warn(`the ${from}→${to} dictionary could not be read to match reviewed answers: ${error instanceof Error ? error.message : String(error)}`);
      return new Map();
    }
  };
  /** One question's terms, weighed and with translations into the other question's language. */
  const termsOf = async (question: string, lang: LanguageCode, other: LanguageCode, stats: TermStats | null): Promise<WeightedTerm[]> =>
    weightedTopicTerms(question, lang, [...new Set([lang, other])], stats, await translate(askWords(question, lang), lang, other));
  const vectorOf = async (text: string): Promise<Float32Array | undefined> => {
    if (!deps.embed) return undefined;
    if (vectors.has(text)) return vectors.get(text);
    const v = await deps.embed(text);
    if (vectors.size > 2000) vectors.clear();
    if (v) vectors.set(text, v);
    return v;
  };

  return {
    async match(question, lang, corrections) {
      if (!corrections.length) return null;
      const stats = deps.termStats ? await deps.termStats() : null;
      const guard = guardOf(question, lang);
      const asked = await vectorOf(question);
      let best: CorrectionMatch | null = null;
      for (const correction of corrections) {
        if (correction.withdrawn) continue;
        if (!sameGuard(guard, guardOf(correction.question, correction.lang))) continue;
        const langs = [...new Set([lang, correction.lang])];
        const crossLingual = lang !== correction.lang;
        const there = strictCoverage(await termsOf(question, lang, correction.lang, stats), correction.question, langs, crossLingual);
        const back = strictCoverage(await termsOf(correction.question, correction.lang, lang, stats), question, langs, crossLingual);
        const overlap = Math.min(there, back);
        const approvedVector = asked ? await vectorOf(correction.question) : undefined;
        const cos = asked && approvedVector ? cosine(asked, approvedVector) : null;
        const by = overlap >= options.minOverlap ? 'words' : cos !== null && cos >= options.minCosine ? 'model' : null;
        if (!by) continue;
        const score = Math.max(overlap, cos ?? 0);
        if (!best || score > Math.max(best.overlap, best.cosine ?? 0)) best = { correction, overlap, cosine: cos, by };
      }
      return best;
    },
  };
}
