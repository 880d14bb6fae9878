/**
 * ELD dictionary sizes against the language-identification requirement (≥ 95 % right on the dev
 * questions; short questions in fr/en/es/de/it/pt/nl): memory, load time and accuracy of each, raw
 * ELD and EldLanguageDetector (ELD + function words). Each dictionary is measured in its own process,
 * so that its RSS is its own.
 *
 *   npx tsx bench/language-id.ts                 # all four dictionaries, one table
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
// Types only: importing the detector module here would load its default dictionary before the measurement.
import type { EldDictionary, EldEngine } from '../src/infra/eld-language-detector.js';

const ELD_DICTIONARIES: EldDictionary[] = ['extrasmall', 'small', 'medium', 'large'];

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DEV = path.resolve(REPO, '../shared/eval/dev-questions.jsonl');
const SHORT = path.join(REPO, 'test/fixtures/short-questions.json');

interface Q {
  lang: string;
  q: string;
}

function questions(): { dev: Q[]; short: Q[] } {
  const dev = readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Q);
  const table = JSON.parse(readFileSync(SHORT, 'utf8')) as Record<string, string[] | string>;
  const short = Object.entries(table).flatMap(([lang, qs]) => (Array.isArray(qs) ? qs.map((q) => ({ lang, q })) : []));
  return { dev, short };
}

async function child(dictionary: EldDictionary) {
  // The detector module loads the default dictionary with itself: import the one measured first,
  // so that its RSS and load time are its own.
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t = performance.now();
  const { eld: engine } = (await import(`eld/${dictionary}`)) as { eld: EldEngine };
  const loadMs = performance.now() - t;
  global.gc?.();
  const rss = process.memoryUsage().rss - rss0;
  const { EldLanguageDetector } = await import('../src/infra/eld-language-detector.js');
  const detector = new EldLanguageDetector({ fallback: 'en' }, engine);
  const { dev, short } = questions();
  const score = (qs: Q[], guess: (q: string) => string) => {
    const wrong = qs.filter((x) => guess(x.q) !== x.lang).map((x) => `${x.lang}→${guess(x.q)}: ${x.q}`);
    return { right: qs.length - wrong.length, total: qs.length, wrong };
  };
  const raw = (q: string) => Object.entries(engine.detect(q).getScores()).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const t2 = performance.now();
  for (let i = 0; i < 20; i++) for (const x of short) detector.detect(x.q);
  const detectUs = ((performance.now() - t2) / (20 * short.length)) * 1000;
  console.log(
    JSON.stringify({
      dictionary,
      rssMB: rss / 1e6,
      loadMs,
      detectUs,
      raw: { dev: score(dev, raw), short: score(short, raw) },
      detector: { dev: score(dev, (q) => detector.detect(q).lang), short: score(short, (q) => detector.detect(q).lang) },
    }),
  );
}

async function main() {
  const rows = ELD_DICTIONARIES.map((d) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx/esm', new URL(import.meta.url).pathname, '--child', d], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  });
  const pct = (s: { right: number; total: number }) => `${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(1)} %)`;
  console.log('| ELD dictionary | RSS added | load | detect | dev, raw ELD | dev, detector | short fr/en/es/de/it/pt/nl, raw | short, detector |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    console.log(
      `| ${r.dictionary} | ${Math.round(r.rssMB)} MB | ${(r.loadMs / 1000).toFixed(2)} s | ${r.detectUs.toFixed(0)} µs | ${pct(r.raw.dev)} | ${pct(r.detector.dev)} | ${pct(r.raw.short)} | ${pct(r.detector.short)} |`,
    );
  }
  for (const r of rows) for (const w of [...r.detector.dev.wrong, ...r.detector.short.wrong]) console.log(`${r.dictionary} detector wrong: ${w}`);
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1] as EldDictionary);
else await main();
