/**
 * The one short sentence that opens an extractive answer and states what was asked — a date (with how
 * long ago or how soon, from today), a place, a number, a name — in the asker's language. It is built
 * only from values read in the quoted passages (answer-values.ts) and formatted with Intl; when the
 * quote holds no such value, or more than one that could be meant, there is no sentence: never a guess.
 */
import { FUTURE } from '../text/future-words.js';
import { asksWhetherStillOpen } from '../text/now-words.js';
import { howLongAgo, type AgoUnit } from '../text/how-long-ago.js';
import type { Messages } from '../i18n.js';
import { firstDay, lastDay, type DateValue } from '../text/date-expressions.js';
import { normalizeText } from '../text/normalize.js';
import type { Citation, LanguageCode } from '../types.js';
import { asksWhetherPast, countedNoun, isValueNoun, type AnswerType } from './answer-type.js';
import { articleDateLabel } from './dates.js';
import { localizePlace } from '../text/place-names.js';
import { countAsk, countsNumber, countsTerm } from './counts.js';
import { QUALIFIER_MESSAGE } from '../text/quantity-qualifiers.js';
import { abbreviates, namesAcronym } from '../text/acronyms.js';
import { datesIn, listedWithKnown, listedWithOthers, namesIn, numbersIn, placesIn, type NumberValue } from './answer-values.js';
import { isCountryOrRegion } from '../text/country-names.js';
import { splitSentences } from './sentences.js';
import { coverage, type WeightedTerm } from './matching.js';
import { priceIn, type PriceValue } from '../text/price-words.js';
import { actorsIn, isActWord, type Act } from '../text/act-words.js';

export interface Quote {
  text: string;
  citation: Citation;
  /**
   * The quote tells what something is every year (an FAQ's "Qu'est-ce que le FNAF ?") and the question
   * names a year it does not write: no value of the edition asked is stated from it.
   */
  generic?: boolean;
  /** The passage the quote is from, with its title and lead: what it is about. */
  passage?: string;
}

const TAKING_PLACE = new Set([
  'lieu',
  'eu',
  'aura',
  'tenu',
  'tenue',
  'deroule',
  'fand',
  'statt',
  'stattgefunden',
  'findet',
  'vond',
  'plaats',
  'plaatsgevonden',
  'lugar',
  'celebro',
  'celebrado',
  'luogo',
  'svolto',
  'tenuto',
  'decorreu',
  'realizado',
  'place',
  'took',
  'held',
  'take',
  'happen',
  'happened',
  // The 16 other languages' verbs of taking place, as questions inflect them.
  ...[
    ...[
      'odbyło',
      'odbył',
      'odbyła',
      'odbyły',
      'odbędzie',
      'konal',
      'konala',
      'konalo',
      'konaly',
      'koná',
      'uskutočnil',
      'uskutočnila',
      'potekal',
      'potekala',
      'potekalo',
      'održan',
      'održana',
      'održano',
    ],
    ...['проведе', 'проведено', 'състоя', 'πραγματοποιήθηκε', 'έγινε', 'διεξήχθη', 'desfășurat', 'avut', 'loc', 'celebrar', 'celebrat', 'tingut', 'lloc', 'tartották', 'rendezték', 'került', 'sor'],
    ...['pidettiin', 'järjestettiin', 'toimus', 'toimub', 'notika', 'notiks', 'vyko', 'vyks', 'įvyko', 'hölls', 'ägde', 'rum', 'fandt', 'sted', 'afholdt'],
  ].map((w) => normalizeText(w)),
]);

/** Share of the question's words the sentence that names a person must cover. */
const PERSON_COVERAGE = 0.6;
/** Share of the question's words besides the act the passage of a name bound to the act must cover. */
const ACT_TOPIC = 0.5;

const SEASON_MONTH: Record<string, number> = { '03': 4, '06': 7, '09': 10 };

