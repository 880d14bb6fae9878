/**
 * The sweep behind the vector-index parameters in src/infra/lancedb/vector-index.ts: recall@10 against
 * exact search and latency of IVF_FLAT (partitions × share probed), IVF_PQ and IVF_HNSW_SQ on the
 * benchmark corpus's vectors (fixture model), for the benchmark's questions.
 *
 *   npx tsx bench/index-sweep.ts --size 100k               # all index kinds (~5 min at 100k)
 *   npx tsx bench/index-sweep.ts --size 10k --only ivf_flat
 *
 * Needs the corpus and vectors of that size in bench/.cache/ (run `npm run bench -- --size …` once).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Schema, Utf8 } from 'apache-arrow';
import { TransformersEmbedder } from '../src/infra/transformers-embedder.js';
import { CACHE_DIR, SIZES, generateQueries, loadCorpus } from './corpus.js';
import { percentiles } from './stats.js';
import { cachedVectors, passageText } from './vectors.js';

const { values: args } = parseArgs({ options: { size: { type: 'string', default: '10k' }, only: { type: 'string', default: '' }, queries: { type: 'string', default: '200' } } });
const N = SIZES[args.size] ?? Number(args.size);
const Q = Number(args.queries);
const only = (kind: string) => !args.only || args.only.split(',').includes(kind);
const REPO = path.resolve(CACHE_DIR, '../..');

const embedder = await TransformersEmbedder.load({
  model: 'soga/tiny-fixture',
  modelDir: path.join(REPO, 'test/fixtures/tiny-embedder'),
  cacheDir: path.join(REPO, 'models'),
  allowDownload: false,
  dtype: 'fp32',
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  batchSize: 32,
});
const dim = embedder.dimension;
const { chunks } = await loadCorpus(N);
const { data } = await cachedVectors(`passages-${N}-s42`, embedder, 'passage', chunks.map(passageText));
const questions = generateQueries(chunks, Q);
const { data: qdata } = await cachedVectors(
  `queries-${N}-s42-${Q}`,
  embedder,
  'query',
  questions.map((q) => q.text),
);
const qv = (i: number) => Array.from(qdata.subarray(i * dim, (i + 1) * dim));

const dir = path.join(CACHE_DIR, `sweep-${N}`);
await rm(dir, { recursive: true, force: true });
const table = await (
  await lancedb.connect(dir)
).createEmptyTable('vectors', new Schema([new Field('id', new Utf8(), false), new Field('vector', new FixedSizeList(dim, new Field('item', new Float32(), true)), true)]));
for (let i = 0; i < N; i += 20_000) {
  const rows = [];
  for (let j = i; j < Math.min(N, i + 20_000); j++) rows.push({ id: chunks[j].id, vector: Array.from(data.subarray(j * dim, (j + 1) * dim)) });
  await table.add(rows);
}
await table.optimize();

type Tune = (q: lancedb.VectorQuery) => lancedb.VectorQuery;
async function run(tune: Tune): Promise<{ ids: string[][]; latency: number[] }> {
  for (let i = 0; i < 10; i++)
    await tune(table.vectorSearch(qv(i)).distanceType('cosine'))
      .limit(10)
      .toArray();
  const ids: string[][] = [];
  const latency: number[] = [];
  for (let i = 0; i < Q; i++) {
    const t = performance.now();
    const rows = await tune(table.vectorSearch(qv(i)).distanceType('cosine'))
      .select(['id', '_distance'])
      .limit(10)
      .toArray();
    latency.push(performance.now() - t);
    ids.push(rows.map((r) => String(r.id)));
  }
  return { ids, latency };
}

const exact = await run((q) => q.bypassVectorIndex());
function report(label: string, r: { ids: string[][]; latency: number[] }, buildMs: number): void {
  let recall = 0;
  r.ids.forEach((ids, i) => {
    const truth = new Set(exact.ids[i]);
    recall += ids.filter((id) => truth.has(id)).length / Math.max(1, truth.size);
  });
  const p = percentiles(r.latency);
  console.log(`${label.padEnd(52)} recall@10 ${(recall / Q).toFixed(3)}  p50 ${p.p50.toFixed(2)}  p95 ${p.p95.toFixed(2)} ms  build ${(buildMs / 1000).toFixed(1)} s`);
}
async function build(config: lancedb.Index): Promise<number> {
  const t = performance.now();
  await table.createIndex('vector', { config, replace: true });
  return performance.now() - t;
}

console.log(`${N} passages, ${dim} dims, ${Q} questions`);
report('exact (no index)', exact, 0);
const sqrt = Math.round(Math.sqrt(N));
if (only('ivf_flat')) {
  for (const partitions of [Math.round(sqrt / 2), sqrt, sqrt * 2]) {
    const ms = await build(lancedb.Index.ivfFlat({ distanceType: 'cosine', numPartitions: partitions }));
    for (const share of [0.1, 0.2, 0.3, 0.4]) {
      const probes = Math.max(1, Math.ceil(partitions * share));
      report(`IVF_FLAT ${partitions} partitions, ${probes} probed (${share * 100} %)`, await run((q) => q.nprobes(probes)), ms);
    }
  }
}
if (only('ivf_pq')) {
  let ms = await build(lancedb.Index.ivfPq({ distanceType: 'cosine' }));
  report('IVF_PQ defaults', await run((q) => q), ms);
  report('IVF_PQ defaults, nprobes 20, refineFactor 10', await run((q) => q.nprobes(20).refineFactor(10)), ms);
  ms = await build(lancedb.Index.ivfPq({ distanceType: 'cosine', numPartitions: sqrt, numSubVectors: dim / 4 }));
  for (const [probes, refine] of [
    [20, 5],
    [40, 5],
    [40, 10],
  ])
    report(`IVF_PQ ${dim / 4} sub-vectors, nprobes ${probes}, refineFactor ${refine}`, await run((q) => q.nprobes(probes).refineFactor(refine)), ms);
}
if (only('hnsw_sq')) {
  const ms = await build(lancedb.Index.hnswSq({ distanceType: 'cosine', numPartitions: 1, m: 20, efConstruction: 300 }));
  for (const ef of [50, 100, 200]) report(`IVF_HNSW_SQ 1 partition, m 20, efConstruction 300, ef ${ef}`, await run((q) => q.nprobes(1).ef(ef)), ms);
}
await rm(dir, { recursive: true, force: true });
