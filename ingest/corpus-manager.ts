/**
 * CorpusManager over the corpus folder and a DocumentStore: uploads are checked by content, then kept
 * by the store (files under `<corpus>/uploads/` by default, PostgreSQL when replicas share documents)
 * under generated names (the original name is never a path), then ingested. Removing an article that
 * shares its file with others leaves it out (the store's exclusions) instead of editing the export.
 * Ingestion runs one at a time per process; each run records the store's change number it brought the
 * index to (beside the index), so `sync` knows when the index is behind the store.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SogaError } from '../src/core/errors.js';
import type { CorpusChange, CorpusManager } from '../src/core/assistant.js';
import type { DocumentStore } from '../src/core/document-store.js';
import type { LeaseStore } from '../src/core/lease.js';
import { LeaseKeeper } from '../src/core/lease-keeper.js';
import { describeError } from '../src/core/errors.js';
import type { ProgressReporter } from '../src/core/ports.js';
import type { DocumentRecord } from '../src/core/types.js';
import { writeFileAtomically } from '../src/infra/atomic-file.js';
import { FolderDocuments, UPLOADS_DIR } from './folder-documents.js';
import { IsolatedParser } from './isolated-parser.js';
import { isPdf, kindOf, SUPPORTED_EXTENSIONS } from './load.js';
import { ingest, type IngestDeps, type IngestOptions, type IngestReport } from './pipeline.js';
import { isHttpUrl, setSourceUrl } from './source-urls.js';

export interface CorpusFolderOptions extends IngestOptions {
  dataDir: string;
  /** Where the change number the index was brought to is kept: beside the index (default `<data>/lancedb/documents-change.json`). */
  appliedChangeFile?: string;
}

export interface CorpusFolderDeps extends IngestDeps {
  /** Where uploads are kept; by default files under `<corpus>/uploads/`. */
  documents?: DocumentStore;
  /**
   * With replicas: this replica holds the `ingest` lease (INGEST_LEASE) from before it stores or removes
   * a document until its index has the change, so the others' syncs wait and then read the vectors it
   * computed (shared passage vectors) instead of embedding the same passages at the same time.
   */
  ingestLease?: { store: LeaseStore; holder: string; ttlMs: number };
}

/** The lease a replica holds while it ingests a document change it made. */
export const INGEST_LEASE = 'ingest';

/** The store's change the index was last brought to, and which kind of store it was. */
interface AppliedChange {
  location: DocumentStore['location'];
  change: number;
}

export class CorpusFolder implements CorpusManager {
  private queue: Promise<unknown> = Promise.resolve();
  /** One parsing process for the uploads' checks and the ingest runs (it is restarted after a refusal). */
  private readonly parser: IsolatedParser;
  readonly documents: DocumentStore;
  private applied: AppliedChange | null | undefined;

  constructor(
    private readonly deps: CorpusFolderDeps,
    private readonly options: CorpusFolderOptions,
  ) {
    this.parser = new IsolatedParser(options.parse);
    this.documents = deps.documents ?? new FolderDocuments({ corpusDir: options.corpusDir, dataDir: options.dataDir, maxBytes: options.maxFileBytes });
  }

  private get appliedFile(): string {
    return this.options.appliedChangeFile ?? path.join(this.options.dataDir, 'lancedb', 'documents-change.json');
  }

  /** Where a store outside the corpus folder has its uploads copied for ingestion (a cache like the index). */
  private get storedCopies(): string {
    return path.join(this.options.dataDir, 'documents');
  }