/** "25–27 November 2025", "May 2022", "spring 2023" (as its months), "2024–2026", in the reader's language. */
export function formatDateValue(v: DateValue, lang: LanguageCode, withYear = true): string {
  const utc = (s: string) => {
    const [y, m = 1, d = 1] = s.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  };
  const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
  const start = utc(v.start);
  const end = v.end ? utc(v.end) : null;
  try {
    if (v.precision === 'day') {
      const f = fmt(withYear ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long' });
      return end ? f.formatRange(start, end) : f.format(start);
    }
    if (v.precision === 'month' || v.precision === 'season') {
      // A season is said as its months ("March – May 2023"): Intl names months in every language.
      const f = fmt({ month: 'long', year: 'numeric' });
      const last = v.precision === 'season' && !end ? utc(`${v.start.slice(0, 5)}${String(SEASON_MONTH[v.start.slice(5, 7)] ?? Number(v.start.slice(5, 7)) + 2).padStart(2, '0')}`) : end;
      return last ? f.formatRange(start, last) : f.format(start);
    }
  } catch {
    // A language Intl does not know: the value as written is still right.
    return v.text;
  }
  return v.end ? `${v.start}–${v.end}` : v.start;
}

export type Tense = 'past' | 'upcoming' | 'ongoing';

export function tenseOf(v: DateValue, today: Date): Tense {
  const day = today.toISOString().slice(0, 10);
  if (lastDay(v) < day) return 'past';
  if (firstDay(v) > day) return 'upcoming';
  return 'ongoing';
}

/** "1 year ago", "in 3 weeks", "il y a 2 mois": how far a date is from today, in the reader's language. */
export function relativeToNow(v: DateValue, today: Date, lang: LanguageCode, asked?: AgoUnit | null): string | null {
  const tense = tenseOf(v, today);
  if (tense === 'ongoing') return null;
  const edge = new Date(`${tense === 'past' ? lastDay(v) : firstDay(v)}T12:00:00Z`).getTime();
  const days = Math.round((edge - today.getTime()) / 86_400_000);
  const abs = Math.abs(days);
  // Years are counted as the calendar counts them: May 2022 is "4 years ago" in December 2026 (not 4.6
  // rounded up to 5), November 2025 is "last year"; a date earlier in this year is months ago.
  const years = new Date(edge).getUTCFullYear() - today.getUTCFullYear();
  // "How many days ago?" is answered in days ("374 days ago"), whatever the distance; a day of a date
  // known only by its month or year is no count of days.
  const unitAsked = asked && !(asked !== 'year' && v.precision === 'year') && !(asked === 'day' && v.precision !== 'day') ? asked : null;
  const byUnit: Record<AgoUnit, number> = { day: days, week: Math.round(days / 7), month: Math.round(days / 30.44), year: years };
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] = unitAsked
    ? [byUnit[unitAsked], unitAsked]
    : abs >= 330 && years !== 0
      ? [years, 'year']
      : abs >= 45
        ? [Math.round(days / 30.44), 'month']
        : abs >= 14
          ? [Math.round(days / 7), 'week']
          : [days, 'day'];
  try {
    return new Intl.RelativeTimeFormat(lang, { numeric: unitAsked ? 'always' : 'auto' }).format(value, unit);
  } catch {
    return null;
  }
}

/** The date a quote gives, read as its article dates it; null when it gives none or several different ones. */
export function quotedDate(quote: Quote): DateValue | null {
  const values = datesIn(quote.text, quote.citation.lang, quote.citation.date);
  // A year alone is weak when a finer date is there ("en 2023, le 17 novembre 2023…").
  // A range of years ("2022-2027", a plan's period) is not when something happened.
  const dated = values.filter((v) => !(v.precision === 'year' && v.end));
  const fine = dated.filter((v) => v.precision !== 'year');
  const pool = fine.length ? fine : dated;
  const distinct = pool.filter((v, i) => pool.findIndex((w) => w.start === v.start && w.end === v.end) === i);
  if (distinct.length === 1) return distinct[0];
  // "du 25 au 27 novembre 2025 : 25 novembre à Bruxelles ; 26 et 27 novembre à Paris": the range that
  // holds all the others is the answer; dates that do not nest are different answers, so none is.
  const covering = distinct.filter((v) => distinct.every((w) => firstDay(v) <= firstDay(w) && lastDay(w) <= lastDay(v)));
  return covering.length === 1 ? covering[0] : null;
}

export interface DirectAnswerInput {
  question: string;
  lang: LanguageCode;
  expected: Set<AnswerType>;
  /** The question's words (normalised): a value the question already names is not an answer. */
  known: Set<string>;
  quotes: Quote[];
  today: Date;
  messages: Messages;
  /** Acronyms the question uses ("SOGA"): a name they stand for ("Social Good Accelerator") is the question's own. */
  acronyms?: string[];
  /** The question's topic words (with their translations) and the languages to match them in. */
  terms?: WeightedTerm[];
  langs?: LanguageCode[];
  /** What a "who" question asks who did ("moderated", "set up": askedAct): the names a sentence binds to it answer. */
  act?: Act | null;
}

export function directAnswer(input: DirectAnswerInput): string | null {
  const { expected, quotes } = input;
  if (!expected.size) return null;
  // The first quote that holds what was asked states it: the best quote may be the one that names the
  // event, its neighbour the one that gives the date.
  // A name is stated from the best quote only: the next one is there for another reason than who.
  const candidates = expected.has('person') && expected.size === 1 ? quotes.slice(0, 1) : quotes;
  // Of the quotes that hold a value, the one whose sentence says more of the question: "Who founded SOGA
  // and when?" is answered by "En 2018, … ont fondé le Social Good Accelerator", not by the date of an
  // earlier quote's sentence that only names SOGA ("En février 2022, le Social Good Accelerator…").
  let best: { found: { value: string; date: DateValue | null; topical: number }; quote: Quote } | null = null;
  const about = aboutTheNamed(candidates, input).filter((q) => !q.generic);
  for (const quote of about) {
    const found = valueOf(quote, input);
    if (found && (!best || (found.topical > best.found.topical && !sameDateSaidBetter(best.found.date, found.date)))) best = { found, quote };
  }
  // "Where … and how many …?" answered by two quotes, the place in one and the count in the other: both, each cited.
  const split = twoQuoteValue(about, best?.quote ?? null, input);
  if (split) return split;
  if (!best) return null;
  const { found, quote } = best;
  return stateValue({ value: found.value, date: found.date, n: quote.citation.n, articleDate: quote.citation.date, sentence: quote.text }, input);
}

