/**
 * `npx tsx bench/answer-log-search.ts [--entries 50000]` — how fast the review desk reads a large
 * answer log: the list page, full-text search (FTS5) against the substring scan it replaced, a
 * conversation, and the overview figures. Synthetic entries in a temporary SQLite file; p50 / p95 of 30
 * runs each, printed as a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openAnswerLog } from '../src/infra/sqlite/answer-log.js';
import type { Answer } from '../src/core/types.js';

const { values: args } = parseArgs({ options: { entries: { type: 'string', default: '50000' } } });
const N = Number(args.entries);

const WORDS = [
  'sommet',
  'hackathon',
  'Strasbourg',
  'Lyon',
  'économie',
  'solidaire',
  'atelier',
  'membres',
  'rencontre',
  'numérique',
  'associations',
  'financement',
  'bénévoles',
  'projet',
  'plateforme',
  'communauté',
];
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
/** Mostly a 5,000-word vocabulary, a topic word one time in twenty: a topic word is in a few percent of entries, as in a real log. */
const pick = () => (random() < 0.05 ? WORDS[Math.floor(random() * WORDS.length)] : `mot${Math.floor(random() * 5000)}`);
const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');

function answer(i: number): Answer {
  const question = `${sentence(6)} ${i}?`;
  return {
    question,
    standaloneQuestion: i % 5 === 0 ? `${sentence(8)}?` : question,
    language: i % 3 ? 'fr' : 'en',
    outcome: i % 4 ? 'answered' : 'not_found',
    text: `${sentence(30)}.\n${sentence(20)}.`,
    grounded: i % 4 !== 0,
    mode: 'extractive',
    citations: [],
    retrieved: [],
    timings: { languageMs: 1, condenseMs: 0, embedMs: 3, retrieveMs: 12, answerMs: 20, totalMs: 36 },
    models: { embedder: null, chat: null },
  };
}

function time(label: string, fn: () => unknown, runs = 30): { label: string; p50: number; p95: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { label, p50: ms[Math.floor(runs * 0.5)], p95: ms[Math.floor(runs * 0.95)] };
}

const dir = mkdtempSync(path.join(tmpdir(), 'soga-log-bench-'));
try {
  let clock = Date.parse('2026-09-01T00:00:00Z');
  const log = openAnswerLog({ file: path.join(dir, 'answers.sqlite'), hmacKey: 'bench-key-0123456789abcdef', now: () => new Date(clock) });
  const started = performance.now();
  log.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      clock += 60_000 + Math.floor(random() * 600_000);
      log.recordSync({ surface: i % 2 ? 'discord' : 'matrix', place: `room-${i % 7}`, askerId: `user-${i % 500}`, answer: answer(i) });
    }
  })();
  const writeMs = performance.now() - started;
  const middle = String(Math.floor(N / 2));
  const rows = [
    time('list, newest 50', () => log.list({}, { pageSize: 50 })),
    time('search "strasbourg" (FTS5, question + searched query + answer)', () => log.list({ text: 'strasbourg' }, { pageSize: 50 })),
    time('search "lyon atelier solid" (3 words, prefixes)', () => log.list({ text: 'lyon atelier solid' }, { pageSize: 50 })),
    time('same words as the old substring scan of questions (instr)', () =>
      log.db.prepare("SELECT count(*) FROM entries e WHERE instr(lower(e.question), lower('lyon')) > 0 AND instr(lower(e.question), lower('atelier')) > 0").get(),
    ),
    time('search + refused only + language', () => log.list({ text: 'hackathon', refusedOnly: true, lang: 'fr' }, { pageSize: 50 })),
    time('conversation of one entry', () => log.conversation(middle)),
    time('overview figures, whole log (stats)', () => log.stats({}), 10),
  ];
  log.close();
  console.log(`answer log with ${N} entries (written in ${(writeMs / 1000).toFixed(1)} s)\n`);
  console.log('| operation | p50 ms | p95 ms |\n| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
