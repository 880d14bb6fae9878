/**
 * Claim-level verification of a generated answer. The citation check (citations.ts) only knows that
 * each [n] names a passage; a model can still put a wrong year, a city from another passage or a
 * person from another article behind a valid [n]. Here each sentence is checked against the passages
 * it cites:
 * - it must cite one (a sentence that states something without a source is removed);
 * - every date, number, year and proper name in it must be in those passages, compared as values
 *   (dates and numbers: claim-values.ts) and by letters without accents, exonyms or close spelling
 *   (names: names.ts), so that a correct German paraphrase of a French passage passes;
 * - an ordinal, year or role it attaches to a name must not contradict what those passages attach
 *   to it (relations.ts: "the first summit was in Strasbourg" of a passage that says the second);
 * - when the question names an event, it must be about that event, not a neighbouring one or another
 *   edition of it (asked-event.ts);
 * - it must say something beyond the citation markers and beyond the question's own words;
 * - it must not mix languages inside the sentence (mixed-language.ts): that rejects the whole answer.
 * A failing sentence is removed when the rest still answers (it says something, and holds the kind
 * of value the question asks for); otherwise the whole answer is rejected, with the reason.
 */
import { speaksOfFuture } from '../text/future-words.js';
import { saysChosen } from '../text/pool-words.js';
import { normalizeText, words } from '../text/normalize.js';
import { indexStopwords } from '../text/analyzer.js';
import type { LanguageCode } from '../types.js';
import { answerProse } from './answer-language.js';
import { answerTypeMatch, type AnswerType } from './answer-type.js';
import { otherEventProblem } from './asked-event.js';
import { dateSupported, datedDays, datesIn, dayCounts, describeDate, numbersIn, qualifierFaithful, quantitiesOf, timeUnitOf, valuesOf, type DateValue, type WrittenNumber } from './claim-values.js';
import type { Qualifier } from '../text/quantity-qualifiers.js';
import { checkSentenceLanguage, passageVocabulary } from './mixed-language.js';
import { foldName, isKnownPlace, nameCandidates, nameFound, passageNameWords } from './names.js';
import { readRelationPassage, relationProblems, type RelationPassage } from './relations.js';
import { splitSentences } from './sentences.js';

export interface ClaimPassage {
  /** The number the model was given for it (1-based). */
  n: number;
  title: string;
  text: string;
  /** The article's date as the prompt gave it (a model may use it: "in 2021"). */
  date?: string | null;
}

/** A sentence of the answer and the passages it cites. */
export interface ClaimSentence {
  text: string;
  passages: number[];
}

export interface RemovedSentence {
  text: string;
  reason: string;
}

export type ClaimsResult = { ok: true; sentences: ClaimSentence[]; removed: RemovedSentence[] } | { ok: false; reason: string; removed: RemovedSentence[] };

export interface ClaimsInput {
  sentences: ClaimSentence[];
  passages: ClaimPassage[];
  question: string;
  lang: LanguageCode;
  /** What the question asks for (answer-type.ts): the answer must still hold it after removals. */
  expected?: Set<AnswerType>;
  /** The passages' words that are another language's, not the answer's (foreign-words.ts). */
  foreignWords?: ReadonlyMap<string, LanguageCode>;
  /**
   * Today: "you can still register" for a question that asks whether one still can, and any sentence
   * that speaks of the future ("aura lieu", "will take place"), is checked against the cited dates.
   */
  today?: Date;
}

const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

function markersOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) for (const n of m[1].split(/[,;]/).map((x) => Number(x.trim()))) if (!out.includes(n)) out.push(n);
  return out;
}

/**
 * The sentences of a plain-text answer with the markers each carries. Markers standing alone after a
 * sentence's full stop ("… en 2022. [1]") belong to that sentence.
 */