/**
 * "Where … and how many <noun>?" when no one quote gives both: the place of one quote and the count of
 * another, each cited ("Strasbourg [1], près de 2 000 participants [2]").
 */
function twoQuoteValue(about: Quote[], best: Quote | null, input: DirectAnswerInput): string | null {
  const { expected } = input;
  if (!(expected.size === 2 && expected.has('place') && expected.has('number') && countedNoun(input.question, input.lang) !== null)) return null;
  if (best && valueOf(best, { ...input, expected: new Set<AnswerType>(['number']) }) && valueOf(best, { ...input, expected: new Set<AnswerType>(['place']) })) return null;
  const first = (kind: AnswerType) => {
    const only = { ...input, expected: new Set<AnswerType>([kind]) };
    for (const q of about) {
      const found = valueOf(q, only);
      if (found) return { q, found };
    }
    return null;
  };
  const place = first('place');
  const count = first('number');
  if (!place || !count || place.q.citation.n === count.q.citation.n) return null;
  const [a, b] = place.q.citation.n < count.q.citation.n ? [place, count] : [count, place];
  return stateValue({ value: `${a.found.value} [${a.q.citation.n}], ${b.found.value}`, date: null, n: b.q.citation.n, articleDate: b.q.citation.date, sentence: b.q.text }, input);
}

/**
 * The quotes about what the question names: a quote that lacks a name the question writes ("FNAF", a
 * rare name, a name of several words) while another quote holds it tells of something else. "How many
 * participants attended FNAF 2021?" is not answered by "Plus de 5000 participants … à cet évènement
 * pionnier" of another event, however well its words match "participants" and "attended".
 */
function aboutTheNamed(quotes: Quote[], input: DirectAnswerInput): Quote[] {
  const acronyms = new Set((input.acronyms ?? []).map((a) => normalizeText(a)));
  const named = (input.terms ?? []).filter((t) => t.name || t.rareName || acronyms.has(t.word));
  if (!named.length || quotes.length < 2) return quotes;
  const langs = input.langs ?? [];
  const held = quotes.map((q) => named.filter((t) => coverage([t], `${q.citation.title ?? ''} ${q.text}`, langs.length ? langs : [q.citation.lang]).coverage > 0));
  return quotes.filter((_, i) => !held.some((other, j) => j !== i && other.length > held[i].length && held[i].every((t) => other.includes(t))));
}

export interface StatedValue {
  /** The value as the asker reads it ("25–27 November 2025, Paris"). */
  value: string;
  date: DateValue | null;
  n: number;
  /** The date of the article the value comes from, and the words it is in. */
  articleDate: string | null;
  sentence: string;
  /** Known from the events index: every article that tells it speaks of it in the future. */
  announced?: boolean;
}

/** The sentence that states a value: with how long ago or how soon for a date, yes / not yet, or as an announcement. */
export function stateValue(found: StatedValue, input: Pick<DirectAnswerInput, 'question' | 'lang' | 'today' | 'messages'>): string {
  const { value, date, n, articleDate } = found;
  const { lang, today, messages } = input;
  const t = (key: string, vars: Record<string, string | number>) => messages.t(lang, key, vars);
  // A year the quote does not write comes from the article's date, itself read from the text: the
  // day is stated, the year and "how long ago" are not (the quote below shows what is known).
  const relative = date && !date.yearInferred ? relativeToNow(date, today, lang, howLongAgo(input.question)) : null;
  // "Can I still register?" of a date now past: no, whether it was held or only announced. A day
  // without its year in an article over a year old is past too (an announcement is for the months ahead).
  const still = date && asksWhetherStillOpen(input.question, lang) ? (relative ?? (articleDate && yearOld(articleDate, today) ? relativeToNow(date, today, lang) : null)) : null;
  if (date && still && tenseOf(date, today) === 'past') return t('directStillNo', { value, relative: still, n });
  if (!date || !relative) return t('directValue', { value, n });
  const tense = tenseOf(date, today);
  // An article that announced a date now past tells what was planned, not what happened: said so
  // before any "yes, it was".
  // Written before the event began, in the future tense (or, from the index, by every article that tells it).
  const announced = articleDate !== null && articleDate < firstDay(date).slice(0, articleDate.length) && (found.announced ?? FUTURE.test(found.sentence));
  if (tense === 'past' && announced && articleDate) return t('directAnnounced', { value, relative, n, article: articleDateLabel(articleDate, lang, t) });
  // "Yes: it was on 2022" reads wrong and a lone year is weak evidence of a dated event.
  if (asksWhetherPast(input.question, lang) && date.precision !== 'year') return t(tense === 'past' ? 'directPastYes' : 'directPastNo', { value, relative, n });
  return t('directDate', { value, relative, n });
}

