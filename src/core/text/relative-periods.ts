/**
 * Periods a question names relative to today — "last year", "il y a trois ans", "vor vier Jahren",
 * "este mes", "förra månaden" — read as the calendar year or month they are on the day asked. Members
 * ask now and the articles are dated: "what did SOGA do last year?" asked on 2026-12-06 asks about 2025.
 * The phrases are matched on folded text (normalize.ts), in the languages whose questions the events
 * answers read; a phrase that could mean something else ("at the moment") is left out.
 */
import { normalizeText } from './normalize.js';

const foldKeys = (table: Record<string, number>) => Object.fromEntries(Object.entries(table).map(([k, v]) => [normalizeText(k), v]));

export interface RelativePeriod {
  /** The phrase as found in the folded question. */
  text: string;
  /** First and last day of the period, YYYY-MM-DD. */
  from: string;
  to: string;
  precision: 'year' | 'month' | 'day';
  /** "Since last year", "seit letztem Jahr", "depuis l'année dernière": from the period up to today. */
  since?: boolean;
}

/** Words that make a period the start of one that runs to today, when they come just before it. */
const SINCE_BEFORE = new Set(['since', 'depuis', 'seit', 'desde', 'dal', 'dall', 'dalla', 'dallo', 'sinds', 'sedan', 'siden', 'od']);

/** Offsets from this year / this month, by phrase (natural spellings, folded when read). */
const YEAR_PHRASES: Record<string, number> = foldKeys({
  ...Object.fromEntries(
    [
      'this year',
      'cette annee',
      'cette annee ci',
      'dieses jahr',
      'diesem jahr',
      'dieses jahres',
      'este ano',
      'este mismo ano',
      'quest anno',
      'questo anno',
      'nell anno in corso',
      'dit jaar',
      'i ar',
      'w tym roku',
      'tego roku',
    ].map((p) => [p, 0]),
  ),
  ...Object.fromEntries(
    [
      'last year',
      'past year',
      'l annee derniere',
      'l an dernier',
      'l annee passee',
      'letztes jahr',
      'letztem jahr',
      'letzten jahr',
      'vergangenes jahr',
      'vergangenen jahr',
      'im vorjahr',
      'el ano pasado',
      'o ano passado',
      'no ano passado',
      'l anno scorso',
      'anno scorso',
      'lo scorso anno',
      'vorig jaar',
      'vorige jaar',
      'afgelopen jaar',
      'forra aret',
      'i fjol',
      'sidste ar',
      'i fjor',
      'w zeszłym roku',
      'w ubiegłym roku',
      'zeszłego roku',
    ].map((p) => [p, -1]),
  ),
  ...Object.fromEntries(
    [
      'next year',
      'l annee prochaine',
      'l an prochain',
      'nachstes jahr',
      'im nachsten jahr',
      'el ano que viene',
      'el proximo ano',
      'o proximo ano',
      'no proximo ano',
      'l anno prossimo',
      'il prossimo anno',
      'volgend jaar',
      'volgende jaar',
      'komend jaar',
      'nasta ar',
      'næste år',
      'w przyszłym roku',
      'przyszłego roku',
    ].map((p) => [p, 1]),
  ),
});

const MONTH_PHRASES: Record<string, number> = foldKeys({
  ...Object.fromEntries(['this month', 'ce mois ci', 'diesen monat', 'diesem monat', 'este mes', 'questo mese', 'deze maand', 'denna manad', 'i denne maned', 'w tym miesiacu'].map((p) => [p, 0])),
  ...Object.fromEntries(
    [
      'last month',
      'le mois dernier',
      'le mois passe',
      'letzten monat',
      'letzter monat',
      'vergangenen monat',
      'el mes pasado',
      'o mes passado',
      'no mes passado',
      'il mese scorso',
      'lo scorso mese',
      'vorige maand',
      'afgelopen maand',
      'forra manaden',
      'sidste maned',
      'w zeszłym miesiącu',
      'w ubiegłym miesiącu',
    ].map((p) => [p, -1]),
  ),
  ...Object.fromEntries(
    [
      'next month',
      'le mois prochain',
      'nachsten monat',
      'nachster monat',
      'el mes que viene',
      'el proximo mes',
      'o proximo mes',
      'il mese prossimo',
      'il prossimo mese',
      'volgende maand',
      'nasta manad',
      'næste måned',
      'w przyszłym miesiącu',
    ].map((p) => [p, 1]),
  ),
});

/**
 * Days and weeks: "today", "tomorrow", "this week", "la semaine prochaine" (offsets in days; weeks run
 * Monday to Sunday). Not French "hier" (Dutch and German "here") nor Spanish "mañana" (also "morning").
 */
