/**
 * A Thesaurus for core tests: the test lists the synonyms per language; every call is recorded, and
 * the thesaurus can be made to fail like an unreadable file.
 */
import type { Thesaurus } from '../../src/core/ports.js';

export class FakeThesaurus implements Thesaurus {
  readonly calls: { words: string[]; lang: string }[] = [];
  failure: Error | null = null;

  /** `entries[lang][word]`: e.g. { en: { visitors: ['guest', 'caller'] } } */
  constructor(
    private readonly entries: Record<string, Record<string, string[]>>,
    /** Words a language's thesaurus lists without synonyms to give (knownWords). */
    private readonly headwords: Record<string, string[]> = {},
    /** How many headwords a language's thesaurus says it has (default: as many as a full one). */
    private readonly sizes: Record<string, number> = {},
  ) {}

  async synonyms(words: string[], lang: string): Promise<Map<string, string[]>> {
    this.calls.push({ words, lang });
    if (this.failure) throw this.failure;
    const table = this.entries[lang] ?? {};
    return new Map(words.filter((w) => table[w]).map((w) => [w, table[w]]));
  }

  /** The words a language's entries list as headwords, or among `headwords[lang]`; null for a language with neither. */
  async knownWords(words: string[], lang: string): Promise<{ known: Set<string>; headwords: number } | null> {
    if (this.failure) throw this.failure;
    const listed = new Set([...Object.keys(this.entries[lang] ?? {}), ...(this.headwords[lang] ?? [])]);
    if (!this.entries[lang] && !this.headwords[lang]) return null;
    return { known: new Set(words.filter((w) => listed.has(w))), headwords: this.sizes[lang] ?? 150_000 };
  }
}