/** Whether an article's date (YYYY, YYYY-MM or YYYY-MM-DD) is over a year before today, taken at its latest. */
function yearOld(articleDate: string, today: Date): boolean {
  const latest = Date.parse(articleDate.length === 4 ? `${articleDate}-12-31` : articleDate.length === 7 ? `${articleDate}-28` : articleDate);
  return Number.isFinite(latest) && latest < today.getTime() - 365 * 86_400_000;
}

/** Ordinals as numbers, in the languages the bot speaks: "second" = "deuxième" = "zweite" = 2. */
const ORDINAL_VALUES: Record<string, number> = {
  first: 1,
  premier: 1,
  premiere: 1,
  primero: 1,
  primera: 1,
  erste: 1,
  ersten: 1,
  erster: 1,
  primo: 1,
  prima: 1,
  primeiro: 1,
  primeira: 1,
  eerste: 1,
  '1er': 1,
  '1re': 1,
  '1st': 1,
  second: 2,
  deuxieme: 2,
  seconde: 2,
  segundo: 2,
  segunda: 2,
  zweite: 2,
  zweiten: 2,
  zweiter: 2,
  tweede: 2,
  '2e': 2,
  '2nd': 2,
  next: -1,
  prochain: -1,
  prochaine: -1,
  nachste: -1,
  nachsten: -1,
  proximo: -1,
  proxima: -1,
  prossimo: -1,
  prossima: -1,
  volgende: -1,
  third: 3,
  troisieme: 3,
  tercero: 3,
  tercera: 3,
  dritte: 3,
  dritten: 3,
  terzo: 3,
  terza: 3,
  terceiro: 3,
  terceira: 3,
  derde: 3,
  '3e': 3,
  '3rd': 3,
};
/**
 * The same in the 16 other languages, in natural spellings and the forms their cases give them
 * ("pierwszego", "δεύτερη", "ensimmäisen"). Left out as "second": words that mean "other" as often
 * (Swedish "andra", Danish "anden", Finnish "toinen", Estonian "teine").
 */
const MORE_ORDINALS: Record<number, string[]> = {
  1: [
    ...[
      'pierwszy',
      'pierwsza',
      'pierwsze',
      'pierwszego',
      'pierwszej',
      'pierwszym',
      'první',
      'prvního',
      'prvním',
      'prvý',
      'prvá',
      'prvé',
      'prvého',
      'prvom',
      'prvi',
      'prva',
      'prvo',
      'prvega',
      'prvog',
      'prvoga',
    ],
    ...['първи', 'първа', 'първо', 'първата', 'първия', 'първият', 'първото', 'πρώτος', 'πρώτη', 'πρώτο', 'πρώτης', 'πρώτου', 'primul', 'primului', 'primei', 'primer', 'primera'],
    ...[
      'első',
      'ensimmäinen',
      'ensimmäisen',
      'ensimmäisessä',
      'ensimmäistä',
      'esimene',
      'esimese',
      'esimesel',
      'pirmais',
      'pirmā',
      'pirmo',
      'pirmajā',
      'pirmas',
      'pirmasis',
      'pirmoji',
      'pirmojo',
      'pirmą',
    ],
    ...['första', 'første'],
  ],
  2: [
    ...['drugi', 'druga', 'drugie', 'drugiego', 'drugiej', 'drugim', 'druhý', 'druhá', 'druhé', 'druhého', 'druhém', 'druhom', 'drugo', 'drugega', 'drugog', 'drugoga'],
    ...['втори', 'втора', 'второ', 'втората', 'втория', 'вторият', 'второто', 'δεύτερος', 'δεύτερη', 'δεύτερο', 'δεύτερης', 'δεύτερου', 'doilea', 'segon', 'segona'],
    ...['második', 'toisen', 'toisessa', 'otrais', 'otrajā', 'antras', 'antrasis', 'antroji', 'antrojo', 'antrą'],
  ],
  3: [
    ...['trzeci', 'trzecia', 'trzecie', 'trzeciego', 'trzeciej', 'třetí', 'tretí', 'tretia', 'tretie', 'tretji', 'tretja', 'tretje', 'treći', 'treća', 'treće', 'trećeg'],
    ...['трети', 'трета', 'трето', 'третата', 'третия', 'τρίτος', 'τρίτη', 'τρίτο', 'τρίτης', 'treilea', 'treia', 'tercer', 'tercera', 'harmadik', 'kolmas', 'kolmannen', 'kolmanda'],
    ...['trešais', 'trešā', 'trešo', 'trečias', 'trečiasis', 'trečioji', 'tredje'],
  ],
  [-1]: [
    ...['następny', 'następna', 'następne', 'następnego', 'příští', 'příštího', 'budúci', 'budúca', 'budúce', 'naslednji', 'naslednja', 'naslednje', 'sljedeći', 'sljedeća', 'sljedeće', 'idući'],
    ...['следващ', 'следваща', 'следващо', 'следващия', 'следващата', 'следващото', 'επόμενος', 'επόμενη', 'επόμενο', 'επόμενης', 'următorul', 'următoarea', 'propera', 'következő'],
    ...['seuraava', 'seuraavan', 'järgmine', 'järgmise', 'nākamais', 'nākamā', 'nākamo', 'kitas', 'kitą', 'nästa', 'næste'],
  ],
};
for (const [value, words] of Object.entries(MORE_ORDINALS)) for (const w of words) ORDINAL_VALUES[normalizeText(w)] ??= Number(value);

