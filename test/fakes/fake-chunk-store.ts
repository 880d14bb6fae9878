/**
 * An in-memory ChunkStore for core tests: lexical hits by shared analysed terms (the same analyzer as
 * the real store), n-gram hits by shared trigrams, vector hits by cosine when vectors are stored.
 */
import type { ChunkStore, SearchRequest, TermStats } from '../../src/core/ports.js';
import type { ChunkRecord, ChunkWithVector, DocumentRecord, Hit, RetrievalLists } from '../../src/core/types.js';
import { analyzePassage, analyzeQuery } from '../../src/core/text/analyzer.js';
import { charNgrams, words } from '../../src/core/text/normalize.js';
import { searchableText } from '../../src/core/retrieval/passage-text.js';

export class FakeChunkStore implements ChunkStore {
  docs = new Map<string, DocumentRecord>();
  chunks = new Map<string, ChunkWithVector>();

  /** Convenience: one document per passage text. */
  static withPassages(passages: { title: string; text: string; lang?: string; date?: string | null }[]): FakeChunkStore {
    const store = new FakeChunkStore();
    passages.forEach((p, i) => {
      const docId = `doc-${i}`;
      const chunk: ChunkRecord = { id: `${docId}#0`, docId, title: p.title, source: `file-${i}.md`, lang: p.lang ?? 'fr', date: p.date ?? null, position: 0, section: null, text: p.text };
      store.docs.set(docId, {
        id: docId,
        title: p.title,
        source: chunk.source,
        sources: [chunk.source],
        lang: chunk.lang,
        date: chunk.date,
        contentHash: String(i),
        chunkCount: 1,
        ingestedAt: '2026-01-01T00:00:00Z',
        embedModel: null,
      });
      store.chunks.set(chunk.id, chunk);
    });
    return store;
  }

  async upsertDocument(doc: DocumentRecord, chunks: ChunkWithVector[]): Promise<void> {
    for (const [id, c] of this.chunks) if (c.docId === doc.id) this.chunks.delete(id);
    for (const c of chunks) this.chunks.set(c.id, c);
    this.docs.set(doc.id, doc);
  }
  async addDocuments(entries: { doc: DocumentRecord; chunks: ChunkWithVector[] }[]): Promise<void> {
    for (const { doc, chunks } of entries) await this.upsertDocument(doc, chunks);
  }
  async deleteDocument(docId: string): Promise<void> {
    this.docs.delete(docId);
    for (const [id, c] of this.chunks) if (c.docId === docId) this.chunks.delete(id);
  }
  async listDocuments(): Promise<DocumentRecord[]> {
    return [...this.docs.values()];
  }
  async getChunks(ids: string[]): Promise<ChunkRecord[]> {
    return ids.map((id) => this.chunks.get(id)).filter((c): c is ChunkWithVector => Boolean(c));
  }
  async corpusLanguages(): Promise<string[]> {
    return [...new Set([...this.docs.values()].map((d) => d.lang))];
  }
  async countChunks(): Promise<number> {
    return this.chunks.size;
  }
  async prepare(): Promise<{ reset: boolean }> {
    return { reset: false };
  }
  async optimize(): Promise<void> {}
  async removeOrphans(): Promise<number> {
    return 0;
  }
  async termStats(): Promise<TermStats> {
    const df = new Map<string, number>();
    for (const c of this.chunks.values()) for (const w of new Set(words(`${c.title} ${c.text}`))) df.set(w, (df.get(w) ?? 0) + 1);
    return { total: this.chunks.size, df: (w) => df.get(w) ?? 0 };
  }

  async search(req: SearchRequest): Promise<RetrievalLists> {
    const q = new Set(analyzeQuery(req.text, req.analyzeAs));
    const grams = new Set(words(req.text).flatMap((w) => charNgrams(w)));
    const lexical: Hit[] = [];
    const ngram: Hit[] = [];
    const vector: Hit[] = [];
    for (const c of this.chunks.values()) {
      const terms = analyzePassage(searchableText(c), c.lang);
      const shared = terms.filter((t) => q.has(t)).length;
      if (shared) lexical.push({ chunk: c, score: shared });
      const g = words(searchableText(c))
        .flatMap((w) => charNgrams(w))
        .filter((x) => grams.has(x)).length;
      if (g) ngram.push({ chunk: c, score: g });
      if (req.vector && c.vector) {
        let dot = 0;
        for (let i = 0; i < c.vector.length; i++) dot += c.vector[i] * req.vector[i];
        vector.push({ chunk: c, score: dot });
      }
    }
    const top = (list: Hit[]) => list.sort((a, b) => b.score - a.score).slice(0, req.k);
    return { lexical: top(lexical), ngram: top(ngram), vector: top(vector) };
  }
}
