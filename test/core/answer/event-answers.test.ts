import { describe, expect, it } from 'vitest';
import {
  answerFromEvents,
  answerNamedInPeriod,
  answerSeveralEvents,
  asksDuration,
  daysLasted,
  formatDays,
  namedEventFor,
  withPeriodYear,
  namesLaterEdition,
  timeIntent,
} from '../../../src/core/answer/event-answers.js';
import type { EventRecord } from '../../../src/core/events/types.js';
import { groupEvents, type GroupedEvent } from '../../../src/core/events/group-events.js';
import { Messages } from '../../../src/core/i18n.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const messages = new Messages({ en, fr });
const TODAY = new Date('2026-12-06T12:00:00Z');
let n = 0;
const event = (name: string, start: string, end: string | null, places: string[], extra: Partial<EventRecord> = {}): EventRecord => ({
  id: `d${++n}#e1`,
  name,
  variants: [name],
  key: name.toLowerCase(),
  start,
  end,
  precision: start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year',
  dateText: start,
  yearInferred: false,
  places,
  role: null,
  sentence: `${name} a eu lieu.`,
  chunkId: `d${n}#0`,
  docId: `d${n}`,
  docTitle: `Article ${name}`,
  docDate: start,
  lang: 'fr',
  source: `d${n}.txt`,
  announced: false,
  ...extra,
});
const grouped = (records: EventRecord[]) => groupEvents(records, '2026-12-06');
const CORPUS = [
  event('EUSES', '2021-05-26', '2021-05-27', ['Mannheim']),
  event('ActSE', '2021-10-12', null, ['Ljubljana']),
  event('FNAF', '2021-10-13', null, ['Paris']),
  event('NEC ESS', '2025-11-25', '2025-11-27', ['Bruxelles', 'Paris']),
];

