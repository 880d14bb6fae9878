/**
 * `npm run bench` — performance and scale of the assistant on a synthetic multilingual corpus.
 *
 *   npm run bench                       # 10k and 100k passages
 *   npm run bench -- --size 10k         # one size (1k, 10k, 100k, 1m)
 *   npm run bench -- --size 1m          # 1M passages: long (embedding 1M passages with the fixture model takes ~45 min)
 *   npm run bench -- --queries 100 --no-bot
 *   npm run bench -- --ingest-docs 100,1000,10000   # ingest throughput on short articles (alone: no sizes)
 *
 * Each size runs in its own process (bench/size.ts), so peak RSS is per size. Corpus and vectors are
 * cached under bench/.cache/ (git-ignored); the LanceDB index is rebuilt on every run because its
 * build time is one of the figures. Results: one table per size on stdout, and
 * bench/.cache/results/<date>.{json,md}.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE_DIR, SIZES } from './corpus.js';
import { render } from './report.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', multiple: true },
    queries: { type: 'string', default: '200' },
    'ask-queries': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    'no-bot': { type: 'boolean', default: false },
    'ingest-docs': { type: 'string' },
  },
});

const REPO = path.resolve(CACHE_DIR, '../..');
const sizes = (args.size?.length ? args.size.flatMap((s) => s.split(',')) : ['10k', '100k']).map((s) => {
  const n = SIZES[s.toLowerCase()] ?? Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`unknown size "${s}" (use ${Object.keys(SIZES).join(', ')} or a number)`);
  return n;
});

type R = any;

function runSize(n: number, out: string): Promise<void> {
  const childArgs = [path.join(REPO, 'bench/size.ts'), '--size', String(n), '--queries', args.queries, '--ask-queries', args['ask-queries'], '--concurrency', args.concurrency, '--out', out];
  if (args['no-bot']) childArgs.push('--no-bot');
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), childArgs, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, LANCEDB_LOG: 'error' } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/size.ts --size ${n} exited with ${code}`))));
  });
}

/** Ingest throughput (bench/ingest.ts) in its own process, like the sizes. */
function runIngest(docs: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'bench/ingest.ts'), '--docs', docs, '--out', out], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, LANCEDB_LOG: 'error' },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/ingest.ts exited with ${code}`))));
  });
}

async function main() {
  if (args['ingest-docs'] && !args.size?.length) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const dir = path.join(CACHE_DIR, 'results');
    await mkdir(dir, { recursive: true });
    process.stderr.write(
      `load average at start: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')} (${os.cpus().length} cores)\n`,
    );
    await runIngest(args['ingest-docs'], path.join(dir, `${stamp}-ingest.md`));
    process.stderr.write(`\nresults: ${path.relative(REPO, path.join(dir, `${stamp}-ingest.md`))}\n`);
    return;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const dir = path.join(CACHE_DIR, 'results');
  await mkdir(dir, { recursive: true });
  const results: R[] = [];
  process.stderr.write(
    `load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')} (${os.cpus().length} cores)\n`,
  );
  for (const n of sizes) {
    const file = path.join(dir, `${stamp}-${n}.json`);
    await runSize(n, file);
    const r = JSON.parse(await readFile(file, 'utf8'));
    results.push(r);
    process.stdout.write(`\n${render(r)}\n`);
  }
  const md = results.map(render).join('\n\n');
  await writeFile(path.join(dir, `${stamp}.md`), `${md}\n`);
  await writeFile(path.join(dir, `${stamp}.json`), JSON.stringify(results, null, 2));
  process.stderr.write(`\nresults: ${path.relative(REPO, path.join(dir, `${stamp}.md`))}\n`);
}

await main();