export const ordinalsIn = (text: string) =>
  new Set(
    normalizeText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => ORDINAL_VALUES[w])
      .filter((v) => v !== undefined),
  );

/**
 * The value of the quote's sentence about the question's topic: a two-sentence quote may give a date
 * in the sentence about another event ("… au FNAF 2021 à Paris. … l’ActSE de Ljubljana, le 12 octobre"),
 * and a one-sentence quote may be about another event altogether. A sentence is about the topic when
 * it covers some of the question's words (across languages, with their translations; not its years,
 * which every event of the year shares), or, for a one-sentence quote, when its article's title does.
 * An ordinal of the question ("the second summit") must be in the sentence or the title.
 */
function valueOf(quote: Quote, input: DirectAnswerInput): { value: string; date: DateValue | null; topical: number } | null {
  // Not years, and not the words of "taking place" ("a eu lieu", "fand statt"): every dated sentence has them.
  // Nor the noun of the kind of value asked ("steden", "city"): it says what is asked, not about what.
  const words = (input.terms ?? []).filter((t) => !/^\d+$/.test(t.word) && !TAKING_PLACE.has(t.word) && !isValueNoun(t.word, input.lang));
  const asked = ordinalsIn(input.question);
  if (asked.size) {
    const said = ordinalsIn(`${quote.citation.title ?? ''} ${quote.text}`);
    if (![...asked].every((k) => said.has(k))) return null;
  }
  if (!words.length) return withTopical(valueOfText(quote, input), 0);
  const langs = input.langs ?? [quote.citation.lang];
  // A question that names something ("NEC ESS 2023") is answered only from a quote about it: a city in
  // a quote about another event is another event's city.
  const named = words.filter((t) => t.name);
  if (named.length && coverage(named, `${quote.citation.title ?? ''} ${quote.text}`, langs).coverage === 0) return null;
  const sentences = splitSentences(quote.text, quote.citation.lang);
  // "Is it free?": the quote was chosen about the event asked (its names are in it or its title); the
  // sentence of it that states a price answers, however few of the question's words it repeats
  // ("La participation est ouverte à toutes et tous, sur inscription gratuite").
  if (input.expected.has('price') && input.expected.size === 1) return withTopical(priceOf(sentences, input), 1);
  const ranked = sentences.map((text) => ({ text, topical: coverage(words, text, langs).coverage })).sort((a, b) => b.topical - a.topical);
  if (!ranked[0]?.topical) {
    return sentences.length === 1 && coverage(words, quote.citation.title ?? '', langs).coverage > 0 ? withTopical(valueOfText(quote, input), 0) : null;
  }
  const best = ranked.filter((s) => s.topical === ranked[0].topical);
  // "Who moderated / founded…?": the names a sentence of the quote binds to that act, in the quote
  // chosen about the question's topic, however few of its words that sentence repeats ("Modéré par
  // Sarah de Heusch (Smart Belgium), l’échange…" after "Le deuxième atelier, consacré aux communs…").
  // Only from a passage about what the question names besides the act: "Who moderated the workshop on
  // artificial intelligence?" is not answered by the moderator of the workshop on digital commons.
  const topic = (input.terms ?? []).filter((t) => !/^\d+$/.test(t.word) && !isActWord(t.word));
  const act =
    input.expected.size === 1 && input.expected.has('person') && (!topic.length || coverage(topic, quote.passage ?? `${quote.citation.title ?? ''}\n${quote.text}`, langs).coverage >= ACT_TOPIC)
      ? (input.act ?? null)
      : null;
  for (const s of act ? ranked : []) {
    if (asked.size && [...ordinalsIn(s.text)].some((k) => !asked.has(k))) continue;
    // The act of the thing the question names: that sentence, the one before it ("Le deuxième atelier,
    // consacré aux communs… • Modéré par …") or the article's title names it. Moderators of another
    // session of the same quote did not moderate the one asked.
    const before = sentences[sentences.indexOf(s.text) - 1] ?? '';
    if (named.length && coverage(named, `${quote.citation.title ?? ''} ${before} ${s.text}`, langs).coverage === 0) continue;
    const actors = actorsIn(withLineBreaks(s.text, quote.passage), act!, input.known).filter(
      (name) =>
        !normalizeText(name)
          .split(/[-\s]+/)
          .every((w) => input.known.has(w)) && !input.acronyms?.some((a) => abbreviates(a, name)),
    );
    if (actors.length) return { value: listOf(actors, input.lang), date: null, topical: s.topical };
  }
  // No sentence binds a name to the act asked: any other name in the quote did something else (FARI's
  // director for "who created FARI?", a panel's moderators for "who hosted the event?").
  if (act) return null;
  for (const s of best) {
    // "La première table ronde…" is not answered by "Le prochain rendez-vous…".
    if (asked.size && [...ordinalsIn(s.text)].some((k) => !asked.has(k))) continue;
    const found = valueOfText({ ...quote, text: s.text }, input);
    if (found) return { ...withNextCount(found, s.text, sentences, quote, input, asked), topical: s.topical };
  }
  // "Le 13 octobre, … au FNAF. L’événement, qui a rassemblé plus de 4 500 participants, …": the sentence
  // after the one about the topic goes on about it when it names nothing else (no name of its own).
  // Counts only: their noun must be the one asked, where a date or a place has nothing to check it by.
  const counts = input.expected.size === 1 && input.expected.has('number') && countedNoun(input.question, input.lang) !== null;
  for (const s of counts ? best : []) {
    const next = sentences[sentences.indexOf(s.text) + 1];
    if (!next || namesIn(next, input.known).length || (asked.size && [...ordinalsIn(next)].some((k) => !asked.has(k)))) continue;
    const found = valueOfText({ ...quote, text: next }, input);
    if (found) return { ...found, topical: s.topical };
  }
  // "Les finalistes des Social Economy Awards … le 12 octobre 2021. Plus de 100 organisations ont
  // participé …, avec seulement 9 finalistes, dont …": the count is in a sentence of the quote that says
  // less of the topic but writes the counted noun itself beside its number.
  for (const s of counts ? ranked.filter((r) => r.topical > 0 && !best.includes(r)) : []) {
    if (asked.size && [...ordinalsIn(s.text)].some((k) => !asked.has(k))) continue;
    const found = valueOfText({ ...quote, text: s.text }, input);
    if (found) return { ...found, topical: s.topical };
  }
  return null;
}