export function sentencesWithMarkers(answer: string, lang: LanguageCode): ClaimSentence[] {
  const out: ClaimSentence[] = [];
  // A quote that holds a full stop is one claim with the sentence around it.
  const openQuote = (text: string) =>
    (text.match(/«/g)?.length ?? 0) > (text.match(/»/g)?.length ?? 0) || (text.match(/“/g)?.length ?? 0) > (text.match(/”/g)?.length ?? 0) || (text.match(/"/g)?.length ?? 0) % 2 === 1;
  for (let piece of splitSentences(answer, lang)) {
    if (out.length && openQuote(out.at(-1)!.text)) {
      const last = out.at(-1)!;
      last.text = `${last.text} ${piece}`;
      last.passages = [...new Set([...last.passages, ...markersOf(piece)])];
      continue;
    }
    // "am 5. und 6. Mai": a German ordinal's full stop does not end the sentence.
    if (out.length && /(?<![\p{L}\d])\d{1,2}\.$/u.test(out.at(-1)!.text.replace(MARKER, '').trim())) {
      const last = out.at(-1)!;
      last.text = `${last.text} ${piece}`;
      last.passages = [...new Set([...last.passages, ...markersOf(piece)])];
      continue;
    }
    // "… à Strasbourg. [1] Il …": the segmenter opens the next sentence with the markers of this one.
    const leading = out.length ? piece.match(/^(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+\s*/)?.[0] : undefined;
    if (leading && piece.length > leading.length) {
      const last = out.at(-1)!;
      last.text = `${last.text} ${leading.trim()}`;
      last.passages = [...new Set([...last.passages, ...markersOf(leading)])];
      piece = piece.slice(leading.length);
    }
    const bare = piece.replace(MARKER, '').replace(/[\s.,;:!?]+/g, '');
    if (!bare && out.length) {
      const last = out.at(-1)!;
      last.text = `${last.text} ${piece}`;
      last.passages = [...new Set([...last.passages, ...markersOf(piece)])];
      continue;
    }
    out.push({ text: piece, passages: markersOf(piece) });
  }
  return out;
}

const ALL_FUNCTION_WORDS = new Set(['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'].flatMap((l) => [...indexStopwords(l)]));

interface PreparedPassage {
  n: number;
  folded: string;
  words: Set<string>;
  dates: DateValue[];
  values: Set<number>;
  /** The qualifiers each value written in digits carries in the passage (null: written bare). */
  qualifiers: Map<number, Set<Qualifier | null>>;
  /** Numbers it writes as quantities (not the parts of its dates), and the counts of days its dates give. */
  quantities: Set<number>;
  days: [number, number][];
  /** The last day the passage dates anything ('YYYY-MM-DD'; a date without its year takes the article's), or null. */
  lastDay: string | null;
  /** Values the passage writes only as a pool something was chosen from ("parmi plus de 100 candidatures"). */
  poolOnly: Set<number>;
  /** The article's date ('YYYY-MM-DD'), or null: when the passage dates nothing, it was true then. */
  articleDay: string | null;
  relations: RelationPassage;
}

function prepare(p: ClaimPassage): PreparedPassage {
  // The article's date completes a date the text writes without its year ("le 12 octobre" in an
  // article of 2021: "on 12 October 2021"); it does not date what the text leaves undated ("the
  // pact was signed in 2020" of an article of 2020 that says only that members sign a charter).
  const own = `${p.title}\n${p.text}`;
  const partial = datesIn(own).dates.some((d) => d.year === undefined);
  const text = partial && p.date ? `${p.title}\n${p.date}\n${p.text}` : own;
  const folded = foldName(text);
  const read = datesIn(text);
  const qualifiers = new Map<number, Set<Qualifier | null>>();
  const pools = new Set<number>();
  const bare = new Set<number>();
  for (const n of numbersIn(read.rest))
    for (const v of n.values) {
      qualifiers.set(v, (qualifiers.get(v) ?? new Set()).add(n.qualifier));
      (n.pool ? pools : bare).add(v);
    }
  const articleYear = p.date ? Number(p.date.slice(0, 4)) : undefined;
  // The text's own dates: an events-index passage's title says "past on <today>".
  const ownDates = datesIn(p.text).dates;
  const days = ownDates.map((d) => lastDayOf(d, articleYear)).filter((d): d is string => d !== null);
  return {
    n: p.n,
    folded,
    words: new Set(folded.split(' ')),
    dates: read.dates,
    values: valuesOf(text),
    qualifiers,
    quantities: quantitiesOf(text),
    days: datedDays(ownDates, articleYear),
    lastDay: days.length ? days.sort().at(-1)! : null,
    articleDay: p.date ? p.date.slice(0, 10) : null,
    poolOnly: new Set([...pools].filter((v) => !bare.has(v))),
    relations: readRelationPassage(p.n, `${p.title}\n${p.text}`),
  };
}

function lastDayOf(d: DateValue, articleYear: number | undefined): string | null {
  const year = d.endYear ?? d.year ?? articleYear;
  if (year === undefined || !Number.isFinite(year)) return null;
  if (d.precision === 'year') return `${year}-12-31`;
  const to = d.to < d.from && d.endYear === undefined ? year + 1 : year;
  return `${to}-${String(Math.floor(d.to / 100)).padStart(2, '0')}-${String(d.to % 100).padStart(2, '0')}`;
}

/**
 * "Still" / "yet" in the languages the articles and members write most (folded). A question that asks
 * whether something still holds ("Est-ce que je peux encore m'inscrire ?") is answered "you can still"
 * only when something the cited passages date is not over: a small model answers the question's own
 * words ("Vous pouvez encore vous inscrire … le mercredi 26 novembre") for a workshop a year past.
 */
const STILL: Record<string, RegExp> = {
  fr: / (?:encore|toujours) /,
  en: / (?:still|yet) /,
  de: / noch /,
  es: / (?:todavia|aun) /,
  it: / ancora /,
  pt: / ainda /,
  nl: / (?:nog|nog steeds) /,
};
const saysStill = (text: string, lang: LanguageCode) => STILL[lang]?.test(` ${normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `) ?? false;

/** Whether the passage holds the number as the claim qualifies it; a value only a date or a number word gives counts as bare. */
function holdsNumber(p: PreparedPassage, number: WrittenNumber): boolean {
  return number.values.some((v) => p.values.has(v) && [...(p.qualifiers.get(v) ?? [null])].some((given) => qualifierFaithful(number.qualifier, given)));
}

const QUALIFIER_WORDS: Record<Qualifier, string> = { more: 'more than', fewer: 'fewer than', about: 'about', nearly: 'nearly' };
const qualified = (q: Qualifier | null, written: string) => (q ? `${QUALIFIER_WORDS[q]} ${written}` : written);

const cite = (ns: number[]) => ns.map((n) => `[${n}]`).join('');

/** What the sentence states that the passages it cites do not hold. */
function unsupported(sentence: ClaimSentence, cited: PreparedPassage[], all: PreparedPassage[], lang: LanguageCode, passageNames: Set<string>, questionWords: Set<string>): string[] {
  const problems: string[] = [];
  const text = sentence.text.replace(MARKER, ' ');
  const elsewhere = (test: (p: PreparedPassage) => boolean) => {
    const others = all.filter((p) => !cited.includes(p) && test(p)).map((p) => p.n);
    return others.length ? ` (it is in ${cite(others)})` : '';
  };
  const { dates, rest } = datesIn(text);
  const chosen = saysChosen(rest);
  for (const date of dates) {
    if (!cited.some((p) => dateSupported(date, p))) problems.push(`the date ${describeDate(date)} is not in the cited ${cite(sentence.passages)}${elsewhere((p) => dateSupported(date, p))}`);
  }
  for (const number of numbersIn(rest)) {
    // "13 días después": a count of days is not the day of a month the passage gives ("13 octobre"):
    // it must be a count the passages write, or one their dates give.
    // Days only: "5 years ago" is counted from today, which the prompt gives beside each article's date.
    if (timeUnitOf(number) === 'day') {
      const counts = dayCounts(cited.flatMap((p) => p.days));
      if (!number.values.some((v) => counts.has(v) || cited.some((p) => p.quantities.has(v))))
        problems.push(`"${number.written} ${number.next}" is not a count of days the cited ${cite(sentence.passages)} give`);
      continue;
    }
    // "Plus de 100 candidatures ont été sélectionnées" of "Sélectionné parmi plus de 100 candidatures".
    const holding = cited.filter((p) => holdsNumber(p, number));
    if (!number.pool && chosen && holding.length && holding.every((p) => number.values.every((v) => !p.values.has(v) || p.poolOnly.has(v)))) {
      problems.push(`"${number.written}" is what the cited ${cite(sentence.passages)} chose among, not how many were chosen`);
      continue;
    }
    if (holding.length) continue;
    const sameValue = cited.filter((p) => number.values.some((v) => p.values.has(v)));
    if (sameValue.length) {
      // The value is there, qualified otherwise: "200" where the passage says "plus de 200".
      const given = [...new Set(sameValue.flatMap((p) => number.values.flatMap((v) => [...(p.qualifiers.get(v) ?? [null])])))];
      problems.push(`"${qualified(number.qualifier, number.written)}" is not what the cited ${cite(sentence.passages)} says: ${given.map((q) => `"${qualified(q, number.written)}"`).join(' or ')}`);
    } else problems.push(`"${number.written}" is not in the cited ${cite(sentence.passages)}${elsewhere((p) => holdsNumber(p, number))}`);
  }
  for (const name of nameCandidates(text, lang, passageNames)) {
    // The question's own names may be repeated (the topic: "European Social Economy Summit" for a
    // French passage), the rest must come from a cited passage. Not a name that some passage or the
    // exonym table knows: "Was it held in Mannheim?" must not make "Yes, in Mannheim" true.
    const missing = name.words.filter((w) => !questionWords.has(w) || passageNames.has(w) || isKnownPlace(w));
    if (!missing.length) continue;
    const partial = { text: name.text, words: missing };
    if (!cited.some((p) => nameFound(partial, p.words, p.folded)))
      problems.push(`"${name.text}" is not in the cited ${cite(sentence.passages)}${elsewhere((p) => nameFound(partial, p.words, p.folded))}`);
  }
  // Every value and name is there: are they in the roles the passages give them?
  if (!problems.length)
    problems.push(
      ...relationProblems(
        text,
        lang,
        cited.map((p) => p.relations),
        passageNames,
      ),
    );
  return problems;
}

/** Whether the sentence only repeats the question (all its content words are the question's). */
function restatesQuestion(sentence: string, questionWords: Set<string>): boolean {
  const content = words(sentence.replace(MARKER, ' ')).filter((w) => !ALL_FUNCTION_WORDS.has(w));
  return content.length > 0 && content.every((w) => questionWords.has(w) || [...questionWords].some((q) => q.length >= 5 && w.length >= 5 && (q.startsWith(w) || w.startsWith(q))));
}

const TYPE_NAMES: Record<AnswerType, string> = { date: 'date', place: 'place', number: 'number', person: 'name', email: 'e-mail address', phone: 'phone number', price: 'price', address: 'address' };

export function checkClaims(input: ClaimsInput): ClaimsResult {
  const { passages, question, lang } = input;
  const prepared = passages.map(prepare);
  const byNumber = new Map(prepared.map((p) => [p.n, p]));
  const passageNames = new Set(passages.flatMap((p) => [...passageNameWords(`${p.title}\n${p.text}`)]));
  const questionWords = new Set([...words(question), ...foldName(question).split(' ')]);
  const titles = passages.map((p) => p.title);
  // Today as the passages' days are written ('YYYY-MM-DD'), for the "still" and future-tense rules.
  const today = input.today?.toISOString().slice(0, 10);
  // A word copied from a passage that the answer's language cannot write is a mix (mixed-language.ts).
  const given = passageVocabulary(
    passages.map((p) => p.text),
    input.foreignWords,
  );
  const eventTexts = passages.map((p) => ({ text: p.text, lang }));
  const kept: ClaimSentence[] = [];
  const removed: RemovedSentence[] = [];
  for (const sentence of input.sentences) {
    const content = sentence.text.replace(MARKER, ' ').replace(/[^\p{L}\p{N}]+/gu, '');
    if (!content) {
      removed.push({ text: sentence.text, reason: 'only citation markers' });
      continue;
    }
    const language = checkSentenceLanguage(sentence.text, lang, titles, given);
    if (!language.ok) return { ok: false, reason: `answer ${language.reason.replace(/^sentence /, '')}: "${sentence.text}"`, removed };
    const cited = sentence.passages.map((n) => byNumber.get(n)).filter((p): p is PreparedPassage => p !== undefined);
    if (!cited.length) {
      removed.push({ text: sentence.text, reason: 'states something without citing a passage' });
      continue;
    }
    if (restatesQuestion(sentence.text, questionWords)) {
      removed.push({ text: sentence.text, reason: 'only restates the question' });
      continue;
    }
    const problems = unsupported({ ...sentence, passages: cited.map((p) => p.n) }, cited, prepared, lang, passageNames, questionWords);
    if (!problems.length && today && saysStill(question, lang) && saysStill(sentence.text, lang)) {
      // A cited passage that dates nothing says nothing of when either.
      const last = cited.map((p) => p.lastDay).filter((d): d is string => d !== null);
      if (last.length && last.every((d) => d < today))
        problems.push(`it says it still holds, but the cited ${cite(sentence.passages)} dates nothing after ${last.sort().at(-1)}, before today (${today})`);
    }
    // A quoted span or an article's title is the passage's own tense, not the answer's.
    if (!problems.length && today && speaksOfFuture(answerProse(sentence.text, titles))) {
      // Every cited passage must be dated (by its text, or else by its article) for a verdict.
      const last = cited.map((p) => p.lastDay ?? p.articleDay);
      if (last.every((d): d is string => d !== null && d < today))
        problems.push(`it speaks of it as still to come, but the cited ${cite(sentence.passages)} date nothing after ${last.sort().at(-1)}, before today (${today})`);
    }
    // Every value is in the passage, but is it said of the event asked about (asked-event.ts)?
    const otherEvent = problems.length ? null : otherEventProblem(sentence.text, question, lang, eventTexts, passageNames);
    if (otherEvent) problems.push(otherEvent);
    if (problems.length) {
      removed.push({ text: sentence.text, reason: problems.join('; ') });
      continue;
    }
    kept.push({ text: sentence.text, passages: cited.map((p) => p.n) });
  }
  if (!kept.length) {
    const reasons = new Set(removed.map((r) => r.reason));
    if (!removed.length) return { ok: false, reason: 'answer is empty', removed };
    if (reasons.size === 1 && reasons.has('only citation markers')) return { ok: false, reason: 'answer is only citation markers', removed };
    if ([...reasons].every((r) => r === 'only restates the question' || r === 'only citation markers')) return { ok: false, reason: 'answer only restates the question', removed };
    return { ok: false, reason: `no sentence of the answer is supported by the passages it cites: ${removed.map((r) => r.reason).join('; ')}`, removed };
  }
  const expected = input.expected ?? new Set<AnswerType>();
  if (expected.size) {
    const text = kept.map((s) => s.text.replace(MARKER, ' ')).join(' ');
    const known = new Set(words(question).map((w) => normalizeText(w)));
    // A place or a person may be named without the preposition or title answerTypeMatch looks for
    // ("Participants came from Brussels"): a checked name the question does not give counts too.
    const named =
      (expected.has('place') || expected.has('person')) && kept.some((s) => nameCandidates(s.text.replace(MARKER, ' '), lang, passageNames).some((c) => c.words.some((w) => !questionWords.has(w))));
    // Each kind asked for: "when and where" answered with a place only is less than the extractive
    // answer gives.
    // The question's own year is not a date given ("Wann fand das FNAF 2021 statt?" → "Das FNAF 2021 fand in Paris statt").
    const questionYears = new Set(question.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []);
    const withoutAsked = text.replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, (y) => (questionYears.has(y) ? ' ' : y));
    const missing = [...expected].filter((t) => !(((t === 'place' || t === 'person') && named) || answerTypeMatch(t === 'date' ? withoutAsked : text, new Set([t]), known) > 0));
    if (missing.length) {
      const wanted = missing.map((t) => TYPE_NAMES[t]).join(' or ');
      return { ok: false, reason: `answer does not give the ${wanted} the question asks for${removed.length ? ` (removed: ${removed.map((r) => r.reason).join('; ')})` : ''}`, removed };
    }
  }
  return { ok: true, sentences: kept, removed };
}
