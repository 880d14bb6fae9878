import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../src/core/text/question-language.js';
import type { LanguageDetector } from '../../../src/core/ports.js';

const detector = (lang: string, confidence: number): LanguageDetector => ({ detect: () => ({ lang, confidence }) });

describe('the answer language is the language the member wrote in', () => {
  it('follows a confident detector over the platform locale', () => {
    expect(pickLanguage(detector('de', 0.9), 'Wann ist das?', 'fr-FR', 'en')).toBe('de');
  });
  it('takes the locale when the text is too short to tell', () => {
    expect(pickLanguage(detector('it', 0.1), 'ok?', 'pt-BR', 'en')).toBe('pt');
  });
  it('keeps a weak guess when there is no locale, and the default when there is no guess', () => {
    expect(pickLanguage(detector('es', 0.1), 'vale', undefined, 'en')).toBe('es');
    expect(pickLanguage(detector('es', 0), '???', undefined, 'en')).toBe('en');
  });
});
