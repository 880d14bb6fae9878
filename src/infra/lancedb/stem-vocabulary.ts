/**
 * The stems of the `lex` column with the number of passages that use each, and a symmetric-delete
 * index (the idea of SymSpell, for edit distance 1) that finds the stems one edit away from a word
 * without scanning the vocabulary: two words are within one edit only if they share a key — the word
 * itself, or the word with one letter removed. Keys are 32-bit hashes in two typed arrays (no
 * per-key objects), sorted in linear time when a store reads the vocabulary: 73k stems (1M synthetic
 * passages) take ~12 MB of heap and ~0.1 s to read and index.
 *
 * Edits are Levenshtein's (insert, delete, substitute; a swap of two letters is two edits) and the
 * first letter is fixed, as in the LanceDB fuzzy query it replaces: without that, a short stem
 * ("ess") would also match "les", "des", "est".
 */

export class StemVocabulary {
  private constructor(
    /** Sorted, distinct. */
    private readonly stems: string[],
    private readonly counts: Uint32Array,
    /** Hash of each key, ascending, and the stem each key belongs to. */
    private readonly keyHashes: Uint32Array,
    private readonly keyStems: Uint32Array,
  ) {}

  /** Builds the vocabulary and its index from stem → number of passages. */
  static fromCounts(counts: Iterable<readonly [string, number]>): StemVocabulary {
    const entries = [...counts].filter(([stem]) => stem.length > 0);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const stems: string[] = [];
    const passages: number[] = [];
    for (const [stem, count] of entries) {
      // Duplicates (two sources of counts) add up.
      if (stems.at(-1) === stem) passages[passages.length - 1] += count;
      else {
        stems.push(stem);
        passages.push(count);
      }
    }
    let total = 0;
    for (const stem of stems) total += keyCount(stem);
    let keyHashes = new Uint32Array(total);
    let keyStems = new Uint32Array(total);
    let n = 0;
    stems.forEach((stem, id) => {
      forEachKey(stem, (hash) => {
        keyHashes[n] = hash;
        keyStems[n++] = id;
      });
    });
    // Radix sort by hash, 16 bits at a time (linear: this runs when a store reads the vocabulary).
    let spareHashes = new Uint32Array(total);
    let spareStems = new Uint32Array(total);
    for (const shift of [0, 16]) {
      const starts = new Uint32Array(65537);
      for (let i = 0; i < total; i++) starts[((keyHashes[i] >>> shift) & 0xffff) + 1]++;
      for (let b = 1; b <= 65536; b++) starts[b] += starts[b - 1];
      for (let i = 0; i < total; i++) {
        const at = starts[(keyHashes[i] >>> shift) & 0xffff]++;
        spareHashes[at] = keyHashes[i];
        spareStems[at] = keyStems[i];
      }
      [keyHashes, spareHashes] = [spareHashes, keyHashes];
      [keyStems, spareStems] = [spareStems, keyStems];
    }
    return new StemVocabulary(stems, Uint32Array.from(passages), keyHashes, keyStems);
  }

  /** Number of distinct stems. */
  get size(): number {
    return this.stems.length;
  }

  /** Approximate memory held: the typed arrays plus the stems' characters and V8 string headers. */
  get bytes(): number {
    let chars = 0;
    for (const stem of this.stems) chars += stem.length;
    return this.keyHashes.byteLength + this.keyStems.byteLength + this.counts.byteLength + chars + this.stems.length * 24;
  }

  /** How many passages use `stem` (0: not in the vocabulary). */
  passages(stem: string): number {
    const i = this.find(stem);
    return i < 0 ? 0 : this.counts[i];
  }

  has(stem: string): boolean {
    return this.find(stem) >= 0;
  }

  /**
   * The stems one edit away from `word` (itself excluded), first letter fixed, the ones used by more
   * passages first (ties in alphabetical order), at most `limit`.
   */
  neighbours(word: string, limit = Number.POSITIVE_INFINITY): string[] {
    if (!word || limit <= 0) return [];
    const found = new Set<number>();
    forEachKey(word, (hash) => {
      for (let i = this.lowerBound(hash); i < this.keyHashes.length && this.keyHashes[i] === hash; i++) found.add(this.keyStems[i]);
    });
    const ids = [...found].filter((id) => {
      const stem = this.stems[id];
      return stem !== word && stem[0] === word[0] && withinOneEdit(stem, word);
    });
    ids.sort((a, b) => this.counts[b] - this.counts[a] || a - b);
    return ids.slice(0, limit).map((id) => this.stems[id]);
  }

  /**
   * The query terms of the approximate list: `stems` (known or not: an unknown one simply matches
   * nothing), then, for each, at most `perStem` of its neighbours, without repeats.
   */
  expand(stems: readonly string[], perStem: number): string[] {
    const out = new Set(stems);
    for (const stem of stems) for (const near of this.neighbours(stem, perStem)) out.add(near);
    return [...out];
  }

  /** Every stem with its count, in order: what `fromCounts` takes back. */
  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.stems.length; i++) yield [this.stems[i], this.counts[i]];
  }

  private find(stem: string): number {
    let lo = 0;
    let hi = this.stems.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.stems[mid];
      if (s === stem) return mid;
      if (s < stem) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private lowerBound(hash: number): number {
    let lo = 0;
    let hi = this.keyHashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyHashes[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The keys of a word: the word, and the word with one letter removed at each position but the first
 * (the first letter is fixed, so a removal there can only pair with a removal of the same letter at
 * position 1, which gives the same string). Within one edit ⇒ a shared key: equal words share the
 * word; an insertion pairs the shorter word with a removal from the longer; a substitution at i pairs
 * the two removals at i.
 */
function forEachKey(word: string, visit: (hash: number) => void): void {
  visit(hashOf(word, -1));
  for (let skip = 1; skip < word.length; skip++) {
    // A run of equal letters gives the same key at each of its positions: one is enough.
    if (word[skip] === word[skip - 1] && skip > 1) continue;
    visit(hashOf(word, skip));
  }
}

function keyCount(word: string): number {
  let n = 1;
  for (let skip = 1; skip < word.length; skip++) if (!(word[skip] === word[skip - 1] && skip > 1)) n++;
  return n;
}

/** 32-bit FNV-1a over the UTF-16 code units of `word` without the one at `skip`. */
function hashOf(word: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Levenshtein distance ≤ 1 (insert, delete or substitute one UTF-16 code unit). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}
