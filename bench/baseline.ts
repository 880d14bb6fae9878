/**
 * The plain in-process references the benchmark compares LanceDB with: exact cosine over one
 * Float32Array, and BM25 (k1 1.2, b 0.75, the usual Lucene/tantivy constants) over the same stems as
 * the `lex` column. Both run on the JavaScript thread, which is the point of the comparison: they are
 * fast alone and serialise under concurrent queries.
 */

export interface Scored {
  index: number;
  score: number;
}

/** Keeps the k best (highest score) of a stream, in a small sorted array. */
class TopK {
  readonly items: Scored[] = [];
  constructor(private readonly k: number) {}

  push(index: number, score: number): void {
    const items = this.items;
    if (items.length === this.k && score <= items[items.length - 1].score) return;
    let i = items.length < this.k ? items.length : this.k - 1;
    if (items.length < this.k) items.push({ index, score });
    while (i > 0 && items[i - 1].score < score) {
      items[i] = items[i - 1];
      i--;
    }
    items[i] = { index, score };
  }
}

/** Exact cosine search over normalised vectors stored row after row. */
export class FlatCosine {
  constructor(
    private readonly data: Float32Array,
    private readonly dimension: number,
  ) {}

  get size(): number {
    return this.data.length / this.dimension;
  }

  search(query: Float32Array, k: number): Scored[] {
    const { data, dimension } = this;
    let qn = 0;
    for (let j = 0; j < dimension; j++) qn += query[j] * query[j];
    qn = Math.sqrt(qn) || 1;
    const top = new TopK(k);
    for (let i = 0, off = 0; off < data.length; i++, off += dimension) {
      let dot = 0;
      let n = 0;
      for (let j = 0; j < dimension; j++) {
        const x = data[off + j];
        dot += x * query[j];
        n += x * x;
      }
      top.push(i, dot / ((Math.sqrt(n) || 1) * qn));
    }
    return top.items;
  }
}

/** BM25 over whitespace-separated pre-analysed stems (the `lex` column). */
export class Bm25 {
  private readonly postings = new Map<string, { docs: number[]; tfs: number[] }>();
  private readonly lengths: Uint32Array;
  private readonly avgdl: number;
  private readonly scores: Float64Array;

  constructor(
    docs: string[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.lengths = new Uint32Array(docs.length);
    let total = 0;
    docs.forEach((text, i) => {
      const counts = new Map<string, number>();
      let len = 0;
      for (const term of text.split(' ')) {
        if (!term) continue;
        counts.set(term, (counts.get(term) ?? 0) + 1);
        len++;
      }
      this.lengths[i] = len;
      total += len;
      for (const [term, tf] of counts) {
        let p = this.postings.get(term);
        if (!p) this.postings.set(term, (p = { docs: [], tfs: [] }));
        p.docs.push(i);
        p.tfs.push(tf);
      }
    });
    this.avgdl = total / Math.max(1, docs.length);
    this.scores = new Float64Array(docs.length);
  }

  search(terms: string[], k: number): Scored[] {
    const n = this.lengths.length;
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i];
        const tf = p.tfs[i];
        if (this.scores[d] === 0) touched.push(d);
        this.scores[d] += (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * this.lengths[d]) / this.avgdl));
      }
    }
    const top = new TopK(k);
    for (const d of touched) {
      top.push(d, this.scores[d]);
      this.scores[d] = 0;
    }
    return top.items;
  }
}
