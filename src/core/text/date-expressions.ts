/**
 * Date expressions in text, parsed into values that can be compared across languages: "les 5 et 6
 * mai 2022", "du 25 au 27 novembre 2025", "26 and 27 May", "May 26–27, 2021", "26. und 27. Mai 2021",
 * "au printemps 2023", "en octobre 2021", "2024-2026", "2021-10-12".
 *
 * Precision over recall: a wrong date is worse than a missing one. So a number counts as a day only
 * next to a month name ("14 pays" is not a day), a lone year only after a preposition that makes it
 * a time ("en 2023", not "les métiers de 2030"), a numeric date only when it cannot be read two ways
 * ("12/10/2021" is skipped), and a season or bare month without a year only when the caller gives
 * the date it is relative to ("janvier prochain").
 */
import { ALL_MONTH_FORMS, monthNumber } from './months.js';

export type DatePrecision = 'day' | 'month' | 'season' | 'year';

export interface DateValue {
  /** The expression as written. */
  text: string;
  /** Offset of `text` in the input. */
  index: number;
  /** 'YYYY-MM-DD' (day), 'YYYY-MM' (month, season) or 'YYYY' (year). */
  start: string;
  /** Last day / month / year of a range, same precision as `start`; null for a single value. */
  end: string | null;
  precision: DatePrecision;
  /** True when the year was not written and comes from the caller's reference date. */
  yearInferred: boolean;
}

export interface DateParseOptions {
  /** Language of the text, when known: month-first forms without a year are read in English only. */
  lang?: string;
  /** Year of a date written without one (the article's year). */
  refYear?: number;
  /** 'YYYY-MM-DD' or 'YYYY-MM': what "janvier prochain", "next spring" are relative to. Implies refYear. */
  refDate?: string;
}

const SEASONS: Record<string, 'spring' | 'summer' | 'autumn'> = {
  printemps: 'spring',
  ete: 'summer',
  automne: 'autumn',
  spring: 'spring',
  summer: 'summer',
  autumn: 'autumn',
  fall: 'autumn',
  fruhling: 'spring',
  fruhjahr: 'spring',
  sommer: 'summer',
  herbst: 'autumn',
  primavera: 'spring',
  verano: 'summer',
  otono: 'autumn',
  estate: 'summer',
  autunno: 'autumn',
  verao: 'summer',
  outono: 'autumn',
  lente: 'spring',
  zomer: 'summer',
  herfst: 'autumn',
};
/**
 * Seasons in the 16 other languages, in the cases a date puts them in ("wiosną 2023", "keväällä 2023",
 * "primăvara 2023"), read only in a text of that language: Swedish "vara" is "to be", Romanian "vara"
 * is "in summer". Natural spellings, folded when read.
 */
