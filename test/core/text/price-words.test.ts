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
  it('is not read from a word with another sense: a prize, a blog post, numbers, a coast, "in charge of", "stands behind"', () => {
    const other: [string, string][] = [
      ['Which prize did the Lyon food bank win in 2019?', 'en'],
      ['Who is in charge of the volunteers in Ghent?', 'en'],
      ['Quel prix la coopérative de Nantes a-t-elle reçu ?', 'fr'],
      ['Que dit le billet de blog sur le forum de Lille ?', 'fr'],
      ['Welchen Preis hat die Tafel in Bremen bekommen?', 'de'],
      ['Welche Zahlen nennt der Bericht zu den Tafeln?', 'de'],
      ['¿De qué habla la entrada del blog sobre el foro de Sevilla?', 'es'],
      ['Quali progetti sono nati sulla costa ligure?', 'it'],
      ['Welke prijs won de coöperatie in Gent?', 'nl'],
      ['Kdo stojí za sítí komunitních zahrad?', 'cs'],
      ['Mikor kerül sor a budapesti fórumra?', 'hu'],
      ['Melyik díjat nyerte el az egyesület?', 'hu'],
      ['Vilket pris fick föreningen i Malmö?', 'sv'],
    ];
    for (const [q, lang] of other) {
      expect(asksPrice(q, lang), q).toBe(false);
      expect(expectedAnswerTypes(q, lang).has('price'), q).toBe(false);
    }
  });
  it('is read from those words in a phrase that makes them a price, and from German "zahlen" written as a verb', () => {
    expect(asksPrice('Quel est le prix d’entrée du salon de Lille ?', 'fr')).toBe(true);
    expect(asksPrice('Muss man für den Workshop in Bremen zahlen?', 'de')).toBe(true);
    expect(asksPrice('Wie hoch ist der Eintrittspreis der Messe?', 'de')).toBe(true);
    expect(asksPrice('Quanto costa il corso di Genova?', 'it')).toBe(true);
    expect(asksPrice('Kolik stojí vstup na festival?', 'cs')).toBe(true);
    expect(asksPrice('Mennyibe kerül a budapesti fórum?', 'hu')).toBe(true);
    expect([...priceAskingWords('Quel est le prix d’entrée du salon de Lille ?', 'fr')]).toEqual(expect.arrayContaining(['prix', 'entree']));
  });
  it('is not read where the asker is the one paid: that is a reimbursement, not what taking part costs', () => {
    expect(asksPrice('Do volunteers get paid to help at the Lyon fair?', 'en')).toBe(false);
    expect(asksPrice('Is the Lyon fair paid or free?', 'en')).toBe(true);
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
    // "free to join" of members is a freedom, not a price.
    expect(priceIn('Members are free to join any working group they like.')).toBeNull();
    expect(priceIn('The workshop is free to attend.')).toEqual({ free: true, registration: false });
  });
  it('finds a price in a passage sentence by sentence', () => {
    expect(hasPrice('Le forum est organisé avec le soutien financier de la Région. L’entrée est gratuite.')).toBe(true);
    expect(hasPrice('Le forum est organisé avec le soutien financier de la Région.')).toBe(false);
  });
});

describe('price questions the review found unread', () => {
  it('reads "a paid event", Italian "costa" and a German question opened by "Zahlen"', () => {
    expect(asksPrice('Is the Lyon forum a paid event?', 'en')).toBe(true);
    expect(asksPrice('Il forum di Lione costa?', 'it')).toBe(true);
    expect(asksPrice('Zahlen Teilnehmer für das Forum in Lyon?', 'de')).toBe(true);
    expect(asksPrice('Welche Zahlen nennt der Verband zu den Freiwilligen?', 'de')).toBe(false);
  });
});
