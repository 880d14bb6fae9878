/**
 * "Never worse than no model": a generated answer that passed its checks is delivered only when it
 * tells the member at least what the extractive answer would have told them. When the extractive
 * answer states a value for what was asked (its direct answer: "En bref : 14 pays [1]."), every
 * date, number and name of that value must be in the generated answer, compared as values across
 * languages (dates as days, numbers as numbers, names by their letters and exonyms: claim-values.ts,
 * names.ts). An open question (one that asks for no kind of value: "what did X advocate?") has no
 * such value: then the generated answer must cite the passage the extractive answer quotes first (the
 * one retrieval and the sentence selection judged to answer best), so that a model leaning on a side
 * passage does not replace it. A question that asks who (a person or an organisation) with no direct
 * value: the generated answer must name someone the extractive answer's quotes name (beyond the
 * question's own names), or it answers another question ("the partners co-organise it with SOGA" where
 * the quote lists the five co-organisers).
 * What a second quoted passage adds ("Julie Foulon (Girleek)": who she is) is not asked of the model:
 * the extractive answer's quotes are delivered under a generated answer (quoted-evidence.ts).
 */
import type { LanguageCode } from '../types.js';
import { expectedAnswerTypes } from './answer-type.js';
import { dateSupported, datesIn, describeDate, numbersIn, valuesOf } from './claim-values.js';
import { foldName, nameCandidates, nameFound, passageNameWords } from './names.js';

/**
 * The catalog keys of the direct answer's sentence; {value} is what the member was told. The ones
 * with more around {value} first: "In short: {value} [{n}]." would also match a directDate sentence.
 */
const DIRECT_KEYS = ['directAnnounced', 'directPastYes', 'directPastNo', 'directDate', 'directConflict', 'directValue'];

export interface InformativeInput {
  /** The generated answer as delivered (markers renumbered). */
  answer: string;
  /** The extractive answer's direct sentence, or null for an open question. */
  direct: string | null;
  question: string;
  lang: LanguageCode;
  /** The catalog: the direct sentence is read back through its template. */
  t: (lang: string, key: string, vars?: Record<string, string | number>) => string;
  /** Texts of the passages both answers drew on: single capitalised words they use count as names. */
  passageTexts: string[];
  /** The chunk ids the generated answer cites, and the one the extractive answer quotes first. */
  generatedChunkIds: string[];
  extractiveFirstChunkId: string | null;
  /** The passages' sentences the extractive answer quotes (with their languages): for "who" questions. */
  extractiveQuotes?: { text: string; lang: LanguageCode }[];
}

/** Why the generated answer says less than the extractive one, or null when it says at least as much. */
export function lessInformativeReason(input: InformativeInput): string | null {
  if (input.direct === null) {
    const expected = expectedAnswerTypes(input.question, input.lang);
    if (expected.has('person')) return namesNoneQuoted(input);
    // A question that asks for a kind of value (a date, a place, a number…) is held to give it by the
    // claim checks; where the extractive answer found no such value, its first quote is no better guide.
    if (expected.size) return null;
    if (!input.extractiveFirstChunkId || input.generatedChunkIds.includes(input.extractiveFirstChunkId)) return null;
    return 'answer is less informative than the extractive one: it does not cite the passage that answers best';
  }
  const value = directValue(input.direct, input.lang, input.t);
  if (value === null) return null;
  const missing = missingValues(value, input);
  return missing.length ? `answer is less informative than the extractive one: it does not state ${missing.join(', ')}` : null;
}

/**
 * The {value} of a direct sentence, read back through the catalog template it was written with
 * (the relative time "(il y a 4 ans)", the article's date and the markers are not the value).
 */
