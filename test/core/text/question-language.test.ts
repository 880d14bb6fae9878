import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../src/core/text/question-language.js';
import type { LanguageDetector } from '../../../src/core/ports.js';

const detector = (lang: string, confidence: number): LanguageDetector => ({ detect: () => ({ lang, confidence }) });
/** A detector that knows some whole texts and is unsure of everything else. */
const byText = (known: Record<string, [string, number]>, unsure: [string, number] = ['ca', 0.1]): LanguageDetector => ({
  detect: (text) => {
    const [lang, confidence] = known[text] ?? unsure;
    return { lang, confidence };
  },
});

describe('the answer language is the language the member wrote in', () => {
  it('follows a confident detector over the platform locale', () => {
    expect(pickLanguage(detector('de', 0.9), 'Wann ist das?', { locale: 'fr-FR', defaultLanguage: 'en' })).toBe('de');
  });
  it('takes the locale when the text is too short to tell', () => {
    expect(pickLanguage(detector('it', 0.1), 'ok?', { locale: 'pt-BR', defaultLanguage: 'en' })).toBe('pt');
  });
  it('reads an interrogative only one language has, opening a short question, as that language over any hint', () => {
    expect(pickLanguage(detector('da', 0.2), 'Wann beginnt die Messe?', { locale: 'en-US', defaultLanguage: 'en' })).toBe('de');
    expect(pickLanguage(detector('en', 0.1), 'Kiedy targi?', { locale: 'en-US', defaultLanguage: 'en' })).toBe('pl');
    // "Quando" is Italian and Portuguese: the hint settles it, as before.
    expect(pickLanguage(detector('pt', 0.1), 'Quando inizia?', { locale: 'it-IT', defaultLanguage: 'en' })).toBe('it');
  });
  it('reads such an interrogative over a detector the names have swayed', () => {
    expect(pickLanguage(detector('sl', 0.6), 'Worüber sprach Mojca Novak in Maribor?', { defaultLanguage: 'en' })).toBe('de');
    expect(pickLanguage(detector('sl', 0.6), 'Kdo je govoril v Mariboru?', { defaultLanguage: 'en' })).toBe('sl');
  });
  it('keeps a weak guess when there is no locale, and the default when there is no guess', () => {
    expect(pickLanguage(detector('es', 0.1), 'vale', { defaultLanguage: 'en' })).toBe('es');
    expect(pickLanguage(detector('es', 0), '???', { defaultLanguage: 'en' })).toBe('en');
  });
  it('reads an inverted question or exclamation mark as Spanish, whatever the n-grams say', () => {
    expect(pickLanguage(detector('ca', 0.23), '¿Qué es Coopedia?', { locale: 'en-GB', defaultLanguage: 'en' })).toBe('es');
    expect(pickLanguage(detector('en', 0), '¿Dónde?', { defaultLanguage: 'fr' })).toBe('es');
  });
  it('does not read the ¿ of a quoted Spanish title as the member’s language', () => {
    expect(pickLanguage(detector('en', 0.8), 'Who spoke at the panel “¿Qué ciudad queremos?” in Lyon?', { defaultLanguage: 'fr' })).toBe('en');
    expect(pickLanguage(detector('de', 0.7), 'Wer sprach beim Panel "¡Viva la cooperativa!" in Köln?', { defaultLanguage: 'fr' })).toBe('de');
  });
});

describe('an unsure guess on a question with words enough to read', () => {
  const unsure = (lang: string, alternatives: string[]): LanguageDetector => ({ detect: () => ({ lang, confidence: 0.15, alternatives }) });
  it('is not overruled by a locale the text does not fit (an English client asking in Catalan)', () => {
    expect(pickLanguage(unsure('ca', ['es']), 'Qui va organitzar la Social Good Week?', { locale: 'en-US', defaultLanguage: 'en' })).toBe('ca');
  });
  it('lets the locale settle a near tie it is part of', () => {
    expect(pickLanguage(unsure('sk', ['cs']), 'Je SOGA partnerem HelloAsso v Brně?', { locale: 'cs-CZ', defaultLanguage: 'en' })).toBe('cs');
  });
  it('lets the conversation settle a near tie, not overrule the text', () => {
    const history = [{ role: 'user' as const, text: 'Kdo financuje Social Tech Academy v Praze?' }];
    const d: LanguageDetector = { detect: (text) => (text === history[0].text ? { lang: 'cs', confidence: 0.9 } : { lang: 'sk', confidence: 0.15, alternatives: ['cs'] }) };
    expect(pickLanguage(d, 'A kde se koná NEC ESS?', { history, defaultLanguage: 'en' })).toBe('cs');
    const pl: LanguageDetector = { detect: (text) => (text === history[0].text ? { lang: 'cs', confidence: 0.9 } : { lang: 'pl', confidence: 0.15, alternatives: ['sk'] }) };
    expect(pickLanguage(pl, 'A gdzie odbywa się NEC ESS?', { history, defaultLanguage: 'en' })).toBe('pl');
  });
  it('counts a one-letter function word of the guessed language as a word of the member’s own', () => {
    expect(pickLanguage(unsure('pt', ['es', 'ca']), 'O SOGA esteve no Social Good Week?', { locale: 'en-US', defaultLanguage: 'en' })).toBe('pt');
    expect(pickLanguage(unsure('pt', ['es']), 'E o SOGA em Lyon?', { locale: 'fr-FR', defaultLanguage: 'en' })).toBe('pt');
    // A letter that is no word of the guessed language does not make two words readable.
    expect(pickLanguage(unsure('pt', ['es']), 'X marcou NEC?', { locale: 'en-US', defaultLanguage: 'en' })).toBe('en');
  });
  it('counts only the member’s own words: names alone leave it to the hints', () => {
    expect(pickLanguage(unsure('ca', []), 'Social Good Week 2022?', { locale: 'en-GB', defaultLanguage: 'en' })).toBe('en');
  });
});

describe('a short follow-up keeps the language of the conversation', () => {
  const history = [
    { role: 'user' as const, text: 'Wanneer vindt NEC ESS 2025 plaats?' },
    { role: 'assistant' as const, text: 'Kort gezegd: 25–27 november 2025 [1].' },
  ];
  it('answers "En waar?" in Dutch after a Dutch question, over an English locale', () => {
    const d = byText({ 'Wanneer vindt NEC ESS 2025 plaats?': ['nl', 0.9] });
    expect(pickLanguage(d, 'En waar?', { locale: 'en-US', history, defaultLanguage: 'fr' })).toBe('nl');
  });
  it('lets a confident new turn switch language', () => {
    const d = byText({ 'Wanneer vindt NEC ESS 2025 plaats?': ['nl', 0.9], 'Where does it take place this year?': ['en', 0.8] });
    expect(pickLanguage(d, 'Where does it take place this year?', { history, defaultLanguage: 'fr' })).toBe('en');
  });
  it('never takes the language of the bot’s own turns, and falls back to the locale when no turn is sure', () => {
    const d = byText({ 'Kort gezegd: 25–27 november 2025 [1].': ['nl', 0.9] });
    expect(pickLanguage(d, 'Ok?', { locale: 'de-DE', history: [{ role: 'user', text: 'Hm?' }, history[1]], defaultLanguage: 'fr' })).toBe('de');
  });
});
