/**
 * The embedded `DocumentStore`: uploads are files under `<corpus>/uploads/` (where ingestion reads the
 * corpus), their links in `corpus/sources.json` (where staff edit the others), the articles staff left
 * out in `<data>/excluded-documents.json`, and who uploaded what and the change number in
 * `<data>/uploads.json`. One process writes them; `watch` hears this store's own changes only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SogaError } from '../src/core/errors.js';
import { uploadFileName, type DocumentStore, type NewDocument, type StoredDocument, type StoredDocumentInfo } from '../src/core/document-store.js';
import { writeFileAtomically } from '../src/infra/atomic-file.js';
import { readSourceUrls, setSourceUrl } from './source-urls.js';

export interface FolderDocumentsOptions {
  corpusDir: string;
  dataDir: string;
  /** Larger uploads are refused (FILE_TOO_LARGE). */
  maxBytes: number;
  now?: () => Date;
}

interface Meta {
  change: number;
  documents: Record<string, { originalName: string; uploadedBy: string | null; addedAt: number }>;
}

export const UPLOADS_DIR = 'uploads';

export class FolderDocuments implements DocumentStore {
  readonly location = 'corpus-folder' as const;
  private readonly listeners = new Set<(change: number | null) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FolderDocumentsOptions) {}

  private get uploadsDir(): string {
    return path.join(this.options.corpusDir, UPLOADS_DIR);
  }

  private get metaFile(): string {
    return path.join(this.options.dataDir, 'uploads.json');
  }

  private get exclusionsFile(): string {
    return path.join(this.options.dataDir, 'excluded-documents.json');
  }

  /** One change at a time: each reads and rewrites the metadata file. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readJson<T>(file: string, empty: T): Promise<T> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
      throw new SogaError('STORE_UNAVAILABLE', `${file} cannot be read or is not valid JSON`, { cause: error, hint: 'fix or delete the file (uploads stay in corpus/uploads)' });
    }
  }

  private meta(): Promise<Meta> {
    return this.readJson<Meta>(this.metaFile, { change: 0, documents: {} });
  }

  /** Writes the metadata with the next change number, then tells the listeners. */
  private async commit(meta: Meta): Promise<number> {
    meta.change += 1;
    await mkdir(this.options.dataDir, { recursive: true });
    await writeFileAtomically(this.metaFile, `${JSON.stringify(meta, null, 2)}\n`);
    for (const listener of this.listeners) listener(meta.change);
    return meta.change;
  }

  add(document: NewDocument): Promise<{ document: StoredDocumentInfo; change: number }> {
    if (document.bytes.length > this.options.maxBytes) {
      return Promise.reject(new SogaError('FILE_TOO_LARGE', `the file is ${document.bytes.length} bytes, over the ${this.options.maxBytes}-byte limit`));
    }
    return this.serial(async () => {
      const now = this.options.now?.() ?? new Date();
      const name = uploadFileName(document.originalName, now, randomUUID());
      await mkdir(this.uploadsDir, { recursive: true });
      const target = path.join(this.uploadsDir, name);
      if (document.url) await setSourceUrl(this.options.corpusDir, `${UPLOADS_DIR}/${name}`, document.url);
      await writeFile(`${target}.part`, document.bytes);
      await rename(`${target}.part`, target);
      const meta = await this.meta();
      meta.documents[name] = { originalName: document.originalName, uploadedBy: document.uploadedBy ?? null, addedAt: now.getTime() };
      const change = await this.commit(meta);
      return {
        document: {
          name,
          originalName: document.originalName,
          type: document.type,
          size: document.bytes.length,
          contentHash: sha256(document.bytes),
          uploadedBy: document.uploadedBy ?? null,
          url: document.url ?? null,
          addedAt: now.getTime(),
        },
        change,
      };
    });
  }

  remove(name: string): Promise<{ removed: boolean; change: number }> {
    return this.serial(async () => {
      const meta = await this.meta();
      if (!isPlainName(name)) return { removed: false, change: meta.change };
      const file = path.join(this.uploadsDir, name);
      const exists = await stat(file).then(
        (info) => info.isFile(),
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return false;
          throw e;
        },
      );
      if (!exists) return { removed: false, change: meta.change };
      // The link goes first: a sources.json that cannot be rewritten stops the removal before anything is lost.
      const source = `${UPLOADS_DIR}/${name}`;
      if ((await readSourceUrls(this.options.corpusDir)).forArticle('', source)) await setSourceUrl(this.options.corpusDir, source, null);
      await unlink(file);
      delete meta.documents[name];
      return { removed: true, change: await this.commit(meta) };
    });
  }

  async list(): Promise<StoredDocumentInfo[]> {
    let entries: string[];
    try {
      entries = (await readdir(this.uploadsDir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.part')).map((e) => e.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const docs = await Promise.all(entries.map((name) => this.get(name)));
    return docs
      .filter((d): d is StoredDocument => d !== null)
      .map(({ bytes: _bytes, ...info }) => info)
      .sort((a, b) => a.addedAt - b.addedAt || a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<StoredDocument | null> {
    if (!isPlainName(name)) return null;
    const file = path.join(this.uploadsDir, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const [meta, urls, info] = await Promise.all([this.meta(), readSourceUrls(this.options.corpusDir), stat(file)]);
    // A file staff copied into uploads/ by hand has no metadata: its own name and time stand in.
    const known = meta.documents[name];
    return {
      name,
      originalName: known?.originalName ?? name,
      type: path.extname(name).slice(1).toLowerCase(),
      size: bytes.length,
      contentHash: sha256(bytes),
      uploadedBy: known?.uploadedBy ?? null,
      url: urls.forArticle('', `${UPLOADS_DIR}/${name}`) ?? null,
      addedAt: known?.addedAt ?? info.mtimeMs,
      bytes,
    };
  }

  exclude(docId: string): Promise<{ changed: boolean; change: number }> {
    return this.serial(async () => {
      const excluded = new Set(await this.exclusions());
      const meta = await this.meta();
      if (excluded.has(docId)) return { changed: false, change: meta.change };
      excluded.add(docId);
      await mkdir(this.options.dataDir, { recursive: true });
      await writeFileAtomically(this.exclusionsFile, JSON.stringify([...excluded], null, 2));
      return { changed: true, change: await this.commit(meta) };
    });
  }

  exclusions(): Promise<string[]> {
    return this.readJson<string[]>(this.exclusionsFile, []);
  }

  async change(): Promise<number> {
    return (await this.meta()).change;
  }

  async watch(onChange: (change: number | null) => void): Promise<() => Promise<void>> {
    this.listeners.add(onChange);
    return async () => void this.listeners.delete(onChange);
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stored name is a plain file name, never a path out of the uploads folder. */
function isPlainName(name: string): boolean {
  return name.length > 0 && name === path.basename(name) && name !== '.' && name !== '..' && !name.includes('\\');
}
