/**
 * What a "how many <noun>" question counts, and which numbers of a text count it: "9 finalistes"
 * answers "¿Cuántos finalistas…?", "plus de 100 candidatures" and "deux jours" do not. Shared by the
 * choice of the sentence to quote (extractive.ts) and the value the direct answer states
 * (direct-answer.ts), so that the quote shown is the one the stated number comes from.
 */
import { stem } from '../text/analyzer.js';
import { countSameThing } from '../text/counted-nouns.js';
import { normalizeText } from '../text/normalize.js';
import type { FusedHit, LanguageCode } from '../types.js';
import { searchableText } from '../retrieval/passage-text.js';
import { actorsIn, isActWord, type Act } from '../text/act-words.js';
import { answerTypeMatch, countedNoun, NUMBER_WORD, type AnswerType } from './answer-type.js';
import { numbersIn, type NumberValue } from './answer-values.js';
import { coverage, type WeightedTerm } from './matching.js';

export interface CountAsk {
  /** The counted noun, accent-folded, as the question writes it ("finalistas"). */
  counted: string;
  lang: LanguageCode;
  /** The question's term for that noun (with its dictionary translations), when it is one. */
  terms: WeightedTerm[];
  langs: LanguageCode[];
}

/** The count a question asks for, or null when it names no counted noun ("combien étaient-ils ?"). */
export function countAsk(question: string, lang: LanguageCode, terms: WeightedTerm[], langs: LanguageCode[]): CountAsk | null {
  const counted = countedNoun(question, lang);
  if (!counted) return null;
  return { counted, lang, terms: terms.filter((t) => t.word === counted), langs };
}

/**
 * Whether a number's word is the counted noun: the same word or stem, the same thing in the table of
 * counted nouns ("Mitglieder" / "membres"), or the question's term for it (countsTerm).
 */
export function countsNoun(unit: string | null, unitLang: LanguageCode, ask: CountAsk): boolean {
  if (!unit) return false;
  const word = normalizeText(unit);
  if (word === ask.counted || countSameThing(ask.counted, unit)) return true;
  if ([ask.lang, unitLang].some((l) => stem(ask.counted, l) === stem(word, l))) return true;
  return countsTerm(ask.terms, unit, ask.langs);
}

/** Whether a number counts the noun: by its own word, or the word after it ("100 millions de personnes bénévoles"). */
export function countsNumber(n: NumberValue, textLang: LanguageCode, ask: CountAsk): boolean {
  return countsNoun(n.unit, textLang, ask) || (n.next !== undefined && countsNoun(n.next, textLang, ask));
}

/**
 * Whether a number's word is one of the terms: by its form, stem or dictionary translation, or by a
 * cognate that begins as the term does ("partecipanti" / "participants"). A mere resemblance is not
 * enough: "pays" (14 countries) does not answer "how many days", nor "dons".
 */
export function countsTerm(terms: WeightedTerm[], unit: string, langs: LanguageCode[]): boolean {
  if (!terms.length) return false;
  const head = normalizeText(unit).slice(0, 2);
  const { matched } = coverage(terms, unit, langs);
  return matched.some((m, i) => m >= 1 || (m > 0 && normalizeText(terms[i].word).startsWith(head)));
}

// A small number spelled out and the word after it ("deux membres", "three speakers"), in folded text.
const SPELLED_COUNT = new RegExp(`${NUMBER_WORD.source}\\s+([\\p{L}'-]+)`, 'gu');

/** Whether a text holds a number of the counted noun ("9 finalistes", "deux membres"); `known`: the question's own numbers, not answers. */
export function holdsAskedCount(text: string, textLang: LanguageCode, ask: CountAsk, known: Set<string>): boolean {
  if (numbersIn(text, textLang, known).some((n) => countsNumber(n, textLang, ask))) return true;
  return [...normalizeText(text).matchAll(SPELLED_COUNT)].some((m) => countsNoun(m[2], textLang, ask));
}

/**
 * The count to match texts by, among these texts: the question's, when it asks "how many" of a noun and
 * one of the texts counts that noun; null otherwise, and any number is then of the kind asked.
 */
export function countIn(texts: { text: string; lang: LanguageCode }[], expected: Set<AnswerType>, count: CountAsk | null, known: Set<string>): CountAsk | null {
  return count && expected.has('number') && texts.some((t) => holdsAskedCount(t.text, t.lang, count, known)) ? count : null;
}

/**
 * Share (0–1) of the kinds of value asked that a text holds (answerTypeMatch), where, with `counting`
 * (countIn), only a number of the counted noun is the number asked for: "¿Cuántos finalistas…?" is not
 * answered by "plus de 100 candidatures" or "deux jours" when another text says "9 finalistes".
 */
export function kindMatch(text: string, lang: LanguageCode, expected: Set<AnswerType>, known: Set<string>, counting: CountAsk | null, acting: Act | null = null): number {
  if (!counting && !acting) return answerTypeMatch(text, expected, known);
  // With `acting` (actIn), only a name bound to the act asked is the person asked for.
  const special = (t: AnswerType) => (t === 'number' && counting !== null) || (t === 'person' && acting !== null);
  const others = new Set([...expected].filter((t) => !special(t)));
  const held = (counting && expected.has('number') && holdsAskedCount(text, lang, counting, known) ? 1 : 0) + (acting && expected.has('person') && actsNamed(text, acting, known) ? 1 : 0);
  return (answerTypeMatch(text, others, known) * others.size + held) / expected.size;
}

/** Whether a text binds a name the question does not give to the act. */
function actsNamed(text: string, act: Act, known: Set<string>): boolean {
  return actorsIn(text, act, known).some((name) =>
    normalizeText(name)
      .split(/[-\s]+/)
      .some((w) => !known.has(w)),
  );
}

/**
 * The act to match texts by, among these texts: the one the question asks who did (askedAct: "Who
 * moderated…?", "Qui animait…?", "Who set up…?"), when it asks for a person and one of the texts names
 * who did it; null otherwise, and any name is then of the kind asked.
 */
export function actIn(texts: { text: string }[], expected: Set<AnswerType>, act: Act | null, known: Set<string>): Act | null {
  return act && expected.has('person') && texts.some((t) => actsNamed(t.text, act, known)) ? act : null;
}

/**
 * Whether a passage may tell the act a "who" question asks about: it must be about the question's
 * topic (most of its words but the act's: ACT_TOPIC), as the direct answer wants of the passage it
 * states a name from. "Organised by the German Presidency" tells who organised the Mannheim summit,
 * not who co-organised a workshop on digital tools in Strasbourg.
 */
export function actOnTopic(terms: WeightedTerm[], langs: LanguageCode[]): (hit: FusedHit) => boolean {
  const topic = terms.filter((t) => !/^\d+$/.test(t.word) && !isActWord(t.word));
  if (!topic.length) return () => true;
  const cache = new Map<string, boolean>();
  return (hit) => {
    let on = cache.get(hit.chunk.id);
    if (on === undefined) cache.set(hit.chunk.id, (on = coverage(topic, searchableText(hit.chunk), langs).coverage >= ACT_TOPIC));
    return on;
  };
}

/** How much of a "who did it" question's topic a passage must cover to tell the act asked (see actOnTopic). */
export const ACT_TOPIC = 0.5;
