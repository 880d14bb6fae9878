/**
 * Replicas embedding a change once: the replica that uploads holds the ingest lease while it embeds;
 * the other, notified at once, waits for the lease and reads the vectors from the shared passage
 * vectors instead of embedding the same passages (on a shared embedding server, twice the work made
 * each wait twice as long: docs/deploy.md).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusFolder } from '../../ingest/corpus-manager.js';
import { IndexSync } from '../../ingest/index-sync.js';
import type { Embedder } from '../../src/core/ports.js';
import { LanceDbStore } from '../../src/infra/lancedb/lancedb-store.js';
import { migrate, openPostgres, type Sql } from '../../src/infra/postgres/pg-database.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../../src/infra/postgres/pg-documents.js';
import { EMBEDDINGS, embeddingMigrations, PgCachedEmbedder } from '../../src/infra/postgres/pg-embedding-cache.js';
import { LEASES, leaseMigrations, PgLeases } from '../../src/infra/postgres/pg-leases.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../infra/postgres/test-database.js';
import { CHUNKING, newDetector, PARSE_LIMITS, TempDirs } from './helpers/env.js';

/** A deterministic embedder that takes its time and counts the passages it embedded. */
class SlowHashEmbedder implements Embedder {
  readonly modelId = 'hash-8';
  readonly dimension = 8;
  passages = 0;
  async embedQueries(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.vector(t));
  }
  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    await new Promise((r) => setTimeout(r, 300));
    this.passages += texts.length;
    return texts.map((t) => this.vector(t));
  }
  private vector(text: string): Float32Array {
    const bytes = createHash('sha256').update(text).digest();
    const v = Float32Array.from(bytes.subarray(0, 8), (b) => b - 127.5);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  }
}

const UPLOAD = `# La coopérative solaire de Figeac

La coopérative solaire de Figeac a été fondée en 2019 par quarante habitants. Elle installe des panneaux photovoltaïques sur les toits des écoles du Lot.

## Les écoles

Douze écoles du Lot produisent déjà leur électricité, et la coopérative forme les élèves à la maintenance des panneaux.
`;

const temp = new TempDirs();

describe.skipIf(postgresUnavailable)('the ingest lease between replicas', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  const connections: Sql[] = [];
  const syncs: IndexSync[] = [];

  beforeAll(async () => {
    db = await testDatabase();
  }, 120_000);
  afterAll(async () => {
    for (const s of syncs) await s.stop();
    for (const c of connections) await c.end();
    await temp.removeAll();
    await db?.close();
  });

  it('lets the uploading replica embed the passages and the other read them', async () => {
    const root = await temp.make('soga-lease-');
    const corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    await writeFile(path.join(corpusDir, 'jardin.md'), '# Jardin partagé de Villeurbanne\n\nLe jardin accueille les habitants chaque samedi matin.\n');
    const replica = async (name: string) => {
      const sql = await openPostgres(db.url, { maxConnections: 3 });
      connections.push(sql);
      for (const [component, steps] of [
        [DOCUMENTS, documentMigrations],
        [EMBEDDINGS, embeddingMigrations],
        [LEASES, leaseMigrations],
      ] as const)
        await migrate(sql, component, steps);
      const model = new SlowHashEmbedder();
      const documents = new PgDocuments(sql, { maxBytes: 100_000 });
      const leases = new PgLeases(sql);
      const store = await LanceDbStore.open({ dir: path.join(root, `data-${name}`, 'lancedb') });
      const corpus = new CorpusFolder(
        { store, embedder: new PgCachedEmbedder(model, sql, () => undefined), detector: newDetector(), documents, ingestLease: { store: leases, holder: name, ttlMs: 5_000 } },
        { corpusDir, dataDir: path.join(root, `data-${name}`), maxFileBytes: 100_000, batchSize: 8, parse: PARSE_LIMITS, chunking: CHUNKING },
      );
      await corpus.ingest();
      const sync = new IndexSync({ corpus, documents, pollMs: 3_600_000, log: () => undefined, ingestLease: { store: leases, holder: name, pollMs: 50, maxWaitMs: 60_000 } });
      await sync.start();
      syncs.push(sync);
      return { model, store, corpus, leases };
    };
    const a = await replica('a');
    const b = await replica('b');
    // The shipped article: embedded once, by A; B read its vector.
    expect([a.model.passages, b.model.passages]).toEqual([1, 0]);

    await a.corpus.addFile('figeac.md', Buffer.from(UPLOAD));
    const embeddedByA = a.model.passages - 1;
    expect(embeddedByA).toBeGreaterThan(0);
    const start = Date.now();
    while (!(await b.store.listDocuments()).some((d) => d.title === 'La coopérative solaire de Figeac')) {
      if (Date.now() - start > 20_000) throw new Error('B did not index the upload');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(b.model.passages).toBe(0);
    expect(await a.leases.holder('ingest')).toBeNull();
  });
});
