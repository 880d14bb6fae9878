/**
 * The approximate lexical list on a table the benchmark already built (bench/.cache/data-N/lancedb):
 * the vocabulary of stems (scan, build, memory) and the latency of each way to make the list, with
 * the benchmark's questions as they are and with one typo each. No index is built, so a variant can be
 * timed at 1M passages in minutes instead of the whole benchmark's run.
 *
 *   tsx --expose-gc bench/lexical-sweep.ts --size 1m --queries 100
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as lancedb from '@lancedb/lancedb';
import { analyzeQuery } from '../src/core/text/analyzer.js';
import { FUZZY_QUERY, NEAR_STEMS_PER_STEM } from '../src/infra/lancedb/lancedb-store.js';
import { StemVocabulary } from '../src/infra/lancedb/stem-vocabulary.js';
import { CACHE_DIR, generateQueries, loadCorpus, rng, SIZES, type BenchQuery } from './corpus.js';
import { percentiles, sequential, table } from './stats.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1m' },
    queries: { type: 'string', default: '100' },
    variants: { type: 'string' },
    rounds: { type: 'string', default: '1' },
  },
});
const N = SIZES[args.size.toLowerCase()] ?? Number(args.size);
const Q = Number(args.queries);
const K = 30;
const LANGS = ['fr', 'en', 'es', 'de'];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const log = (m: string) => process.stderr.write(`${m}\n`);

async function questions(): Promise<BenchQuery[]> {
  const file = path.join(CACHE_DIR, `query-texts-${N}-${Q}.json`);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as BenchQuery[];
  const { chunks } = await loadCorpus(N);
  const out = generateQueries(chunks, Q);
  await writeFile(file, JSON.stringify(out));
  return out;
}

/** One typo in the longest word: a letter removed, doubled or replaced (never the first). */
function withTypo(text: string, r: () => number): string {
  const words = text.match(/\p{L}{5,}/gu) ?? [];
  if (!words.length) return text;
  const w = words.reduce((a, b) => (b.length > a.length ? b : a));
  const at = 1 + Math.floor(r() * (w.length - 1));
  const kind = Math.floor(r() * 3);
  const typo = kind === 0 ? w.slice(0, at) + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w[at] + w.slice(at) : w.slice(0, at) + 'aeiou'[Math.floor(r() * 5)] + w.slice(at + 1);
  return text.replace(w, typo);
}

