/**
 * Passage vectors shared by replicas: an `Embedder` decorator that looks each passage up in
 * `soga_embeddings` by (model, SHA-256 of the text) before embedding, and stores what it embedded. A
 * replica whose index follows another's upload, a new replica, or an index rebuilt after a loss reads
 * the vectors instead of computing them again (multilingual-e5-small on 2 loaded cores: ~1 passage a
 * second; see docs/deploy.md). Queries are not cached: each question is embedded once, where it is asked.
 *
 * The key is the model id the index stores too (a new model re-embeds everything), and the text as the
 * pipeline hands it over; a vector of the wrong length is taken for a miss. When PostgreSQL cannot be
 * read or written, passages are embedded here as without the cache, and `warn` says so.
 */
import { createHash } from 'node:crypto';
import { describeError } from '../../core/errors.js';
import type { Embedder } from '../../core/ports.js';
import type { PgMigration, Sql } from './pg-database.js';

export const EMBEDDINGS = 'embeddings';

export const embeddingMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'passage vectors by model and text hash',
    sql: `
      create table soga_embeddings (
        model text not null,
        text_hash text not null,
        -- float32 little-endian, as the embedder returns it
        vector bytea not null,
        primary key (model, text_hash)
      );
    `,
  },
];

export class PgCachedEmbedder implements Embedder {
  /** Passages embedded here (cache misses) and found in the cache, since start: for logs and tests. */
  readonly counts = { embedded: 0, cached: 0 };

  constructor(
    private readonly inner: Embedder,
    private readonly sql: Sql,
    private readonly warn: (message: string) => void,
  ) {}

  get modelId(): string {
    return this.inner.modelId;
  }

  get dimension(): number {
    return this.inner.dimension;
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.inner.embedQueries(texts);
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const hashes = texts.map((t) => createHash('sha256').update(t).digest('hex'));
    const found = await this.lookup([...new Set(hashes)]);
    const missing = [...new Set(hashes.filter((h) => !found.has(h)))];
    if (missing.length) {
      const firstText = new Map<string, string>();
      hashes.forEach((h, i) => firstText.has(h) || firstText.set(h, texts[i]));
      const vectors = await this.inner.embedPassages(missing.map((h) => firstText.get(h)!));
      missing.forEach((h, i) => found.set(h, vectors[i]));
      await this.store(missing.map((h, i) => ({ hash: h, vector: vectors[i] })));
    }
    this.counts.embedded += missing.length;
    this.counts.cached += texts.length - missing.length;
    return hashes.map((h) => found.get(h)!);
  }

  private async lookup(hashes: string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    try {
      const rows = await this.sql<{ text_hash: string; vector: Buffer }[]>`
        select text_hash, vector from soga_embeddings where model = ${this.modelId} and text_hash = any(${hashes}::text[])`;
      for (const row of rows) {
        if (row.vector.length !== this.dimension * 4) continue;
        // A copy: the row's buffer may be a view into a larger one, not aligned for Float32Array.
        found.set(row.text_hash, new Float32Array(new Uint8Array(row.vector).buffer));
      }
    } catch (error) {
      this.warn(`warning: the shared passage vectors cannot be read from PostgreSQL (${describeError(error)}); embedding here instead`);
    }
    return found;
  }

  private async store(entries: { hash: string; vector: Float32Array }[]): Promise<void> {
    try {
      const rows = entries.map((e) => ({ model: this.modelId, text_hash: e.hash, vector: Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength) }));
      await this.sql`insert into soga_embeddings ${this.sql(rows, 'model', 'text_hash', 'vector')} on conflict do nothing`;
    } catch (error) {
      this.warn(`warning: the passage vectors computed here cannot be shared through PostgreSQL (${describeError(error)}); other replicas will embed them too`);
    }
  }
}