const SEASONS_BY_LANGUAGE: Record<string, Record<'spring' | 'summer' | 'autumn', string[]>> = {
  pl: { spring: ['wiosna', 'wiosną', 'wiosny', 'wiosnę'], summer: ['lato', 'latem'], autumn: ['jesień', 'jesienią', 'jesieni'] },
  cs: { spring: ['jaro', 'jaře'], summer: ['léto', 'létě'], autumn: ['podzim', 'podzimu'] },
  sk: { spring: ['jar', 'jari'], summer: ['leto', 'lete'], autumn: ['jeseň', 'jeseni'] },
  sl: { spring: ['pomlad', 'spomladi'], summer: ['poletje', 'poleti'], autumn: ['jesen', 'jeseni'] },
  hr: { spring: ['proljeće', 'proljeća'], summer: ['ljeto', 'ljeti'], autumn: ['jesen', 'jeseni'] },
  bg: { spring: ['пролет', 'пролетта'], summer: ['лято', 'лятото'], autumn: ['есен', 'есента'] },
  el: { spring: ['άνοιξη', 'άνοιξης'], summer: ['καλοκαίρι', 'καλοκαιριού'], autumn: ['φθινόπωρο', 'φθινοπώρου'] },
  ro: { spring: ['primăvara', 'primăvară', 'primăverii'], summer: ['vara', 'vară', 'verii'], autumn: ['toamna', 'toamnă', 'toamnei'] },
  ca: { spring: ['primavera'], summer: ['estiu'], autumn: ['tardor'] },
  hu: { spring: ['tavasz', 'tavasszal'], summer: ['nyár', 'nyáron'], autumn: ['ősz', 'ősszel'] },
  fi: { spring: ['kevät', 'keväällä', 'kevään'], summer: ['kesä', 'kesällä', 'kesän'], autumn: ['syksy', 'syksyllä', 'syksyn'] },
  et: { spring: ['kevad', 'kevadel'], summer: ['suvi', 'suvel'], autumn: ['sügis', 'sügisel'] },
  lv: { spring: ['pavasaris', 'pavasarī'], summer: ['vasara', 'vasarā'], autumn: ['rudens', 'rudenī'] },
  lt: { spring: ['pavasaris', 'pavasarį'], summer: ['vasara', 'vasarą'], autumn: ['ruduo', 'rudenį'] },
  sv: { spring: ['våren', 'vår'], summer: ['sommaren', 'sommar'], autumn: ['hösten', 'höst'] },
  da: { spring: ['foråret', 'forår'], summer: ['sommeren', 'sommer'], autumn: ['efteråret', 'efterår'] },
};
const FOLDED_SEASONS: Record<string, Map<string, 'spring' | 'summer' | 'autumn'>> = Object.fromEntries(
  Object.entries(SEASONS_BY_LANGUAGE).map(([lang, seasons]) => [
    lang,
    new Map(Object.entries(seasons).flatMap(([name, forms]) => forms.map((f) => [foldKeepingOffsets(f), name as 'spring' | 'summer' | 'autumn'] as const))),
  ]),
);

/** The season a folded word names in a text of `lang`: the language's own words, then the articles' languages'. */
function seasonOf(word: string, lang?: string): 'spring' | 'summer' | 'autumn' | undefined {
  return (lang ? FOLDED_SEASONS[lang]?.get(word) : undefined) ?? SEASONS[word];
}

// Winter straddles two years ("l'hiver 2023"): which one is meant is a guess, so it is not parsed.
const SEASON_MONTHS = { spring: [3, 5], summer: [6, 8], autumn: [9, 11] } as const;

/** The languages that write the year before the month. */
const YEAR_FIRST = new Set(['hu', 'lv', 'lt', 'et']);

// English month names that are also common words: a month only when capitalised ("May 26", not "may 26").
const WORD_MONTHS = new Set(['may', 'march']);

const alternation = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');
// Every language's month forms: which language's month a word is, the text's language decides (month()).
const MONTH = `(${alternation(ALL_MONTH_FORMS)})`;
// A word boundary for any script: JavaScript's \b knows only ASCII letters ("το Οκτώβριο", "през май").
const B = '(?<![\\p{L}\\p{N}])';
const SEASON = `(${alternation(new Set([...Object.keys(SEASONS), ...Object.values(FOLDED_SEASONS).flatMap((m) => [...m.keys()])]))})`;
// Not a decade: "the 2010s", "2010's", "die 2020er Jahre" (only a year ending in 0: "2021's autumn" is 2021).
const YEAR = "((?:19|20)\\d{2})(?![\\d])(?!(?<=0)['’]?s(?![\\p{L}]))(?!(?<=0)er(?![\\p{L}]))";
const DAY_SUFFIX = '(?:er|re|st|nd|rd|th|\\.|°|º)?';
const DAY = `(?<![\\d/.,])\\d{1,2}${DAY_SUFFIX}(?!\\d)`;
const LIST_WORDS = [',', '&', 'et', 'and', 'und', 'y', 'e', 'en'];
const RANGE_WORDS = ['au', 'to', 'bis', 'al', 'a', 'ao', 'tot', 'through', 'until', "jusqu'au", '-', '–', '—', '‑'];
const SEP = `(?:\\s*(?:${[...LIST_WORDS, ...RANGE_WORDS].map(escape).join('|')})\\s*(?:le\\s+|the\\s+|il\\s+|el\\s+)?)`;
const DAY_LIST = `(${DAY}(?:${SEP}${DAY})*)`;
const RANGE_SEP = `\\s*(?:au|to|bis|al|a|ao|tot|through|until|jusqu'au|-|–|—|‑)\\s*(?:le\\s+|the\\s+|il\\s+|el\\s+)?`;
// "octobre de 2021", Catalan "12 d'octubre de 2021", Greek "τον Οκτώβριο του 2021".
const OF = "(?:de\\s+|del\\s+|di\\s+|of\\s+|d'|του\\s+)?";
const RANGE_OPENER = '(?:(?:du|from|vom|del|dal|de|van|entre|between)\\s+)?';

