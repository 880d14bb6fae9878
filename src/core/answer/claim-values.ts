/**
 * Numbers and dates of a text as values, so that an answer in one language can be compared with a
 * passage in another: "May 26–27, 2021" and "les 26 et 27 mai 2021" both hold the days 26 and 27 of
 * month 5 of 2021. Used by the claim checks (claims.ts); written to be replaced by the events
 * branch's date parser (core/text/date-expressions.ts) once it is on main: only `datesIn` would change.
 */
import { MONTH_NUMBER } from '../text/months.js';
import { normalizeText } from '../text/normalize.js';

export interface DateValue {
  /** Days of the month the expression names (empty: the month as a whole). */
  days: number[];
  month: number;
  year?: number;
}

const MONTHS = Object.keys(MONTH_NUMBER)
  .sort((a, b) => b.length - a.length)
  .join('|');
const DAY = String.raw`(\d{1,2})(?:er|re|st|nd|rd|th|º|°|\.)?`;
// Joins two days of one date: "26 et 27", "26–27", "26. bis 27.", "25 al 27", "du 25 au 27".
const JOIN = String.raw`\s*(?:[-–—/&,]|et|and|und|y|e|en|al|au|bis|to|a|ao|tot|til|through)\s*`;
const DAYS = String.raw`${DAY}(?:${JOIN}${DAY})*`;
const YEAR = String.raw`((?:19|20)\d\d)`;
// "26 et 27 mai 2021", "26.–27. Mai 2021", "26 de mayo de 2021", "25 al 27 de noviembre".
const DAYS_MONTH = new RegExp(String.raw`(?<![\p{L}\d])${DAYS}\s+(?:de\s+|of\s+)?(${MONTHS})(?![\p{L}])(?:,?\s+(?:de\s+)?${YEAR}(?!\d))?`, 'gu');
// "May 26–27, 2021", "May 26 and 27 2021".
const MONTH_DAYS = new RegExp(String.raw`(?<![\p{L}])(${MONTHS})\s+${DAYS}(?![\p{L}\d])(?:,?\s+${YEAR}(?!\d))?`, 'gu');
// "mai 2021", "May 2021", "mayo de 2021".
const MONTH_YEAR = new RegExp(String.raw`(?<![\p{L}])(${MONTHS})\s+(?:de\s+)?${YEAR}(?!\d)`, 'gu');
const ISO = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/g;
const NUMERIC = /(?<![\d.])(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)/g;

function dayNumbers(span: string): number[] {
  // The days are the numbers before the month name (or after it): never the year.
  return [...span.matchAll(/(?<!\d)\d{1,2}(?!\d)/g)].map((m) => Number(m[0])).filter((d) => d >= 1 && d <= 31);
}

/**
 * The dates a text names, and the text with them blanked out (so that their numbers are not counted
 * again as quantities). Month names of the seven languages; "may" counts as a month only next to a
 * day or a year.
 */
export function datesIn(text: string): { dates: DateValue[]; rest: string } {
  let folded = normalizeText(text).replace(/ß/g, 'ss');
  const dates: DateValue[] = [];
  const blank = (m: string) => ' '.repeat(m.length);
  folded = folded.replace(ISO, (m, y: string, mo: string, d: string) => {
    dates.push({ days: [Number(d)], month: Number(mo), year: Number(y) });
    return blank(m);
  });
  folded = folded.replace(NUMERIC, (m, d: string, mo: string, y: string) => {
    dates.push({ days: [Number(d)], month: Number(mo), year: Number(y) });
    return blank(m);
  });
  folded = folded.replace(DAYS_MONTH, (m: string, ...groups: unknown[]) => {
    const month = groups.find((g) => typeof g === 'string' && MONTH_NUMBER[g] !== undefined) as string;
    const year = m.match(/(?:19|20)\d\d(?!\d)\s*$/)?.[0];
    const before = m.slice(0, m.search(new RegExp(`(?<![\\p{L}])${month}(?![\\p{L}])`, 'u')));
    dates.push({ days: dayNumbers(before), month: MONTH_NUMBER[month], year: year ? Number(year) : undefined });
    return blank(m);
  });
  folded = folded.replace(MONTH_DAYS, (m: string, month: string) => {
    const year = m.match(/(?:19|20)\d\d(?!\d)\s*$/)?.[0];
    const days = m.slice(month.length, year ? m.lastIndexOf(year) : undefined);
    dates.push({ days: dayNumbers(days), month: MONTH_NUMBER[month], year: year ? Number(year) : undefined });
    return blank(m);
  });
  folded = folded.replace(MONTH_YEAR, (m: string, month: string, year: string) => {
    dates.push({ days: [], month: MONTH_NUMBER[month], year: Number(year) });
    return blank(m);
  });
  return { dates, rest: folded };
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

/** The numbers a (date-free) text writes in digits, each as the values it may stand for. */
export function numbersIn(text: string): { written: string; values: number[] }[] {
  const out: { written: string; values: number[] }[] = [];
  for (const match of text.matchAll(NUMBER)) {
    // "the 2nd", "2e édition", "26." count as the number.
    const written = match[0].replace(/[.,]$/, '');
    const values = readings(written);
    if (values.length) out.push({ written, values });
  }
  return out;
}

/** Every numeric value a passage holds: digits (all readings), dates' parts and number words. */
export function valuesOf(text: string): Set<number> {
  const { dates, rest } = datesIn(text);
  const values = new Set<number>();
  for (const d of dates) {
    d.days.forEach((day) => values.add(day));
    values.add(d.month);
    if (d.year !== undefined) values.add(d.year);
  }
  for (const n of numbersIn(rest)) n.values.forEach((v) => values.add(v));
  for (const w of rest.match(/\p{L}+/gu) ?? []) if (NUMBER_WORDS[w] !== undefined) values.add(NUMBER_WORDS[w]);
  return values;
}

/**
 * Whether `date` (from an answer) is one the passage names: the same month, each of its days among
 * the days the passage gives that month, and its year among the passage's years (a passage often
 * gives the year once, apart from the day: "En 2021, … les 26 et 27 mai").
 */
export function dateSupported(date: DateValue, passage: { dates: DateValue[]; values: Set<number> }): boolean {
  const sameMonth = passage.dates.filter((d) => d.month === date.month && (date.year === undefined || d.year === undefined || d.year === date.year));
  if (!sameMonth.length) return false;
  if (date.year !== undefined && !passage.values.has(date.year)) return false;
  const days = new Set(sameMonth.flatMap((d) => d.days));
  return date.days.every((day) => days.has(day));
}
