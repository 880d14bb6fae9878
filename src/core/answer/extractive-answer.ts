/**
 * Stage 5 without a chat model (and the fallback when it fails): one short sentence that states what
 * was asked, in the asker's language (direct-answer.ts), then the best sentences of the usable passages
 * quoted verbatim (extractive.ts chooses them). When the question asks for a kind of value that no
 * usable passage holds (a date, a phone number, an e-mail address, a price; a count for "how many
 * <noun>"), it is not answered by a nearby passage: the result is "not found". When two articles give different dates for it, the answer
 * says so and quotes both.
 */
import type { Messages } from '../i18n.js';
import { findDateExpressions, sameDateValue } from '../text/date-expressions.js';
import { normalizeText } from '../text/normalize.js';
import type { Citation, FusedHit, LanguageCode } from '../types.js';
import { answerTypeMatch, asksWhetherPast, countedNoun, expectedAnswerTypes, holdsCount, type AnswerType } from './answer-type.js';
import { hasAddress, hasDate, hasEmail, hasPhone, hasPrice } from './answer-values.js';
import { articleDateLabel, formatDocDate } from './dates.js';
import { asksAboutNow } from '../text/now-words.js';
import { directAnswer, formatDateValue, quotedDate, stateValue, type Quote } from './direct-answer.js';
import type { GroupedEvent } from '../events/group-events.js';
import { localizePlace } from '../text/place-names.js';
import { asksDuration, daysLasted, formatDays } from './event-answers.js';
import { datesIn } from './answer-values.js';
import type { DateValue } from '../text/date-expressions.js';
import { definesSomething, renderExtractive, scoreWindows, selectSentences, type ExtractiveResult } from './extractive.js';
import { coverage, type WeightedTerm } from './matching.js';
import { countAsk } from './counts.js';
import { asksForList } from './list-ask.js';
import { searchableText } from '../retrieval/passage-text.js';
import { askedAct } from '../text/act-words.js';
import { askedHead } from './asked-head.js';

export type ExtractiveAnswer = { text: string; citations: Citation[]; direct: string | null } | { notFound: true; reason: string };

/** Kinds of value a passage must hold for the question to be answered from it at all. */
const REQUIRED: Partial<Record<AnswerType, (text: string, lang: string) => boolean>> = {
  date: hasDate,
  phone: hasPhone,
  email: hasEmail,
  price: hasPrice,
  address: hasAddress,
};

/**
 * Whether a passage is about what the question names: its names (a name of several words, a rare name)
 * in the passage, its title or its lead, and a year it asks about among the passage's.
 */
function aboutAsked(h: FusedHit, question: string, terms: WeightedTerm[], langs: LanguageCode[]): boolean {
  const text = `${h.chunk.title}\n${h.chunk.context ?? ''}\n${h.chunk.text}`;
  const named = terms.filter((t) => t.name || t.rareName);
  if (named.length && coverage(named, text, langs).coverage < NAMED_COVERAGE) return false;
  const years = question.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
  return !years.length || years.some((y) => text.includes(y));
}

/** Share of the question's names a passage must hold to be about what it names. */
const NAMED_COVERAGE = 0.5;

/** Share of the best window's score from which another article's window counts as answering the same question. */
const CONFLICT_RATIO = 0.9;

export interface ExtractiveInput {
  messages: Messages;
  question: string;
  lang: LanguageCode;
  usable: FusedHit[];
  /** All the passages retrieved for the answer: the kind of value asked for must be in one of them. */
  passages: FusedHit[];
  terms: WeightedTerm[];
  langs: LanguageCode[];
  today: Date;
  /**
   * The one event of the events index the question names, when it asks only when and where: its date
   * and places state the answer, its sentence is quoted first.
   */
  event?: GroupedEvent | null;
  /** False: quote, but state no value (the passages were judged answerable by a rare name alone). Default true. */
  statesValue?: boolean;
}

