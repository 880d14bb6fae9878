/**
 * A Lexicon for core tests: the test lists the translations; every call is recorded, and the
 * lexicon can be made to fail like an unreadable dictionary file.
 */
import type { Lexicon } from '../../src/core/ports.js';

export class FakeLexicon implements Lexicon {
  /** Every translate() call: the words asked for and the pair. */
  readonly calls: { words: string[]; from: string; to: string }[] = [];
  failure: Error | null = null;

  /** `entries[from-to][word]`: e.g. { 'de-fr': { mitglieder: ['membre'] } } */
  constructor(private readonly entries: Record<string, Record<string, string[]>>) {}

  async translate(words: string[], from: string, to: string): Promise<Map<string, string[]>> {
    this.calls.push({ words, from, to });
    if (this.failure) throw this.failure;
    const table = this.entries[`${from}-${to}`] ?? {};
    return new Map(words.filter((w) => table[w]).map((w) => [w, table[w]]));
  }
}
