import { describe, expect, it } from 'vitest';
import { dateSupported, datesIn, numbersIn, valuesOf } from '../../../src/core/answer/claim-values.js';

describe('datesIn reads dates of the seven languages as values', () => {
  it.each([
    ['les 26 et 27 mai 2021', { precision: 'day', from: 526, to: 527, year: 2021 }],
    ['May 26–27, 2021', { precision: 'day', from: 526, to: 527, year: 2021 }],
    ['26 and 27 May 2021', { precision: 'day', from: 526, to: 527, year: 2021 }],
    ['am 26.–27. Mai 2021', { precision: 'day', from: 526, to: 527, year: 2021 }],
    ['del 25 al 27 de noviembre de 2025', { precision: 'day', from: 1125, to: 1127, year: 2025 }],
    ['dal 25 al 27 novembre 2025', { precision: 'day', from: 1125, to: 1127, year: 2025 }],
    ['2021-05-26', { precision: 'day', from: 526, to: 526, year: 2021 }],
    ['26/05/2021', { precision: 'day', from: 526, to: 526, year: 2021 }],
    ['en février 2022', { precision: 'month', from: 201, to: 231, year: 2022 }],
    ['au printemps 2023', { precision: 'season', from: 301, to: 531, year: 2023 }],
    ['du 30 septembre au 2 octobre 2021', { precision: 'day', from: 930, to: 1002, year: 2021 }],
    ['de 2024 à 2026', { precision: 'year', from: 101, to: 1231, year: 2024, endYear: 2026 }],
  ])('%s', (text, date) => {
    expect(datesIn(text).dates).toEqual([date]);
  });

  it('leaves the year out when the text does not write it', () => {
    expect(datesIn('les 5 et 6 mai').dates).toEqual([{ precision: 'day', from: 505, to: 506 }]);
  });

  it('blanks the dates out of the rest, so that their numbers are not read again as quantities', () => {
    const { rest } = datesIn('Le 12 mars 2024, 300 personnes');
    expect(numbersIn(rest).map((n) => n.written)).toEqual(['300']);
  });

  it('does not read the modal "may" as a month', () => {
    expect(datesIn('Members may join at any time.').dates).toEqual([]);
  });
});

describe('numbersIn and valuesOf compare numbers as values', () => {
  it('reads grouped thousands either way and decimals', () => {
    expect(numbersIn('1 200 participants, 1,200 or 1.200, and 2,5 %').map((n) => n.values)).toEqual([[1200], [1200, 1.2], [1200, 1.2], [2.5]]);
  });

  it('gives a passage its number words and the parts of its dates', () => {
    const values = valuesOf('Le deuxième sommet, les 5 et 6 mai 2022, a réuni trois cents personnes.');
    for (const v of [2, 5, 6, 2022, 3]) expect(values.has(v)).toBe(true);
  });
});

describe('dateSupported', () => {
  const passage = (text: string) => ({ dates: datesIn(text).dates, values: valuesOf(text) });
  const claim = (text: string) => datesIn(text).dates[0];

  it('takes the year from elsewhere in the passage', () => {
    expect(dateSupported(claim('May 26, 2021'), passage('En 2021, le sommet s’est tenu les 26 et 27 mai.'))).toBe(true);
  });

  it('refuses another day, month or year', () => {
    const p = passage('les 26 et 27 mai 2021');
    expect(dateSupported(claim('25 May 2021'), p)).toBe(false);
    expect(dateSupported(claim('26 June 2021'), p)).toBe(false);
    expect(dateSupported(claim('26 May 2020'), p)).toBe(false);
  });

  it('accepts a day within the passage’s days, not a span that runs past them', () => {
    const p = passage('du 25 au 27 novembre 2025 à Lyon');
    expect(dateSupported(claim('am 26. November 2025'), p)).toBe(true);
    expect(dateSupported(claim('24–27 November 2025'), p)).toBe(false);
  });

  it('accepts a coarser month or season, never a finer one', () => {
    expect(dateSupported(claim('in the spring of 2023'), passage('lancée en avril 2023'))).toBe(true);
    expect(dateSupported(claim('en mayo de 2023'), passage('au printemps 2023'))).toBe(false);
    expect(dateSupported(claim('in autumn 2023'), passage('lancée en avril 2023'))).toBe(false);
  });

  it('checks a span of years year by year', () => {
    expect(dateSupported(claim('from 2024 to 2026'), passage('le plan 2024-2026'))).toBe(true);
    expect(dateSupported(claim('from 2023 to 2026'), passage('le plan 2024-2026'))).toBe(false);
  });
});
