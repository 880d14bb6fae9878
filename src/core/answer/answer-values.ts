/**
 * The values an answer can state, read from a passage's own words: dates (as values, see
 * text/date-expressions.ts), places, numbers, names, and the contact and price kinds that a nearby
 * passage must never stand in for. Precision over recall: a value is read only where its shape is
 * unmistakable, since a direct answer built from a wrong one states something false.
 */
import { findDateExpressions, type DateValue } from '../text/date-expressions.js';
import { MONTH_NUMBER } from '../text/months.js';
import { indexStopwords } from '../text/analyzer.js';
import { normalizeText } from '../text/normalize.js';
import { qualifierBefore, type Qualifier } from '../text/quantity-qualifiers.js';

const FUNCTION_WORDS = new Set(['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'].flatMap((l) => [...indexStopwords(l)]));

/** The year of an article's date ('2022-05-06' → 2022), the reference of a date written without one. */
export function yearOf(date: string | null | undefined): number | undefined {
  const y = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isFinite(y) ? y : undefined;
}

export function datesIn(text: string, lang: string, articleDate: string | null): DateValue[] {
  return findDateExpressions(text, { lang, refYear: yearOf(articleDate) });
}

/** Whether a text holds a date at all (a day and month without a year counts: the article gives it). */
export function hasDate(text: string, lang: string): boolean {
  return findDateExpressions(text, { lang, refYear: 2000 }).length > 0;
}

