import { describe, expect, it } from 'vitest';
import { listedWithKnown, listedWithOthers, namesIn, numbersIn } from '../../../src/core/answer/answer-values.js';

describe("a name listed beside the question's own name is its sibling, not an answer", () => {
  const known = new Set(['who', 'showed', 'open', 'data', 'map', 'at', 'the', 'fair']);
  it('finds the sibling on either side of the list word, with or without an article', () => {
    const text = "L'association a montré ses outils, notamment l'Open Data Map et la Civic Tech School, au salon.";
    expect(namesIn(text, known)).toContain('Civic Tech School');
    expect(listedWithKnown(text, 'Civic Tech School', known)).toBe(true);
    expect(listedWithKnown('We showed the Civic Tech School and the Open Data Map.', 'Civic Tech School', known)).toBe(true);
    expect(listedWithKnown('Open Data Map und Civic Tech School wurden gezeigt.', 'Civic Tech School', known)).toBe(true);
  });
  it("keeps a name that did something to the question's name", () => {
    const text = 'Marta Lindqvist a présenté l’Open Data Map aux visiteurs.';
    expect(listedWithKnown(text, 'Marta Lindqvist', known)).toBe(false);
    expect(listedWithKnown('L’Open Data Map, présentée par Marta Lindqvist, a séduit.', 'Marta Lindqvist', known)).toBe(false);
  });
});

describe('the words that qualify a number stay with it', () => {
  it('reads "plus de", "près de", "environ", "more than", "über" before a number, and none before a bare one', () => {
    const read = (text: string, lang: string) => numbersIn(text, lang, new Set()).map((n) => n.qualifier ?? null);
    expect(read('Le forum a réuni plus de 300 personnes, près de 40 intervenants et environ 12 exposants.', 'fr')).toEqual(['more', 'nearly', 'about']);
    expect(read('More than 50 volunteers and 8 partners.', 'en')).toEqual(['more', null]);
    expect(read('Über 70 Mitglieder, fast 20 Länder.', 'de')).toEqual(['more', 'nearly']);
  });
});

describe('a lone name listed with other names is one of several', () => {
  it('sees the other items whatever namesIn() reads of them (capitals, one word)', () => {
    const text = 'Soutenu par ACME et Terre Commune, le programme forme des bénévoles.';
    expect(namesIn(text, new Set())).toEqual(['Terre Commune']);
    expect(listedWithOthers(text, 'Terre Commune')).toBe(true);
    expect(listedWithOthers('Elle a partagé la scène avec Solidaris and Open Harbour.', 'Open Harbour')).toBe(true);
  });
  it('keeps a name followed by its title after a comma, or standing alone', () => {
    expect(listedWithOthers('Selon Marta Lindqvist, Présidente du réseau, le bilan est bon.', 'Marta Lindqvist')).toBe(false);
    expect(listedWithOthers('Le programme est porté par Terre Commune depuis 2019.', 'Terre Commune')).toBe(false);
  });
});
