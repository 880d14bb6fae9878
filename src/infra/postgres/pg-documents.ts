/**
 * `DocumentStore` in PostgreSQL: uploads as bytea rows of `soga_documents` (capped by the upload
 * limit), articles left out in `soga_document_exclusions`, and one row of `soga_document_changes` per
 * change, inserted in the same transaction. Changes take one advisory lock, so change numbers are
 * handed out in commit order: a replica that read number N has seen every change up to N. Each change
 * sends `NOTIFY soga_documents_changed` with its number, delivered when it commits.
 */
import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { SogaError } from '../../core/errors.js';
import { uploadFileName, type DocumentStore, type NewDocument, type StoredDocument, type StoredDocumentInfo } from '../../core/document-store.js';
import type { PgMigration } from './pg-database.js';
import { storeUnavailable, type Sql, type TransactionSql } from './pg-database.js';

export const DOCUMENTS = 'documents';
export const DOCUMENTS_CHANNEL = 'soga_documents_changed';

export const documentMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'uploaded documents, exclusions, change numbers',
    sql: `
      create table soga_documents (
        name text primary key,
        original_name text not null,
        type text not null,
        bytes bytea not null,
        size integer not null,
        content_hash text not null,
        uploaded_by text,
        url text,
        added_at timestamptz not null default now()
      );
      create table soga_document_exclusions (
        doc_id text primary key,
        excluded_at timestamptz not null default now()
      );
      -- One row per change; its id is the change number a replica's index is compared against.
      create table soga_document_changes (
        id bigserial primary key,
        kind text not null check (kind in ('add', 'remove', 'exclude')),
        target text not null,
        at timestamptz not null default now()
      );
    `,
  },
];

export interface PgDocumentsOptions {
  /** Larger uploads are refused (FILE_TOO_LARGE): SOGA_MAX_FILE_BYTES, the limit every upload passes. */
  maxBytes: number;
}

interface InfoRow {
  name: string;
  original_name: string;
  type: string;
  size: number;
  content_hash: string;
  uploaded_by: string | null;
  url: string | null;
  added_at: number;
}

const toInfo = (r: InfoRow): StoredDocumentInfo => ({
  name: r.name,
  originalName: r.original_name,
  type: r.type,
  size: r.size,
  contentHash: r.content_hash,
  uploadedBy: r.uploaded_by,
  url: r.url,
  addedAt: r.added_at,
});

export class PgDocuments implements DocumentStore {
  readonly location = 'database' as const;

  constructor(
    private readonly sql: Sql,
    private readonly options: PgDocumentsOptions,
  ) {}

