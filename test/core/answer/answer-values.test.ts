import { describe, expect, it } from 'vitest';
import { listedWithKnown, namesIn } from '../../../src/core/answer/answer-values.js';

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
