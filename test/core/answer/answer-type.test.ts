import { describe, expect, it } from 'vitest';
import { answerTypeMatch, expectedAnswerTypes } from '../../../src/core/answer/answer-type.js';

describe('the kind of answer a question asks for', () => {
  it('reads it from interrogatives in each language', () => {
    expect([...expectedAnswerTypes('When and where does NEC ESS 2025 take place?', 'en')].sort()).toEqual(['date', 'place']);
    expect([...expectedAnswerTypes('Où et quand se déroulera cette édition ?', 'fr')].sort()).toEqual(['date', 'place']);
    expect([...expectedAnswerTypes('¿Cuántos países participaron?', 'es')]).toEqual(['number']);
    expect([...expectedAnswerTypes('Wer hat das Projekt vorgestellt?', 'de')]).toEqual(['person']);
    expect([...expectedAnswerTypes('Hoeveel landen?', 'nl')]).toEqual(['number']);
  });

  it('does not take the French "ou" (or) for "où" (where)', () => {
    expect(expectedAnswerTypes('Intelligence artificielle ou coopérative ?', 'fr').size).toBe(0);
  });

  it('finds dates, places, numbers and people in passages', () => {
    expect(answerTypeMatch('L’édition aura lieu du 25 au 27 novembre 2025 à Paris.', new Set(['date', 'place']))).toBe(1);
    expect(answerTypeMatch('Une plateforme de ressources sur les métiers du numérique.', new Set(['date', 'place']))).toBe(0);
    expect(answerTypeMatch('Trois distributeurs automatiques ferment chaque jour.', new Set(['number']))).toBe(1);
    expect(answerTypeMatch('Le sommet a réuni le commissaire Nicolas Schmit.', new Set(['person']))).toBe(1);
  });
});