export function answerExtractively(input: ExtractiveInput): ExtractiveAnswer {
  const { messages, question, lang, usable, passages, terms, langs, today } = input;
  const expected = expectedAnswerTypes(question, lang);
  for (const kind of expected) {
    const holds = REQUIRED[kind];
    // A price is of the thing asked: "inscription gratuite" of NEC ESS 2025 says nothing of what a
    // ticket for another event costs, nor of another year's edition.
    const about = kind === 'price' ? (h: FusedHit) => aboutAsked(h, question, terms, langs) : () => true;
    if (holds && !passages.some((h) => holds(h.chunk.text, h.chunk.lang) && about(h))) return { notFound: true, reason: `no passage holds a ${kind}` };
  }
  // "How many <noun>…?" is answered by a count (digits or words: "14", "une centaine", "plusieurs
  // dizaines"), in a passage that covers the question: a passage on the topic that counts nothing
  // does not tell how many, and a count elsewhere is of something else.
  if (expected.has('number') && countedNoun(question, lang) !== null && !usable.some((h) => holdsCount(h.chunk.text, h.chunk.lang))) {
    return { notFound: true, reason: 'no usable passage holds a count' };
  }
  // The question's own words as well as its topic terms: a name the question gives is not an answer.
  const known = new Set([...terms.flatMap((t) => [t.word, ...normalizeText(t.word).split(/\s+/)]), ...normalizeText(question).split(/[^\p{L}\p{N}]+/u)]);
  const dateLabel = (date: string | null) => articleDateLabel(date, lang, (key, vars) => messages.t(lang, key, vars));
  const fromIndex = input.event ? fromEvent(input, input.event, dateLabel) : null;
  if (fromIndex) return fromIndex;
  // A question that names a year asks about that year's edition: other years are not a disagreement.
  const conflict = expected.has('date') && !asksWhetherPast(question, lang) && !/(?<!\d)(?:19|20)\d{2}(?!\d)/.test(question) ? conflictingDates(usable, terms, langs, expected) : null;
  const quotable = withEditionPassages(usable, passages, question, expected);
  const selection =
    conflict ??
    pricedSelection(input, expected) ??
    selectSentences(quotable, terms, langs, expected, undefined, countAsk(question, lang, terms, langs), askedAct(question, lang), asksForList(question, lang), askedHead(question, lang));
  if (!selection.quotes.length) return { notFound: true, reason: 'no sentence of the passages can be quoted' };
  const rendered = renderExtractive(
    leadInFor(
      input,
      expected,
      selection.quotes.map((q) => q.hit.chunk.date),
    ),
    selection,
    dateLabel,
  );
  const years = question.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
  const generic = (q: { text: string; hit: FusedHit }) => years.length > 0 && q.hit.chunk.section !== null && definesSomething(q.hit.chunk.section) && !years.some((y) => q.text.includes(y));
  const quotes: Quote[] = selection.quotes.map((q) => ({
    text: q.text,
    citation: rendered.citations.find((c) => c.chunkId === q.hit.chunk.id)!,
    passage: searchableText(q.hit.chunk),
    ...(generic(q) ? { generic: true } : {}),
  }));
  // "Em que data o SOGA assinou a carta?": the best sentences for a question that asks only for a date
  // give none; the date of that thing is not in the articles, and a sentence about it without one is
  // no answer (a date of something else in the same passage would be a wrong one).
  if (expected.size === 1 && expected.has('date') && !quotes.some((q) => datesIn(q.text, q.citation.lang, q.citation.date).length)) {
    return { notFound: true, reason: 'no quoted sentence gives a date' };
  }
  // The same for a price: a sentence about the event that does not say what it costs is no answer to "is it free?".
  if (expected.size === 1 && expected.has('price') && !quotes.some((q) => hasPrice(q.text))) {
    return { notFound: true, reason: 'no quoted sentence gives a price' };
  }
  let direct: string | null;
  if (conflict) {
    const values = quotes.map((q) => `${formatDateValue(quotedDate(q)!, lang)} [${q.citation.n}]`).join(', ');
    direct = messages.t(lang, 'directConflict', { values });
  } else if (input.statesValue === false) {
    direct = null;
  } else {
    direct = directAnswer({
      question,
      lang,
      expected,
      known,
      quotes,
      today,
      messages,
      terms,
      langs,
      act: askedAct(question, lang),
      acronyms: question.match(/(?<![\p{L}])\p{Lu}{2,6}(?![\p{L}])/gu) ?? [],
    });
  }
  return { text: direct ? `${direct}\n${rendered.text}` : rendered.text, citations: rendered.citations, direct };
}