async function main() {
  const dir = path.join(CACHE_DIR, `data-${N}`, 'lancedb');
  const db = await lancedb.connect(dir);
  const t0 = await db.openTable('chunks');
  log(`load ${load()}; ${await t0.countRows()} rows`);

  // ── Vocabulary: scan, build, memory ──────────────────────────────────────────────────────────
  gc();
  const heap0 = process.memoryUsage();
  let t = performance.now();
  const counts = new Map<string, number>();
  for await (const batch of t0.query().select(['lex'])) {
    const column = batch.getChild('lex');
    for (let i = 0; i < batch.numRows; i++) {
      for (const s of new Set(String(column?.get(i) ?? '').split(' '))) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }
  const scanMs = performance.now() - t;
  t = performance.now();
  const vocabulary = StemVocabulary.fromCounts(counts);
  const buildMs = performance.now() - t;
  t = performance.now();
  const json = JSON.stringify({ stems: [...vocabulary.entries()] });
  const serializeMs = performance.now() - t;
  t = performance.now();
  const parsed = StemVocabulary.fromCounts((JSON.parse(json) as { stems: [string, number][] }).stems);
  const reloadMs = performance.now() - t;
  counts.clear();
  gc();
  const heap1 = process.memoryUsage();
  log(
    `vocabulary: ${vocabulary.size} stems; scan ${scanMs.toFixed(0)} ms, build ${buildMs.toFixed(0)} ms, JSON ${(json.length / 1e6).toFixed(1)} MB (${serializeMs.toFixed(0)} ms), parse+build ${reloadMs.toFixed(0)} ms`,
  );
  log(
    `  estimated ${(vocabulary.bytes / 1e6).toFixed(1)} MB; heap+external after gc (two copies held) +${((heap1.heapUsed + heap1.external + heap1.arrayBuffers - heap0.heapUsed - heap0.external - heap0.arrayBuffers) / 2 / 1e6).toFixed(1)} MB each`,
  );
  void parsed;

  // ── Questions ────────────────────────────────────────────────────────────────────────────────
  const qs = await questions();
  const r = rng(11);
  const sets: Record<string, string[][]> = {
    'bench questions': qs.map((q) => analyzeQuery(q.text, [...new Set([q.lang, ...LANGS])])),
    'with one typo': qs.map((q) => analyzeQuery(withTypo(q.text, r), [...new Set([q.lang, ...LANGS])])),
  };

  const table_ = t0;
  const bm25 = (terms: string[]) => (terms.length ? table_.query().fullTextSearch(terms.join(' '), { columns: 'lex' }).select(['id', '_score']).limit(K).toArray() : Promise.resolve([]));
  type Variant = (stems: string[]) => { terms: string[] | null; run: () => Promise<unknown[]> };
  const neighboursOf = (stems: string[], per: number, only: (s: string) => boolean) => {
    const out = new Set(stems);
    for (const s of stems) if (only(s)) for (const n of vocabulary.neighbours(s, per)) out.add(n);
    return [...out];
  };
  const variants: Record<string, Variant> = {
    'BM25 exact stems (reference)': (stems) => ({ terms: stems, run: () => bm25(stems) }),
    'LanceDB fuzzy MatchQuery (before)': (stems) => ({
      terms: null,
      run: () =>
        stems.length
          ? table_
              .query()
              .fullTextSearch(new lancedb.MatchQuery(stems.join(' '), 'lex', FUZZY_QUERY))
              .select(['id', '_score'])
              .limit(K)
              .toArray()
          : Promise.resolve([]),
    }),
    [`stems + near stems, ≤ ${NEAR_STEMS_PER_STEM} each (the store's list)`]: (stems) => {
      const terms = vocabulary.expand(stems, NEAR_STEMS_PER_STEM);
      return { terms, run: () => bm25(terms) };
    },
    'stems + near stems, ≤ 10 each': (stems) => {
      const terms = neighboursOf(stems, 10, () => true);
      return { terms, run: () => bm25(terms) };
    },
    'near stems of unknown stems only (≤ 3 each); no query when none': (stems) => {
      const terms = neighboursOf(stems, 3, (s) => !vocabulary.has(s));
      const added = terms.length > stems.length;
      return { terms: added ? terms : [], run: () => (added ? bm25(terms) : Promise.resolve([])) };
    },
  };
  const chosen = args.variants ? args.variants.split(',').map((i) => Object.keys(variants)[Number(i)]) : Object.keys(variants);

  // Every query of every variant once first, so that no variant pays for reading the index from disk.
  for (const stemSets of Object.values(sets)) for (const name of chosen) for (const stems of stemSets) await variants[name](stems).run();
  const rows: (string | number)[][] = [];
  for (const [setName, stemSets] of Object.entries(sets)) {
    for (const name of chosen) {
      const make = variants[name];
      // Expansion time alone (in-memory), then the whole list (expansion + query).
      const expandMs = percentiles(await sequential(stemSets.length, (i) => make(stemSets[i])));
      const samples: number[] = [];
      for (let round = 0; round < Number(args.rounds); round++) samples.push(...(await sequential(stemSets.length, (i) => make(stemSets[i]).run())));
      const lat = percentiles(samples);
      const terms = stemSets.map((s) => make(s).terms);
      const queried = terms.filter((x) => x === null || x.length > 0).length;
      const avgTerms = terms.every((x) => x !== null) ? (terms.reduce((a, x) => a + x.length, 0) / terms.length).toFixed(1) : '–';
      rows.push([setName, name, `${lat.p50.toFixed(1)} / ${lat.p95.toFixed(1)} / ${lat.p99.toFixed(1)}`, expandMs.p95.toFixed(2), `${queried}/${stemSets.length}`, avgTerms]);
      log(`${setName} | ${name}: p50 ${lat.p50.toFixed(1)} p95 ${lat.p95.toFixed(1)} (load ${load()})`);
    }
  }
  process.stdout.write(`\n${N} passages, ${Q} questions, k=${K}; load average at end ${load()}\n\n`);
  process.stdout.write(`${table(['questions', 'approximate list', 'ms p50 / p95 / p99', 'expansion p95 ms', 'queries run', 'terms (avg)'], rows)}\n`);
}

await main();
