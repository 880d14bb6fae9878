/**
 * Language detection with ELD (n-gram detector, accurate on short text), steadied by function words:
 * a short question such as "Was ist die Initiative Transition Pathways?" is mostly English names, and
 * its German function words are the better evidence.
 *
 * ELD ships four n-gram dictionaries. They differ mostly in memory (measured with
 * `npx tsx bench/language-id.ts`, docs/performance.md): the bot used 'large' (~400 MB of RSS) where
 * 'extrasmall' (~55 MB) gets the same questions right once the function words have voted.
 */
import { eld as extrasmall } from 'eld/extrasmall';
import { indexStopwords } from '../core/text/analyzer.js';
import { languageEvidence } from '../core/text/language-evidence.js';
import { words } from '../core/text/normalize.js';
import type { LanguageDetector, LanguageGuess } from '../core/ports.js';

export const ELD_DICTIONARIES = ['extrasmall', 'small', 'medium', 'large'] as const;
export type EldDictionary = (typeof ELD_DICTIONARIES)[number];
export const DEFAULT_ELD_DICTIONARY: EldDictionary = 'extrasmall';

/** The part of an ELD instance the detector uses. */
export interface EldEngine {
  detect(text: string): { getScores(): Record<string, number>; isReliable(): boolean };
}

/**
 * Each dictionary is imported only when asked for: importing one builds its whole n-gram table in
 * memory, which is the cost this choice is about. Literal specifiers keep each entry point explicit.
 */
export async function loadEldDictionary(dictionary: EldDictionary): Promise<EldEngine> {
  switch (dictionary) {
    case 'extrasmall':
      return extrasmall;
    case 'small':
      return (await import('eld/small')).eld;
    case 'medium':
      return (await import('eld/medium')).eld;
    case 'large':
      return (await import('eld/large')).eld;
  }
}

/** A candidate within this share of the best weighted score is a near tie, returned as an alternative. */
const NEAR_TIE = 0.9;
/** Function words vote only for candidates whose n-gram score is at least this share of the best. */
const VOTING_SHARE = 0.85;

export interface EldDetectorOptions {
  /** Used when the text gives no evidence at all (empty, digits, emoji). */
  fallback: string;
}

export class EldLanguageDetector implements LanguageDetector {
  /** A detector on the given dictionary (SOGA_LANGUAGE_DICTIONARY). */
  static async load(options: EldDetectorOptions & { dictionary?: EldDictionary }): Promise<EldLanguageDetector> {
    return new EldLanguageDetector(options, await loadEldDictionary(options.dictionary ?? DEFAULT_ELD_DICTIONARY));
  }

  /** Without an engine: the default dictionary, which is loaded with this module anyway. */
  constructor(
    private readonly options: EldDetectorOptions,
    private readonly engine: EldEngine = extrasmall,
  ) {}

  detect(text: string): LanguageGuess {
    const all = words(text);
    if (!all.some((t) => /\p{L}/u.test(t))) return { lang: this.options.fallback, confidence: 0 };
    // The member's own words, without the English and French names of what they ask about.
    const judged = languageEvidence(text);
    const tokens = judged === text ? all : words(judged);
    const result = this.engine.detect(judged);
    const scores: Record<string, number> = { ...result.getScores() };
    const top = Object.entries(scores).sort((a, b) => b[1] - a[1]);
    const best = top[0]?.[1] ?? 0;
    if (!top.length || best <= 0) return { lang: this.options.fallback, confidence: 0 };
    // Function-word votes among the plausible candidates, worth a share of the best n-gram score. Only
    // a candidate close to the best gets them: the stop-word lists are uneven (Lithuanian's has "kad"
    // and "kur", Latvian's has neither), and a vote let a distant Lithuanian beat a clearly Latvian
    // "Kad notiek … Francijā?".
    const candidates = top.filter(([, s]) => s >= best * 0.5).slice(0, 5);
    const weighted = candidates.map(([lang, score]) => {
      const stops = indexStopwords(lang);
      const hits = score >= best * VOTING_SHARE ? tokens.filter((t) => stops.has(t) && t.length > 1).length : 0;
      return [lang, score / best + ((0.35 * hits) / Math.max(tokens.length, 1)) * 3] as const;
    });
    weighted.sort((a, b) => b[1] - a[1]);
    const [lang, score] = weighted[0];
    const second = weighted[1]?.[1] ?? 0;
    const margin = Math.min(1, ((score - second) / Math.max(score, 1e-9)) * 2);
    const lengthFactor = Math.min(1, all.length / 6);
    const alternatives = weighted
      .slice(1)
      .filter(([, s]) => s >= score * NEAR_TIE)
      .map(([l]) => l);
    return { lang, confidence: Math.max(0, Math.min(1, margin * lengthFactor + (result.isReliable() ? 0.2 : 0))), ...(alternatives.length ? { alternatives } : {}) };
  }
}