type Match = { index: number; length: number; value: Omit<DateValue, 'text' | 'index'> };
type Rule = { re: RegExp; parse: (m: RegExpExecArray, ctx: Context) => Match['value'] | null };
interface Context {
  original: string;
  lang?: string;
  refYear?: number;
  refMonth?: number;
}

const rules: Rule[] = [
  // ISO: "2021-10-12"
  {
    re: new RegExp(`(?<![\\d-])${YEAR}-(\\d{2})-(\\d{2})(?![\\d-])`, 'dgu'),
    parse: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // Numeric day and month, only where one reading is possible: "25/11/2025" (a US "11/25/2025" too).
  {
    re: new RegExp(`(?<![\\d/.])(\\d{1,2})([/.])(\\d{1,2})\\2${YEAR}(?![/.]\\d)`, 'dgu'),
    parse: (m) => {
      const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (a > 12 && b <= 12) return day(y, b, a);
      if (b > 12 && a <= 12) return day(y, a, b);
      if (a === b) return day(y, a, b);
      return null;
    },
  },
  // Across months: "du 30 septembre au 2 octobre 2021", "30 September – 2 October 2021".
  {
    re: new RegExp(`${RANGE_OPENER}(${DAY})\\s+${OF}${MONTH}(?:\\s+${OF}${YEAR})?${RANGE_SEP}(${DAY})\\s+${OF}${MONTH}(?:\\s*,?\\s+${OF}${YEAR})?`, 'dgu'),
    parse: (m, ctx) => {
      const start = { d: parseInt(m[1], 10), mo: month(m[2], ctx) };
      const end = { d: parseInt(m[4], 10), mo: month(m[5], ctx) };
      if (!monthOk(m, 2, ctx) || !monthOk(m, 5, ctx)) return null;
      const endYear = m[6] ? Number(m[6]) : m[3] ? Number(m[3]) : ctx.refYear;
      if (endYear === undefined) return null;
      const startYear = m[3] ? Number(m[3]) : end.mo < start.mo ? endYear - 1 : endYear;
      return range(day(startYear, start.mo, start.d), day(endYear, end.mo, end.d), !m[6] && !m[3]);
    },
  },
  // Day first: "le 17 novembre 2023", "les 5 et 6 mai 2022", "du 25 au 27 novembre 2025",
  // "26 and 27 May", "26. und 27. Mai 2021", "1 de maio de 2021".
  {
    re: new RegExp(`${RANGE_OPENER}${DAY_LIST}\\s+${OF}${MONTH}(?:\\s*,?\\s+${OF}${YEAR})?`, 'dgu'),
    parse: (m, ctx) => {
      if (!monthOk(m, 2, ctx)) return null;
      const days = m[1].match(/\d{1,2}/g)!.map(Number);
      const y = m[3] ? Number(m[3]) : ctx.refYear;
      if (y === undefined) return null;
      const mo = month(m[2], ctx);
      if (days.some((d, i) => i > 0 && d <= days[i - 1])) return null;
      return range(day(y, mo, days[0]), days.length > 1 ? day(y, mo, days[days.length - 1]) : null, !m[3]);
    },
  },
  // Month first (English): "May 26–27, 2021", "May 26 and 27, 2021", "November 25, 2025", "on May 26."
  // (without a year only where nothing follows the day: "in May 12 members joined" is not a date).
  {
    re: new RegExp(
      `${B}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:(?:${RANGE_SEP}|\\s+(?:and|&)\\s+)(\\d{1,2})(?:st|nd|rd|th)?(?!\\d))?(?:(?:\\s*,\\s*|\\s+)${YEAR}|(?=\\s*(?:[.,;:!?)]|$)))`,
      'dgu',
    ),
    parse: (m, ctx) => {
      if (!monthOk(m, 1, ctx)) return null;
      if (!m[4] && ctx.lang && ctx.lang !== 'en') return null;
      const y = m[4] ? Number(m[4]) : ctx.refYear;
      if (y === undefined) return null;
      const mo = month(m[1], ctx);
      const [d1, d2] = [Number(m[2]), m[3] ? Number(m[3]) : null];
      if (d2 !== null && d2 <= d1) return null;
      return range(day(y, mo, d1), d2 === null ? null : day(y, mo, d2), !m[4]);
    },
  },
  // Month and year: "en février 2022", "November 2023", "octobre de 2021".
  {
    re: new RegExp(`${B}${MONTH}\\s+${OF}${YEAR}`, 'dgu'),
    parse: (m, ctx) => (monthOk(m, 1, ctx) ? monthValue(Number(m[2]), month(m[1], ctx), false) : null),
  },
  // Year first, as Hungarian, Latvian, Lithuanian and Estonian write it: "2021 októberében", "2021.
  // október 12.", "2021. gada oktobrī", "2021 m. spalio 12 d.", "2021. aasta oktoobris".
  {
    re: new RegExp(`(?<!\\d)${YEAR}(?:\\.|\\s*m\\.)?\\s*(?:gada\\s+|aasta\\s+)?${B}${MONTH}(?![\\p{L}])(?:\\s+(\\d{1,2})(?:\\.|\\s*d\\.)?(?!\\d))?`, 'dgu'),
    parse: (m, ctx) => {
      if (!ctx.lang || !YEAR_FIRST.has(ctx.lang) || !monthOk(m, 2, ctx)) return null;
      const [y, mo] = [Number(m[1]), month(m[2], ctx)];
      return m[3] ? day(y, mo, Number(m[3])) : monthValue(y, mo, false);
    },
  },
  // A month alone after a preposition, in the reference year: "en octobre", "le mois d'octobre",
  // "en janvier prochain" (next after the reference date).
  {
    re: new RegExp(`${B}(?:en|in|im|em|au mois d'|au mois de|le mois d'|le mois de|in the month of)\\s*${MONTH}\\b(?:\\s+(prochain|dernier|next|last))?(?!\\s*,?\\s*(?:de\\s+)?\\d)`, 'dgu'),
    parse: (m, ctx) => {
      if (!monthOk(m, 1, ctx) || ctx.refYear === undefined) return null;
      const mo = month(m[1], ctx);
      if (!m[2]) return monthValue(ctx.refYear, mo, true);
      if (ctx.refMonth === undefined) return null;
      const next = m[2] === 'prochain' || m[2] === 'next';
      const y = next ? (mo > ctx.refMonth ? ctx.refYear : ctx.refYear + 1) : mo < ctx.refMonth ? ctx.refYear : ctx.refYear - 1;
      return monthValue(y, mo, true);
    },
  },
  // A season and year: "au printemps 2023", "spring 2023", "im Herbst 2021".
  {
    re: new RegExp(`${B}${SEASON}\\s+${OF}${YEAR}`, 'dgu'),
    parse: (m, ctx) => {
      const s = seasonOf(m[1], ctx.lang);
      return s ? season(Number(m[2]), s, false) : null;
    },
  },
  // Next season: "au printemps prochain", "next spring".
  {
    re: new RegExp(`\\b(?:${SEASON}\\s+(?:prochain|prochaine)|next\\s+${SEASON})\\b`, 'dgu'),
    parse: (m, ctx) => {
      if (ctx.refYear === undefined || ctx.refMonth === undefined) return null;
      const s = SEASONS[m[1] ?? m[2]];
      if (!s) return null;
      return season(ctx.refMonth < SEASON_MONTHS[s][0] ? ctx.refYear : ctx.refYear + 1, s, true);
    },
  },
  // Years: "2024-2026", "de 2024 à 2026", "from 2021 to 2023".
  {
    re: new RegExp(`(?:\\b(?:de|from|von|del|dal|van|entre|between)\\s+${YEAR}\\s+(?:a|to|bis|al|tot|et|and)\\s+${YEAR}|(?<![\\d\\-/.])${YEAR}\\s*[-–—‑]\\s*${YEAR}(?![\\-/.]?\\d))`, 'dgu'),
    parse: (m) => {
      const [a, b] = m[1] ? [Number(m[1]), Number(m[2])] : [Number(m[3]), Number(m[4])];
      if (b <= a || b - a > 20) return null;
      return { start: String(a), end: String(b), precision: 'year', yearInferred: false };
    },
  },
  // A decade: "the 2010s", "2010's", "die 2010er Jahre", "les années 2010", "los años 2010", "gli anni
  // 2010", "os anos 2010", "de jaren 2010": its ten years.
  {
    // Not "les années 2020 et 2021", "anni 2020-2022": years listed, not a decade.
    re: /(?<![\p{L}\p{N}])(?:((?:19|20)\d)0(?:['’]?s|er)(?![\p{L}\d])|(?:annees|anos|anni|jaren)\s+((?:19|20)\d)0(?![\d])(?!\s*(?:[-–—]|et|e|y|i|a|en|and|und|tot|à|au)\s*(?:19|20)\d{2}))/dgu,
    parse: (m) => {
      const decade = m[1] ?? m[2];
      return { start: `${decade}0`, end: `${decade}9`, precision: 'year', yearInferred: false };
    },
  },
  // A part of a year: "Fin 2020, les commissaires…", "début 2021", "mi-2021", "at the end of 2020",
  // "early 2021", "Ende 2020", "a finales de 2020", "alla fine del 2020", "no início de 2021", "eind
  // 2020". Read as the year: which months "late" covers is the writer's, not ours to state.
  {
    re: new RegExp(
      `${B}(?:fin|debut|mi|end|beginning|early|late|mid|ende|anfang|mitte|finales|principios|mediados|fine|inizio|final|inicio|meados|eind|begin|medio)(?:\\s+(?:de\\s+l'annee|of\\s+the\\s+year|de|of|del|dell'|do|da|van))?(?:\\s+|-)${YEAR}`,
      'dgu',
    ),
    parse: (m) => ({ start: m[1], end: null, precision: 'year', yearInferred: false }),
  },
  // A lone year after a preposition of time: "en 2023", "in 2021", "im Jahr 2020".
  {
    re: new RegExp(`\\b(?:en|in|im|em|nel|durant|pendant|during|courant|im jahr|in the year)\\s+${YEAR}`, 'dgu'),
    parse: (m) => ({ start: m[1], end: null, precision: 'year', yearInferred: false }),
  },
];

/** Every date expression found in `text`, in order; overlapping readings keep the longest. */
export function findDateExpressions(text: string, options: DateParseOptions = {}): DateValue[] {
  const folded = foldKeepingOffsets(text);
  const ref = options.refDate?.match(/^(\d{4})-(\d{2})/);
  const ctx: Context = {
    original: text,
    lang: options.lang,
    refYear: options.refYear ?? (ref ? Number(ref[1]) : undefined),
    refMonth: ref ? Number(ref[2]) : undefined,
  };
  const found: Match[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const value = rule.parse(m, ctx);
      // A trailing space or comma is not part of the expression as written.
      if (value) found.push({ index: m.index, length: m[0].replace(/[\s,]+$/, '').length, value });
    }
  }
  found.sort((a, b) => b.length - a.length || a.index - b.index);
  const kept: Match[] = [];
  for (const f of found) {
    if (kept.every((k) => f.index + f.length <= k.index || k.index + k.length <= f.index)) kept.push(f);
  }
  return kept.sort((a, b) => a.index - b.index).map((k) => ({ text: text.slice(k.index, k.index + k.length), index: k.index, ...k.value }));
}

/** The date values of a text (what `findDateExpressions` finds), for comparing texts by value. */
export function dateValuesIn(text: string, lang?: string, refYear?: number): DateValue[] {
  return findDateExpressions(text, { lang, refYear });
}

/** True when two expressions denote the same date or range ("26 and 27 May 2021" = "les 26 et 27 mai 2021"). */
export function sameDateValue(a: Pick<DateValue, 'start' | 'end' | 'precision'>, b: Pick<DateValue, 'start' | 'end' | 'precision'>): boolean {
  return a.precision === b.precision && a.start === b.start && (a.end ?? a.start) === (b.end ?? b.start);
}

/** First day of a value ('YYYY-MM-DD'): where a range starts, for sorting and "from" filters. */
export function firstDay(v: Pick<DateValue, 'start'>): string {
  const [y, m = '01', d = '01'] = v.start.split('-');
  return `${y}-${m}-${d}`;
}

/** Last day of a value ('YYYY-MM-DD'): an event is past once today is after it. */
export function lastDay(v: Pick<DateValue, 'start' | 'end'>): string {
  const [y, m, d] = (v.end ?? v.start).split('-');
  if (d) return `${y}-${m}-${d}`;
  if (m) return `${y}-${m}-${pad(daysInMonth(Number(y), Number(m)))}`;
  return `${y}-12-31`;
}

function day(y: number, mo: number, d: number): Match['value'] | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { start: `${y}-${pad(mo)}-${pad(d)}`, end: null, precision: 'day', yearInferred: false };
}

function range(start: Match['value'] | null, end: Match['value'] | null, yearInferred: boolean): Match['value'] | null {
  if (!start) return null;
  if (end === null) return { ...start, yearInferred };
  if (!end || end.start <= start.start) return null;
  return { ...start, end: end.start, yearInferred };
}

function monthValue(y: number, mo: number, yearInferred: boolean): Match['value'] {
  return { start: `${y}-${pad(mo)}`, end: null, precision: 'month', yearInferred };
}

function season(y: number, s: keyof typeof SEASON_MONTHS, yearInferred: boolean): Match['value'] {
  const [from, to] = SEASON_MONTHS[s];
  return { start: `${y}-${pad(from)}`, end: `${y}-${pad(to)}`, precision: 'season', yearInferred };
}

function month(name: string, ctx?: Context): number {
  return monthNumber(name, ctx?.lang)!;
}

/** "may"/"march" name a month only when written with a capital (the English words otherwise). */
function monthOk(m: RegExpExecArray, group: number, ctx: Context): boolean {
  // A month of another language than the text's is a word of this one (Estonian "mai" aside, Polish
  // "maja" is a name in a French text).
  if (monthNumber(m[group], ctx.lang) === undefined) return false;
  if (!WORD_MONTHS.has(m[group])) return true;
  const first = ctx.original.charAt(m.indices![group][0]);
  return first !== first.toLowerCase();
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Lower case without accents, one character for one, so offsets in the folded text are offsets in
 * the original ("Février" → "fevrier"; "’" → "'"; no-break spaces → spaces).
 */
export function foldKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    let f = ch
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (/[\u2018\u2019\u02bc]/.test(ch)) f = "'";
    else if (/[\u00a0\u202f\u2007]/.test(ch)) f = ' ';
    // A character that folds to more or fewer ("ß", "ﬁ", an astral symbol) is kept as it is.
    out += f.length === ch.length ? f : ch;
  }
  return out;
}
