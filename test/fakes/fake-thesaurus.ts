/**
 * A Thesaurus for core tests: the test lists the synonyms per language; every call is recorded, and
 * the thesaurus can be made to fail like an unreadable file.
 */
import type { Thesaurus } from '../../src/core/ports.js';

export class FakeThesaurus implements Thesaurus {
  readonly calls: { words: string[]; lang: string }[] = [];
  failure: Error | null = null;

  /** `entries[lang][word]`: e.g. { en: { visitors: ['guest', 'caller'] } } */
  constructor(private readonly entries: Record<string, Record<string, string[]>>) {}

  async synonyms(words: string[], lang: string): Promise<Map<string, string[]>> {
    this.calls.push({ words, lang });
    if (this.failure) throw this.failure;
    const table = this.entries[lang] ?? {};
    return new Map(words.filter((w) => table[w]).map((w) => [w, table[w]]));
  }
}
