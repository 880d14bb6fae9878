import { describe, expect, it } from 'vitest';
import { localizePlace, PLACE_SPELLINGS } from '../../../src/core/text/place-names.js';
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
    expect(localizePlace('Bruxelles', 'pl')).toBe('Bruxelles');
  });

  it('gives the claim checks the same spellings (one table)', () => {
    expect(PLACE_SPELLINGS.find((g) => g.includes('lisbonne'))).toEqual(expect.arrayContaining(['lisbon', 'lissabon', 'lisboa', 'lisbona']));
    expect(['liubliana', 'lubiana', 'strassburg'].every(isKnownPlace)).toBe(true);
  });
});