  /** Runs a change of this replica's with the ingest lease held (waiting while another replica holds it). */
  private async holdingIngestLease<T>(work: () => Promise<T>): Promise<T> {
    const lease = this.deps.ingestLease;
    if (!lease) return work();
    const keeper = new LeaseKeeper({
      store: lease.store,
      name: INGEST_LEASE,
      holder: lease.holder,
      ttlMs: lease.ttlMs,
      onError: (error) => this.deps.log?.(`warning: the ingest lease: ${describeError(error)}`),
    });
    await keeper.start();
    while (!keeper.held) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, Math.floor(lease.ttlMs / 10))));
      await keeper.tick();
    }
    try {
      return await work();
    } finally {
      await keeper.stop();
    }
  }

  /** Serialises ingestion runs: two uploads at once must not interleave their writes. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  exclusions(): Promise<string[]> {
    return this.documents.exclusions();
  }

  /** The store's change number the index was last brought to (null: never, or from another kind of store). */
  async indexChange(): Promise<number | null> {
    if (this.applied === undefined) {
      try {
        this.applied = JSON.parse(await readFile(this.appliedFile, 'utf8')) as AppliedChange;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
        // No record (a new or rebuilt index) or a torn one: the next sync runs.
        this.applied = null;
      }
    }
    return this.applied && this.applied.location === this.documents.location ? this.applied.change : null;
  }

  private async run(paths: string[] = [], progress?: ProgressReporter): Promise<IngestReport> {
    // Read before the documents: a change made during the run leaves the index marked behind, never ahead.
    const change = await this.documents.change();
    const exclude = await this.documents.exclusions();
    const storedFiles = this.documents.location === 'database' ? await this.copyStored() : [];
    const report = await ingest(
      { ...this.deps, parser: this.deps.parser ?? this.parser, ...(progress ? { progress } : {}) },
      { ...this.options, paths, exclude, ...(storedFiles.length ? { storedFiles } : {}) },
    );
    this.applied = { location: this.documents.location, change };
    await mkdir(path.dirname(this.appliedFile), { recursive: true });
    await writeFileAtomically(this.appliedFile, `${JSON.stringify(this.applied)}\n`);
    return report;
  }

  /**
   * Copies the store's uploads to local files for ingestion and deletes the copies of removed ones. A
   * stored name is never reused for other bytes, so a copy of the right size is up to date.
   */
  private async copyStored(): Promise<{ abs: string; source: string; url?: string }[]> {
    const dir = this.storedCopies;
    await mkdir(dir, { recursive: true });
    const listed = await this.documents.list();
    const out: { abs: string; source: string; url?: string }[] = [];
    for (const info of listed) {
      const abs = path.join(dir, info.name);
      const current = await stat(abs).then(
        (s) => s.size === info.size,
        () => false,
      );
      if (!current) {
        const doc = await this.documents.get(info.name);
        // Removed since the list was read: the next sync sees its removal.
        if (!doc) continue;
        await writeFile(`${abs}.part`, doc.bytes);
        await rename(`${abs}.part`, abs);
      }
      out.push({ abs, source: `${UPLOADS_DIR}/${info.name}`, ...(info.url ? { url: info.url } : {}) });
    }
    const keep = new Set(listed.map((d) => d.name));
    for (const name of await readdir(dir)) if (!keep.has(name)) await unlink(path.join(dir, name));
    return out;
  }

  list(): Promise<DocumentRecord[]> {
    return this.deps.store.listDocuments();
  }

  reingest(): Promise<CorpusChange> {
    return this.exclusive(() => this.run());
  }

  /** Syncs the index with the corpus, the store's uploads and extra paths (`soga ingest`, start-up). */
  ingest(paths: string[] = [], progress?: ProgressReporter): Promise<IngestReport> {
    return this.exclusive(() => this.run(paths, progress));
  }

  /**
   * Brings the index up to date with the document store when it is behind (another replica added or
   * removed a document): the report of the run, or null when the index was already at the store's change.
   */
  sync(): Promise<IngestReport | null> {
    return this.exclusive(async () => {
      const change = await this.documents.change();
      if ((await this.indexChange()) === change) return null;
      return this.run();
    });
  }

  async addFile(originalName: string, bytes: Buffer, options: { uploadedBy?: string; url?: string } = {}): Promise<CorpusChange> {
    const url = options.url?.trim() || undefined;
    if (url && !isHttpUrl(url)) {
      throw new SogaError('INVALID_URL', `"${url.slice(0, 200)}" is not a web address, so "${path.basename(originalName)}" was not added`, {
        hint: 'give the article’s address as https://…, or leave it out',
      });
    }
    const kind = kindOf(originalName);
    if (!kind) {
      throw new SogaError('UNSUPPORTED_FILE_TYPE', `"${path.basename(originalName)}" is not a supported document`, { hint: `send ${SUPPORTED_EXTENSIONS.join(', ')}` });
    }
    if (bytes.length > this.options.maxFileBytes) {
      throw new SogaError('FILE_TOO_LARGE', `the file is ${bytes.length} bytes, over the ${this.options.maxFileBytes}-byte limit`);
    }
    if (kind === 'pdf' && !isPdf(bytes)) {
      throw new SogaError('INVALID_PDF', `"${path.basename(originalName)}" is not a PDF`, { hint: 'the content does not start with %PDF' });
    }
    // Fails with a clear code for binary data, encrypted, broken or too complex PDFs, before anything
    // is stored; parsed in the parsing process, never in the bot's.
    const text = await (this.deps.parser ?? this.parser).extract(bytes, kind, path.basename(originalName));
    if (!text.trim()) throw new SogaError('EMPTY_DOCUMENT', `"${path.basename(originalName)}" has no text`);
    return this.exclusive(() => this.holdingIngestLease(() => this.store(originalName, bytes, kind, options, url)));
  }

  /** Stores a checked upload and ingests it; an upload the run refuses is removed from the store again. */
  private async store(originalName: string, bytes: Buffer, kind: string, options: { uploadedBy?: string }, url: string | undefined): Promise<CorpusChange> {
    const { document } = await this.documents.add({ originalName, bytes, type: kind, ...(options.uploadedBy ? { uploadedBy: options.uploadedBy } : {}), ...(url ? { url } : {}) });
    const source = `${UPLOADS_DIR}/${document.name}`;
    const report = await this.run();
    const failure = report.failed.find((f) => f.source === source);
    if (failure) {
      await this.documents.remove(document.name);
      throw new SogaError(failure.code as never, failure.message);
    }
    this.deps.log?.(`${options.uploadedBy ?? 'someone'} added ${source}`);
    return report;
  }

  async remove(docId: string): Promise<CorpusChange> {
    return this.exclusive(() =>
      this.holdingIngestLease(async () => {
        const docs = await this.deps.store.listDocuments();
        const doc = docs.find((d) => d.id === docId);
        if (!doc) throw new SogaError('NOT_FOUND', `no document with id "${docId}"`, { hint: 'list documents to see their ids' });
        const uploads = doc.sources.filter((s) => s.startsWith(`${UPLOADS_DIR}/`));
        // An uploaded file that also produced other documents is kept: deleting it would remove them too.
        const shared = docs.some((d) => d.id !== doc.id && d.sources.some((s) => uploads.includes(s)));
        let deleted = 0;
        if (uploads.length === doc.sources.length && !shared) {
          for (const s of uploads) if ((await this.documents.remove(s.slice(UPLOADS_DIR.length + 1))).removed || (await this.unlinkLocal(s))) deleted++;
        }
        // The article shares a file with others, or its file is not one the store holds: leave it out
        // rather than rewrite staff's export or upload.
        if (!deleted) await this.documents.exclude(doc.id);
        return this.run();
      }),
    );
  }

  /** A file under the corpus folder the store does not manage (in a subfolder of uploads/, copied there by hand). */
  private async unlinkLocal(source: string): Promise<boolean> {
    const gone = await unlink(path.join(this.options.corpusDir, source)).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    // Its link was kept by the file's path: a later upload at that path must not inherit it.
    if (gone) await setSourceUrl(this.options.corpusDir, source, null);
    return gone;
  }
}
