import { describe, expect, it } from 'vitest';
import { asksPrice, hasPrice, priceAskingWords, priceIn } from '../../../src/core/text/price-words.js';
import { expectedAnswerTypes } from '../../../src/core/answer/answer-type.js';

describe('a question that asks what taking part costs', () => {
  it('is read in the ways members ask it, in several languages', () => {
    const asked: [string, string][] = [
      ['Is the Lyon hackathon free?', 'en'],
      ['Do volunteers have to pay to join the training day?', 'en'],
      ['Is the webinar free to attend?', 'en'],
      ['La journée portes ouvertes est-elle payante ?', 'fr'],
      ['Faut-il payer pour venir à la formation ?', 'fr'],
      ['Kostet der Workshop in Köln etwas?', 'de'],
      ['Ist das Seminar kostenlos?', 'de'],
      ['¿Hay que pagar para entrar al foro de Valencia?', 'es'],
      ['Quanto costa il corso di Milano?', 'it'],
      ['A formação em Lisboa é gratuita?', 'pt'],
      ['Moet ik betalen voor de cursus in Gent?', 'nl'],
      ['Czy szkolenie jest bezpłatne?', 'pl'],
    ];
    for (const [q, lang] of asked) {
      expect(asksPrice(q, lang), q).toBe(true);
      // The amount is the answer to "how much", not a count.
      expect([...expectedAnswerTypes(q, lang)], q).toEqual(['price']);
    }
  });
  it('is not read in "free software" or "who pays for…", which ask no price', () => {
    expect(asksPrice('Which free software does the network recommend?', 'en')).toBe(false);
    expect(expectedAnswerTypes('Who pays for the training programme?', 'en').has('price')).toBe(false);
    expect(asksPrice('Quand a lieu la formation ?', 'fr')).toBe(false);
    expect(asksPrice('What is the network in charge of?', 'en')).toBe(false);
    expect(asksPrice('How many paid staff does the network have?', 'en')).toBe(false);
    expect(asksPrice('Is the training free of charge?', 'en')).toBe(true);
  });
  it('says what is asked, not about what: the words that ask it are not the topic', () => {
    expect([...priceAskingWords('¿Hay que pagar para entrar al foro de Valencia?', 'es')]).toEqual(['pagar']);
    expect([...priceAskingWords('Is the Lyon hackathon free?', 'en')]).toEqual(['free']);
    expect(priceAskingWords('Which free software does the network recommend?', 'en').size).toBe(0);
  });
});

describe('the price a sentence states', () => {
  it('reads "free" and whether registration is needed, or the one amount as written', () => {
    expect(priceIn('L’accès au salon est gratuit, sur inscription préalable.')).toEqual({ free: true, registration: true });
    expect(priceIn('Der Eintritt ist kostenlos.')).toEqual({ free: true, registration: false });
    expect(priceIn('Le billet coûte 25€ par personne.')).toEqual({ free: false, amount: '25 €' });
    expect(priceIn('Tickets cost €40.')).toEqual({ free: false, amount: '€40' });
  });
  it('states none of several amounts, nor of money given to participants or raised', () => {
    expect(priceIn('Le tarif est de 20 € pour les membres et 40 € pour les autres.')).toBeNull();
    expect(priceIn('Une indemnité de 300 € est versée aux bénévoles.')).toBeNull();
    expect(priceIn('La campagne a permis de collecter 12 000 euros pour la banque alimentaire.')).toBeNull();
    expect(priceIn('We build free software for associations.')).toBeNull();
  });
  it('finds a price in a passage sentence by sentence', () => {
    expect(hasPrice('Le forum est organisé avec le soutien financier de la Région. L’entrée est gratuite.')).toBe(true);
    expect(hasPrice('Le forum est organisé avec le soutien financier de la Région.')).toBe(false);
  });
});
