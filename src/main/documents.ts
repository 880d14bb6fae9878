/**
 * Where staff uploads live, chosen once by main: files under the corpus folder by default, PostgreSQL
 * with SOGA_DATABASE_URL (issue 19: each replica's index follows the documents there).
 */
import type { Config } from '../config/load.js';
import type { DocumentStore } from '../core/document-store.js';
import { FolderDocuments } from '../../ingest/folder-documents.js';
import { migrate, openPostgres } from '../infra/postgres/pg-database.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../infra/postgres/pg-documents.js';

export function folderDocuments(config: Config): FolderDocuments {
  return new FolderDocuments({ corpusDir: config.SOGA_CORPUS_DIR, dataDir: config.SOGA_DATA_DIR, maxBytes: config.SOGA_MAX_FILE_BYTES });
}

/**
 * The document store alone, for a one-shot command (`soga ingest`, `soga ask`) that opens no other
 * shared state: in PostgreSQL with SOGA_DATABASE_URL (its own small connection, closed by `close`),
 * else the corpus folder's.
 */
export async function openDocumentStore(config: Config): Promise<{ documents: DocumentStore; close(): Promise<void> }> {
  if (!config.SOGA_DATABASE_URL) return { documents: folderDocuments(config), close: async () => {} };
  const sql = await openPostgres(config.SOGA_DATABASE_URL, { maxConnections: 2 });
  try {
    await migrate(sql, DOCUMENTS, documentMigrations);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw error;
  }
  return { documents: new PgDocuments(sql, { maxBytes: config.SOGA_MAX_FILE_BYTES }), close: () => sql.end({ timeout: 5 }) };
}