/**
 * "Onde decorreu o FNAF 2021 e quantas pessoas reuniu?": where a usable passage is an FAQ's "Qu'est-ce
 * que le FNAF ?" (what the event is every year), the passages of the same article that write the year
 * asked and hold the kind of value asked may be quoted too, though they cover fewer of the question's
 * words: they tell what that edition did ("qui a rassemblé plus de 4 500 participants"), and the
 * article was judged to answer. The scoring of windows (extractive.ts) then prefers them.
 */
function withEditionPassages(usable: FusedHit[], passages: FusedHit[], question: string, expected: Set<AnswerType>): FusedHit[] {
  const years = question.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
  const generic = usable.filter((h) => h.chunk.section && definesSomething(h.chunk.section) && !years.some((y) => h.chunk.text.includes(y)));
  if (!years.length || !expected.size || !generic.length) return usable;
  const edition = passages.filter(
    (h) => !usable.includes(h) && generic.some((g) => g.chunk.docId === h.chunk.docId) && years.some((y) => h.chunk.text.includes(y)) && answerTypeMatch(h.chunk.text, expected) > 0,
  );
  return [...usable, ...edition];
}

/**
 * "Is it free?", "¿Hay que pagar…?": the best window that states a price, of the usable passages about
 * what the question names. The sentence that says "sur inscription gratuite" repeats few of the
 * question's words; the neighbouring ones that name the event more fully do not say what it costs.
 */
function pricedSelection(input: ExtractiveInput, expected: Set<AnswerType>): ExtractiveResult | null {
  if (!(expected.size === 1 && expected.has('price'))) return null;
  const { question, usable, terms, langs } = input;
  const priced = usable.filter((h) => hasPrice(h.chunk.text) && aboutAsked(h, question, terms, langs));
  const best = scoreWindows(priced, terms, langs, expected).find((w) => hasPrice(w.text));
  return best ? { quotes: [{ text: best.text, hit: priced[best.hitIndex] }] } : null;
}

/** The answer from the events index: the event's date and places, its sentence quoted first, then the best passage quote if it adds one. */
function fromEvent(input: ExtractiveInput, event: GroupedEvent, dateLabel: (date: string | null) => string): ExtractiveAnswer | null {
  const { messages, question, lang, usable, terms, langs, today } = input;
  // The article that writes the year for a "when" question; for "where", the one that gives the places.
  const asked = expectedAnswerTypes(question, lang);
  // "How long did it last?": the sentence that gives both ends ("on 26 and 27 May"), not a caption of one day.
  const spans = (x: GroupedEvent['mentions'][number]) =>
    asksDuration(question) && event.end && findDateExpressions(x.dateText, { lang: x.lang, refYear: Number(event.start.slice(0, 4)) }).some((d) => d.end) ? 4 : 0;
  const rank = (x: GroupedEvent['mentions'][number]) => (!x.yearInferred ? (asked.has('date') ? 2 : 1) : 0) + (asked.has('place') && x.places.length ? (asked.has('date') ? 1 : 3) : 0) + spans(x);
  const m = event.mentions.reduce((best, x) => (rank(x) > rank(best) ? x : best));
  const hit: FusedHit = usable.find((h) => h.chunk.id === m.chunkId) ?? {
    chunk: { id: m.chunkId ?? `${m.docId}#event`, docId: m.docId, title: m.docTitle, source: m.source, lang: m.lang, date: m.docDate, position: 0, section: null, text: m.sentence },
    score: 0,
    ranks: {},
    signals: {},
    coverage: 1,
  };
  // A second quote only from another article that tells this event: one about another event ("Pendant
  // deux jours…" of Strasbourg under Mannheim's dates, NEC ESS 2025's under Strasbourg's) supports nothing said.
  const telling = new Set(event.mentions.map((x) => x.docId));
  const other = selectSentences(usable, terms, langs, expectedAnswerTypes(question, lang), undefined, countAsk(question, lang, terms, langs), askedAct(question, lang)).quotes.filter(
    (q) => q.hit.chunk.id !== hit.chunk.id && q.hit.chunk.docId !== hit.chunk.docId && telling.has(q.hit.chunk.docId),
  );
  const rendered = renderExtractive(messages.t(lang, 'leadIn'), { quotes: [{ text: m.sentence, hit }, ...other.slice(0, 1)] }, dateLabel);
  const date: DateValue = { text: m.dateText, index: 0, start: event.start, end: event.end, precision: event.precision, yearInferred: m.yearInferred };
  const expected = expectedAnswerTypes(question, lang);
  const parts = [
    expected.has('date') || !expected.has('place') || asksDuration(question) ? lasted(formatDateValue(date, lang, !date.yearInferred), daysLasted(question, lang, date), lang) : null,
    expected.has('place') && event.places.length ? event.places.map((p) => localizePlace(p, lang)).join(', ') : null,
  ].filter((x): x is string => Boolean(x));
  // "Where…?" of an event whose places the index does not know: the passages answer, not the index.
  if (expected.has('place') && !event.places.length && !expected.has('date')) return null;
  const direct = stateValue(
    { value: parts.join(', '), date: expected.has('date') ? date : null, n: 1, articleDate: m.docDate, sentence: m.sentence, announced: event.announcedOnly },
    { question, lang, today, messages },
  );
  return { text: `${direct}\n${rendered.text}`, citations: rendered.citations, direct };
}