  /** Runs a change under the change lock, records it and notifies; the number it returns is the new change's. */
  private async changeWith<T>(
    what: string,
    work: (tx: TransactionSql) => Promise<{ kind: 'add' | 'remove' | 'exclude'; target: string; result: T } | { unchanged: T }>,
  ): Promise<{ result: T; change: number }> {
    try {
      return await this.sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext('soga_document_changes'))`;
        const outcome = await work(tx);
        if ('unchanged' in outcome) return { result: outcome.unchanged, change: await current(tx) };
        const [{ id }] = await tx<{ id: number }[]>`insert into soga_document_changes (kind, target) values (${outcome.kind}, ${outcome.target}) returning id::float8 as id`;
        await tx`select pg_notify(${DOCUMENTS_CHANNEL}, ${String(id)})`;
        return { result: outcome.result, change: id };
      });
    } catch (cause) {
      throw storeUnavailable(`cannot ${what} in PostgreSQL`, cause);
    }
  }

  async add(document: NewDocument): Promise<{ document: StoredDocumentInfo; change: number }> {
    if (document.bytes.length > this.options.maxBytes) {
      throw new SogaError('FILE_TOO_LARGE', `the file is ${document.bytes.length} bytes, over the ${this.options.maxBytes}-byte limit`);
    }
    const name = uploadFileName(document.originalName, new Date(), randomUUID());
    const hash = createHash('sha256').update(document.bytes).digest('hex');
    const { result, change } = await this.changeWith<StoredDocumentInfo>(`store "${document.originalName}"`, async (tx) => {
      const [row] = await tx<InfoRow[]>`
        insert into soga_documents (name, original_name, type, bytes, size, content_hash, uploaded_by, url)
        values (${name}, ${document.originalName}, ${document.type}, ${document.bytes}, ${document.bytes.length}, ${hash}, ${document.uploadedBy ?? null}, ${document.url ?? null})
        returning name, original_name, type, size, content_hash, uploaded_by, url, (extract(epoch from added_at) * 1000)::float8 as added_at`;
      return { kind: 'add', target: name, result: toInfo(row) };
    });
    return { document: result, change };
  }

  async remove(name: string): Promise<{ removed: boolean; change: number }> {
    const { result, change } = await this.changeWith<boolean>(`remove "${name}"`, async (tx) => {
      const gone = await tx`delete from soga_documents where name = ${name} returning name`;
      return gone.length ? { kind: 'remove', target: name, result: true } : { unchanged: false };
    });
    return { removed: result, change };
  }

  async list(): Promise<StoredDocumentInfo[]> {
    try {
      const rows = await this.sql<InfoRow[]>`
        select name, original_name, type, size, content_hash, uploaded_by, url, (extract(epoch from added_at) * 1000)::float8 as added_at
        from soga_documents order by added_at, name`;
      return rows.map(toInfo);
    } catch (cause) {
      throw storeUnavailable('cannot list the documents in PostgreSQL', cause);
    }
  }

  async get(name: string): Promise<StoredDocument | null> {
    try {
      const [row] = await this.sql<(InfoRow & { bytes: Buffer })[]>`
        select name, original_name, type, bytes, size, content_hash, uploaded_by, url, (extract(epoch from added_at) * 1000)::float8 as added_at
        from soga_documents where name = ${name}`;
      return row ? { ...toInfo(row), bytes: row.bytes } : null;
    } catch (cause) {
      throw storeUnavailable(`cannot read "${name}" in PostgreSQL`, cause);
    }
  }

  async exclude(docId: string): Promise<{ changed: boolean; change: number }> {
    const { result, change } = await this.changeWith<boolean>(`leave out "${docId}"`, async (tx) => {
      const added = await tx`insert into soga_document_exclusions (doc_id) values (${docId}) on conflict do nothing returning doc_id`;
      return added.length ? { kind: 'exclude', target: docId, result: true } : { unchanged: false };
    });
    return { changed: result, change };
  }

  async exclusions(): Promise<string[]> {
    try {
      return (await this.sql<{ doc_id: string }[]>`select doc_id from soga_document_exclusions`).map((r) => r.doc_id);
    } catch (cause) {
      throw storeUnavailable('cannot read the excluded documents in PostgreSQL', cause);
    }
  }

  async change(): Promise<number> {
    try {
      return await current(this.sql);
    } catch (cause) {
      throw storeUnavailable('cannot read the documents’ change number in PostgreSQL', cause);
    }
  }

  async watch(onChange: (change: number | null) => void): Promise<() => Promise<void>> {
    try {
      // postgres.js reconnects the listening connection by itself and calls the second function on
      // every (re)connection, when notifications may have been missed.
      const subscription = await this.sql.listen(
        DOCUMENTS_CHANNEL,
        (payload) => onChange(Number.isFinite(Number(payload)) ? Number(payload) : null),
        () => onChange(null),
      );
      return () => subscription.unlisten();
    } catch (cause) {
      throw storeUnavailable(`cannot listen to ${DOCUMENTS_CHANNEL} in PostgreSQL`, cause);
    }
  }
}

async function current(sql: Sql | TransactionSql): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`select coalesce(max(id), 0)::float8 as n from soga_document_changes`;
  return n;
}