export function directValue(direct: string, lang: LanguageCode, t: InformativeInput['t']): string | null {
  const line = direct.trim();
  for (const key of DIRECT_KEYS) {
    // Private-use characters mark the placeholders: no catalog writes them.
    const template = t(lang, key, { value: '\uE000', values: '\uE000', relative: '\uE001', n: '\uE001', article: '\uE001' });
    const pattern = template
      .split(/(\uE000|\uE001)/)
      .map((part) => (part === '\uE000' ? '(.+?)' : part === '\uE001' ? '.*?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    const m = line.match(new RegExp(`^${pattern}$`, 's'));
    if (m) return m[1].replace(/\s*\[\d+\]/g, '');
  }
  return null;
}

function missingValues(value: string, input: InformativeInput): string[] {
  const { answer, question, lang } = input;
  const plainAnswer = answer.replace(/\[\d+\]/g, ' ');
  const answerDates = datesIn(plainAnswer);
  const answerValues = valuesOf(plainAnswer);
  const questionValues = valuesOf(question);
  const missing: string[] = [];
  const { dates, rest } = datesIn(value);
  for (const d of dates) {
    // The question's own year ("en 2021 ?") is no value the answer must repeat.
    if (d.precision === 'year' && d.year !== undefined && questionValues.has(d.year)) continue;
    if (!dateSupported(d, { dates: answerDates.dates, values: answerValues })) missing.push(`the date ${describeDate(d)}`);
  }
  for (const n of numbersIn(rest)) {
    if (n.values.some((v) => questionValues.has(v))) continue;
    if (!n.values.some((v) => answerValues.has(v))) missing.push(`"${n.written}"`);
  }
  const known = new Set(input.passageTexts.flatMap((p) => [...passageNameWords(p)]));
  const questionWords = new Set(foldName(question).split(' '));
  const folded = foldName(plainAnswer);
  const answerWords = new Set(folded.split(' '));
  // Names as written, with the small words inside them ("Network of Cooperative Enterprises"), for acronyms.
  const answerNames = [...nameCandidates(plainAnswer, lang, known), ...[...plainAnswer.matchAll(NAME_RUN)].map((m) => ({ text: m[0] }))];
  for (const name of nameCandidates(value, lang, known)) {
    if (name.words.every((w) => questionWords.has(w) || /^\d+$/.test(w))) continue;
    if (nameFound(name, answerWords, folded)) continue;
    // "Social Good Accelerator" for "SOGA", or the other way round: one name, in full or as its acronym.
    if (answerNames.some((other) => sameByAcronym(name.text, other.text))) continue;
    missing.push(`"${name.text}"`);
  }
  return missing;
}

/** For a "who" question: null when the answer names someone the extractive quotes name, or they name no one the question does not. */
function namesNoneQuoted(input: InformativeInput): string | null {
  const known = new Set(input.passageTexts.flatMap((p) => [...passageNameWords(p)]));
  const questionWords = new Set(foldName(input.question).split(' '));
  const quoted = (input.extractiveQuotes ?? []).flatMap((q) => nameCandidates(q.text, q.lang, known)).filter((name) => !name.words.every((w) => questionWords.has(w) || /^\d+$/.test(w)));
  if (!quoted.length) return null;
  const plainAnswer = input.answer.replace(/\[\d+\]/g, ' ');
  const folded = foldName(plainAnswer);
  const answerWords = new Set(folded.split(' '));
  const answerNames = [...nameCandidates(plainAnswer, input.lang, known), ...[...plainAnswer.matchAll(NAME_RUN)].map((m) => ({ text: m[0] }))];
  if (quoted.some((name) => nameFound(name, answerWords, folded) || answerNames.some((other) => sameByAcronym(name.text, other.text)))) return null;
  const shown = [...new Set(quoted.map((n) => `"${n.text}"`))].slice(0, 4);
  return `answer is less informative than the extractive one: it names none of ${shown.join(', ')}${quoted.length > shown.length ? '…' : ''}`;
}

const NAME_RUN = /\p{Lu}[\p{L}\p{M}]*(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{L}\p{M}]*)+/gu;

/** Whether one name is the other's acronym: its letters are the other's words' initials (of at least two words). */
function sameByAcronym(a: string, b: string): boolean {
  const acronymOf = (full: string) =>
    full
      .split(/[\s-]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('')
      .toUpperCase();
  const isAcronym = (x: string) => /^\p{Lu}{2,}$/u.test(x);
  const [short, long] = isAcronym(a) ? [a, b] : isAcronym(b) ? [b, a] : [null, null];
  if (!short || !long || isAcronym(long)) return false;
  const initials = acronymOf(long);
  // "SOGA" of "Social Good Accelerator": the acronym may add letters of the words ("So-G-A").
  return initials.length >= 2 && (initials === short || (short.startsWith(initials[0]) && [...initials].every((ch) => short.includes(ch)) && short.length <= initials.length + 2));
}
