import { describe, expect, it } from 'vitest';
import { isCountryOrRegion } from '../../../src/core/text/country-names.js';

describe('countries and world regions, from the runtime’s CLDR names', () => {
  it('knows countries and continents in the languages the assistant speaks', () => {
    for (const name of ['Belgique', 'Pays-Bas', 'Germany', 'Deutschland', 'España', 'Paesi Bassi', 'Europe', 'Amérique du Nord', 'Afrique', 'Oceania']) expect(isCountryOrRegion(name)).toBe(true);
  });
  it('does not take a town for one', () => {
    for (const name of ['Gand', 'Lyon', 'Rotterdam', 'Porto', 'Valencia']) expect(isCountryOrRegion(name)).toBe(false);
  });
});
