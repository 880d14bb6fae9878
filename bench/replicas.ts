/**
 * Answers per second and latency with one and with two replicas on this machine: real processes
 * (`npm start`'s entry, test/main/replica-process.ts) sharing one PostgreSQL, each with its own index of the
 * same synthetic corpus as `npm run bench` (bench/corpus.ts, written as Markdown articles) and asked its
 * question mix through the admin web's playground (sign-in, CSRF, answer log: what staff use), C at a time;
 * with two replicas the questions alternate between them as a round-robin load balancer would send them.
 *
 *   npx tsx bench/replicas.ts [--passages 1000] [--questions 200] [--concurrency 8]
 *
 * PostgreSQL: SOGA_TEST_DATABASE_URL, or a throwaway cluster (test/infra/postgres/test-database.ts).
 * Extractive answers, lexical retrieval (no embedding model), like the figures of docs/performance.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '../test/adapters/web/web-harness.js';
import { testDatabase } from '../test/infra/postgres/test-database.js';
import { freePort, ReplicaProcess } from '../test/main/replica-process.js';
import { generateChunks, generateQueries, type BenchChunk } from './corpus.js';
import { percentiles } from './stats.js';
import { openPostgres } from '../src/infra/postgres/pg-database.js';
import { PgDocuments } from '../src/infra/postgres/pg-documents.js';

const { values: args } = parseArgs({
  options: {
    passages: { type: 'string', default: '1000' },
    questions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    /** Then: documents added to PostgreSQL while B runs, and while B is down (0: skip). */
    'catch-up': { type: 'string', default: '1000' },
  },
});
const PASSAGES = Number(args.passages);
const QUESTIONS = Number(args.questions);
const WIDTH = Number(args.concurrency);
const CATCH_UP = Number(args['catch-up']);
const TOKEN = 'bench-replicas-admin-token-0123456789';
const PASSWORD = 'bench replicas horse battery staple';
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const log = (m: string) => process.stderr.write(`[replicas] ${m}\n`);

/** The synthetic passages as Markdown articles (title, date, one paragraph per passage). */
function writeCorpus(dir: string, chunks: BenchChunk[]): number {
  const byDoc = new Map<string, BenchChunk[]>();
  for (const c of chunks) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  for (const [docId, parts] of byDoc) {
    const head = parts[0];
    const body = parts.map((p) => (p.section ? `## ${p.section}\n\n${p.text}` : p.text)).join('\n\n');
    writeFileSync(path.join(dir, `${docId}.md`), `# ${head.title}\n\n${head.date ? `Publié le ${head.date}.\n\n` : ''}${body}\n`);
  }
  return byDoc.size;
}

async function signedIn(replica: ReplicaProcess): Promise<Client> {
  const client = new Client(replica.url);
  const res = await client.signIn(PASSWORD);
  if (res.status !== 303) throw new Error(`cannot sign in on ${replica.url}: ${res.status}`);
  return client;
}

/** Asks every question once, `WIDTH` at a time, each to the next client in turn; latencies in ms. */
async function run(clients: Client[], questions: string[]): Promise<{ wallMs: number; latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WIDTH }, async () => {
      while (next < questions.length) {
        const i = next++;
        const client = clients[i % clients.length];
        const t = performance.now();
        const res = await client.postForm('/playground', { _csrf: client.csrf, question: questions[i], locale: 'en' });
        await res.text();
        if (res.status === 200) latencies.push(performance.now() - t);
        else failed++;
      }
    }),
  );
  return { wallMs: performance.now() - started, latencies, failed };
}

function row(name: string, r: { wallMs: number; latencies: number[]; failed: number }) {
  const p = percentiles(r.latencies);
  return { replicas: name, answers: r.latencies.length, failed: r.failed, perSecond: +(r.latencies.length / (r.wallMs / 1000)).toFixed(1), p50: +p.p50.toFixed(0), p95: +p.p95.toFixed(0) };
}

/** A short article of its own (a new title, a date, a place), as staff upload them. */
function newDocument(i: number): Buffer {
  return Buffer.from(`# Rencontre locale n° ${i} du réseau à Figeac-${i}\n\nLa rencontre n° ${i} du réseau SOGA a réuni ${10 + (i % 90)} associations le ${1 + (i % 28)} mars 2025 à Figeac-${i}.\n`);
}