const DAY_PHRASES: Record<string, number> = foldKeys({
  ...Object.fromEntries(['today', "aujourd'hui", 'heute', 'hoy', 'oggi', 'hoje', 'vandaag', 'idag', 'i dag', 'dziś', 'dzisiaj'].map((p) => [p, 0])),
  ...Object.fromEntries(['tomorrow', 'demain', 'domani', 'amanhã', 'imorgon', 'jutro'].map((p) => [p, 1])),
  ...Object.fromEntries(['yesterday', 'gestern', 'ayer', 'ieri', 'ontem', 'gisteren', 'igår', 'i går', 'wczoraj'].map((p) => [p, -1])),
});
const WEEK_PHRASES: Record<string, number> = foldKeys({
  ...Object.fromEntries(
    ['this week', 'cette semaine', 'diese woche', 'dieser woche', 'esta semana', 'questa settimana', 'deze week', 'denna vecka', 'i denne uge', 'w tym tygodniu'].map((p) => [p, 0]),
  ),
  ...Object.fromEntries(
    [
      'next week',
      'la semaine prochaine',
      'nächste woche',
      'nächsten woche',
      'la próxima semana',
      'la semana que viene',
      'la prossima settimana',
      'la settimana prossima',
      'a próxima semana',
      'volgende week',
      'nästa vecka',
      'w przyszłym tygodniu',
    ].map((p) => [p, 1]),
  ),
  ...Object.fromEntries(
    ['last week', 'la semaine dernière', 'letzte woche', 'letzten woche', 'la semana pasada', 'la settimana scorsa', 'a semana passada', 'vorige week', 'förra veckan', 'w zeszłym tygodniu'].map(
      (p) => [p, -1],
    ),
  ),
});

/** Small numbers as words, folded, for "il y a trois ans", "vor vier Jahren", "hace dos años", "two years ago". */
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  un: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  ein: 1,
  einem: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  funf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
  um: 1,
  dois: 2,
  quatro: 4,
  sete: 7,
  oito: 8,
  dez: 10,
  een: 1,
  twee: 2,
  drie: 3,
  vijf: 5,
  zes: 6,
  zeven: 7,
  negen: 9,
  tien: 10,
  ett: 1,
  tva: 2,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  atta: 8,
  nio: 9,
  tio: 10,
  dwa: 2,
  dwie: 2,
  trzy: 3,
  cztery: 4,
  piec: 5,
  szesc: 6,
};
// Which phrase counts years back from today, with the number before (N) or after it.
const NUM = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const YEARS_AGO: RegExp[] = [
  new RegExp(` ${NUM} years? ago `),
  new RegExp(` il y a ${NUM} ans? `),
  new RegExp(` vor ${NUM} jahren? `),
  new RegExp(` hace ${NUM} anos? `),
  new RegExp(` ${NUM} ann[io] fa `),
  new RegExp(` ha ${NUM} anos? `),
  new RegExp(` ${NUM} anos? atras `),
  new RegExp(` ${NUM} jaar geleden `),
  new RegExp(` for ${NUM} ar sedan `),
  new RegExp(` for ${NUM} ar siden `),
  new RegExp(` ${NUM} (?:lata|lat|rok) temu `),
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The periods the question names relative to `today`, in the order written. */
export function relativePeriods(question: string, today: Date): RelativePeriod[] {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const found: (RelativePeriod & { index: number })[] = [];
  const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const day = (offset: number) => new Date(Date.UTC(year, month, today.getUTCDate() + offset));
  const addYear = (phrase: string, index: number, offset: number) => found.push({ text: phrase, index, from: `${year + offset}-01-01`, to: `${year + offset}-12-31`, precision: 'year' });
  for (const [phrase, offset] of Object.entries(YEAR_PHRASES)) {
    const at = text.indexOf(` ${phrase} `);
    if (at >= 0) addYear(phrase, at, offset);
  }
  for (const re of YEARS_AGO) {
    const m = re.exec(text);
    if (!m) continue;
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
    if (n >= 1 && n <= 30) addYear(m[0].trim(), m.index, -n);
  }
  for (const [phrase, offset] of Object.entries(MONTH_PHRASES)) {
    const at = text.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const first = new Date(Date.UTC(year, month + offset, 1));
    const last = new Date(Date.UTC(year, month + offset + 1, 0));
    found.push({ text: phrase, index: at, from: iso(first), to: iso(last), precision: 'month' });
  }
  for (const [phrase, offset] of Object.entries(DAY_PHRASES)) {
    const at = text.indexOf(` ${phrase} `);
    if (at >= 0) found.push({ text: phrase, index: at, from: iso(day(offset)), to: iso(day(offset)), precision: 'day' });
  }
  for (const [phrase, offset] of Object.entries(WEEK_PHRASES)) {
    const at = text.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const monday = (today.getUTCDay() + 6) % 7;
    found.push({ text: phrase, index: at, from: iso(day(7 * offset - monday)), to: iso(day(7 * offset - monday + 6)), precision: 'day' });
  }
  // A phrase inside a longer one found too ("l anno scorso" / "anno scorso") is the same period once.
  const distinct = found.filter((p, i) => !found.some((o, j) => j !== i && o.text.length > p.text.length && o.text.includes(p.text) && o.from === p.from));
  const before = (index: number) => text.slice(0, index).trim().split(' ').pop() ?? '';
  return distinct.sort((a, b) => a.index - b.index).map(({ index, ...p }) => (SINCE_BEFORE.has(before(index)) ? { ...p, since: true } : p));
}

/**
 * The phrases of the question that name a period from today, folded ("l annee derniere", "vor 3 jahren"),
 * whatever today is: a follow-up "Et l'année dernière ?" repeats the earlier ask with them.
 */
export function relativePhrases(question: string): string[] {
  return relativePeriods(question, new Date(Date.UTC(2000, 5, 15))).map((p) => p.text);
}