/**
 * "Where … and how many people…?": the sentence that gives the place may leave the count to the next
 * one, which goes on about the same thing ("… au Palais des Congrès de Paris. L’événement, qui a
 * rassemblé plus de 4 500 participants, …"). Its count of the noun asked joins the value when the
 * sentence has none and the next names nothing else.
 */
function withNextCount<T extends { value: string; date: DateValue | null }>(found: T, text: string, sentences: string[], quote: Quote, input: DirectAnswerInput, asked: Set<number>): T {
  if (!(input.expected.has('number') && input.expected.size > 1 && countedNoun(input.question, input.lang) !== null)) return found;
  const countOnly = { ...input, expected: new Set<AnswerType>(['number']) };
  if (valueOfText({ ...quote, text }, countOnly)) return found;
  const next = sentences[sentences.indexOf(text) + 1];
  if (!next || namesIn(next, input.known).length || (asked.size && [...ordinalsIn(next)].some((k) => !asked.has(k)))) return found;
  const count = valueOfText({ ...quote, text: next }, countOnly);
  return count ? { ...found, value: `${found.value}, ${count.value}` } : found;
}

// The same days, already stated with the year the text writes: a later quote that only infers the year says less.
const sameDateSaidBetter = (said: DateValue | null, other: DateValue | null) => Boolean(said && other && !said.yearInferred && firstDay(said) === firstDay(other) && lastDay(said) === lastDay(other));

const withTopical = <T extends object>(found: T | null, topical: number) => (found ? { ...found, topical } : null);