/** How many uploads B's index holds, as its admin API lists them. */
async function uploadsIndexed(replica: ReplicaProcess): Promise<number> {
  const res = await fetch(`${replica.url}/api/documents`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const docs = (await res.json()) as { sources: string[] }[];
  return docs.filter((d) => d.sources.some((s) => s.startsWith('uploads/'))).length;
}

async function waitForUploads(replica: ReplicaProcess, count: number): Promise<void> {
  for (;;) {
    const indexed = await uploadsIndexed(replica).catch((error: unknown) => {
      throw new Error(
        `replica ${replica.options.name} stopped answering (exit ${replica.child?.exitCode ?? '-'}, signal ${replica.child?.signalCode ?? '-'}): ${String(error)}\n${replica.output.slice(-4000)}`,
      );
    });
    if (indexed >= count) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * How long replica B takes to have N new documents in its index: added to PostgreSQL (as uploads on any
 * replica would be) while B runs and follows the notifications, then N more while B is down, counted
 * from B's start (its start-up sync).
 */
async function catchUpFigures(url: string, b: ReplicaProcess) {
  const sql = await openPostgres(url, { maxConnections: 2 });
  const documents = new PgDocuments(sql, { maxBytes: 1024 * 1024 });
  const add = async (from: number) => {
    for (let i = from; i < from + CATCH_UP; i++) await documents.add({ originalName: `rencontre-${i}.md`, bytes: newDocument(i), type: 'md', uploadedBy: 'bench' });
  };
  try {
    const before = await uploadsIndexed(b);
    let t = performance.now();
    await add(0);
    const storedMs = performance.now() - t;
    await waitForUploads(b, before + CATCH_UP);
    const liveMs = performance.now() - t;
    log(`${CATCH_UP} documents stored in ${(storedMs / 1000).toFixed(1)} s; B (running) had them all after ${(liveMs / 1000).toFixed(1)} s; load ${load()}`);
    await b.kill();
    await add(CATCH_UP);
    t = performance.now();
    await b.start(1_800_000);
    await waitForUploads(b, before + 2 * CATCH_UP);
    const restartMs = performance.now() - t;
    log(`B, down while ${CATCH_UP} more were added, had them all ${(restartMs / 1000).toFixed(1)} s after it was started; load ${load()}`);
    return { documents: CATCH_UP, storeSeconds: +(storedMs / 1000).toFixed(1), liveSeconds: +(liveMs / 1000).toFixed(1), afterRestartSeconds: +(restartMs / 1000).toFixed(1), load: load() };
  } finally {
    await sql.end();
  }
}

async function main(): Promise<void> {
  const db = await testDatabase();
  const root = mkdtempSync(path.join(os.tmpdir(), 'soga-bench-replicas-'));
  const replicas: ReplicaProcess[] = [];
  try {
    const chunks = [...generateChunks(PASSAGES)];
    const questions = generateQueries(chunks, QUESTIONS).map((q) => q.text);
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    const articles = writeCorpus(corpus, chunks);
    log(`${chunks.length} passages in ${articles} articles, ${questions.length} questions, ${WIDTH} at a time; load ${load()}`);
    const env = {
      SOGA_DATABASE_URL: db.url,
      SOGA_CORPUS_DIR: corpus,
      SOGA_EMBED_PROVIDER: 'none',
      SOGA_DICTIONARY_DIR: '',
      SOGA_ADMIN_PASSWORD: PASSWORD,
      SOGA_ADMIN_TOKEN: TOKEN,
      SOGA_LOG_HMAC_KEY: 'bench-replicas-hmac-key-0123456789',
      SOGA_LOG_LEVEL: 'warn',
      // The playground asks as one staff member: the sign-in limits are not what is measured.
      SOGA_TODAY: '2026-12-06',
    };
    for (const name of ['A', 'B']) replicas.push(new ReplicaProcess({ name, dataDir: path.join(root, name), port: await freePort(), env }));
    const [a, b] = replicas;
    let t = performance.now();
    await a.start(600_000);
    log(`A started (ingest included) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const onA = await signedIn(a);
    await run([onA], questions.slice(0, WIDTH)); // warm-up: first questions read the index and the stem vocabulary
    const loadOne = load();
    const one = row('1', await run([onA], questions));
    log(`one replica: ${JSON.stringify(one)}`);

    t = performance.now();
    await b.start(600_000);
    log(`B started in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const onB = await signedIn(b);
    await run([onB], questions.slice(0, WIDTH));
    const loadTwo = load();
    const two = row('2', await run([onA, onB], questions));
    log(`two replicas: ${JSON.stringify(two)}`);

    const catchUp = CATCH_UP > 0 ? await catchUpFigures(db.url, b) : null;
    const result = {
      passages: chunks.length,
      articles,
      questions: questions.length,
      concurrency: WIDTH,
      cores: os.cpus().length,
      node: process.version,
      rows: [one, two],
      catchUp,
      load: { one: loadOne, two: loadTwo, end: load() },
    };
    // stdout holds exactly the JSON result; the rows were logged as they came.
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const r of replicas) await r.kill();
    await db.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
