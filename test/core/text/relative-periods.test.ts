import { describe, expect, it } from 'vitest';
import { relativePeriods } from '../../../src/core/text/relative-periods.js';

const TODAY = new Date('2026-12-06T12:00:00Z');
const period = (q: string, today = TODAY) => relativePeriods(q, today).map(({ from, to }) => `${from}..${to}`);

describe('periods named relative to today are the calendar year or month they are on the day asked', () => {
  it('reads this / last / next year in the languages members write', () => {
    expect(period('Who spoke at SOGA events last year?')).toEqual(['2025-01-01..2025-12-31']);
    expect(period("Le SOGA a-t-il publié une étude l'année dernière ?")).toEqual(['2025-01-01..2025-12-31']);
    expect(period('Hat der SOGA dieses Jahr neue Mitglieder aufgenommen?')).toEqual(['2026-01-01..2026-12-31']);
    expect(period('¿El SOGA viajará a Lisboa el año que viene?')).toEqual(['2027-01-01..2027-12-31']);
    expect(period("Cosa ha pubblicato il SOGA l'anno scorso?")).toEqual(['2025-01-01..2025-12-31']);
    expect(period('Welke workshops gaf SOGA vorig jaar?')).toEqual(['2025-01-01..2025-12-31']);
    expect(period('Vad publicerade SOGA i fjol?')).toEqual(['2025-01-01..2025-12-31']);
    expect(period('Co SOGA opublikowało w zeszłym roku?')).toEqual(['2025-01-01..2025-12-31']);
  });

  it('counts years back, in digits or words', () => {
    expect(period('What did the members of SOGA write 2 years ago?')).toEqual(['2024-01-01..2024-12-31']);
    expect(period('Qui présidait le SOGA il y a cinq ans ?')).toEqual(['2021-01-01..2021-12-31']);
    expect(period('Wer leitete den SOGA vor drei Jahren?')).toEqual(['2023-01-01..2023-12-31']);
    expect(period('¿Dónde estaba el SOGA hace un año?')).toEqual(['2025-01-01..2025-12-31']);
    expect(period('Con chi collaborava il SOGA sei anni fa?')).toEqual(['2020-01-01..2020-12-31']);
    expect(period('Met wie werkte SOGA zes jaar geleden samen?')).toEqual(['2020-01-01..2020-12-31']);
    expect(period('Vem ledde SOGA för två år sedan?')).toEqual(['2024-01-01..2024-12-31']);
  });

  it('reads months across a year end', () => {
    expect(period('Did SOGA speak anywhere last month?')).toEqual(['2026-11-01..2026-11-30']);
    expect(period('Was macht der SOGA im nächsten Monat?')).toEqual(['2027-01-01..2027-01-31']);
    expect(period('Qué hace el SOGA este mes?', new Date('2026-02-10T12:00:00Z'))).toEqual(['2026-02-01..2026-02-28']);
  });

  it('finds nothing where no period is named from today', () => {
    expect(period('How many years ago was the Atlas launched?')).toEqual([]);
    expect(period('¿Hace cuántos años nació el SOGA?')).toEqual([]);
    expect(period('Who was the last speaker of the day?')).toEqual([]);
    expect(period('What happened in 2021?')).toEqual([]);
  });
});

describe('days and weeks named from today', () => {
  it('reads today, tomorrow and this / next / last week (Monday to Sunday)', () => {
    expect(period('Is there a SOGA webinar tomorrow?')).toEqual(['2026-12-07..2026-12-07']);
    expect(period('Y a-t-il un atelier du SOGA cette semaine ?')).toEqual(['2026-11-30..2026-12-06']);
    expect(period('Gibt es nächste Woche einen Workshop?')).toEqual(['2026-12-07..2026-12-13']);
    expect(period('Qué pasó la semana pasada?', new Date('2026-03-04T12:00:00Z'))).toEqual(['2026-02-23..2026-03-01']);
    // Not "hier" (Dutch and German "here").
    expect(period('Wat gebeurde hier?')).toEqual([]);
  });
});

describe('a period from today that starts one running to today', () => {
  it('is marked "since" only when the word just before it says so', () => {
    expect(relativePeriods('Which events has SOGA attended since last year?', TODAY)).toMatchObject([{ from: '2025-01-01', since: true }]);
    expect(relativePeriods('Was hat der SOGA seit letztem Jahr gemacht?', TODAY)).toMatchObject([{ from: '2025-01-01', since: true }]);
    expect(relativePeriods("Cosa ha fatto il SOGA dall'anno scorso?", TODAY)).toMatchObject([{ from: '2025-01-01', since: true }]);
    // Swedish "sedan" after the years is "ago", not "since".
    expect(relativePeriods('Vad gjorde SOGA för två år sedan?', TODAY)).toEqual([{ text: 'for tva ar sedan', from: '2024-01-01', to: '2024-12-31', precision: 'year' }]);
  });
});
