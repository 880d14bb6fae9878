/**
 * The store's vector index on a real LanceDB table (synthetic clustered vectors, a low threshold so it
 * stays fast): no index while small, IVF_FLAT past the threshold with recall@10 ≥ 0.95 against exact
 * search, new passages folded in (vector and full-text indexes, fragments compacted), and retraining
 * when the table has doubled.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanceDbStore } from '../../../src/infra/lancedb/lancedb-store.js';
import type { ChunkWithVector, DocumentRecord } from '../../../src/core/types.js';

const DIM = 32;
const MODEL = 'test/synthetic';
const PER_DOC = 25;
const OPTIONS = { minRows: 600, minFloats: 0, minProbes: 4 };

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(11);
const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const centres = Array.from({ length: 24 }, () => Float32Array.from({ length: DIM }, gauss));

/** A point near one of the cluster centres, normalised like a sentence embedding. */
function vectorNear(): Float32Array {
  const c = centres[Math.floor(random() * centres.length)];
  const v = Float32Array.from(c, (x) => x + 0.9 * gauss());
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const WORDS = ['commons', 'coopérative', 'numérique', 'inclusion', 'données', 'europe', 'atelier', 'budget', 'réseau', 'formation'];

function doc(n: number): { doc: DocumentRecord; chunks: ChunkWithVector[] } {
  const id = `doc-${n}`;
  const chunks = Array.from({ length: PER_DOC }, (_, position) => ({
    id: `${id}#${position}`,
    docId: id,
    title: `Article ${n}`,
    source: `${id}.md`,
    lang: 'fr',
    date: null,
    position,
    section: null,
    text: `Passage ${position} ${WORDS[(n + position) % WORDS.length]} ${WORDS[(n * 3 + position) % WORDS.length]} projet${n}x${position}`,
    vector: vectorNear(),
  }));
  const record: DocumentRecord = {
    id,
    title: `Article ${n}`,
    source: `${id}.md`,
    sources: [`${id}.md`],
    lang: 'fr',
    date: null,
    contentHash: `hash-${n}`,
    chunkCount: PER_DOC,
    ingestedAt: '2025-01-01T00:00:00.000Z',
    embedModel: MODEL,
  };
  return { doc: record, chunks };
}

describe('vector index of the LanceDB store', () => {
  let dir: string;
  let store: LanceDbStore;
  let exact: LanceDbStore;
  let table: lancedb.Table;
  let added = 0;

  async function addDocs(count: number): Promise<ChunkWithVector[]> {
    const written: ChunkWithVector[] = [];
    for (let i = 0; i < count; i++) {
      const { doc: d, chunks } = doc(added++);
      await store.upsertDocument(d, chunks);
      written.push(...chunks);
    }
    return written;
  }

  async function vectorIndex() {
    return (await table.listIndices()).find((i) => i.columns.includes('vector'));
  }

  async function recallAt10(queries: Float32Array[]): Promise<number> {
    let sum = 0;
    for (const vector of queries) {
      const req = { text: '', vector, vectorModel: MODEL, k: 10, analyzeAs: ['fr'] };
      const [approx, truth] = await Promise.all([store.search(req), exact.search(req)]);
      const want = new Set(truth.vector.map((h) => h.chunk.id));
      expect(want.size).toBe(10);
      sum += approx.vector.filter((h) => want.has(h.chunk.id)).length / 10;
    }
    return sum / queries.length;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'soga-vector-index-'));
    store = await LanceDbStore.open({ dir, vectorIndex: OPTIONS });
    await store.prepare(MODEL, DIM);
    exact = await LanceDbStore.open({ dir, readConsistencySeconds: 0, vectorIndex: { exact: true } });
    table = await (await lancedb.connect(dir)).openTable('chunks');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds no vector index while the table is small, but the full-text indexes', async () => {
    await addDocs(12); // 300 passages, below the 600 of the test threshold
    await store.optimize();
    await table.checkoutLatest();
    expect(await vectorIndex()).toBeUndefined();
    const columns = (await table.listIndices()).flatMap((i) => i.columns);
    expect(columns).toEqual(expect.arrayContaining(['lex', 'grams']));
  });

  it('builds an IVF_FLAT index past the threshold, and keeps recall@10 ≥ 0.95 against exact search', async () => {
    await addDocs(28); // 1,000 passages
    await store.optimize();
    await table.checkoutLatest();
    const index = await vectorIndex();
    expect(index?.indexType).toMatch(/IVF_?FLAT/i);
    const stats = await table.indexStats(index!.name);
    expect(stats).toMatchObject({ numIndexedRows: 1000, numUnindexedRows: 0, distanceType: 'cosine' });
    const state = JSON.parse(await readFile(path.join(dir, 'vector-index.json'), 'utf8'));
    expect(state).toMatchObject({ type: 'IVF_FLAT', numPartitions: 32, trainedRows: 1000, dimension: DIM });
    expect(state.nprobes).toBe(10); // 30 % of 32 partitions

    const queries = Array.from({ length: 40 }, vectorNear);
    expect(await recallAt10(queries)).toBeGreaterThanOrEqual(0.95);
  });

  it('folds new passages into the kept index and the full-text indexes, and compacts fragments', async () => {
    const written = await addDocs(8); // +200 passages in 8 commits
    await table.checkoutLatest();
    const before = await table.stats();
    await store.optimize();
    await table.checkoutLatest();
    const after = await table.stats();
    expect(after.fragmentStats.numFragments).toBeLessThan(before.fragmentStats.numFragments);
    for (const index of await table.listIndices()) {
      expect(await table.indexStats(index.name)).toMatchObject({ numUnindexedRows: 0 });
    }
    const state = JSON.parse(await readFile(path.join(dir, 'vector-index.json'), 'utf8'));
    expect(state.trainedRows).toBe(1000); // kept, not retrained
    // A new passage is found by its own words and its own vector.
    const fresh = written.at(-3)!;
    const hits = await store.search({ text: fresh.text, vector: fresh.vector, vectorModel: MODEL, k: 5, analyzeAs: ['fr'] });
    expect(hits.vector[0].chunk.id).toBe(fresh.id);
    expect(hits.lexical.map((h) => h.chunk.id)).toContain(fresh.id);
  });

  it('retrains the partitions once the table has doubled since training', async () => {
    await addDocs(40); // 2,200 passages
    const report = await store.ensureVectorIndex();
    await table.checkoutLatest();
    expect(report).toMatchObject({ action: 'retrained', rows: 2200 });
    expect(report.state).toMatchObject({ numPartitions: 47, nprobes: 15, trainedRows: 2200 });
    expect(await recallAt10(Array.from({ length: 40 }, vectorNear))).toBeGreaterThanOrEqual(0.95);
  });
});