/** "2 jours (5–6 mai 2022)": how long first, the dates it is counted from after. */
function lasted(dates: string, days: number | null, lang: LanguageCode): string {
  return days === null ? dates : `${formatDays(days, lang)} (${dates})`;
}

/**
 * Two articles that answer a "when" question about equally well with different dates ("fondé en 2017"
 * / "créé en 2018"): both are quoted. Equally well means within CONFLICT_RATIO of the best window, so
 * that another edition of an event, which its year already scores down, does not count.
 */
function conflictingDates(usable: FusedHit[], terms: WeightedTerm[], langs: LanguageCode[], expected: Set<AnswerType>): ExtractiveResult | null {
  const windows = scoreWindows(usable, terms, langs, expected);
  const best = windows[0];
  if (!best) return null;
  // Each article's best window that gives a bare year, among the near-best: only years against years
  // ("fondé en 2017" / "en 2018") are a disagreement (two full dates from two articles are far more often
  // two events than one event told two ways), so an article's window dated otherwise (the month of
  // another of its events, "janvier 2020") does not hide the one that gives its year. A year after the
  // article's own is a plan or a projection ("les métiers qui seront exercés en 2030"), not its account
  // of when something happened.
  const byDoc = new Map<string, { q: { text: string; hit: FusedHit }; date: DateValue }>();
  for (const w of windows) {
    if (w.score < best.score * CONFLICT_RATIO) break;
    const hit = usable[w.hitIndex];
    if (byDoc.has(hit.chunk.docId)) continue;
    const date = quotedDate({ text: w.text, citation: { lang: hit.chunk.lang, date: hit.chunk.date } as Citation });
    if (date?.precision === 'year' && !(hit.chunk.date && date.start.slice(0, 4) > hit.chunk.date.slice(0, 4))) byDoc.set(hit.chunk.docId, { q: { text: w.text, hit }, date });
  }
  const [a, b] = [...byDoc.values()];
  if (!a || !b) return null;
  if (sameDateValue(a.date, b.date) || a.date.start.slice(0, 4) === b.date.start.slice(0, 4)) return null;
  return { quotes: [a.q, b.q] };
}

/** An article older than this, quoted for a question about now, is said to tell how things were on its date. */
const AS_OF_DAYS = 180;

/**
 * "Is the Atlas still online?", "Combien de membres aujourd'hui ?": the articles tell how things were
 * when they were written (2020–2025), not today; quoting them as today's state would answer another
 * question. The lead-in says so, and the quote's article date follows it. A question for a date is left
 * to the date's own "how long ago" (and "can I still register?" to its "that date is past").
 */
function leadInFor(input: ExtractiveInput, expected: Set<AnswerType>, dates: (string | null)[]): string {
  const { messages, lang, question, today } = input;
  const before = today.getTime() - AS_OF_DAYS * 86_400_000;
  // A partial date is taken at its latest: "2025" may be December 2025.
  const latestDay = (d: string) => Date.parse(d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-28` : d);
  const old = dates.every((d) => !d || latestDay(d) < before);
  if (expected.has('date') || !old || !asksAboutNow(question, lang)) return messages.t(lang, 'leadIn');
  return messages.t(lang, 'asOfToday', { today: formatDocDate(today.toISOString().slice(0, 10), lang) ?? today.toISOString().slice(0, 10) });
}