describe('questions about time across the articles', () => {
  it('recognises "next event" and period questions in several languages, and leaves others alone', () => {
    expect(timeIntent('What is the next upcoming SOGA event?', 'en', TODAY)).toMatchObject({ kind: 'next' });
    expect(timeIntent('Quel est le prochain événement du SOGA ?', 'fr', TODAY)).toMatchObject({ kind: 'next' });
    expect(timeIntent('List all the events SOGA organised or attended in 2021.', 'en', TODAY)).toMatchObject({ kind: 'period', from: '2021-01-01', to: '2021-12-31' });
    expect(timeIntent("Qu'est-ce que le SOGA a fait en octobre 2021 ? Liste les événements.", 'fr', TODAY)).toMatchObject({ from: '2021-10-01', to: '2021-10-31' });
    expect(timeIntent('Welche Veranstaltungen gab es seit 2023?', 'de', TODAY)).toMatchObject({ from: '2023-01-01', to: '2026-12-06' });
    expect(timeIntent('When and where was the second summit held?', 'en', TODAY)).toBeNull();
    // "l'an dernier", "el año pasado": the word for "last" after the period's noun is still a period, not the latest event.
    expect(timeIntent("Y a-t-il eu un événement l'an dernier ?", 'fr', new Date('2028-03-01T12:00:00Z'))).toMatchObject({ kind: 'period', from: '2027-01-01', to: '2027-12-31' });
    expect(timeIntent('Quand a eu lieu le FNAF 2021 ?', 'fr', TODAY)).toBeNull();
    expect(timeIntent('Qui parlait au nom du gouvernement français lors de la conférence NEC ESS Europe au CESE en novembre 2023 ?', 'fr', TODAY)).toBeNull();
  });

  it('lists every event of the period with a citation each', async () => {
    const answer = answerFromEvents(grouped(CORPUS), timeIntent('Liste les événements de 2021.', 'fr', TODAY)!, 'fr', TODAY, messages);
    expect(answer.outcome).toBe('answered');
    expect(
      answer.text
        .split('\n')
        .filter((l) => l.startsWith('•'))
        .map((l) => l.split(' — ')[0]),
    ).toEqual(['• EUSES', '• ActSE', '• FNAF']);
    expect(answer.citations.map((c) => c.n)).toEqual([1, 2, 3]);
  });

  it('says that no upcoming event is announced, and names the latest', async () => {
    const answer = answerFromEvents(grouped(CORPUS), { kind: 'next', question: 'What is the next event?' }, 'en', TODAY, messages);
    expect(answer.text).toMatch(/^No upcoming SOGA event is announced in the articles \(today is December 6, 2026\)\./);
    expect(answer.text).toMatch(/• NEC ESS — November 25\s–\s27, 2025, Brussels, Paris \(last year\) \[1\]/);
  });

  it('keeps to the event the question names, saying its latest edition was announced only', async () => {
    const sgw = event('Social Good Week', '2023-03', '2023-05', ['Lisbonne'], { announced: true });
    const answer = answerFromEvents(grouped([...CORPUS, sgw]), timeIntent('Quando si terrà il prossimo evento della Social Good Week a Lisbona?', 'it', TODAY)!, 'en', TODAY, messages);
    expect(answer.text).toMatch(/^No upcoming SOGA event is announced/);
    expect(answer.text).toMatch(/• Social Good Week — March\s–\sMay 2023, Lisbon \(\d+ years ago; announced only: the articles do not say it took place\) \[1\]/);
  });

  it('lists upcoming events when there are', async () => {
    const answer = answerFromEvents(grouped([...CORPUS, event('Social Good Week', '2027-03-10', null, ['Lisbonne'])]), { kind: 'next', question: 'What is the next event?' }, 'en', TODAY, messages);
    expect(answer.text).toMatch(/^Upcoming events in the SOGA articles:\n• Social Good Week — March 10, 2027, Lisbon \(in 3 months\) \[1\]$/);
  });

  it('answers "not found" for a period no article covers', async () => {
    const answer = answerFromEvents(grouped(CORPUS), timeIntent('Which events did SOGA attend in 2019?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(answer).toMatchObject({ outcome: 'not_found', citations: [] });
  });
});

describe('review findings stay fixed (events)', () => {
  it('does not take an acronym alone for an event name in "next" questions, but an event name it does', () => {
    expect(timeIntent('Who will be the next president of SOGA?', 'en', TODAY)).toMatchObject({ kind: 'next', named: true });
    expect(timeIntent('What is the next SOGA event?', 'en', TODAY)).toMatchObject({ kind: 'next', named: false });
  });
  it('answers a when-question naming an event only with the edition whose ordinal matches', async () => {
    const { namedEventFor } = await import('../../../src/core/answer/event-answers.js');
    const actse = event('ActSE', '2021-10-12', null, ['Ljubljana'], { variants: ['ActSE', 'Social Economy Summit'] });
    expect(namedEventFor(grouped([actse]), 'When was the second Social Economy Summit held?', 'en')).toBeNull();
    expect(namedEventFor(grouped([actse]), 'When was the Social Economy Summit held?', 'en')).toMatchObject({ name: 'ActSE' });
  });
  it('keeps the longest name the question gives', async () => {
    const { namedEventFor } = await import('../../../src/core/answer/event-answers.js');
    const sgw = event('Social Good Week', '2022-01-25', null, []);
    const sgwe = event('Social Good Week Europe', '2023-03', '2023-05', ['Lisbonne'], { key: 'social good week' });
    expect(namedEventFor(grouped([sgw, sgwe]), 'When is the Social Good Week Europe?', 'en')).toMatchObject({ name: 'Social Good Week Europe' });
  });
});

describe('an acronym with a year names the edition the index knows by the acronym’s spelled-out name', () => {
  // Made-up editions: the first spells its acronym out, the second is indexed only by its French name.
  const first = event('ESEF 2023', '2023-06-01', '2023-06-02', ['Lyon'], { key: 'esef', variants: ['ESEF 2023', 'ESEF', 'European Social Economy Forum'] });
  const second = event('Forum européen de l’économie sociale à Nantes', '2024-06-03', '2024-06-04', ['Nantes'], {
    variants: ['Forum européen de l’économie sociale à Nantes', 'Forum européen de l’économie sociale'],
  });

  it('finds the year’s edition under its name in another language ("When was ESEF 2024?")', () => {
    expect(namedEventFor(grouped([first, second]), 'When was ESEF 2024?', 'en')).toMatchObject({ name: 'Forum européen de l’économie sociale à Nantes' });
    expect(namedEventFor(grouped([first, second]), 'Wo fand das ESEF 2024 statt?', 'de')).toMatchObject({ places: ['Nantes'] });
  });

  it('still knows no edition of a year no name of the series has', () => {
    expect(namedEventFor(grouped([first, second]), 'When was ESEF 2025?', 'en')).toBe('no-such-edition');
  });

  it('takes only the name the acronym spells, and an edition of the same name: another series sharing words is not it', () => {
    // "ACTF" spells "Active Citizens Forum"; its other name shares the Nantes forum's concepts but is not what the acronym spells.
    const actf = event('ACTF 2023', '2023-09-01', null, ['Graz'], { key: 'actf', variants: ['ACTF 2023', 'ACTF', 'Active Citizens Forum', 'Social Economy Forum'] });
    expect(namedEventFor(grouped([actf, second]), 'When was ACTF 2024?', 'en')).toBe('no-such-edition');
    // A name of other concepts is not the same name: "European Social Economy Forum" is not a "Forum européen de l’économie solidaire".
    const solidarity = event('Forum européen de l’économie solidaire', '2024-03-01', null, ['Lille'], { variants: ['Forum européen de l’économie solidaire'] });
    expect(namedEventFor(grouped([first, solidarity]), 'When was ESEF 2024?', 'en')).toBe('no-such-edition');
  });
});

describe('a question about a named event in a year counted from today asks about that year’s edition', () => {
  const fair = (year: number) => event(`Foire des métiers ${year}`, `${year}-05-10`, null, ['Tours'], { key: 'foire des metiers', variants: [`Foire des métiers ${year}`, 'Foire des métiers'] });
  const all = grouped([fair(2023), fair(2025)]);

  it('writes the year after a question that asks how many or who', () => {
    expect(withPeriodYear(all, 'Combien de visiteurs a eu la Foire des métiers l’année dernière ?', 'fr', TODAY)).toBe('Combien de visiteurs a eu la Foire des métiers l’année dernière ? (2025)');
    expect(withPeriodYear(all, 'How many exhibitors did the Foire des métiers have three years ago?', 'en', TODAY)).toMatch(/\(2023\)$/);
  });

  it('also writes it after an open question ("what was the theme…?"), which the edition’s passages answer, not the period’s list', () => {
    expect(withPeriodYear(all, 'What was the theme of the Foire des métiers last year?', 'en', TODAY)).toMatch(/\(2025\)$/);
    expect(answerNamedInPeriod(all, 'What was the theme of the Foire des métiers last year?', 'en', TODAY, messages)).toBeNull();
    expect(answerNamedInPeriod(all, 'Was the Foire des métiers held last year?', 'en', TODAY, messages)).toMatchObject({ outcome: 'answered' });
  });

  it('leaves when / whether questions (the editions of the period answer them), a written year, and no named event alone', () => {
    expect(withPeriodYear(all, 'Was the Foire des métiers held last year?', 'en', TODAY)).toBeNull();
    expect(withPeriodYear(all, 'How many visitors did the Foire des métiers 2025 have last year?', 'en', TODAY)).toBeNull();
    expect(withPeriodYear(all, 'How many visitors came to SOGA’s events last year?', 'en', TODAY)).toBeNull();
  });
});

describe('events named across languages and by edition', () => {
  const euses = event('EUSES 2021', '2021-05-26', '2021-05-27', ['Mannheim'], { key: 'euses', variants: ['EUSES 2021', 'EUSES', 'European Social Economy Summit'], edition: 1 });
  const strasbourg = event('deuxième sommet européen réussi pour l’économie sociale', '2022-05-05', '2022-05-06', ['Strasbourg'], {
    variants: ['deuxième sommet européen réussi pour l’économie sociale', 'Sommet européen de l’économie sociale à Strasbourg'],
    edition: 2,
  });
  const actse = event('ActSE', '2021-10-12', null, ['Ljubljana'], { variants: ['ActSE', 'Active Social Economy', 'Social Economy Summit'] });
  const all = grouped([euses, strasbourg, actse]);

  it('finds the edition the question asks for, in another language than the names', () => {
    expect(namedEventFor(all, '¿Cuándo y dónde se celebró la segunda cumbre europea de la economía social?', 'es')).toMatchObject({ start: '2022-05-05' });
    expect(namedEventFor(all, 'Wann fand der erste europäische Sozialwirtschaftsgipfel statt?', 'de')).toMatchObject({ key: 'euses' });
  });

  it('chooses by year when no ordinal is given, and gives every summit when nothing chooses', () => {
    expect(namedEventFor(all, 'Où a eu lieu le sommet européen de l’économie sociale de 2022 ?', 'fr')).toMatchObject({ start: '2022-05-05' });
    expect(namedEventFor(all, 'Où a eu lieu le sommet européen de l’économie sociale ?', 'fr')).toMatchObject({ several: [{ key: 'euses' }, { start: '2022-05-05' }] });
  });
});

describe('questions naming several periods or several events', () => {
  it('keeps every year a question names, and only those', () => {
    expect(timeIntent('Quels événements le SOGA a-t-il organisés en 2021 et 2025 ?', 'fr', TODAY)).toMatchObject({
      kind: 'period',
      label: 'en 2021 et 2025',
      periods: [
        { from: '2021-01-01', to: '2021-12-31' },
        { from: '2025-01-01', to: '2025-12-31' },
      ],
    });
    const answer = answerFromEvents(grouped(CORPUS), timeIntent('Which events did SOGA attend in 2021 and 2025?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(
      answer.text
        .split('\n')
        .filter((l) => l.startsWith('•'))
        .map((l) => l.split(' — ')[0]),
    ).toEqual(['• EUSES', '• ActSE', '• FNAF', '• NEC ESS']);
    const gap = answerFromEvents(grouped(CORPUS), timeIntent('Which events did SOGA attend in 2022 and 2023?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(gap.outcome).toBe('not_found');
  });

  it('reads "between 2021 and 2023" as one stretch of time', () => {
    expect(timeIntent('Welche Veranstaltungen gab es zwischen 2021 und 2023?', 'de', TODAY)).toMatchObject({ from: '2021-01-01', to: '2023-12-31' });
  });

  it('lists the editions of a series the question names without a year, each with its citation', () => {
    const nec2023 = event('NEC ESS Europe', '2023-11', null, ['Paris'], { key: 'nec ess', variants: ['NEC ESS Europe', 'NEC ESS Europe 2023'] });
    const nec2025 = event('Numérique en Commun[s] ESS Europe', '2025-11-25', '2025-11-27', ['Bruxelles', 'Paris'], { key: 'nec ess', variants: ['Numérique en Commun[s] ESS Europe', 'NEC ESS'] });
    const named = namedEventFor(grouped([nec2025, nec2023]), 'Quand le SOGA a-t-il organisé le NEC ESS ?', 'fr');
    expect(named).toMatchObject({ several: [{ start: '2023-11' }, { start: '2025-11-25' }] });
    const listed = answerSeveralEvents((named as { several: GroupedEvent[] }).several, 'en', TODAY, messages);
    expect(listed.text).toMatch(
      /^The SOGA articles speak of several of them:\n• NEC ESS Europe .*November 2023, Paris .*\[1\]\n• Numérique en Commun\[s\] ESS Europe .*November 25\s–\s27, 2025, Brussels, Paris .*\[2\]$/,
    );
    expect(listed.citations.map((c) => c.n)).toEqual([1, 2]);
  });

  it('answers "how many days" from the dates of the event named', () => {
    expect(asksDuration('Wie viele Tage dauerte der EUSES?')).toBe(true);
    expect(asksDuration('Hoe lang geleden was de top?')).toBe(false);
    expect(namedEventFor(grouped(CORPUS), 'Wie viele Tage dauerte der EUSES?', 'de')).toMatchObject({ name: 'EUSES' });
  });
});

describe('an ordinal decides before the fullest name does', () => {
  it('does not let "européenne" make the first Social Good Week event the "Social Good Week Europe" announced next', () => {
    const first = event('Social Good Week', '2022-01-25', null, [], { sentence: 'Le 25 janvier, le SOGA a coorganisé le premier événement européen de la Social Good Week.' });
    const next = event('Social Good Week Europe', '2023-03', '2023-05', ['Lisbonne'], {
      key: 'social good week',
      sentence: 'Le prochain rendez-vous de la Social Good Week Europe aura lieu au printemps 2023 à Lisbonne.',
    });
    expect(namedEventFor(grouped([first, next]), 'Wann war die erste europäische Veranstaltung der Social Good Week?', 'de')).toMatchObject({ start: '2022-01-25' });
  });
});

describe('one event asked for by its period', () => {
  it('reads "is there any event planned for 2027?" and "which event … in May 2022?" as period questions', () => {
    expect(timeIntent('Is there any SOGA event planned for 2027?', 'en', TODAY)).toMatchObject({ kind: 'period', from: '2027-01-01', to: '2027-12-31' });
    expect(timeIntent('Y a-t-il un événement du SOGA prévu en 2027 ?', 'fr', TODAY)).toMatchObject({ kind: 'period', from: '2027-01-01' });
    expect(timeIntent('Which event did SOGA organise in May 2022?', 'en', TODAY)).toMatchObject({ kind: 'period', from: '2022-05-01', to: '2022-05-31' });
    // A singular "event" without a period or an existence question is left to the passages.
    expect(timeIntent('What was the event about?', 'en', TODAY)).toBeNull();
  });
  it('leaves out of a month an event the articles date by its year only', () => {
    const records = [event('Sommet', '2022-05-05', '2022-05-06', ['Strasbourg']), event('Forum annoncé', '2022', null, [], { announced: true })];
    const may = answerFromEvents(grouped(records), timeIntent('Which event did SOGA attend in May 2022?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(may.text).toContain('Sommet');
    expect(may.text).not.toContain('Forum annoncé');
    const year = answerFromEvents(grouped(records), timeIntent('Which events did SOGA attend in 2022?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(year.text).toContain('Forum annoncé');
  });
});

describe('a year in the question chooses the edition before the names compete', () => {
  it('takes the 2025 edition for "the European opening day of NEC ESS 2025", though "European" fits the 2023 name better', async () => {
    const { eventsNamedIn } = await import('../../../src/core/answer/event-answers.js');
    const records = [
      event('NEC ESS Europe', '2023-11', null, ['Lille'], { variants: ['NEC ESS Europe', 'NEC ESS Europe 2023'], key: 'nec ess europe' }),
      event('Numérique en Commun[s] ESS', '2025-11-25', '2025-11-27', ['Bruxelles'], { variants: ['Numérique en Commun[s] ESS', 'NEC ESS', 'NEC ESS 2025'], key: 'nec ess' }),
    ];
    const named = eventsNamedIn('Where was the European opening day of NEC ESS 2025?', grouped(records));
    expect(named.map((e) => e.start)).toEqual(['2025-11-25']);
  });
});

describe('an event named by its kind and its place', () => {
  it('finds "the Mannheim summit" and "der Gipfel in Straßburg" among summits whose names say neither', async () => {
    const { eventsNamedIn } = await import('../../../src/core/answer/event-answers.js');
    const records = [
      event('European Social Economy Summit', '2021-05-26', '2021-05-27', ['Mannheim'], { variants: ['European Social Economy Summit', 'EUSES'], key: 'european social economy summit' }),
      event('Sommet européen de l’économie sociale', '2022-05-05', '2022-05-06', ['Strasbourg'], { key: 'sommet europeen economie sociale' }),
      event('Forum des associations', '2021-10-13', null, ['Paris'], { key: 'forum associations' }),
    ];
    expect(eventsNamedIn('When did the Mannheim summit take place?', grouped(records)).map((e) => e.start)).toEqual(['2021-05-26']);
    expect(eventsNamedIn('Wann fand der Gipfel in Straßburg statt?', grouped(records)).map((e) => e.start)).toEqual(['2022-05-05']);
    // A place alone, or a kind held elsewhere, names none of them.
    expect(eventsNamedIn('What happened in Mannheim?', grouped(records))).toEqual([]);
    expect(eventsNamedIn('When was the Paris summit?', grouped(records))).toEqual([]);
  });
});

describe('the latest event, of a place when one is named', () => {
  const records = [...CORPUS, event('Social Innovation Village', '2018', null, ['Lisbonne']), event('Forum Paris', '2019-06-02', null, ['Palais des Congrès de Paris'])];
  it('recognises "last / latest / dernier" event questions, not "last year" nor "the last day"', () => {
    expect(timeIntent('When did SOGA last organise an event in Paris?', 'en', TODAY)).toMatchObject({ kind: 'last' });
    expect(timeIntent('Quel a été le dernier événement du SOGA à Bruxelles ?', 'fr', TODAY)).toMatchObject({ kind: 'last' });
    expect(timeIntent('Wann war die letzte Veranstaltung des SOGA?', 'de', TODAY)).toMatchObject({ kind: 'last', places: [] });
    expect(timeIntent('¿Cuál fue el evento más reciente del SOGA?', 'es', TODAY)).toMatchObject({ kind: 'last' });
    expect(timeIntent('Which events did SOGA attend last year?', 'en', TODAY)?.kind).not.toBe('last');
    expect(timeIntent("Qu'est-ce qui s'est passé le dernier jour du sommet ?", 'fr', TODAY)).toBeNull();
    expect(timeIntent('Who spoke at the last summit?', 'en', TODAY)).toBeNull();
  });

  it("names the latest past event held where the question says, in the reader's spelling of the place", () => {
    const paris = answerFromEvents(grouped(records), timeIntent('When did SOGA last hold an event in Paris?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(paris.text).toMatch(/^The latest one they mention:\n• NEC ESS — November 25\s–\s27, 2025, Brussels, Paris \(last year\) \[1\]$/);
    const lisbon = answerFromEvents(grouped(records), timeIntent('What was the most recent SOGA event in Lisbon?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(lisbon.text).toMatch(/• Social Innovation Village — 2018, Lisbon/);
    const ljubljana = answerFromEvents(grouped(records), timeIntent('Quel est le dernier événement du SOGA à Ljubljana ?', 'fr', TODAY)!, 'fr', TODAY, messages);
    expect(ljubljana.text).toMatch(/• ActSE — 12 octobre 2021, Ljubljana/);
  });

  it('counts a venue as its city, and says not found for a place no event was held in', () => {
    const older = grouped([event('Forum Paris', '2019-06-02', null, ['Palais des Congrès de Paris']), event('EUSES', '2021-05-26', null, ['Mannheim'])]);
    expect(answerFromEvents(older, timeIntent('When was the latest SOGA event in Paris?', 'en', TODAY)!, 'en', TODAY, messages).text).toMatch(
      /• Forum Paris — June 2, 2019, Palais des Congrès de Paris/,
    );
    expect(answerFromEvents(older, timeIntent('When was the latest SOGA event in Vienna?', 'en', TODAY)!, 'en', TODAY, messages)).toMatchObject({ outcome: 'not_found', citations: [] });
  });
});

describe('a part of an event is not the whole event of the index', () => {
  it('leaves "where was the opening day of…" to the passages, which give the part its own place', () => {
    const all = grouped(CORPUS);
    expect(namedEventFor(all, 'Where was the opening day of NEC ESS 2025?', 'en')).toBeNull();
    expect(namedEventFor(all, 'Où a eu lieu la clôture du NEC ESS 2025 ?', 'fr')).toBeNull();
    expect(namedEventFor(all, 'Where was NEC ESS 2025?', 'en')).not.toBeNull();
  });
});

describe('time questions in the 16 other languages the bot speaks', () => {
  it('reads "next", "latest" and a period however the language inflects them', () => {
    expect(timeIntent('Jakie jest następne spotkanie? Czy są nadchodzące wydarzenia?', 'pl', TODAY)).toMatchObject({ kind: 'next' });
    expect(timeIntent('Ποια είναι η επόμενη συνάντηση; Υπάρχουν επόμενες εκδηλώσεις;', 'el', TODAY)).toMatchObject({ kind: 'next' });
    expect(timeIntent('Kdy se konala poslední akce?', 'cs', TODAY)).toMatchObject({ kind: 'last' });
    expect(timeIntent('Millal toimus viimane üritus?', 'et', TODAY)).toMatchObject({ kind: 'last' });
    expect(timeIntent('Vilka evenemang ordnades i mars 2022?', 'sv', TODAY)).toMatchObject({ kind: 'period', from: '2022-03-01', to: '2022-03-31' });
    expect(timeIntent('Milyen események voltak 2022 márciusában?', 'hu', TODAY)).toMatchObject({ kind: 'period', from: '2022-03-01', to: '2022-03-31' });
    expect(timeIntent('Кои събития е организирал SOGA през 2022 г.?', 'bg', TODAY)).toMatchObject({ kind: 'period', from: '2022-01-01', to: '2022-12-31' });
    expect(timeIntent('Kokiuose renginiuose dalyvavo SOGA nuo 2023?', 'lt', TODAY)).toMatchObject({ kind: 'period', from: '2023-01-01', to: '2026-12-06' });
  });

  it('does not take "the last year" or one event\'s details for a list or the latest event', () => {
    expect(timeIntent('Jakie wydarzenia odbyły się w ostatnim roku?', 'pl', TODAY)).toBeNull();
    expect(timeIntent('Ilu uczestników miało wydarzenie w 2021?', 'pl', TODAY)).toBeNull();
  });

  it('answers "when" about an event the index knows by name, and reads "how many days"', () => {
    expect(namedEventFor(grouped(CORPUS), 'Kiedy odbyło się FNAF?', 'pl')).toMatchObject({ name: 'FNAF' });
    expect(namedEventFor(grouped(CORPUS), 'Πού έγινε το ActSE;', 'el')).toMatchObject({ name: 'ActSE' });
    expect(asksDuration('Kuinka monta päivää EUSES kesti?')).toBe(true);
    expect(asksDuration('Колко дни продължи срещата?')).toBe(true);
  });

  it("lists a period's events under a heading in the member's language", async () => {
    const pl = (await import('../../../prompts/locales/pl.json', { with: { type: 'json' } })).default;
    const withPl = new Messages({ en, fr, pl });
    const answer = answerFromEvents(grouped(CORPUS), timeIntent('Jakie wydarzenia były w październiku 2021?', 'pl', TODAY)!, 'pl', TODAY, withPl);
    expect(answer.outcome).toBe('answered');
    expect(answer.text).toContain('październiku 2021');
    // Dates through Intl in Polish: "12 października 2021".
    expect(answer.text).toContain('12 października 2021');
    expect(answer.citations).toHaveLength(2);
  });
});

describe('how long an event lasted', () => {
  const twoDays = { start: '2024-09-12', end: '2024-09-13', precision: 'day' as const };
  it('counts the days of day-precise dates, in the member’s language', () => {
    expect(daysLasted('Combien de jours a duré le congrès de Lyon ?', 'fr', twoDays)).toBe(2);
    expect(daysLasted('How long did the Lyon congress last?', 'en', { start: '2024-09-12', end: null, precision: 'day' })).toBe(1);
    // CLDR joins the number to its unit with a no-break space where the language's typography wants one.
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(formatDays(2, 'fr'))).toBe('2 jours');
    expect(plain(formatDays(3, 'de'))).toBe('3 Tage');
    expect(plain(formatDays(2, 'pl'))).toBe('2 dni');
  });
  it('reads "how long did X last?" as a duration, not as the latest event', () => {
    expect(timeIntent('How long did the Lyon congress last?', 'en', TODAY)?.kind).not.toBe('last');
    expect(timeIntent('When did the network last hold an event in Lyon?', 'en', TODAY)?.kind).toBe('last');
  });
  it('does not count a gap between two events, nor dates that are not days', () => {
    expect(daysLasted('How many days after the congress was the forum held?', 'en', twoDays)).toBeNull();
    expect(daysLasted('¿Cuántos días antes del foro fue el congreso?', 'es', twoDays)).toBeNull();
    expect(daysLasted('Combien de jours a duré le congrès ?', 'fr', { start: '2024-09', end: null, precision: 'month' })).toBeNull();
    expect(daysLasted('Quand a eu lieu le congrès ?', 'fr', twoDays)).toBeNull();
    expect(daysLasted('Ile dni po kongresie odbyło się forum?', 'pl', twoDays)).toBeNull();
  });
  it('reads a gap word in the question’s language only ("na" is "in" in Portuguese, "after" in Dutch)', () => {
    expect(daysLasted('Quanto tempo durou o congresso na Europa?', 'pt', twoDays)).toBe(2);
    expect(daysLasted('Hoeveel dagen na het congres was het forum?', 'nl', twoDays)).toBeNull();
    // Dutch "voor" is also "for", Italian "prima" also "first".
    expect(daysLasted('Hoe lang duurde het congres voor de sociale economie?', 'nl', twoDays)).toBe(2);
    expect(daysLasted('Quanto è durata la prima edizione del congresso?', 'it', twoDays)).toBe(2);
  });
});

describe("a period named relative to today lists that period's events", () => {
  it('reads "last year", "il y a quatre ans", "le mois dernier" as the period they are today, labelled with its value', () => {
    expect(timeIntent('Which conferences did SOGA go to last year?', 'en', TODAY)).toMatchObject({ kind: 'period', from: '2025-01-01', to: '2025-12-31', label: '2025', relative: true });
    expect(timeIntent("Qu'a organisé le SOGA il y a cinq ans ?", 'fr', TODAY)).toMatchObject({ kind: 'period', from: '2021-01-01', to: '2021-12-31', label: '2021' });
    expect(timeIntent('Welche Veranstaltungen hatte der SOGA letzten Monat?', 'de', TODAY)).toMatchObject({ kind: 'period', from: '2026-11-01', to: '2026-11-30' });
    // A date written in the question is the period, whatever else it says.
    expect(timeIntent('Which events did SOGA attend in 2021, five years ago?', 'en', TODAY)).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
  });

  it('lists the events of that period, or says the articles mention none', () => {
    const lastYear = answerFromEvents(grouped(CORPUS), timeIntent('What happened at SOGA last year?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(lastYear.outcome).toBe('answered');
    expect(lastYear.text).toMatch(/^Events in the SOGA articles \(2025\):\n• NEC ESS — November 25\s–\s27, 2025, Brussels, Paris \(last year\) \[1\]$/);
    const thisYear = answerFromEvents(grouped(CORPUS), timeIntent('Quels événements le SOGA a-t-il eus cette année ?', 'fr', TODAY)!, 'fr', TODAY, messages);
    expect(thisYear).toMatchObject({ outcome: 'not_found', citations: [] });
    expect(thisYear.text).toContain('(2026)');
  });
});

describe('how long ago, counted from today', () => {
  it('answers "how many days ago" of the latest event in days, and is no question of duration', () => {
    expect(asksDuration('How many days ago was the last SOGA event?')).toBe(false);
    const intent = timeIntent('How many days ago was the last SOGA event?', 'en', TODAY);
    expect(intent).toMatchObject({ kind: 'last' });
    const answer = answerFromEvents(grouped(CORPUS), intent!, 'en', TODAY, messages);
    expect(answer.text).toMatch(/^The latest one they mention:\n• NEC ESS — November 25\s–\s27, 2025, Brussels, Paris \(374 days ago\) \[1\]$/);
  });

  it('names an event by its kind and an acronym of its name', () => {
    const workshop = event('Libérer les associations des GAFAM', '2025-11-26', null, [], { variants: ['Libérer les associations des GAFAM', 'atelier « Libérer les associations des GAFAM »'] });
    expect(namedEventFor(grouped([...CORPUS, workshop]), 'When was the GAFAM workshop?', 'en')).toMatchObject({ name: 'Libérer les associations des GAFAM' });
    // The acronym alone, or another kind, names nothing.
    expect(namedEventFor(grouped([...CORPUS, workshop]), 'When was the GAFAM summit?', 'en')).toBeNull();
  });
});

describe('an event asked of a period named from today', () => {
  it('lists its editions in that period, or says there are none and names its latest', () => {
    const all = grouped(CORPUS);
    const none = answerNamedInPeriod(all, 'Is there a NEC ESS this year?', 'en', TODAY, messages);
    expect(none?.text).toMatch(/^The SOGA articles mention nothing of NEC ESS in 2026\.\nThe latest one they mention:\n• NEC ESS — November 25\s–\s27, 2025, Brussels, Paris \(last year\) \[1\]$/);
    const held = answerNamedInPeriod(all, 'Le FNAF a-t-il eu lieu il y a cinq ans ?', 'fr', TODAY, messages);
    expect(held?.text).toMatch(/^Événements des articles du SOGA \(2021\) :\n• FNAF — 13 octobre 2021, Paris/);
  });

  it('leaves alone a question with no such period, no such event, or asking for more than a date', () => {
    const all = grouped(CORPUS);
    expect(answerNamedInPeriod(all, 'When is NEC ESS?', 'en', TODAY, messages)).toBeNull();
    expect(answerNamedInPeriod(all, 'Which events were there last year?', 'en', TODAY, messages)).toBeNull();
    expect(answerNamedInPeriod(all, 'Who spoke at the FNAF five years ago?', 'en', TODAY, messages)).toBeNull();
  });
});

describe('an edition later than every one the articles tell of', () => {
  it('is named by a year next to the event’s name or to "edition", whatever the question asks', () => {
    const all = grouped(CORPUS);
    expect(namesLaterEdition(all, 'How many speakers will NEC ESS 2027 have?')).toBe(true);
    expect(namesLaterEdition(all, "Qui parlera à l'édition 2026 du FNAF ?")).toBe(true);
    expect(namesLaterEdition(all, 'Wie viele Teilnehmer hatte das FNAF 2021?')).toBe(false);
    // A known edition whose name another edition's words fit better once the year is set aside.
    const europe = event('NEC ESS Europe', '2023-11', null, ['Lille'], { variants: ['NEC ESS Europe', 'NEC ESS Europe 2023'] });
    expect(namesLaterEdition(grouped([...CORPUS, europe]), 'Chi ha parlato alla giornata europea del NEC ESS 2025?')).toBe(false);
  });

  it('leaves alone a year that is not the edition’s, and an event the index does not know', () => {
    const all = grouped(CORPUS);
    expect(namesLaterEdition(all, 'Which plans for 2024 to 2027 were discussed at NEC ESS?')).toBe(false);
    expect(namesLaterEdition(all, 'How many people will attend the Lyon forum 2027?')).toBe(false);
  });
});

describe('one place of an event held in several', () => {
  it('is left to the passages, which give that place its own days, when the event is dated to the day', () => {
    expect(namedEventFor(grouped(CORPUS), 'When is NEC ESS in Brussels?', 'en')).toBeNull();
    expect(namedEventFor(grouped(CORPUS), 'When is NEC ESS?', 'en')).toMatchObject({ name: 'NEC ESS' });
    // Dated to the month, the index's date is all there is.
    const month = event('Forum des communs', '2024-03', null, ['Lyon', 'Grenoble']);
    expect(namedEventFor(grouped([...CORPUS, month]), 'When was the Forum des communs in Lyon?', 'en')).toMatchObject({ name: 'Forum des communs' });
  });
});

describe('what comes next, asked with no event word', () => {
  it('asks for the next event', () => {
    expect(timeIntent("What's next for SOGA?", 'en', TODAY)).toMatchObject({ kind: 'next', named: false });
    expect(timeIntent('Und was steht beim SOGA als Nächstes an?', 'de', TODAY)).toMatchObject({ kind: 'next', named: false });
    expect(timeIntent("Qu'est-ce qui est prévu au SOGA ?", 'fr', TODAY)).toMatchObject({ kind: 'next' });
    // A name makes it a question about that thing (ask() then checks that the index knows it), and "next" alone asks nothing of the agenda.
    expect(timeIntent("What's next for the Lyon Forum?", 'en', TODAY)).toMatchObject({ kind: 'next', named: true });
    expect(timeIntent('Who is the next speaker?', 'en', TODAY)).toBeNull();
  });
});

describe('an event asked of today or this week', () => {
  it('is a question about now, not about its editions', () => {
    expect(answerNamedInPeriod(grouped(CORPUS), 'Is NEC ESS still on today?', 'en', TODAY, messages)).toBeNull();
  });

  it("lists the day's or week's events, or says there are none", () => {
    const week = answerFromEvents(grouped(CORPUS), timeIntent('Are there any SOGA events this week?', 'en', TODAY)!, 'en', TODAY, messages);
    expect(week).toMatchObject({ outcome: 'not_found' });
    expect(week.text).toMatch(/November 30\s–\sDecember 6, 2026/);
  });
});

describe('"since last year"', () => {
  it('lists the events from the start of last year up to today', () => {
    expect(timeIntent('Which events has SOGA held since last year?', 'en', TODAY)).toMatchObject({ kind: 'period', from: '2025-01-01', to: '2026-12-06' });
  });
});
