/**
 * Dictionary translations of the question's topic words that the corpus never uses, into each other
 * language of the corpus. Words the corpus knows are left alone: they already match, and a
 * dictionary's other senses would only add noise.
 */
import { describeError } from '../errors.js';
import type { Lexicon, TermStats } from '../ports.js';
import type { LanguageCode } from '../types.js';
import type { WeightedTerm } from '../answer/matching.js';

export interface QueryTranslator {
  translateUnknown(terms: WeightedTerm[], lang: LanguageCode, langs: LanguageCode[], stats: TermStats): Promise<Map<string, string[]>>;
}

export function createQueryTranslator(lexicon: Lexicon | null, warn: (message: string) => void): QueryTranslator {
  const down = new Set<string>();
  const lookUp = async (out: Map<string, string[]>, words: string[], from: LanguageCode, to: LanguageCode) => {
    const pair = `${from}→${to}`;
    try {
      for (const [word, translated] of await lexicon!.translate(words, from, to)) out.set(word, [...(out.get(word) ?? []), ...translated]);
      down.delete(pair);
    } catch (error) {
      // A broken dictionary file costs the cross-lingual matches, not the answer; said once per outage of each pair.
      if (!down.has(pair)) warn(`the ${pair} dictionary could not be read, questions are matched without it: ${describeError(error)}`);
      down.add(pair);
    }
  };
  return {
    async translateUnknown(terms, lang, langs, stats) {
      const out = new Map<string, string[]>();
      const unknown = terms.filter((t) => stats.df(t.word) === 0).map((t) => t.word);
      if (!lexicon || !unknown.length) return out;
      for (const target of langs.filter((l) => l !== lang)) await lookUp(out, unknown, lang, target);
      // A word no dictionary of the question's language lists may be an English one it borrowed
      // ("workshop", "podcast" in a Portuguese question): it is looked up as English.
      const borrowed = lang === 'en' ? [] : unknown.filter((w) => !out.has(w));
      if (borrowed.length) for (const target of langs.filter((l) => l !== 'en' && l !== lang)) await lookUp(out, borrowed, 'en', target);
      return out;
    },
  };
}
