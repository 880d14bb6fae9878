import { describe, expect, it } from 'vitest';
import { dateValuesIn, findDateExpressions, firstDay, lastDay, sameDateValue } from '../../../src/core/text/date-expressions.js';

/** [text as written, start, end, precision] of each expression found. */
const read = (text: string, options?: Parameters<typeof findDateExpressions>[1]) => findDateExpressions(text, options).map((v) => [v.text, v.start, v.end, v.precision]);

describe('French dates in the articles (sentences copied from corpus/)', () => {
  it('reads a pair of days with their month and year', () => {
    expect(read('Les 5 et 6 mai 2022 à Strasbourg, dans le cadre de la présidence française')).toEqual([['5 et 6 mai 2022', '2022-05-05', '2022-05-06', 'day']]);
  });

  it('reads a range of days, the opener "du" included', () => {
    expect(read('Du 25 au 27 novembre 2025, le Social Good Accelerator (SOGA) et ses partenaires')).toEqual([['Du 25 au 27 novembre 2025', '2025-11-25', '2025-11-27', 'day']]);
  });

  it('reads single days and months with their year', () => {
    expect(read('Le 17 novembre 2023 marque la fin de NEC ESS Europe')).toEqual([['17 novembre 2023', '2023-11-17', null, 'day']]);
    expect(read('présenté le 16 décembre 2021 par la Commission européenne')).toEqual([['16 décembre 2021', '2021-12-16', null, 'day']]);
    expect(read('En février 2022, le Social Good Accelerator et ses partenaires')).toEqual([['février 2022', '2022-02', null, 'month']]);
    expect(read('à la DG Grow, à Bruxelles, en janvier 2020')).toEqual([['janvier 2020', '2020-01', null, 'month']]);
    expect(read('le 1er juin 2020')).toEqual([['1er juin 2020', '2020-06-01', null, 'day']]);
  });

  it('reads a season with its year', () => {
    expect(read('Le prochain rendez-vous de la Social Good Week Europe aura lieu au printemps 2023 à Lisbonne')).toEqual([['printemps 2023', '2023-03', '2023-05', 'season']]);
  });

  it('gives a date written without a year the reference year, and says so', () => {
    const [v] = findDateExpressions('se sont réunis les 5 et 6 mai à Strasbourg', { refYear: 2022 });
    expect(v).toMatchObject({ start: '2022-05-05', end: '2022-05-06', precision: 'day', yearInferred: true });
    expect(read('Le mercredi 26 novembre, de 13h à 17h, SOGA organise', { refYear: 2025 })).toEqual([['26 novembre', '2025-11-26', null, 'day']]);
    expect(read('Le mois d’octobre a été intense pour l’équipe', { refYear: 2021 })).toEqual([['Le mois d’octobre', '2021-10', null, 'month']]);
  });

  it('leaves a date without a year alone when no reference year is given', () => {
    expect(read('se sont réunis les 5 et 6 mai à Strasbourg')).toEqual([]);
    expect(read('Le 25 janvier, le Social Good Accelerator (SOGA)')).toEqual([]);
  });

  it('places "janvier prochain" after the reference date, and skips it without one', () => {
    const text = 'un voyage apprenant qui se déroulera en janvier prochain';
    expect(read(text, { refDate: '2023-11-20' })).toEqual([['en janvier prochain', '2024-01', null, 'month']]);
    expect(read(text, { refYear: 2023 })).toEqual([]);
  });
});

describe('English and other languages', () => {
  it('reads a pair of days without a year in an English article', () => {
    expect(read('broadcast from the Rhineland city on 26 and 27 May, which does not detract', { refYear: 2021, lang: 'en' })).toEqual([['26 and 27 May', '2021-05-26', '2021-05-27', 'day']]);
  });

  it('reads month-first dates and ranges', () => {
    expect(read('The summit took place on May 26–27, 2021 in Mannheim.')).toEqual([['May 26–27, 2021', '2021-05-26', '2021-05-27', 'day']]);
    expect(read('on November 25, 2025')).toEqual([['November 25, 2025', '2025-11-25', null, 'day']]);
    expect(read('The forum meets on October 3 and 4, 2024 in Lille.')).toEqual([['October 3 and 4, 2024', '2024-10-03', '2024-10-04', 'day']]);
  });

  it('reads German, Spanish, Portuguese, Dutch and Italian day-first dates', () => {
    expect(read('am 26. und 27. Mai 2021 in Mannheim')).toEqual([['26. und 27. Mai 2021', '2021-05-26', '2021-05-27', 'day']]);
    expect(read('del 25 al 27 de noviembre de 2025')).toEqual([['del 25 al 27 de noviembre de 2025', '2025-11-25', '2025-11-27', 'day']]);
    expect(read('em 1 de maio de 2021')).toEqual([['1 de maio de 2021', '2021-05-01', null, 'day']]);
    expect(read('op 26 en 27 mei 2021')).toEqual([['26 en 27 mei 2021', '2021-05-26', '2021-05-27', 'day']]);
    expect(read('il 5 e 6 maggio 2022')).toEqual([['5 e 6 maggio 2022', '2022-05-05', '2022-05-06', 'day']]);
    expect(read('im Herbst 2021')).toEqual([['Herbst 2021', '2021-09', '2021-11', 'season']]);
  });

  it('reads a range across two months', () => {
    expect(read('du 30 septembre au 2 octobre 2021')).toEqual([['du 30 septembre au 2 octobre 2021', '2021-09-30', '2021-10-02', 'day']]);
  });

  it('reads years: a range, and a lone year after a preposition of time', () => {
    expect(read('le programme 2024-2026')).toEqual([['2024-2026', '2024', '2026', 'year']]);
    expect(read('In the context of the German Council Presidency in 2020')).toEqual([['in 2020', '2020', null, 'year']]);
    expect(read('2021-10-12')).toEqual([['2021-10-12', '2021-10-12', null, 'day']]);
  });
});

