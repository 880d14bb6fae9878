import { describe, expect, it } from 'vitest';
import { foldPlace, localizePlace, PLACE_SPELLINGS, placeOfWord } from '../../../src/core/text/place-names.js';
import { isKnownPlace } from '../../../src/core/answer/names.js';

describe('places written in the reader’s language', () => {
  it('writes a city the articles name as the reader’s language does', () => {
    // "…et pour la Social Good Week Europe qui valorisera l’écosystème de l’ESS numérique entre Paris, Lisbonne et Bruxelles."
    expect(['Paris', 'Lisbonne', 'Bruxelles'].map((p) => localizePlace(p, 'en'))).toEqual(['Paris', 'Lisbon', 'Brussels']);
    expect(localizePlace('Strasbourg', 'de')).toBe('Straßburg');
    expect(localizePlace('Ljubljana', 'it')).toBe('Lubiana');
    expect(localizePlace('Saint-Sébastien', 'es')).toBe('San Sebastián');
  });

  it('reads the place in any spelling and accents aside', () => {
    expect(localizePlace('Straßburg', 'fr')).toBe('Strasbourg');
    expect(localizePlace('lisbonne', 'pt')).toBe('Lisboa');
  });

  it('keeps a venue, an unknown place or an unknown language as written', () => {
    expect(localizePlace('Palais des Congrès de Paris', 'en')).toBe('Palais des Congrès de Paris');
    expect(localizePlace('Eurométropole de Strasbourg', 'de')).toBe('Eurométropole de Strasbourg');
    expect(localizePlace('Bruxelles', 'ga')).toBe('Bruxelles');
  });

  it('gives the claim checks the same spellings (one table)', () => {
    expect(PLACE_SPELLINGS.find((g) => g.includes('lisbonne'))).toEqual(expect.arrayContaining(['lisbon', 'lissabon', 'lisboa', 'lisbona']));
    expect(['liubliana', 'lubiana', 'strassburg'].every(isKnownPlace)).toBe(true);
  });
});

describe('places in the 16 other languages the bot speaks', () => {
  it("writes a place as the member's language does, and as the article does where it has no name of its own", () => {
    expect(localizePlace('Bruxelles', 'pl')).toBe('Bruksela');
    expect(localizePlace('Lisbonne', 'el')).toBe('Λισαβόνα');
    expect(localizePlace('Strasbourg', 'sl')).toBe('Strasbourg');
  });

  it('reads a place a question inflects', () => {
    const named = (word: string) => PLACE_SPELLINGS[placeOfWord(foldPlace(word))]?.[0];
    expect(named('Bruksela')).toBe('bruxelles');
    expect(named('Brukseli')).toBe('bruxelles');
    expect(named('Párizsban')).toBe('paris');
    expect(named('Lizbonie')).toBe('lisbonne');
    expect(named('Στρασβούργου')).toBe('strasbourg');
    // A word that only begins like a place is not it.
    expect(placeOfWord('romantic')).toBe(-1);
    expect(placeOfWord('lillebror')).toBe(-1);
  });
});
