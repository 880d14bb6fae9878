/**
 * Numbers and dates of a text as values, so that an answer in one language can be compared with a
 * passage in another: "May 26–27, 2021" and "les 26 et 27 mai 2021" both name the days 26 to 27 of
 * May 2021. Used by the claim checks (claims.ts). Dates are read by the product's one date parser
 * (core/text/date-expressions.ts, shared with the events index and the direct answers).
 */
import { findDateExpressions, type DatePrecision } from '../text/date-expressions.js';
import { normalizeText } from '../text/normalize.js';
import { poolBefore } from '../text/pool-words.js';
import { qualifierBefore, type Qualifier } from '../text/quantity-qualifiers.js';

/** A date of a claim or a passage: the span of days it names, with its year when written. */
export interface DateValue {
  precision: DatePrecision;
  /** First and last day named, as month * 100 + day (a month or season runs from its day 1 to 31). */
  from: number;
  to: number;
  /** The years written (a range's first and last); undefined when the text gives none ("les 26 et 27 mai"). */
  year?: number;
  endYear?: number;
}

// A year for dates written without one; the parser marks such years as inferred and they are dropped.
const PLACEHOLDER_YEAR = 2000;

function toClaimDate(d: ReturnType<typeof findDateExpressions>[number]): DateValue {
  const point = (iso: string, edge: 'from' | 'to') => {
    const [, m, day] = iso.split('-').map(Number);
    if (m === undefined) return edge === 'from' ? 101 : 1231;
    return m * 100 + (day ?? (edge === 'from' ? 1 : 31));
  };
  const end = d.end ?? d.start;
  const years = d.yearInferred ? {} : { year: Number(d.start.slice(0, 4)), ...(end.slice(0, 4) !== d.start.slice(0, 4) ? { endYear: Number(end.slice(0, 4)) } : {}) };
  return { precision: d.precision, from: point(d.start, 'from'), to: point(end, 'to'), ...years };
}

/**
 * The dates a text names, and the text folded with them blanked out (so that their numbers are not
 * counted again as quantities). What counts as a date is the shared parser's rule ("May" only
 * capitalised, a day only next to a month, a lone year only after "en / in / im…").
 */
export function datesIn(text: string): { dates: DateValue[]; rest: string } {
  const found = findDateExpressions(text, { refYear: PLACEHOLDER_YEAR });
  let blanked = text;
  // The parser's offsets are offsets in the original text (it folds one character for one).
  for (const d of found) blanked = blanked.slice(0, d.index) + ' '.repeat(d.text.length) + blanked.slice(d.index + d.text.length);
  return { dates: found.map(toClaimDate), rest: normalizeText(blanked).replace(/ß/g, 'ss') };
}

/** A date as the reasons show it: "26–27/5/2021", "5/2021", "3–5/2023" (a season), "2024–2026". */
export function describeDate(d: DateValue): string {
  const year = d.year === undefined ? '' : `/${d.year}${d.endYear ? `–${d.endYear}` : ''}`;
  const [m1, d1, m2, d2] = [Math.floor(d.from / 100), d.from % 100, Math.floor(d.to / 100), d.to % 100];
  if (d.precision === 'year') return `${d.year}${d.endYear ? `–${d.endYear}` : ''}`;
  if (d.precision === 'day') return m1 === m2 ? `${d1}${d2 !== d1 ? `–${d2}` : ''}/${m1}${year}` : `${d1}/${m1}–${d2}/${m2}${year}`;
  return `${m1}${m2 !== m1 ? `–${m2}` : ''}${year}`;
}

