/**
 * A question that asks for several things of one kind ("Quels sont les projets du SOGA ?", "Which
 * countries took part…?", "Welche Partner…?", "Over welke thema's…?"): its answer is the passage's list,
 * not the one item a sentence names. Read from the plural interrogative of the question's language (an
 * English or Spanish "which / what / qué" before a plural noun). Accent-folded.
 */
import { normalizeText } from '../text/normalize.js';
import type { LanguageCode } from '../types.js';

/** Interrogatives that are plural whatever follows them. */
const PLURAL: Record<string, string[]> = {
  fr: ['quels', 'quelles'],
  es: ['cuales'],
  it: ['quali'],
  pt: ['quais'],
  sv: ['vilka'],
  da: ['hvilke'],
  pl: ['jakie', 'ktore'],
  ca: ['quins', 'quines'],
};

/**
 * Interrogatives that ask for several things when the word after them looks plural: English's and
 * Spanish's "which / what / qué" before a noun in -s; German "welche" and Dutch "welke", which also go
 * with a singular noun ("Welche Stadt…?", "In welke stad…?"), before one with a plural ending.
 */
const BEFORE_PLURAL: Record<string, { words: string[]; plural: RegExp }> = {
  en: { words: ['which', 'what'], plural: /[^'s]s$/ },
  es: { words: ['que'], plural: /[^'s]s$/ },
  pt: { words: ['que'], plural: /[^'s]s$/ },
  de: { words: ['welche'], plural: /(?:en|er|e|s)$/ },
  nl: { words: ['welke'], plural: /(?:en|'s|s)$/ },
};

/** Words ending like a plural that are not nouns: "What does…", "What was…", "What is its…". */
const NOT_PLURAL = new Set(['does', 'was', 'has', 'this', 'its', 'his', 'hers', 'happens', 'means', 'mas', 'los', 'las', 'dos']);

export function asksForList(question: string, lang: LanguageCode): boolean {
  const tokens = normalizeText(question).match(/[\p{L}\p{N}']+/gu) ?? [];
  const plural = new Set(PLURAL[lang] ?? []);
  if (tokens.some((t) => plural.has(t))) return true;
  const before = BEFORE_PLURAL[lang];
  // The word right after it: further on, an "-s" is as often a verb's ("Which city hosts…?").
  return Boolean(before) && tokens.some((t, i) => before.words.includes(t) && i + 1 < tokens.length && tokens[i + 1].length > 3 && before.plural.test(tokens[i + 1]) && !NOT_PLURAL.has(tokens[i + 1]));
}

/** Whether a quotable window is a list: items after a lead-in (joined by " ; "), or a run of commas. */
export function isListWindow(text: string): boolean {
  return (text.match(/ ; /g)?.length ?? 0) >= 2 || (text.match(/,/g)?.length ?? 0) >= 4;
}
