/**
 * Where staff uploads live, chosen once by main: files under the corpus folder by default, PostgreSQL
 * with SOGA_DATABASE_URL (issue 19: each replica's index follows the documents there, and passage
 * vectors one replica computed are read by the others from `soga_embeddings`).
 */
import type { Config } from '../config/load.js';
import type { DocumentStore } from '../core/document-store.js';
import type { Embedder } from '../core/ports.js';
import type { LeaseStore } from '../core/lease.js';
import { FolderDocuments } from '../../ingest/folder-documents.js';
import { migrate, openPostgres } from '../infra/postgres/pg-database.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../infra/postgres/pg-documents.js';
import { EMBEDDINGS, embeddingMigrations, PgCachedEmbedder } from '../infra/postgres/pg-embedding-cache.js';
import type { Sql } from '../infra/postgres/pg-database.js';

export function folderDocuments(config: Config): FolderDocuments {
  return new FolderDocuments({ corpusDir: config.SOGA_CORPUS_DIR, dataDir: config.SOGA_DATA_DIR, maxBytes: config.SOGA_MAX_FILE_BYTES });
}

/**
 * The document store alone, for a one-shot command (`soga ingest`, `soga ask`) that opens no other
 * shared state: in PostgreSQL with SOGA_DATABASE_URL (its own small connection, closed by `close`),
 * else the corpus folder's.
 */
export interface SharedDocuments {
  documents: DocumentStore;
  /** The embedder ingestion uses: the model itself, or with SOGA_DATABASE_URL the model behind the shared passage vectors. */
  shareEmbeddings(embedder: Embedder, warn: (message: string) => void): Embedder;
  /** With replicas: the leases and this replica's name in them; a replica changing a document holds the ingest lease (CorpusFolder). */
  leases?: LeaseStore;
  holder?: string;
}

/** The vectors other replicas computed, read before embedding (PgCachedEmbedder), on an open connection whose schema is up to date. */
export function sharedEmbeddings(sql: Sql): SharedDocuments['shareEmbeddings'] {
  return (embedder, warn) => new PgCachedEmbedder(embedder, sql, warn);
}

export async function openDocumentStore(config: Config): Promise<SharedDocuments & { close(): Promise<void> }> {
  if (!config.SOGA_DATABASE_URL) return { documents: folderDocuments(config), shareEmbeddings: (e) => e, close: async () => {} };
  const sql = await openPostgres(config.SOGA_DATABASE_URL, { maxConnections: 2 });
  try {
    await migrate(sql, DOCUMENTS, documentMigrations);
    await migrate(sql, EMBEDDINGS, embeddingMigrations);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw error;
  }
  return { documents: new PgDocuments(sql, { maxBytes: config.SOGA_MAX_FILE_BYTES }), shareEmbeddings: sharedEmbeddings(sql), close: () => sql.end({ timeout: 5 }) };
}
