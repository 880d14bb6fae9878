/**
 * CorpusManager over the corpus folder: uploads are stored under `<corpus>/uploads/` with generated
 * names (the original name is never a path), checked by content, then ingested. Removing an article
 * that shares its file with others puts it on an exclusion list instead of editing the export.
 * Ingestion runs one at a time per process.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SogaError } from '../src/core/errors.js';
import type { CorpusChange, CorpusManager } from '../src/core/assistant.js';
import type { DocumentRecord } from '../src/core/types.js';
import { IsolatedParser } from './isolated-parser.js';
import { isPdf, kindOf, SUPPORTED_EXTENSIONS } from './load.js';
import { ingest, type IngestDeps, type IngestOptions, type IngestReport } from './pipeline.js';
import { isHttpUrl, setSourceUrl } from './source-urls.js';

export interface CorpusFolderOptions extends IngestOptions {
  dataDir: string;
}

export class CorpusFolder implements CorpusManager {
  private queue: Promise<unknown> = Promise.resolve();
  /** One parsing process for the uploads' checks and the ingest runs (it is restarted after a refusal). */
  private readonly parser: IsolatedParser;

  constructor(
    private readonly deps: IngestDeps,
    private readonly options: CorpusFolderOptions,
  ) {
    this.parser = new IsolatedParser(options.parse);
  }

  private get uploadsDir(): string {
    return path.join(this.options.corpusDir, 'uploads');
  }

  private get exclusionsFile(): string {
    return path.join(this.options.dataDir, 'excluded-documents.json');
  }

  /** Serialises ingestion runs: two uploads at once must not interleave their writes. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async exclusions(): Promise<string[]> {
    try {
      return JSON.parse(await readFile(this.exclusionsFile, 'utf8')) as string[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async run(paths: string[] = []): Promise<IngestReport> {
    return ingest({ ...this.deps, parser: this.deps.parser ?? this.parser }, { ...this.options, paths, exclude: await this.exclusions() });
  }

  list(): Promise<DocumentRecord[]> {
    return this.deps.store.listDocuments();
  }

  reingest(): Promise<CorpusChange> {
    return this.exclusive(() => this.run());
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
    const ext = path.extname(originalName).toLowerCase();
    const stem =
      path
        .basename(originalName, path.extname(originalName))
        .normalize('NFKD')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'document';
    const name = `${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}-${stem}${ext}`;
    return this.exclusive(async () => {
      await mkdir(this.uploadsDir, { recursive: true });
      const target = path.join(this.uploadsDir, name);
      const source = path.relative(this.options.corpusDir, target).split(path.sep).join('/');
      // The link goes where staff keep the others (sources.json, by the upload's path), before the run reads it.
      if (url) await setSourceUrl(this.options.corpusDir, source, url);
      await writeFile(`${target}.part`, bytes);
      await rename(`${target}.part`, target);
      const report = await this.run();
      const failure = report.failed.find((f) => f.source === source);
      if (failure) {
        await unlink(target);
        if (url) await setSourceUrl(this.options.corpusDir, source, null);
        throw new SogaError(failure.code as never, failure.message);
      }
      this.deps.log?.(`${options.uploadedBy ?? 'someone'} added ${source}`);
      return report;
    });
  }

  async remove(docId: string): Promise<CorpusChange> {
    return this.exclusive(async () => {
      const docs = await this.deps.store.listDocuments();
      const doc = docs.find((d) => d.id === docId);
      if (!doc) throw new SogaError('NOT_FOUND', `no document with id "${docId}"`, { hint: 'list documents to see their ids' });
      const uploads = doc.sources.filter((s) => s.startsWith('uploads/'));
      // An uploaded file that also produced other documents is kept: deleting it would remove them too.
      const shared = docs.some((d) => d.id !== doc.id && d.sources.some((s) => uploads.includes(s)));
      if (uploads.length === doc.sources.length && !shared) {
        for (const s of uploads) {
          await unlink(path.join(this.options.corpusDir, s)).catch((e: NodeJS.ErrnoException) => {
            if (e.code !== 'ENOENT') throw e;
          });
          // Its link was kept by the upload's path: a later upload must not inherit a stale entry.
          await setSourceUrl(this.options.corpusDir, s, null);
        }
      } else {
        // The article shares a file with others: exclude it rather than rewrite staff's export or upload.
        const excluded = new Set(await this.exclusions());
        excluded.add(doc.id);
        await mkdir(this.options.dataDir, { recursive: true });
        await writeFile(this.exclusionsFile, JSON.stringify([...excluded], null, 2));
      }
      return this.run();
    });
  }
}