describe('what is not a date (precision over recall)', () => {
  it('does not take a year in a name or after "de" for an event date', () => {
    expect(read('les métiers de 2030')).toEqual([]);
    expect(read('le SOGA a été finaliste des Social Economy Awards 2021')).toEqual([]);
    expect(read('cette édition 2025 se tiendra à Bruxelles')).toEqual([]);
  });

  it('does not take a count for a day', () => {
    expect(read('des représentants de 14 pays et plus de 80 intervenants', { refYear: 2023 })).toEqual([]);
    expect(read('More than 80 meetings and 300 European organisations', { refYear: 2021, lang: 'en' })).toEqual([]);
  });

  it('does not take the English words "may" and "march" for months, nor "May 12 members"', () => {
    expect(read('We may 12 people. In May 12 members joined.', { refYear: 2021, lang: 'en' })).toEqual([]);
    expect(read('they march 5 abreast', { refYear: 2021, lang: 'en' })).toEqual([]);
  });

  it('skips a numeric date that reads two ways, keeps one that reads one way', () => {
    expect(read('le 12/10/2021')).toEqual([]);
    expect(read('le 25/11/2025')).toEqual([['25/11/2025', '2025-11-25', null, 'day']]);
  });

  it('reads only the month of an impossible day or a backwards range of days', () => {
    expect(read('le 31 novembre 2025')).toEqual([['novembre 2025', '2025-11', null, 'month']]);
    expect(read('les 27 et 25 mai 2021')).toEqual([['mai 2021', '2021-05', null, 'month']]);
    expect(read('les 27 et 25 mai', { refYear: 2021 })).toEqual([]);
    expect(read('2026-2024')).toEqual([]);
  });

  it('does not read a season whose year is a guess ("l’hiver 2023")', () => {
    expect(read('l’hiver 2023')).toEqual([]);
  });
});

describe('comparing texts by value across languages', () => {
  it('finds the same dates in an English and a French sentence', () => {
    const [en] = dateValuesIn('on 26 and 27 May 2021', 'en');
    const [fr] = dateValuesIn('les 26 et 27 mai 2021', 'fr');
    const [us] = dateValuesIn('May 26–27, 2021', 'en');
    expect(sameDateValue(en, fr)).toBe(true);
    expect(sameDateValue(us, fr)).toBe(true);
    const [other] = dateValuesIn('le 26 mai 2021', 'fr');
    expect(sameDateValue(other, fr)).toBe(false);
  });

  it('uses the reference year for a date without one', () => {
    const [a] = dateValuesIn('26 and 27 May', 'en', 2021);
    const [b] = dateValuesIn('les 26 et 27 mai 2021', 'fr');
    expect(sameDateValue(a, b)).toBe(true);
  });

  it('gives the first and last day of any precision', () => {
    expect(lastDay({ start: '2023-03', end: '2023-05' })).toBe('2023-05-31');
    expect(lastDay({ start: '2024-02', end: null })).toBe('2024-02-29');
    expect(lastDay({ start: '2024', end: '2026' })).toBe('2026-12-31');
    expect(firstDay({ start: '2023-03' })).toBe('2023-03-01');
    expect(lastDay({ start: '2025-11-25', end: '2025-11-27' })).toBe('2025-11-27');
  });
});

