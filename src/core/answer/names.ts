/**
 * Proper names in a generated sentence, and whether a passage holds them, across languages: a name
 * is compared by its letters without accents ("Economie" / "Économie"), through a small table of
 * exonyms for the places the articles name ("Straßburg", "Brüssel", "Brussels" / "Bruxelles"), and
 * by close spelling ("Lisbon" / "Lisbonne", "European" / "européen").
 */
import { indexStopwords } from '../text/analyzer.js';
import { MONTH_NUMBER } from '../text/months.js';
import { normalizeText, wordSimilarity } from '../text/normalize.js';
import { PLACE_SPELLINGS } from '../text/place-names.js';
import type { LanguageCode } from '../types.js';

/**
 * Spellings that name one thing (accent-folded, ß as ss): the places of the shared table
 * (text/place-names.ts, also used to write places in the reader's language) and the institutions
 * the articles name.
 */
const EXONYMS: string[][] = [
  ...PLACE_SPELLINGS,
  ['union europeenne', 'european union', 'europaische union', 'union europea', 'unione europea', 'uniao europeia', 'europese unie'],
  ['commission europeenne', 'european commission', 'europaische kommission', 'comision europea', 'commissione europea', 'comissao europeia', 'europese commissie'],
];
const EXONYM_GROUP = new Map<string, number>();
EXONYMS.forEach((group, i) => group.forEach((name) => EXONYM_GROUP.set(name, i)));

/** Whether a folded word is a place of the exonym table (in any of its spellings). */
export function isKnownPlace(word: string): boolean {
  return EXONYM_GROUP.has(word);
}

/** Accent-folded, ß as ss, punctuation to spaces: the form names are compared in. */
export function foldName(text: string): string {
  return normalizeText(text)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FUNCTION_WORDS = new Set(['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'].flatMap((l) => [...indexStopwords(l)]));
/** Capitalised in some languages, but dates, not names: compared as values (claim-values.ts). */
const CALENDAR_WORDS = new Set([
  ...Object.keys(MONTH_NUMBER),
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
]);

export interface NameCandidate {
  /** As written in the answer ("Nicolas Schmit", "Straßburg"). */
  text: string;
  /** Its words, folded. */
  words: string[];
}

// A capitalised word, an acronym ("EUSES", "NEC"), or a brand ("HelloAsso"); with inner hyphens.
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}\p{N}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

/**
 * The names a sentence writes: runs of capitalised words ("European Social Economy Summit",
 * "Nicolas Schmit"), and single ones. The sentence's first word is a name only when it has the
 * shape of one (an acronym or brand) or is a name some passage uses: otherwise it is any word that
 * opens a sentence. German capitalises every noun, so in German a single capitalised word counts
 * only when it is an acronym/brand or a name the passages use.
 */
export function nameCandidates(sentence: string, lang: LanguageCode, passageNames: Set<string>): NameCandidate[] {
  const out: NameCandidate[] = [];
  const matches = [...sentence.matchAll(CAPITALISED)];
  // The first letter-bearing word of the sentence (after markers and punctuation).
  const firstWord = sentence.match(/[\p{L}\p{N}]/u)?.index ?? 0;
  let run: { text: string; start: number; end: number; words: string[] }[] = [];
  const flush = () => {
    if (!run.length) return;
    const text = sentence.slice(run[0].start, run.at(-1)!.end);
    const words = run.flatMap((r) => r.words);
    const shaped = run.some((r) => /\p{Lu}.*\p{Lu}|\d/u.test(r.text));
    const initial = run[0].start === firstWord;
    // A name the passages use, or a place of the exonym table, in whatever spelling.
    const known = words.some((w) => passageNames.has(w) || EXONYM_GROUP.has(w));
    const single = run.length === 1;
    if (single && (initial || lang === 'de') && !shaped && !known) {
      run = [];
      return;
    }
    out.push({ text, words });
    run = [];
  };
  for (const m of matches) {
    const folded = foldName(m[0]);
    const words = folded.split(' ').filter(Boolean);
    // Function words ("The", "Le", "Der") open sentences and names alike: never part of a name.
    if (words.length === 1 && (FUNCTION_WORDS.has(words[0]) || CALENDAR_WORDS.has(words[0])) && !/\p{Lu}{2}/u.test(m[0])) {
      flush();
      continue;
    }
    const start = m.index;
    const prev = run.at(-1);
    // Words of one name are separated by a space only.
    if (prev && !/^\s+$/.test(sentence.slice(prev.end, start))) flush();
    run.push({ text: m[0], start, end: start + m[0].length, words });
  }
  flush();
  return out;
}

/** Capitalised words of a passage (folded): the names a sentence may borrow from it. */
export function passageNameWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CAPITALISED)) for (const w of foldName(m[0]).split(' ')) if (w && !FUNCTION_WORDS.has(w)) out.add(w);
  return out;
}

/** Whether a folded word of a name is written in `haystack` (a folded passage), maybe in another language's spelling. */
export function nameWordFound(word: string, haystackWords: Set<string>, haystack: string): boolean {
  if (haystackWords.has(word)) return true;
  if (/^\d+$/.test(word)) return haystackWords.has(word);
  const group = EXONYM_GROUP.get(word);
  if (group !== undefined && EXONYMS[group].some((alt) => (alt.includes(' ') ? ` ${haystack} `.includes(` ${alt} `) : haystackWords.has(alt)))) return true;
  if (word.length < 4) return false;
  for (const candidate of haystackWords) {
    if (candidate.length < 4) continue;
    // "Lisbon" / "Lisbonne", "Europa" / "Européen": one is the other's beginning (five letters at least).
    const [short, long] = word.length <= candidate.length ? [word, candidate] : [candidate, word];
    if (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3) return true;
    if (Math.abs(word.length - candidate.length) <= 3 && wordSimilarity(word, candidate) >= 0.6) return true;
    // Cognates that part at the ending: "Commissioner" / "commissaire", "Cooperative" / "coopératif".
    let common = 0;
    while (common < short.length && short[common] === long[common]) common++;
    if (common >= 6 && common >= 0.6 * short.length) return true;
  }
  return false;
}

/** Whether a whole name (several words) is in the passage: each of its words, or its exonym as a phrase. */
export function nameFound(name: NameCandidate, haystackWords: Set<string>, haystack: string): boolean {
  const phrase = name.words.join(' ');
  const group = EXONYM_GROUP.get(phrase);
  if (group !== undefined && EXONYMS[group].some((alt) => ` ${haystack} `.includes(` ${alt} `))) return true;
  return name.words.every((w) => nameWordFound(w, haystackWords, haystack));
}
