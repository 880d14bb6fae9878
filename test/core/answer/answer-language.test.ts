import { describe, expect, it } from 'vitest';
import { answerProse, checkAnswerLanguage } from '../../../src/core/answer/answer-language.js';
import type { LanguageDetector } from '../../../src/core/ports.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';

const detector = new EldLanguageDetector({ fallback: 'en' });
const TITLE = 'NEC ESS 2025 : Intelligence artificielle ou coopérative ?';

describe('answerProse', () => {
  it('drops quoted spans in every quotation style, [n] markers and the given titles', () => {
    const prose = answerProse(`Laut ${TITLE} gilt: « Le sommet a réuni 14 pays » [1], “ils sont venus” [2][3] und "merci" [4, 5].`, [TITLE]);
    expect(prose).toBe('Laut gilt: , und .');
  });

  it('keeps the text when no title is given or a title is too short to be a name', () => {
    expect(answerProse('La plateforme est en ligne [1].', ['La'])).toBe('La plateforme est en ligne .');
  });
});

describe('checkAnswerLanguage', () => {
  it('rejects a French answer to a German question', () => {
    const check = checkAnswerLanguage('Le NEC ESS 2025 se tiendra du 25 au 27 novembre 2025 à Paris, à la Maison de la Mutualité [1].', 'de', detector);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.guess.lang).toBe('fr');
      expect(check.reason).toMatch(/another language \(fr, .*\(de\)/);
    }
  });

  it('rejects a Spanish answer to a Portuguese question, which the detector alone is unsure of, by its function words', () => {
    const answer = 'El NEC ESS 2025 se celebra en París, del 25 al 27 de noviembre de 2025, en la Maison de la Mutualité [1].';
    expect(detector.detect(answer).confidence).toBeLessThan(0.5);
    const check = checkAnswerLanguage(answer, 'pt', detector);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.guess.lang).toBe('es');
    // The same answer to a Spanish question passes, and so does a Portuguese one to the Portuguese question.
    expect(checkAnswerLanguage(answer, 'es', detector).ok).toBe(true);
    expect(checkAnswerLanguage('O NEC ESS 2025 decorre em Paris, de 25 a 27 de novembro de 2025, na Maison de la Mutualité [1].', 'pt', detector).ok).toBe(true);
  });

  it('accepts a German answer full of French names', () => {
    expect(checkAnswerLanguage('Der NEC ESS 2025 findet vom 25. bis 27. November 2025 in Paris statt, in der Maison de la Mutualité [1].', 'de', detector).ok).toBe(true);
  });

  it('judges an English answer on its own words, not on its long verbatim French quote', () => {
    const quote = 'Le NEC ESS 2025 se tiendra du 25 au 27 novembre 2025 à Paris, à la Maison de la Mutualité, et cette édition est co-organisée par HelloAsso et le Social Good Accelerator';
    const answer = `The article says: « ${quote} » [1], so it takes place in Paris.`;
    // The quote alone would outweigh the English words (the detector, like this check, leaves quoted spans out).
    expect(detector.detect(quote).lang).toBe('fr');
    expect(checkAnswerLanguage(answer, 'en', detector).ok).toBe(true);
  });

  it('does not count an unquoted French article title against an English answer', () => {
    const title = 'Libérer les organisations de l’économie sociale et solidaire des GAFAM';
    const answer = `The workshop ${title} takes place on 3 June [1].`;
    expect(checkAnswerLanguage(answer, 'en', detector, [title]).ok).toBe(true);
  });

  it('gives too short or unsure text the benefit of the doubt', () => {
    // Three words: not judged at all.
    const never: LanguageDetector = { detect: () => ({ lang: 'fr', confidence: 1 }) };
    expect(checkAnswerLanguage('À Paris [1].', 'de', never)).toEqual({ ok: true, guess: null });
    // Another language, but not confidently, and no function words of it to back the guess.
    const unsure: LanguageDetector = { detect: () => ({ lang: 'es', confidence: 0.35 }) };
    expect(checkAnswerLanguage('O NEC ESS 2025 decorre em Paris [1].', 'pt', unsure).ok).toBe(true);
    // Names only ("HelloAsso et Social Good Accelerator" reads as Danish to ELD's large dictionary).
    const names: LanguageDetector = { detect: () => ({ lang: 'da', confidence: 0.48 }) };
    expect(checkAnswerLanguage('HelloAsso et Social Good Accelerator [1].', 'en', names).ok).toBe(true);
    const sure: LanguageDetector = { detect: () => ({ lang: 'es', confidence: 0.7 }) };
    expect(checkAnswerLanguage('O NEC ESS 2025 decorre em Paris [1].', 'pt', sure).ok).toBe(false);
  });
});
