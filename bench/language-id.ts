/**
 * ELD dictionary sizes against the language-identification requirement (≥ 95 % right on the dev
 * questions; short questions in fr/en/es/de/it/pt/nl): memory, load time and accuracy of each, raw
 * ELD and EldLanguageDetector (ELD + function words). Each dictionary is measured in its own process,
 * so that its RSS is its own.
 *
 * Then, per language the bot answers in, short questions naming SOGA's events by their English names
 * (test/fixtures/named-short-questions.json, 10 a language): the language ask() picks for them
 * (src/core/text/question-language.ts) with no other hint, and with an English locale (what Matrix
 * passes by default, and Discord for a member whose client is in English: a guess below the
 * detector's "sure" confidence gives way to it).
 *
 *   npx tsx bench/language-id.ts                 # all four dictionaries, one table, then per language
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
const NAMED = path.join(REPO, 'test/fixtures/named-short-questions.json');

interface Q {
  lang: string;
  q: string;
}

interface Score {
  right: number;
  total: number;
  /** "pl→sk: Kto finansuje Social Tech Academy?" */
  wrong: string[];
}

function table(file: string): Q[] {
  const byLanguage = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[] | string>;
  return Object.entries(byLanguage).flatMap(([lang, qs]) => (Array.isArray(qs) ? qs.map((q) => ({ lang, q })) : []));
}

function questions(): { dev: Q[]; short: Q[]; named: Q[] } {
  const dev = readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Q);
  return { dev, short: table(SHORT), named: table(NAMED) };
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
  const { pickLanguage } = await import('../src/core/text/question-language.js');
  const detector = new EldLanguageDetector({ fallback: 'en' }, engine);
  const { dev, short, named } = questions();
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
      named: {
        alone: score(named, (q) => pickLanguage(detector, q, { defaultLanguage: 'en' })),
        englishLocale: score(named, (q) => pickLanguage(detector, q, { locale: 'en', defaultLanguage: 'en' })),
      },
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

  // Per language, the named short questions as ask() reads them (no hint / an English locale).
  const named = questions().named;
  const langs = [...new Set(named.map((q) => q.lang))];
  const perLanguage = (s: Score, lang: string) => named.filter((q) => q.lang === lang).length - s.wrong.filter((w) => w.startsWith(`${lang}→`)).length;
  console.log(`\nNamed short questions (${named.length} in ${langs.length} languages), right per language: no hint / English locale`);
  console.log(`| ELD dictionary | ${langs.join(' | ')} | all |`);
  console.log(`|---|${langs.map(() => '--:').join('|')}|--:|`);
  for (const r of rows) {
    const cells = langs.map((l) => `${perLanguage(r.named.alone, l)} / ${perLanguage(r.named.englishLocale, l)}`);
    console.log(`| ${r.dictionary} | ${cells.join(' | ')} | ${pct(r.named.alone)} / ${pct(r.named.englishLocale)} |`);
  }
  for (const r of rows) for (const w of r.named.alone.wrong) console.log(`${r.dictionary} named wrong: ${w}`);
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1] as EldDictionary);
else await main();
