/**
 * Language detection with ELD (n-gram detector, accurate on short text), steadied by function words:
 * a short question such as "Was ist die Initiative Transition Pathways?" is mostly English names, and
 * its German function words are the better evidence.
 */
import { eld } from 'eld/large';
import { indexStopwords } from '../core/text/analyzer.js';
import { words } from '../core/text/normalize.js';
import type { LanguageDetector, LanguageGuess } from '../core/ports.js';

export interface EldDetectorOptions {
  /** Used when the text gives no evidence at all (empty, digits, emoji). */
  fallback: string;
}

export class EldLanguageDetector implements LanguageDetector {
  constructor(private readonly options: EldDetectorOptions) {}

  detect(text: string): LanguageGuess {
    const tokens = words(text);
    if (!tokens.some((t) => /\p{L}/u.test(t))) return { lang: this.options.fallback, confidence: 0 };
    const result = eld.detect(text);
    const scores: Record<string, number> = { ...(result.getScores() as Record<string, number>) };
    const top = Object.entries(scores).sort((a, b) => b[1] - a[1]);
    const best = top[0]?.[1] ?? 0;
    if (!top.length || best <= 0) return { lang: this.options.fallback, confidence: 0 };
    // Function-word votes among the plausible candidates, worth a share of the best n-gram score.
    const candidates = top.filter(([, s]) => s >= best * 0.5).slice(0, 5);
    const weighted = candidates.map(([lang, score]) => {
      const stops = indexStopwords(lang);
      const hits = tokens.filter((t) => stops.has(t) && t.length > 1).length;
      return [lang, score / best + (0.35 * hits) / Math.max(tokens.length, 1) * 3] as const;
    });
    weighted.sort((a, b) => b[1] - a[1]);
    const [lang, score] = weighted[0];
    const second = weighted[1]?.[1] ?? 0;
    const margin = Math.min(1, (score - second) / Math.max(score, 1e-9) * 2);
    const lengthFactor = Math.min(1, tokens.length / 6);
    return { lang, confidence: Math.max(0, Math.min(1, margin * lengthFactor + (result.isReliable() ? 0.2 : 0))) };
  }
}
