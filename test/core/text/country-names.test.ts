import { describe, expect, it } from 'vitest';
import { countryInOtherLanguages, isCountryOrRegion } from '../../../src/core/text/country-names.js';

describe('countries and world regions, from the runtime’s CLDR names', () => {
  it('knows countries and continents in the languages the assistant speaks', () => {
    for (const name of ['Belgique', 'Pays-Bas', 'Germany', 'Deutschland', 'España', 'Paesi Bassi', 'Europe', 'Amérique du Nord', 'Afrique', 'Oceania']) expect(isCountryOrRegion(name)).toBe(true);
  });
  it('does not take a town for one', () => {
    for (const name of ['Gand', 'Lyon', 'Rotterdam', 'Porto', 'Valencia']) expect(isCountryOrRegion(name)).toBe(false);
  });
});

describe('a country named in one language, in the others', () => {
  it('from its name or from its adjective (the name and a short ending)', () => {
    expect(countryInOtherLanguages('Zweden', 'nl', ['fr', 'en'])).toEqual(['Suède', 'Sweden']);
    expect(countryInOtherLanguages('IJslandse', 'nl', ['fr'])).toEqual(['Islande']);
    expect(countryInOtherLanguages('colombiana', 'es', ['en'])).toEqual(['Colombia']);
    expect(countryInOtherLanguages('polacca', 'it', ['fr'])).toEqual([]);
    expect(countryInOtherLanguages('Marokko', 'de', ['de', 'fr'])).toEqual(['Maroc']);
  });
  it('leaves other words and short names with an ending alone', () => {
    expect(countryInOtherLanguages('stichting', 'nl', ['fr'])).toEqual([]);
    // "Irak" + "s"? Too short a name to read an ending after it.
    expect(countryInOtherLanguages('iraks', 'nl', ['fr'])).toEqual([]);
  });
});