describe('dates in the 16 other languages the bot speaks', () => {
  const readIn = (text: string, lang: string) => findDateExpressions(text, { lang }).map((d) => [d.text, d.start, d.end, d.precision]);

  it('reads months as each language inflects them', () => {
    expect(readIn('Warsztaty odbyły się 3 marca 2024 r.', 'pl')).toEqual([['3 marca 2024', '2024-03-03', null, 'day']]);
    expect(readIn('Co zrobiono w marcu 2024?', 'pl')).toEqual([['marcu 2024', '2024-03', null, 'month']]);
    expect(readIn('Schůzka byla v březnu 2024.', 'cs')).toEqual([['březnu 2024', '2024-03', null, 'month']]);
    expect(readIn('Kokous pidettiin 3. maaliskuuta 2024.', 'fi')).toEqual([['3. maaliskuuta 2024', '2024-03-03', null, 'day']]);
    expect(readIn('Mitä tehtiin maaliskuussa 2024?', 'fi')).toEqual([['maaliskuussa 2024', '2024-03', null, 'month']]);
    expect(readIn('Η συνάντηση έγινε στις 3 Μαρτίου 2024.', 'el')).toEqual([['3 Μαρτίου 2024', '2024-03-03', null, 'day']]);
    expect(readIn('Какво стана през март 2024 г.?', 'bg')).toEqual([['март 2024', '2024-03', null, 'month']]);
    expect(readIn("La trobada va ser el 3 d'abril de 2024.", 'ca')).toEqual([["3 d'abril de 2024", '2024-04-03', null, 'day']]);
  });

  it('reads the year before the month where the language writes it so', () => {
    expect(readIn('Mi történt 2024 márciusában?', 'hu')).toEqual([['2024 márciusában', '2024-03', null, 'month']]);
    expect(readIn('A találkozó 2024. március 3-án volt.', 'hu')).toEqual([['2024. március 3', '2024-03-03', null, 'day']]);
    expect(readIn('Kas notika 2024. gada martā?', 'lv')).toEqual([['2024. gada martā', '2024-03', null, 'month']]);
    expect(readIn('Susitikimas vyko 2024 m. kovo 3 d.', 'lt')).toEqual([['2024 m. kovo 3 d.', '2024-03-03', null, 'day']]);
  });

  it('gives a month name the reading of the text’s own language', () => {
    // "listopad" is October in Croatian and November in Polish and Czech.
    expect(readIn('Sastanak je bio 3. listopada 2024.', 'hr')[0][1]).toBe('2024-10-03');
    expect(readIn('Spotkanie odbyło się 3 listopada 2024.', 'pl')[0][1]).toBe('2024-11-03');
    // Another language's month is a word of this one: "mais" is French, "Maja" a name.
    expect(readIn('Le projet avance, mais 2024 sera décisif.', 'fr')).toEqual([]);
    expect(readIn('Maja 2024 joined the board.', 'en')).toEqual([]);
  });
});

describe('seasons in the 16 other languages', () => {
  it('reads a season and year as the language writes it, and only in that language', () => {
    expect(findDateExpressions('Co się działo wiosną 2024?', { lang: 'pl' }).map((d) => [d.start, d.end, d.precision])).toEqual([['2024-03', '2024-05', 'season']]);
    expect(findDateExpressions('Mitä tapahtui syksyllä 2024?', { lang: 'fi' }).map((d) => [d.start, d.end])).toEqual([['2024-09', '2024-11']]);
    // Swedish "vara" is "to be", not the Romanian summer.
    expect(findDateExpressions('Det kommer att vara 2024 snart.', { lang: 'sv' })).toEqual([]);
    expect(findDateExpressions('Ce s-a întâmplat vara 2024?', { lang: 'ro' }).map((d) => d.start)).toEqual(['2024-06']);
  });
});

describe('a part of a year is read as the year', () => {
  it.each([
    ['fr', 'Fin 2019, la fédération a publié sa charte.', 'Fin 2019'],
    ['fr', 'Au début de 2024, le réseau comptait 40 membres.', 'début de 2024'],
    ['en', 'The charter was published at the end of 2019.', 'end of 2019'],
    ['en', 'By mid-2024 the network had 40 members.', 'mid-2024'],
    ['de', 'Ende 2019 veröffentlichte der Verband seine Charta.', 'Ende 2019'],
    ['es', 'A finales de 2019 la federación publicó su carta.', 'finales de 2019'],
    ['nl', 'Eind 2019 publiceerde de federatie haar charter.', 'Eind 2019'],
  ])('in %s', (lang, text, written) => {
    const [d] = findDateExpressions(text, { lang });
    expect(d).toMatchObject({ text: written, precision: 'year', yearInferred: false });
    expect(d.start).toMatch(/^20(19|24)$/);
  });
  it('not a word that only looks like one ("la finale 2021", "we start 2021")', () => {
    expect(findDateExpressions('la finale 2021 de la coupe', { lang: 'fr' })).toEqual([]);
    expect(findDateExpressions('We start 2021 strong', { lang: 'en' })).toEqual([]);
  });
});

describe('a decade is its ten years, not its first', () => {
  it.each([
    ['en', 'What happened in the late 2010s?', '2010s'],
    ['en', "in the 1990's", "1990's"],
    ['de', 'in den 2020er Jahren', '2020er'],
    ['fr', 'dans les années 2010', 'années 2010'],
  ])('in %s', (lang, text, written) => {
    expect(findDateExpressions(text, { lang }).map((d) => [d.text, d.start, d.end])).toEqual([[written, `${written.match(/\d{3}/)![0]}0`, `${written.match(/\d{3}/)![0]}9`]]);
  });
});

describe('years listed or owned are years, not decades', () => {
  it('reads "les années 2020 et 2021" and "2021’s autumn" as years', () => {
    expect(findDateExpressions('les années 2020 et 2021', { lang: 'fr' }).some((d) => d.end === '2029')).toBe(false);
    expect(findDateExpressions("in 2021's autumn", { lang: 'en' }).map((d) => d.start)).toEqual(['2021']);
  });
});