// A capitalised run after a place preposition: "à Strasbourg", "in Mannheim", "au Parlement européen".
const PLACE =
  /(?:^|[\s(])(?:à|au|aux|in|at|im|nel|nella|em|na|no|op|te|a|en)\s+(?:la\s+|le\s+|l['’]|the\s+)?(\p{Lu}[\p{L}-]+(?:\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|of\s+(?:the\s+)?)?\p{Lu}[\p{L}-]+)*)/gu;

/** Places named in the text that the question does not name already. */
export function placesIn(text: string, known: Set<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACE)) {
    // "Numérique en Commun[s]": a preposition inside a name does not introduce a place.
    if (/\p{Lu}[\p{L}-]*\s*$/u.test(text.slice(0, m.index + (m[0].match(/^[\s(]/) ? 1 : 0)))) continue;
    const words = normalizeText(m[1]).split(/[\s-]+/);
    if (words.some((w) => MONTH_NUMBER[w] !== undefined) || FUNCTION_WORDS.has(words[0])) continue;
    if (words.every((w) => known.has(w))) continue;
    if (!out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

// "4 500", "14", "85 %", "1,2 million": a number with an optional unit word after it.
const NUMBER = /(?<![\p{L}\p{N}.,/-])(\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?)(\s?%)?(?:\s+(\p{L}[\p{L}'’-]*))?/gu;

export interface NumberValue {
  value: string;
  /** The word after it in the passage ("pays"), if any. */
  unit: string | null;
  /** "plus de", "près de", "environ"… written before it: part of the value. */
  qualifier?: Qualifier;
  /** "100 millions de personnes": the value is 100 × this; the unit is the noun after it. */
  scale?: number;
  /** The word after the unit ("bénévoles" in "100 millions de personnes bénévoles"): it may say what is counted. */
  next?: string;
}

/** Words that scale a number ("100 millions de…", "2 Millionen", "1,2 billion"), accent-folded, by factor. */
const SCALES: Record<string, number> = {
  thousand: 1e3,
  mille: 1e3,
  million: 1e6,
  millions: 1e6,
  millionen: 1e6,
  millon: 1e6,
  millones: 1e6,
  milione: 1e6,
  milioni: 1e6,
  milhao: 1e6,
  milhoes: 1e6,
  miljoen: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  milliarde: 1e9,
  milliarden: 1e9,
  billion: 1e9,
  billions: 1e9,
  miljard: 1e9,
};
// After a scale word: "de", "d'", "of", "di", "van" before the counted noun, then the noun and the word after it.
const AFTER_SCALE = /^\s+(?:(?:de|d['’]|of|di|van)\s*)?(\p{L}[\p{L}'’-]*)(?:\s+(\p{L}[\p{L}'’-]*))?/u;
const NEXT_WORD = /^\s+(\p{L}[\p{L}'’-]*)/u;

/** Numbers that are not part of a date expression and not a year, with the word that says what they count. */
export function numbersIn(text: string, lang: string, known: Set<string>): NumberValue[] {
  const dates = findDateExpressions(text, { lang, refYear: 2000 });
  const inDate = (i: number) => dates.some((d) => i >= d.index && i < d.index + d.text.length);
  const out: NumberValue[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const digits = m[1].replace(/[  ]/g, '');
    if (inDate(m.index) || /^(19|20)\d{2}$/.test(m[1]) || known.has(digits)) continue;
    const qualifier = qualifierBefore(text.slice(0, m.index));
    const after = text.slice(m.index + m[0].length);
    const scale = m[3] && !m[2] ? SCALES[normalizeText(m[3])] : undefined;
    const counted = scale ? AFTER_SCALE.exec(after) : null;
    const unit = m[2] ? null : scale ? (counted?.[1] ?? null) : (m[3] ?? null);
    const next = (scale ? counted?.[2] : m[3] && NEXT_WORD.exec(after)?.[1]) || undefined;
    out.push({ value: `${m[1]}${m[2] ? '%' : ''}`, unit, ...(qualifier ? { qualifier } : {}), ...(scale ? { scale } : {}), ...(next ? { next } : {}) });
  }
  return out;
}

// Two capitalised words or more ("Nicolas Schmit"), or a one-word brand ("HelloAsso").
const NAME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\p{Ll}+)+|\p{Lu}\p{Ll}+\p{Lu}\p{L}+)(?![\p{L}\p{N}])/gu;

/** Names in the text with a word the question does not contain; a sentence's first word is not a name on its own. */
export function namesIn(text: string, known: Set<string>): string[] {
  const out: string[] = [];
  // Words the text also writes in lower case are common nouns ("Économie Sociale" / "économie sociale").
  const lower = new Set((text.match(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu) ?? []).map((w) => normalizeText(w)));
  for (const m of text.matchAll(NAME)) {
    const words = normalizeText(m[1]).split(/[-\s]+/);
    if (FUNCTION_WORDS.has(words[0]) || words.some((w) => MONTH_NUMBER[w] !== undefined || lower.has(w))) continue;
    if (words.every((w) => known.has(w))) continue;
    // A run that goes on into the question's own words is the name plus what was asked about it:
    // "Justine Coopman / Communication and Public Affairs Manager" answers "who is the communication manager?".
    const parts = m[1].split(/(?<=[-\s])/);
    const from = 0;
    let to = parts.length;
    while (to - from > 2 && known.has(normalizeText(parts[to - 1].trim().replace(/-$/, '')))) to--;
    const name = parts.slice(from, to).join('').trim().replace(/-$/, '');
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** "and / et / und / y / e / en / ou / or" with an optional article: what joins the items of a list. */
const COORDINATED = /^\s*(?:,|and|or|et|ou|und|oder|y|o|e|en|of)\s+(?:(?:the|le|la|les|l'|l’|der|die|das|den|el|los|las|il|lo|gli|os|as|de|het)\s*)?$/iu;
/** The same joined by a word only: after a comma a capital may begin a title ("Jeanne Bretécher, Présidente"). */
const CONJOINED = /^\s*(?:and|et|und|y|e|en)\s+(?:(?:the|le|la|les|l'|l’|der|die|das|den|el|los|las|il|lo|gli|os|as|de|het)\s*)?$/iu;

/**
 * Whether a name is listed beside one of the question's own names ("le Social Tech Atlas et la Social
 * Tech Academy"): a sibling of what the question names, not who did anything to it. "Who presented
 * the Social Tech Atlas?" is not answered by the project listed with it.
 */
export function listedWithKnown(text: string, name: string, known: Set<string>): boolean {
  const allKnown = (run: string) => {
    const words = normalizeText(run)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return words.length > 0 && words.every((w) => known.has(w));
  };
  return listedWith(text, name, COORDINATED, allKnown);
}

/**
 * Whether a name is one item of a list of names ("Porté par UNIPSO et ConcertES", "avec Czechitas et
 * Suara Coop"): said alone, it answers "which organisations?" by half. The other items need not be
 * names namesIn() reads (a word in capitals, a single word).
 */
export function listedWithOthers(text: string, name: string): boolean {
  return listedWith(text, name, CONJOINED, () => true);
}

/** Whether `name` is joined (`joins`: "et", "and", ",") to a capitalised run that `sibling` accepts. */
function listedWith(text: string, name: string, joins: RegExp, sibling: (run: string) => boolean): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text.slice(Math.max(0, at - 80), at);
    const prev = /(\p{Lu}[\p{L}\p{N}]*(?:[-\s]\p{Lu}[\p{L}\p{N}]*)*)([^\p{Lu}]*)$/u.exec(before);
    if (prev && joins.test(prev[2]) && sibling(prev[1])) return true;
    const after = text.slice(at + name.length, at + name.length + 80);
    const next = /^([^\p{Lu}]*)(\p{Lu}[\p{L}\p{N}]*(?:[-\s]\p{Lu}[\p{L}\p{N}]*)*)/u.exec(after);
    if (next && joins.test(next[1]) && sibling(next[2])) return true;
  }
  return false;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
// Bounded (no nested unbounded quantifier): a country code, then 3–6 groups of 2–4 digits.
const PHONE = /(?:\+\d{1,3}[\s.]?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,5}/g;

export function hasEmail(text: string): boolean {
  return EMAIL.test(text);
}
export function hasPhone(text: string): boolean {
  // Digits in a phone's shape, not a run of years ("2017 et 2018, 2019 2020 2021") or a date range.
  return [...text.matchAll(PHONE)].some((m) => {
    const groups = m[0].match(/\d+/g) ?? [];
    return m[0].replace(/\D/g, '').length >= 9 && !groups.every((g) => /^(19|20)\d{2}$/.test(g));
  });
}
// A street address: a number and a kind of street ("12 rue de…", "Rue Royale 150", "Musterstraße 5",
// "via Roma 3"), or a postcode before a town ("75011 Paris", "B-1000 Bruxelles", "1000 Brussel").
const STREET = String.raw`(?:rue|avenue|av\.|boulevard|bd|place|quai|chemin|impasse|allée|street|st\.|road|rd\.|lane|square|straße|strasse|str\.|platz|weg|gasse|calle|avenida|plaza|paseo|via|viale|piazza|corso|rua|praça|travessa|straat|laan|plein|gracht|kade)`;
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{1,4}[a-z]?,?\s+${STREET}\s+\p{L}|${STREET}\s+(?:\p{L}[\p{L}'’-]*\s+){1,4}\d{1,4}(?![\p{N}])|\p{L}+(?:straße|strasse|straat|weg|gasse|platz|laan)\s+\d{1,4})`,
  'iu',
);
// Case matters here: the town is capitalised. A year is no postcode ("2023 Paris").
const POSTCODE = /(?:^|[\s,(])(?:[A-Z]-)?(?!(?:19|20)\d{2}(?!\d))\d{4,5}\s+\p{Lu}\p{Ll}+/u;

export function hasAddress(text: string): boolean {
  return ADDRESS.test(text) || POSTCODE.test(text);
}

// A price (free, or an amount to pay, not money given or raised): text/price-words.ts.
export { hasPrice } from '../text/price-words.js';
