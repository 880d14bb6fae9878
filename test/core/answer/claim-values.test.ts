import { describe, expect, it } from 'vitest';
import { dateSupported, datesIn, numbersIn, valuesOf } from '../../../src/core/answer/claim-values.js';

describe('datesIn reads dates of the seven languages as values', () => {
  it.each([
    ['les 26 et 27 mai 2021', { days: [26, 27], month: 5, year: 2021 }],
    ['May 26–27, 2021', { days: [26, 27], month: 5, year: 2021 }],
    ['26 and 27 May 2021', { days: [26, 27], month: 5, year: 2021 }],
    ['am 26.–27. Mai 2021', { days: [26, 27], month: 5, year: 2021 }],
    ['del 25 al 27 de noviembre de 2025', { days: [25, 27], month: 11, year: 2025 }],
    ['dal 25 al 27 novembre 2025', { days: [25, 27], month: 11, year: 2025 }],
    ['2021-05-26', { days: [26], month: 5, year: 2021 }],
    ['26/05/2021', { days: [26], month: 5, year: 2021 }],
    ['en février 2022', { days: [], month: 2, year: 2022 }],
  ])('%s', (text, date) => {
    expect(datesIn(text).dates).toEqual([date]);
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

  it('takes the year from elsewhere in the passage', () => {
    expect(dateSupported({ days: [26], month: 5, year: 2021 }, passage('En 2021, le sommet s’est tenu les 26 et 27 mai.'))).toBe(true);
  });

  it('refuses another day, month or year', () => {
    const p = passage('les 26 et 27 mai 2021');
    expect(dateSupported({ days: [25], month: 5, year: 2021 }, p)).toBe(false);
    expect(dateSupported({ days: [26], month: 6, year: 2021 }, p)).toBe(false);
    expect(dateSupported({ days: [26], month: 5, year: 2020 }, p)).toBe(false);
  });
});
