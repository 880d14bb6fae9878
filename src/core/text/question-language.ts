/**
 * Stage 1 of ask(): the language the member wrote in, which is the language of the answer. The
 * platform locale only decides when the text is too short or mixed for the detector to be sure.
 */
import type { LanguageDetector } from '../ports.js';
import type { LanguageCode } from '../types.js';

export function pickLanguage(detector: LanguageDetector, text: string, locale: string | undefined, defaultLanguage: LanguageCode): LanguageCode {
  const guess = detector.detect(text);
  const fromLocale = locale?.slice(0, 2).toLowerCase();
  if (guess.confidence < 0.25 && fromLocale) return fromLocale;
  return guess.confidence > 0 ? guess.lang : (fromLocale ?? defaultLanguage);
}
