/**
 * Dictionary translations of the question's topic words that the corpus never uses, into each other
 * language of the corpus (and the names of a country the question names, text/country-names.ts). Words the corpus knows are left alone: they already match, and a
 * dictionary's other senses would only add noise.
 */
import { describeError } from '../errors.js';
import type { Lexicon, TermStats, Thesaurus } from '../ports.js';
import { words } from '../text/normalize.js';
import { countryInOtherLanguages } from '../text/country-names.js';
import type { LanguageCode } from '../types.js';
import type { WeightedTerm } from '../answer/matching.js';

export interface QueryTranslator {
  translateUnknown(terms: WeightedTerm[], lang: LanguageCode, langs: LanguageCode[], stats: TermStats): Promise<Map<string, string[]>>;
  /**
   * Synonyms, in the corpus languages, of the question's words that the corpus never uses: "attendees"
   * → "participant", "set up" → "found" → "fonder". Those in the question's language if the corpus is
   * written in it, and their translations.
   */
  synonymsOfUnknown(question: string, terms: WeightedTerm[], lang: LanguageCode, langs: LanguageCode[], stats: TermStats): Promise<Synonyms>;
}

/** Translations kept per synonym. */
const SYNONYM_TRANSLATIONS = 2;

export interface Synonyms {
  /** Per word of the question, its synonyms (or their translations) in the corpus languages. */
  byWord: Map<string, string[]>;
  /**
   * Words read with the next one as a phrase the thesaurus lists ("set" of "set up"): their
   * dictionary translations are of the word alone ("set" → "ensemble"), another sense.
   */
  inPhrases: Set<string>;
}

export function createQueryTranslator(lexicon: Lexicon | null, warn: (message: string) => void, thesaurus: Thesaurus | null = null): QueryTranslator {
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
      // A country, or its adjective ("Nederlandse"), as the articles' languages write it ("Pays-Bas"):
      // from the runtime's CLDR names, with or without dictionaries.
      for (const word of unknown) {
        const country = countryInOtherLanguages(word, lang, langs);
        if (country.length) out.set(word, country);
      }
      if (!lexicon || !unknown.length) return out;
      for (const target of langs.filter((l) => l !== lang)) await lookUp(out, unknown, lang, target);
      // A word no dictionary of the question's language lists may be an English one it borrowed
      // ("workshop", "podcast" in a Portuguese question): it is looked up as English.
      const borrowed = lang === 'en' ? [] : unknown.filter((w) => !out.has(w));
      if (borrowed.length) for (const target of langs.filter((l) => l !== 'en' && l !== lang)) await lookUp(out, borrowed, 'en', target);
      return out;
    },
    async synonymsOfUnknown(question, terms, lang, langs, stats) {
      const byWord = new Map<string, string[]>();
      const inPhrases = new Set<string>();
      const wanted = terms.filter((t) => stats.df(t.word) === 0).map((t) => t.word);
      if (!thesaurus || !wanted.length) return { byWord, inPhrases };
      // A word with the next one may be a phrase the thesaurus lists ("set up", "take place"): it comes first.
      const tokens = words(question);
      const phrases = new Map(wanted.map((w) => [w, tokens.includes(w) && tokens[tokens.indexOf(w) + 1] ? `${w} ${tokens[tokens.indexOf(w) + 1]}` : null]));
      let found: Map<string, string[]>;
      try {
        found = await thesaurus.synonyms([...wanted, ...[...phrases.values()].filter((p): p is string => p !== null)], lang);
        down.delete(`thesaurus ${lang}`);
      } catch (error) {
        if (!down.has(`thesaurus ${lang}`)) warn(`the ${lang} thesaurus could not be read, questions are matched without it: ${describeError(error)}`);
        down.add(`thesaurus ${lang}`);
        return { byWord, inPhrases };
      }
      for (const word of wanted) {
        const phrase = phrases.get(word);
        if (phrase && found.get(phrase)?.length) inPhrases.add(word);
        const synonyms = (phrase && found.get(phrase)) || found.get(word);
        if (!synonyms?.length) continue;
        const inCorpus = langs.includes(lang) ? synonyms : [];
        const translated = new Map<string, string[]>();
        for (const target of langs.filter((l) => l !== lang)) await lookUp(translated, synonyms, lang, target);
        // A synonym's first translations only: its later senses are a step further from the question's word.
        const all = [...new Set([...inCorpus, ...[...translated.values()].flatMap((list) => list.slice(0, SYNONYM_TRANSLATIONS))])];
        if (all.length) byWord.set(word, all);
      }
      return { byWord, inPhrases };
    },
  };
}