/** Number words of the seven languages (accent-folded) that a passage may write where an answer has digits. */
const NUMBER_WORDS: Record<string, number> = {};
const WORD_LISTS: [number, string[]][] = [
  [1, ['un', 'une', 'premier', 'premiere', 'one', 'first', 'eins', 'erste', 'ersten', 'uno', 'primero', 'primera', 'primo', 'prima', 'um', 'uma', 'primeiro', 'primeira', 'een', 'eerste']],
  [2, ['deux', 'deuxieme', 'second', 'seconde', 'two', 'zwei', 'zweite', 'zweiten', 'dos', 'segundo', 'segunda', 'due', 'secondo', 'seconda', 'dois', 'duas', 'twee', 'tweede']],
  [3, ['trois', 'troisieme', 'three', 'third', 'drei', 'dritte', 'dritten', 'tres', 'tercero', 'tercera', 'tre', 'terzo', 'terza', 'terceiro', 'terceira', 'drie', 'derde']],
  [4, ['quatre', 'quatrieme', 'four', 'fourth', 'vier', 'vierte', 'vierten', 'cuatro', 'cuarto', 'cuarta', 'quattro', 'quarto', 'quarta', 'vierde']],
  [5, ['cinq', 'cinquieme', 'five', 'fifth', 'funf', 'funfte', 'cinco', 'quinto', 'quinta', 'cinque', 'vijf', 'vijfde']],
  [6, ['six', 'sixieme', 'sixth', 'sechs', 'sechste', 'seis', 'sexto', 'sei', 'sesto', 'zes', 'zesde']],
  [7, ['sept', 'septieme', 'seven', 'seventh', 'sieben', 'siebte', 'siete', 'septimo', 'sette', 'settimo', 'sete', 'zeven', 'zevende']],
  [8, ['huit', 'huitieme', 'eight', 'eighth', 'acht', 'achte', 'ocho', 'octavo', 'otto', 'ottavo', 'oito', 'oitavo', 'achtste']],
  [9, ['neuf', 'neuvieme', 'nine', 'ninth', 'neun', 'neunte', 'nueve', 'noveno', 'nove', 'nono', 'negen', 'negende']],
  [10, ['dix', 'dixieme', 'ten', 'tenth', 'zehn', 'zehnte', 'diez', 'decimo', 'dieci', 'dez', 'tien', 'tiende']],
  [11, ['onze', 'eleven', 'elf', 'once', 'undici']],
  [12, ['douze', 'twelve', 'zwolf', 'doce', 'dodici', 'doze', 'twaalf']],
  [20, ['vingt', 'twenty', 'zwanzig', 'veinte', 'venti', 'vinte', 'twintig']],
  [100, ['cent', 'hundred', 'hundert', 'cien', 'cento', 'cem', 'honderd']],
  [1000, ['mille', 'thousand', 'tausend', 'mil', 'duizend']],
];
for (const [value, list] of WORD_LISTS) for (const w of list) NUMBER_WORDS[w] ??= value;

/**
 * Every value a written number may stand for: "1 200", "1,200" and "1.200" are 1200 (and "1,2" /
 * "1.2" are 1.2), "40 %" is 40. A comma or point before three digits is read both ways, since
 * languages disagree on which one groups thousands.
 */