function valueOfText(quote: Quote, input: DirectAnswerInput): { value: string; date: DateValue | null } | null {
  const { lang, expected, known } = input;
  if (expected.has('price') && expected.size === 1) return priceOf(splitSentences(quote.text, quote.citation.lang), input);
  const parts: string[] = [];
  let date: DateValue | null = null;
  // What the question asks besides the event's name and "taking place": the part of a sentence that
  // is about it gives the value ("25 novembre à Bruxelles, pour la journée d’ouverture").
  const predicate = (input.terms ?? []).filter((t) => !t.name && !/^\d+$/.test(t.word) && !TAKING_PLACE.has(t.word));
  const clause = placeClause(quote.text, predicate, input.langs ?? [quote.citation.lang]);
  if (expected.has('date')) {
    date = (clause !== quote.text ? quotedDate({ ...quote, text: clause }) : null) ?? quotedDate(quote);
    // "Has it already happened?" is not answered by a year alone: the year may be of another event.
    if (!date || (date.precision === 'year' && asksWhetherPast(input.question, lang))) return null;
    parts.push(formatDateValue(date, lang, !date.yearInferred));
  }
  if (expected.has('place')) {
    // "Where can I watch the replay of NEC ESS 2023?" is not answered by "… NEC ESS Europe, en France":
    // a sentence that names only the question's event, not what it asks about the event, gives no place.
    if (predicate.length && coverage(predicate, quote.text, input.langs ?? [quote.citation.lang]).coverage === 0 && !parts.length) return null;
    // "Which city…?" is not answered by a country or a continent ("en Europe, en Afrique").
    const locality = (input.terms ?? []).some((t) => t.place);
    // Nor by the name the question's acronym stands for ("au Forum National des Associations et Fondations (FNAF)").
    const spelledOut = (place: string) => (input.acronyms ?? []).some((a) => new RegExp(`${escapeRegExp(place)}[^()]{0,60}\\(${escapeRegExp(a)}\\)`, 'u').test(clause));
    const places = placesIn(clause, known).filter((place) => !(locality && isCountryOrRegion(place)) && !spelledOut(place));
    if (places.length)
      parts.push(
        places
          .slice(0, 3)
          .map((p) => localizePlace(p, lang))
          .join(', '),
      );
    else if (!parts.length) return null;
  }
  // "How many … and when …": both, each only where it is unmistakable (numbers inside dates are not counts).
  if (expected.has('number')) {
    const numbers = numbersIn(quote.text, quote.citation.lang, known);
    // The number whose word is the question's ("14 pays" for "combien de pays", "70 membres" for "wie
    // viele Mitglieder" through the dictionary), or none: a lone number may count something else.
    // When the question names what it counts ("quanti relatori"), the number's word must be that noun.
    const langs = input.langs ?? [quote.citation.lang];
    const count = countAsk(input.question, lang, input.terms ?? [], langs);
    const topicTerms = (input.terms ?? []).filter((t) => !/^\d+$/.test(t.word));
    const asks = (n: NumberValue) => (count ? countsNumber(n, quote.citation.lang, count) : Boolean(n.unit) && (known.has(normalizeText(n.unit!)) || countsTerm(topicTerms, n.unit!, langs)));
    const matching = numbers.filter(asks);
    const chosen = matching.length === 1 ? matching[0] : null;
    if (!chosen && !parts.length) return null;
    if (chosen) {
      // "100 millions" is said as the asker's language says it ("100 million", "100 Millionen"), without its noun.
      const value = chosen.scale ? scaled(chosen.value, chosen.scale, lang) : chosen.unit && quote.citation.lang === lang ? `${chosen.value} ${chosen.unit}` : chosen.value;
      // "plus de 4 500" is not "4 500": the qualifier is said in the asker's language.
      parts.push(chosen.qualifier ? input.messages.t(lang, QUALIFIER_MESSAGE[chosen.qualifier], { value }) : value);
    }
  }
  // A name is the riskiest value to state: only from a sentence that says most of what the question
  // asks (measured: names from weaker sentences were wrong one time in two on the held-out questions).
  const strong =
    !input.terms ||
    coverage(
      input.terms.filter((t) => !/^\d+$/.test(t.word)),
      quote.text,
      input.langs ?? [quote.citation.lang],
    ).coverage >= PERSON_COVERAGE;
  if (expected.has('person') && !parts.length && strong) {
    // One name, or none: of several in a sentence, which one is meant is a guess.
    const names = namesIn(quote.text, known).filter((name) => !input.acronyms?.some((a) => abbreviates(a, name)) && !listedWithKnown(quote.text, name, known));
    // A lone name listed with others ("UNIPSO et ConcertES") is one of several: stated alone, it would
    // answer "which organisations?" by half; the quote says them all.
    const name =
      names.length === 1
        ? listedWithOthers(quote.text, names[0]) || appositionOfAnother(quote.text, names[0], input)
          ? null
          : names[0]
        : names.length > 1
          ? nameByApposition(quote.text, names, input, quote.citation.lang)
          : null;
    if (!name) return null;
    parts.push(name);
  }
  return parts.length ? { value: parts.join(', '), date } : null;
}

