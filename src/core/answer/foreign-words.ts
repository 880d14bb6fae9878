/**
 * The passages' words that belong to their own language and not to the answer's: "charte", "membres",
 * "plaidoyer" in French passages, for an English answer. A small model copies such words into a
 * translated sentence ("members sign a charte"); with no accent and no ending English never writes,
 * only a lexicon tells them apart from English. The thesauri do, cheaply (their indexes, no entry is
 * read): a word the passage language's thesaurus lists and the answer language's does not. Words a
 * passage in the answer's language writes, and the answer language's little words, are never foreign.
 * Loans the passage language's thesaurus does not list ("hackathon", "coworking") are not either, nor
 * words of a language whose thesaurus is too small to miss only foreign words (MIN_HEADWORDS_TO_RULE_OUT).
 */
import type { Thesaurus } from '../ports.js';
import { indexStopwords } from '../text/analyzer.js';
import { normalizeText } from '../text/normalize.js';
import type { FusedHit, LanguageCode } from '../types.js';

/** Shorter words are too often a word of both languages under another meaning ("sur", "pour"). */
const MIN_LETTERS = 4;

/**
 * A thesaurus must list this many headwords for a word it lacks to be taken as not of its language:
 * Debian's English (WordNet, 146k) and German (OpenThesaurus, 114k) do; the Spanish one (22k) lacks
 * "social", the Italian (26k) "micro", the Portuguese has 51k.
 */
export const MIN_HEADWORDS_TO_RULE_OUT = 100_000;

/** Folded word → the language whose word it is; empty when either language has no thesaurus. */
export async function foreignPassageWords(thesaurus: Thesaurus, passages: readonly FusedHit[], lang: LanguageCode): Promise<Map<string, LanguageCode>> {
  const out = new Map<string, LanguageCode>();
  // A word of a hyphenated compound is not judged ("micro" of "micro-dons"): prefixes are in no thesaurus.
  const wordsOf = (hit: FusedHit) => (normalizeText(`${hit.chunk.title} ${hit.chunk.text}`).match(/\p{L}+(?:-\p{L}+)*/gu) ?? []).filter((w) => !w.includes('-'));
  const ownWords = new Set(passages.filter((p) => p.chunk.lang === lang).flatMap(wordsOf));
  const stop = indexStopwords(lang);
  const byLang = new Map<LanguageCode, Set<string>>();
  for (const hit of passages) {
    if (hit.chunk.lang === lang) continue;
    const set = byLang.get(hit.chunk.lang) ?? new Set<string>();
    for (const w of wordsOf(hit)) if (w.length >= MIN_LETTERS && !ownWords.has(w) && !stop.has(w)) set.add(w);
    byLang.set(hit.chunk.lang, set);
  }
  if (!byLang.size) return out;
  const asked = await thesaurus.knownWords([...new Set([...byLang.values()].flatMap((s) => [...s]))], lang);
  if (!asked || asked.headwords < MIN_HEADWORDS_TO_RULE_OUT) return out;
  for (const [passageLang, candidates] of byLang) {
    const theirs = await thesaurus.knownWords([...candidates], passageLang);
    for (const w of theirs?.known ?? []) if (!asked.known.has(w)) out.set(w, passageLang);
  }
  return out;
}
