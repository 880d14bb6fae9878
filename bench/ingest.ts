/**
 * Ingest throughput on many short articles, one file each (`npm run bench -- --ingest-docs 100,1000,10000`,
 * or `tsx bench/ingest.ts --docs 100,1000`): documents per second overall, and for the first and last
 * tenth of the documents written, which must be alike if ingest time grows linearly with the corpus.
 *
 * The articles are the templated event announcements of the dedupe tests (each its own name, date,
 * city and code, ~600 characters). Lexical index only: embedding costs the same per passage at any
 * corpus size and would only hide the store's own cost.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../ingest/pipeline.js';
import { parseConfig } from '../src/config/load.js';
import { EldLanguageDetector } from '../src/infra/eld-language-detector.js';
import { LanceDbStore } from '../src/infra/lancedb/lancedb-store.js';
import { templatedArticles } from '../test/ingest/helpers/templated-articles.js';

export interface IngestBenchResult {
  docs: number;
  seconds: number;
  docsPerSecond: number;
  /** Documents per second over the first and the last tenth of the documents written. */
  firstTenthPerSecond: number;
  lastTenthPerSecond: number;
  kept: number;
  loadavg: number;
}

export async function benchIngest(count: number): Promise<IngestBenchResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'soga-bench-ingest-'));
  try {
    const corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    for (const a of templatedArticles(count)) await writeFile(path.join(corpusDir, `${a.code}.md`), a.markdown);
    const config = parseConfig({});
    const store = await LanceDbStore.open({ dir: path.join(root, 'lancedb') });
    const ticks: number[] = [];
    const started = performance.now();
    const report = await ingest(
      {
        store,
        embedder: null,
        detector: new EldLanguageDetector({ fallback: 'fr' }),
        progress: { start: () => undefined, tick: () => void ticks.push(performance.now()), stop: () => undefined },
      },
      {
        corpusDir,
        maxFileBytes: config.SOGA_MAX_FILE_BYTES,
        parse: { timeoutMs: config.SOGA_PARSE_TIMEOUT_MS, maxMemoryMb: config.SOGA_PARSE_MAX_MEMORY_MB },
        batchSize: config.SOGA_EMBED_BATCH_SIZE,
        chunking: { maxChars: config.SOGA_CHUNK_MAX_CHARS, minChars: config.SOGA_CHUNK_MIN_CHARS },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (report.failed.length) throw new Error(`bench ingest failed: ${JSON.stringify(report.failed.slice(0, 3))}`);
    const tenth = Math.max(1, Math.floor(ticks.length / 10));
    const rate = (from: number, to: number) => (to - from) / ((ticks[to] - ticks[from]) / 1000);
    return {
      docs: count,
      seconds,
      docsPerSecond: count / seconds,
      firstTenthPerSecond: rate(0, tenth),
      lastTenthPerSecond: rate(ticks.length - 1 - tenth, ticks.length - 1),
      kept: report.added.length,
      loadavg: os.loadavg()[0],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export function renderIngest(results: IngestBenchResult[]): string {
  const rows = results.map(
    (r) => `| ${r.docs} | ${r.kept} | ${r.seconds.toFixed(1)} | ${r.docsPerSecond.toFixed(1)} | ${r.firstTenthPerSecond.toFixed(1)} | ${r.lastTenthPerSecond.toFixed(1)} | ${r.loadavg.toFixed(1)} |`,
  );
  return ['| short articles | documents kept | ingest s | docs/s | docs/s, first tenth | docs/s, last tenth | load avg |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '100,1000,10000' }, out: { type: 'string' } } });
  const results: IngestBenchResult[] = [];
  for (const n of values.docs.split(',').map(Number)) {
    results.push(await benchIngest(n));
    process.stderr.write(`${n} documents: ${results.at(-1)!.seconds.toFixed(1)} s\n`);
  }
  process.stdout.write(`${renderIngest(results)}\n`);
  if (values.out) await writeFile(values.out, `${renderIngest(results)}\n`);
}
