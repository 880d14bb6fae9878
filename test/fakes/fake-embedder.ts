/**
 * An Embedder for core tests: the test says which vector each text gets (unit length, so the fake
 * store's dot product is the cosine), and can make it fail the way a dead endpoint or a crashed worker
 * does, to check that answering goes on without vectors.
 */
import type { Embedder } from '../../src/core/ports.js';

function unit(v: number[]): Float32Array {
  const norm = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / norm);
}

export class FakeEmbedder implements Embedder {
  readonly dimension: number;
  /** Every embedQueries call, in order. */
  readonly queries: string[] = [];
  /** While set, every call rejects with this error. */
  failure: Error | null = null;
  private readonly table: Map<string, Float32Array>;

  constructor(
    vectors: Record<string, number[]>,
    readonly modelId = 'fake-embedder',
  ) {
    this.table = new Map(Object.entries(vectors).map(([text, v]) => [text, unit(v)]));
    this.dimension = Object.values(vectors)[0]?.length ?? 3;
  }

  /** The vector of a text the test declared (throws for any other: a test should not rely on chance). */
  vector(text: string): Float32Array {
    const v = this.table.get(text);
    if (!v) throw new Error(`FakeEmbedder: no vector declared for ${JSON.stringify(text.slice(0, 60))}`);
    return v;
  }

  async embedQueries(texts: string[]): Promise<Float32Array[]> {
    this.queries.push(...texts);
    if (this.failure) throw this.failure;
    return texts.map((t) => this.vector(t));
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    if (this.failure) throw this.failure;
    return texts.map((t) => this.vector(t));
  }
}