function readings(token: string): number[] {
  const compact = token.replace(/[\s\u00a0\u202f']/g, '');
  const out = new Set<number>();
  if (/^\d+$/.test(compact)) out.add(Number(compact));
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(compact)) out.add(Number(compact.replace(/[.,]/g, '')));
  if (/^\d+[.,]\d+$/.test(compact)) out.add(Number(compact.replace(',', '.')));
  return [...out];
}

const NUMBER = /(?<![\p{L}\d])\d{1,3}(?:[\s\u00a0\u202f.,']\d{3})+(?![\d])|(?<![\p{L}\d])\d+(?:[.,]\d+)?/gu;

/** A number written in digits, with the values it may stand for and the qualifier written before it ("plus de", "about"). */
export interface WrittenNumber {
  written: string;
  values: number[];
  qualifier: Qualifier | null;
  /** The folded word right after it ("jours" of "3 jours"), or null. */
  next: string | null;
  /** Written as the pool something was chosen from ("parmi plus de 100 candidatures"). */
  pool: boolean;
}

/** The numbers a (date-free) text writes in digits, each as the values it may stand for. */
export function numbersIn(text: string): WrittenNumber[] {
  const out: WrittenNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    // "the 2nd", "2e édition", "26." count as the number.
    const written = match[0].replace(/[.,]$/, '');
    const values = readings(written);
    const next = normalizeText(text.slice(match.index + match[0].length)).match(/^\s*(\p{L}+)/u)?.[1] ?? null;
    const before = text.slice(0, match.index);
    if (values.length) out.push({ written, values, qualifier: qualifierBefore(before), next, pool: poolBefore(before) });
  }
  return out;
}

/**
 * Whether a claim's number, qualified as `claimed`, says no more than a passage's same number
 * qualified as `given`. A qualifier dropped is a stronger claim ("200" of "plus de 200" reads as
 * exactly 200), and so is one turned round or added ("more than 200" of "200"); one that only
 * weakens the passage's claim is faithful ("about 200" of "200", "about 200" of "près de 200").
 */
export function qualifierFaithful(claimed: Qualifier | null, given: Qualifier | null): boolean {
  if (claimed === given) return true;
  if (claimed === 'about') return given === null || given === 'nearly';
  return false;
}

/** Every numeric value a passage holds: digits (all readings), dates' parts and number words. */
export function valuesOf(text: string): Set<number> {
  const { dates, rest } = datesIn(text);
  const values = new Set<number>();
  for (const d of dates) {
    if (d.precision === 'day') for (const edge of [d.from, d.to]) values.add(edge % 100);
    if (d.precision === 'day' || d.precision === 'month') for (const edge of [d.from, d.to]) values.add(Math.floor(edge / 100));
    if (d.year !== undefined) values.add(d.year);
    if (d.endYear !== undefined) values.add(d.endYear);
  }
  for (const n of numbersIn(rest)) n.values.forEach((v) => values.add(v));
  for (const w of rest.match(/\p{L}+/gu) ?? []) if (NUMBER_WORDS[w] !== undefined) values.add(NUMBER_WORDS[w]);
  return values;
}

/** Units of time a count is said in (folded): "13 días después" is a count of days, not a day of a month. */
const TIME_UNITS: [string, RegExp][] = [
  ['day', /^(?:days?|jours?|journees?|dias?|tage?n?|giorn[oi]|dag(?:en)?)$/],
  ['week', /^(?:weeks?|semaines?|semanas?|wochen?|settimane?|weken|week)$/],
  ['month', /^(?:months?|mois|mes(?:es)?|monate?n?|mes[ei]|maand(?:en)?)$/],
  ['year', /^(?:years?|ans?|annees?|anos?|jahre?n?|ann[oi]|jaar|jaren)$/],
];

/** The unit of time a number counts, from the word after it, or null. */
export function timeUnitOf(n: WrittenNumber): string | null {
  return n.next ? (TIME_UNITS.find(([, re]) => re.test(n.next!))?.[0] ?? null) : null;
}

/** The numbers a text writes as quantities: digits outside its dates, and number words (not the parts of its dates). */
export function quantitiesOf(text: string): Set<number> {
  const { rest } = datesIn(text);
  const out = new Set<number>();
  for (const n of numbersIn(rest)) n.values.forEach((v) => out.add(v));
  for (const w of rest.match(/\p{L}+/gu) ?? []) if (NUMBER_WORDS[w] !== undefined) out.add(NUMBER_WORDS[w]);
  return out;
}

/** The days (as day numbers since 1970) that dates name, first and last of each; `year` completes a date written without one. */
export function datedDays(dates: DateValue[], year: number | undefined): [number, number][] {
  const day = (d: DateValue, edge: 'from' | 'to') => {
    const y = (edge === 'to' ? (d.endYear ?? d.year) : d.year) ?? year;
    if (y === undefined || d.precision !== 'day') return null;
    const md = d[edge];
    return Date.UTC(y, Math.floor(md / 100) - 1, md % 100) / 86_400_000;
  };
  const out: [number, number][] = [];
  for (const d of dates) {
    const [a, b] = [day(d, 'from'), day(d, 'to')];
    if (a !== null && b !== null) out.push([a, b]);
  }
  return out;
}

/** Counts of days that spans give: each one's length ("5 et 6 mai" → 2) and the days between any two days ("12 octobre", "13 octobre" → 1). */
export function dayCounts(spans: [number, number][]): Set<number> {
  const out = new Set<number>();
  const points = spans.flat();
  for (const [a, b] of spans) out.add(b - a + 1);
  for (const a of points) for (const b of points) if (b > a) out.add(b - a);
  return out;
}

/**
 * Whether `date` (from an answer) is one the passage names. Its years must be among the passage's
 * (a passage often gives the year once, apart from the day: "En 2021, … les 26 et 27 mai"). Then
 * against one date of the passage (of the same year, or written without one): a day or span of days
 * must lie within the passage's days ("May 26" of "les 26 et 27 mai"; not "May 25–27"); a month or
 * season may be coarser than the passage ("in spring 2023" of "en avril 2023"), never finer ("in
 * May" of "au printemps").
 */
export function dateSupported(date: DateValue, passage: { dates: DateValue[]; values: Set<number> }): boolean {
  if (date.year !== undefined && !passage.values.has(date.year)) return false;
  if (date.endYear !== undefined && !passage.values.has(date.endYear)) return false;
  if (date.precision === 'year') return date.year !== undefined;
  return passage.dates.some((p) => {
    if (p.precision === 'year') return false;
    if (date.year !== undefined && p.year !== undefined && (date.year !== p.year || (date.endYear ?? date.year) !== (p.endYear ?? p.year))) return false;
    // A span that runs into the next year ("30 décembre au 2 janvier"): compared only when equal.
    const wraps = (d: DateValue) => d.to < d.from;
    if (wraps(date) || wraps(p)) return date.from === p.from && date.to === p.to;
    if (date.precision === 'day') return p.precision === 'day' && p.from <= date.from && date.to <= p.to;
    return date.from <= p.from && p.to <= date.to;
  });
}
