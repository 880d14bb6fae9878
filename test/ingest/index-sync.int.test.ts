/**
 * Two assistants in one process, each with its own LanceDB index, sharing the documents in one
 * PostgreSQL: what one replica's staff upload, the other answers from after it synced (by notification,
 * within seconds); what one removes, the other stops citing. The real runtime (config, ingestion,
 * retrieval, extractive answers), BM25 only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexSync } from '../../ingest/index-sync.js';
import { parseConfig } from '../../src/config/load.js';
import { migrate, openPostgres, type Sql } from '../../src/infra/postgres/pg-database.js';
import { EMBEDDINGS, embeddingMigrations } from '../../src/infra/postgres/pg-embedding-cache.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../../src/infra/postgres/pg-documents.js';
import { sharedEmbeddings } from '../../src/main/documents.js';
import { createRuntime, type Runtime } from '../../src/main/runtime.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../infra/postgres/test-database.js';
import { TempDirs } from './helpers/env.js';

const SHIPPED = `# Jardin partagé de Villeurbanne

Le jardin partagé de Villeurbanne accueille chaque samedi matin les habitants du quartier pour cultiver ensemble tomates et courges.
`;

const UPLOAD = `# La coopérative solaire de Figeac

La coopérative solaire de Figeac a été fondée en 2019 par quarante habitants. Elle installe des panneaux photovoltaïques sur les toits des écoles du Lot.
`;
const QUESTION = 'Quand la coopérative solaire de Figeac a-t-elle été fondée ?';
const TITLE = 'La coopérative solaire de Figeac';

const temp = new TempDirs();

interface Replica {
  runtime: Runtime;
  sql: Sql;
  sync: IndexSync;
  cites(): Promise<boolean>;
  indexed(): Promise<boolean>;
}

/** Polls `check` until it holds or `ms` pass; how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

describe.skipIf(postgresUnavailable)('replicas sharing documents in PostgreSQL', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let corpusDir: string;
  const replicas: Replica[] = [];

  async function replica(name: string): Promise<Replica> {
    const sql = await openPostgres(db.url, { maxConnections: 3 });
    await migrate(sql, DOCUMENTS, documentMigrations);
    await migrate(sql, EMBEDDINGS, embeddingMigrations);
    const config = parseConfig({
      SOGA_DATA_DIR: path.join(path.dirname(corpusDir), `data-${name}`),
      SOGA_CORPUS_DIR: corpusDir,
      SOGA_EMBED_PROVIDER: 'none',
      SOGA_DICTIONARY_DIR: '',
      // Each replica logs its answers in a file of its own: the entries say which index answered.
      SOGA_LOG_DB: path.join(path.dirname(corpusDir), `answers-${name}.sqlite`),
      SOGA_LOG_HMAC_KEY: 'replicas-test-key-0123456789abcdef',
      SOGA_TODAY: '2026-12-06',
    });
    const documents = new PgDocuments(sql, { maxBytes: config.SOGA_MAX_FILE_BYTES });
    const runtime = await createRuntime(config, { log: () => undefined, shared: { documents, shareEmbeddings: sharedEmbeddings(sql) } });
    await runtime.ingest();
    // A poll far longer than the test: only notifications (and start-up) can bring changes here.
    const sync = new IndexSync({ corpus: runtime.corpus, documents, pollMs: 3_600_000, log: () => undefined });
    await sync.start();
    const r: Replica = {
      runtime,
      sql,
      sync,
      cites: async () => (await runtime.assistant.ask(QUESTION)).citations.some((c) => c.title === TITLE),
      indexed: async () => (await runtime.store.listDocuments()).some((d) => d.title === TITLE),
    };
    replicas.push(r);
    return r;
  }

  beforeAll(async () => {
    db = await testDatabase();
    const root = await temp.make('soga-replicas-');
    corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    await writeFile(path.join(corpusDir, 'jardin.md'), SHIPPED);
  }, 120_000);

  afterAll(async () => {
    for (const r of replicas) {
      await r.sync.stop();
      await r.runtime.close();
      await r.sql.end();
    }
    await temp.removeAll();
    await db?.close();
  });

  it('answers on B from what staff uploaded on A, and stops citing on A what staff removed on B', async () => {
    const a = await replica('a');
    const b = await replica('b');
    expect([await a.cites(), await b.cites()]).toEqual([false, false]);

    await a.runtime.corpus.addFile('figeac.md', Buffer.from(UPLOAD), { uploadedBy: 'ana', url: 'https://example.org/figeac' });
    expect(await a.cites()).toBe(true);
    await within(10_000, () => b.indexed());
    const onB = await b.runtime.assistant.ask(QUESTION);
    const cited = onB.citations.find((c) => c.title === TITLE);
    expect(cited).toMatchObject({ url: 'https://example.org/figeac', source: expect.stringMatching(/^uploads\/\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-figeac\.md$/) as string });
    // Both indexes are at the store's latest change.
    const change = await b.runtime.corpus.documents.change();
    expect([await a.runtime.corpus.indexChange(), await b.runtime.corpus.indexChange()]).toEqual([change, change]);

    const docId = (await b.runtime.store.listDocuments()).find((d) => d.title === TITLE)!.id;
    await b.runtime.corpus.remove(docId);
    expect(await b.cites()).toBe(false);
    await within(10_000, async () => !(await a.indexed()));
    expect(await a.cites()).toBe(false);
    expect(await a.runtime.corpus.documents.list()).toEqual([]);
  });

  it('catches up on start-up with what changed while it was not listening', async () => {
    const [a, b] = replicas;
    await b.sync.stop();
    await a.runtime.corpus.addFile('figeac.md', Buffer.from(UPLOAD));
    // No notification reached B: its index is behind, and says so.
    expect(await b.indexed()).toBe(false);
    const [index, store] = [await b.runtime.corpus.indexChange(), await b.runtime.corpus.documents.change()];
    expect(index).toBeLessThan(store);
    const logged = async () => (await (await b.runtime.answerLog())!.get((await b.runtime.assistant.ask(QUESTION)).logEntryId!))!.freshness;
    expect(await logged()).toEqual({ index, store });
    b.sync = new IndexSync({ corpus: b.runtime.corpus, documents: b.runtime.corpus.documents, pollMs: 3_600_000, log: () => undefined });
    await b.sync.start();
    expect(await b.cites()).toBe(true);
    expect(await logged()).toEqual({ index: store, store });
  });

  it('leaves out on every replica an article staff removed from a file that holds others', async () => {
    const [a, b] = replicas;
    const shared = `${UPLOAD}\n# Le repair café de Cahors\n\nLe repair café de Cahors répare les appareils électriques chaque premier samedi du mois, à la médiathèque.\n`;
    await a.runtime.corpus.addFile('lot.md', Buffer.from(shared));
    await within(10_000, async () => (await b.runtime.store.listDocuments()).some((d) => d.title === 'Le repair café de Cahors'));
    const cafe = (await b.runtime.store.listDocuments()).find((d) => d.title === 'Le repair café de Cahors')!;
    await b.runtime.corpus.remove(cafe.id);
    await within(10_000, async () => !(await a.runtime.store.listDocuments()).some((d) => d.id === cafe.id));
    expect(await a.runtime.corpus.documents.exclusions()).toEqual([cafe.id]);
  });

  it('follows the documents again after its listening connection was cut', async () => {
    const [a, b] = replicas;
    // The server ends every listening connection (a restart, a proxy timeout); postgres.js reconnects them.
    const cut = await a.sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%' and datname = current_database() and pid <> pg_backend_pid()`;
    expect(cut.length).toBeGreaterThan(0);
    const docId = (await a.runtime.store.listDocuments()).find((d) => d.title === TITLE)!.id;
    await a.runtime.corpus.remove(docId);
    await within(15_000, async () => !(await b.indexed()));
    expect(await b.cites()).toBe(false);
  });
});