/** The one price the sentences state, in the reader's language: "free, on registration", or the amount as written. */
function priceOf(sentences: string[], input: DirectAnswerInput): { value: string; date: null } | null {
  const prices = sentences.map(priceIn).filter((p): p is PriceValue => p !== null);
  const said = new Set(prices.map((p) => (p.free ? `free ${p.registration}` : p.amount.replace(/\s/g, ''))));
  if (said.size !== 1) return null;
  const price = prices[0];
  return { value: price.free ? input.messages.t(input.lang, price.registration ? 'priceFreeRegistration' : 'priceFree', {}) : price.amount, date: null };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sentence with the line breaks its passage has where the quote joined two lines: a caption's last
 * name ("… et Social Economy Europe") does not run on into the next line's ("Barbara Trachte intervient…").
 */
function withLineBreaks(sentence: string, passage: string | undefined): string {
  if (!passage) return sentence;
  let out = sentence;
  for (const line of passage.split('\n').map((l) => l.trim())) if (line && out.includes(`${line} `)) out = out.replace(`${line} `, `${line}\n`);
  return out;
}

/** "A and B", "A, B et C", in the reader's language. */
function listOf(items: string[], lang: LanguageCode): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** "100" × 1e6 in the reader's language ("100 million", "100 millions", "100 Millionen"); as written when Intl cannot say it. */
function scaled(value: string, scale: number, lang: LanguageCode): string {
  const n = Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) * scale;
  try {
    return Number.isFinite(n) ? new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long' }).format(n) : value;
  } catch {
    return value;
  }
}

/**
 * The clause that says what the question asks about, when a sentence gives several places each for
 * its own part ("25 novembre à Bruxelles, pour la journée européenne d’ouverture ; 26 et 27 novembre
 * à Paris, pour deux journées de conférences"): "where was the opening day?" is Brussels. The whole
 * sentence when no clause, or more than one, is most about it.
 */
function placeClause(text: string, predicate: WeightedTerm[], langs: LanguageCode[]): string {
  if (!predicate.length) return text;
  const clauses = text.split(/\s*[;•\n]\s*|\s*:\s+/).filter((c) => c.trim());
  if (clauses.length < 2) return text;
  const scored = clauses.map((c) => ({ c, covered: coverage(predicate, c, langs).coverage }));
  const best = Math.max(...scored.map((x) => x.covered));
  const about = scored.filter((x) => x.covered === best);
  return best > 0 && about.length === 1 ? about[0].c : text;
}

/**
 * Of several names in a sentence, the one whose apposition holds what the question asks: "Jeanne
 * Bretécher, présidente du SOGA, Diana Dovgan, secrétaire générale de la CECOP" answers "who is the
 * general secretary of CECOP?" with Diana Dovgan. The apposition is what follows the name — after a
 * comma or in brackets — up to the next name; exactly one name must have the question's role in it.
 */
/** What follows a name after a comma or in brackets: its role ("présidente du SOGA", "Président de ACTE"). */
function appositionOf(text: string, at: number, name: string, next?: number): string {
  const rest = text.slice(at + name.length, next);
  // A role after a comma starts in lower case ("présidente du SOGA"); a capital starts the next item of a list.
  return (/^\s*(?:\(([^)]*)\)|[,–—-]\s*(\p{Ll}[^,;(]*))/u.exec(rest)?.slice(1).find(Boolean) ?? '').slice(0, 120);
}

/**
 * Whether the one name a quote gives holds its role of another organisation than the one the question
 * names by its acronym: "Adrien Duguet (Président de ACTE)" is not SOGA's vice-president, though the
 * other name of the quote ("Gabriela Martin, Vice (Présidente de la SOGA)") was left out as a list item.
 */
function appositionOfAnother(text: string, name: string, input: DirectAnswerInput): boolean {
  const acronyms = input.acronyms ?? [];
  const apposition = appositionOf(text, text.indexOf(name), name);
  return acronyms.length > 0 && /\p{Lu}/u.test(apposition) && !acronyms.some((a) => namesAcronym(a, apposition));
}

function nameByApposition(text: string, names: string[], input: DirectAnswerInput, lang: LanguageCode): string | null {
  const role = (input.terms ?? []).filter((t) => !t.name && !/^\d+$/.test(t.word));
  if (!role.length) return null;
  // The organisation the question names by its acronym ("Präsidentin des SOGA") must be the apposition's
  // too: "Adrien Duguet (Président de ACTE)" holds the role, but of another organisation. (Other names
  // of the question, such as the event a master of ceremonies served, need not be repeated there.)
  const acronyms = input.acronyms ?? [];
  const ownsNamed = (apposition: string) => !acronyms.length || acronyms.some((a) => namesAcronym(a, apposition));
  const at = names
    .map((n) => ({ n, i: text.indexOf(n) }))
    .filter((x) => x.i >= 0)
    .sort((a, b) => a.i - b.i);
  const matching = at.filter(({ n, i }, k) => {
    const apposition = appositionOf(text, i, n, k + 1 < at.length ? at[k + 1].i : undefined);
    return apposition && coverage(role, apposition, input.langs ?? [lang]).coverage > 0 && ownsNamed(apposition);
  });
  return matching.length === 1 ? matching[0].n : null;
}

export { abbreviates } from '../text/acronyms.js';
