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
  return {
    async translateUnknown(terms, lang, langs, stats) {
      const out = new Map<string, string[]>();
      const unknown = terms.filter((t) => stats.df(t.word) === 0).map((t) => t.word);
      if (!lexicon || !unknown.length) return out;
      for (const target of langs.filter((l) => l !== lang)) {
        const pair = `${lang}→${target}`;
        try {
          for (const [word, translated] of await lexicon.translate(unknown, lang, target)) out.set(word, [...(out.get(word) ?? []), ...translated]);
          down.delete(pair);
        } catch (error) {
          // A broken dictionary file costs the cross-lingual matches, not the answer; said once per outage of each pair.
          if (!down.has(pair)) warn(`the ${pair} dictionary could not be read, questions are matched without it: ${describeError(error)}`);
          down.add(pair);
        }
      }
      return out;
    },
  };
}
