/**
 * The ingestion pipeline: load → segment → dedupe → language + date → chunk → embed → upsert, and
 * the events each article reports (events.ts) into the events index.
 *
 * It syncs the index to a set of sources: the corpus folder, any extra paths given, and extra files
 * ingested earlier that still exist. Unchanged articles (same content hash and model) are skipped;
 * changed ones are re-embedded and replaced atomically; articles that are gone are removed. A file
 * that cannot be read is reported and skipped, and what it produced before stays in the index.
 */
import { readSourceUrls, SOURCES_FILE, type SourceUrls } from './source-urls.js';
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SogaError, describeError } from '../src/core/errors.js';
import type { ChunkStore, Embedder, EventIndex, LanguageDetector, ProgressReporter } from '../src/core/ports.js';
import type { EventRecord } from '../src/core/events/types.js';
import type { ChunkWithVector, DocumentRecord } from '../src/core/types.js';
import { normalizeText } from '../src/core/text/normalize.js';
import { embeddedText } from '../src/core/retrieval/passage-text.js';
import { CHUNKER_VERSION, chunkArticle, type ChunkOptions } from './chunk.js';
import { dedupe, type DedupedArticle } from './dedupe.js';
import { IsolatedParser, type FileParser, type ParseLimits } from './isolated-parser.js';
import { kindOf, loadFile, SUPPORTED_EXTENSIONS, type LoadedFile } from './load.js';
import { detectDate } from './metadata.js';
import { EVENT_EXTRACTOR_VERSION, extractEvents } from './events.js';
import { segment } from './segment.js';

export interface IngestDeps {
  store: ChunkStore;
  /** Null: no model could be had, the index is lexical only. */
  embedder: Embedder | null;
  detector: LanguageDetector;
  progress?: ProgressReporter;
  /** Messages for the person running ingestion (stderr). */
  log?: (message: string) => void;
  now?: () => Date;
  /** The events index, kept in step with the documents; none: events are not extracted. */
  events?: EventIndex;
  /** A parser to reuse across runs; by default each run starts one with `options.parse` and stops it. */
  parser?: FileParser;
}

export interface IngestOptions {
  corpusDir: string;
  /** Extra files or folders to ingest beside the corpus. */
  paths?: string[];
  maxFileBytes: number;
  /** Time and memory limits for parsing one HTML or PDF file (SOGA_PARSE_TIMEOUT_MS, SOGA_PARSE_MAX_MEMORY_MB). */
  parse: ParseLimits;
  batchSize: number;
  /** SOGA_CHUNK_MAX_CHARS / SOGA_CHUNK_MIN_CHARS. */
  chunking: ChunkOptions;
  /** Document ids staff removed from a shared export file; they are not indexed. */
  exclude?: string[];
  /**
   * Uploads of a document store kept outside the corpus folder (PostgreSQL), copied to local files by
   * the caller: each is indexed under `source` (`uploads/<name>`, as if in the corpus folder, so every
   * replica cites it alike) with the link given with the upload.
   */
  storedFiles?: { abs: string; source: string; url?: string }[];
}

export interface IngestFailure {
  source: string;
  code: string;
  message: string;
}

export interface IngestReport {
  added: string[];
  updated: string[];
  skipped: string[];
  removed: string[];
  failed: IngestFailure[];
  /** Near-duplicate copies merged into one article (every run: the merge is redone from the files). */
  merged: { title: string; source: string; copyTitle: string; copySource: string }[];
  /** True when the index was emptied because the embedding model changed. */
  reembedded: boolean;
  chunks: number;
}

interface FoundFile {
  abs: string;
  source: string;
}

/** Files under a folder, or the file itself; unreadable folders are reported, not fatal. */
async function collect(target: string, root: string | null, failures: IngestFailure[]): Promise<FoundFile[]> {
  const sourceOf = (abs: string) => (root ? path.relative(root, abs).split(path.sep).join('/') : abs);
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    failures.push({ source: target, code: 'UNREADABLE_FILE', message: `${target}: not found or not readable (${describeError(error)})` });
    return [];
  }
  if (info.isFile()) return [{ abs: path.resolve(target), source: sourceOf(path.resolve(target)) }];
  const out: FoundFile[] = [];
  let entries;
  try {
    entries = await readdir(target, { withFileTypes: true });
  } catch (error) {
    failures.push({ source: sourceOf(path.resolve(target)) || target, code: 'UNREADABLE_FILE', message: `${target}: folder cannot be read (${describeError(error)})` });
    return [];
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // The README explains the folder and sources.json holds links (source-urls.ts): neither is an article.
    if (entry.name.startsWith('.') || entry.name === 'README.md' || entry.name === SOURCES_FILE) continue;
    const abs = path.resolve(target, entry.name);
    if (entry.isDirectory()) out.push(...(await collect(abs, root, failures)));
    else if (entry.isFile()) out.push({ abs, source: sourceOf(abs) });
  }
  return out;
}

/** Passages per append of new documents: large enough to amortise a write, small enough for memory. */
const APPEND_BATCH_CHUNKS = 512;

export function documentId(title: string): string {
  const slug = normalizeText(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  const hash = createHash('sha256').update(normalizeText(title)).digest('hex').slice(0, 8);
  return `${slug || 'doc'}-${hash}`;
}

/**
 * The source members see in citations (and a chat model in its passages). A file from outside the
 * corpus is known by its absolute path, which the index keeps to find it again; citing it would show
 * the server's folders to every member: it is cited by its file name.
 */
export function citedSource(source: string): string {
  return path.isAbsolute(source) ? path.basename(source) : source;
}

function articleText(article: DedupedArticle): string {
  return `${article.title}\n${article.blocks.map((b) => b.text).join('\n')}`;
}

export async function ingest(deps: IngestDeps, options: IngestOptions): Promise<IngestReport> {
  const log = deps.log ?? (() => undefined);
  const now = deps.now ?? (() => new Date());
  const report: IngestReport = { added: [], updated: [], skipped: [], removed: [], failed: [], merged: [], reembedded: false, chunks: 0 };
  const corpusRoot = path.resolve(options.corpusDir);

  const { reset } = await deps.store.prepare(deps.embedder?.modelId ?? null, deps.embedder?.dimension ?? null);
  report.reembedded = reset;
  if (reset) log(`the embedding model changed to ${deps.embedder?.modelId ?? 'none (lexical only)'}: re-indexing every document`);
  await deps.store.removeOrphans();
  const stored = new Map((await deps.store.listDocuments()).map((d) => [d.id, d]));

  // Sources: the corpus, extra paths, and extra files ingested before that still exist.
  const files: FoundFile[] = [];
  const corpusFailures: IngestFailure[] = [];
  files.push(...(await collect(corpusRoot, corpusRoot, corpusFailures)));
  for (const extra of options.paths ?? []) {
    const abs = path.resolve(extra);
    const inside = abs === corpusRoot || abs.startsWith(corpusRoot + path.sep);
    files.push(...(await collect(abs, inside ? corpusRoot : null, report.failed)));
  }
  const earlierExtras = [...stored.values()].flatMap((d) => d.sources).filter((s) => path.isAbsolute(s));
  for (const extra of new Set(earlierExtras)) {
    if (!files.some((f) => f.abs === extra)) files.push(...(await collect(extra, null, [])));
  }
  for (const stored of options.storedFiles ?? []) files.push({ abs: path.resolve(stored.abs), source: stored.source });
  report.failed.push(...corpusFailures);
  const unique = [...new Map(files.map((f) => [f.abs, f])).values()];

  const loaded: LoadedFile[] = [];
  const failedSources = new Set<string>(corpusFailures.map((f) => f.source));
  const ownParser = deps.parser ? null : new IsolatedParser(options.parse);
  const parser = deps.parser ?? ownParser!;
  try {
    for (const file of unique) {
      if (!kindOf(file.abs)) {
        report.failed.push({ source: file.source, code: 'UNSUPPORTED_FILE_TYPE', message: `${file.source}: unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(', ')})` });
        failedSources.add(file.source);
        continue;
      }
      try {
        loaded.push(await loadFile(file.abs, file.source, { maxBytes: options.maxFileBytes, parser }));
      } catch (error) {
        const code = error instanceof SogaError ? error.code : 'UNREADABLE_FILE';
        report.failed.push({ source: file.source, code, message: describeError(error) });
        failedSources.add(file.source);
      }
    }
  } finally {
    ownParser?.close();
  }

  const detect = (text: string) => deps.detector.detect(text).lang;
  const segmented = loaded.flatMap((file) => segment(file, { detectLanguage: detect }));
  const articles = dedupe(segmented);
  report.merged = articles.flatMap((a) => a.merges.map((m) => ({ title: a.title, source: a.source, copyTitle: m.title, copySource: m.source })));

  // Links: staff's sources.json first (it can correct a page's own), then the file's own address.
  let sourceUrls: SourceUrls = { forArticle: () => undefined };
  let sourceUrlsFailed = false;
  try {
    sourceUrls = await readSourceUrls(corpusRoot);
  } catch (error) {
    sourceUrlsFailed = true;
    report.failed.push({ source: SOURCES_FILE, code: error instanceof SogaError ? error.code : 'UNREADABLE_FILE', message: `${describeError(error)} (links already stored are kept)` });
  }
  const fileUrls = new Map(loaded.filter((f) => f.url).map((f) => [f.source, f.url!]));
  // The link staff gave with a stored upload is their word for it, as sources.json is for the files.
  const storedUrls = new Map((options.storedFiles ?? []).filter((f) => f.url).map((f) => [f.source, f.url!]));
  const urlOf = (article: { title: string; source: string }, id: string) =>
    storedUrls.get(article.source) ?? sourceUrls.forArticle(article.title, article.source) ?? fileUrls.get(article.source) ?? (sourceUrlsFailed ? (stored.get(id)?.url ?? undefined) : undefined);

  // Titles shared by different articles get distinct ids.
  const ids = new Map<string, number>();
  const planned = articles.map((article) => {
    let id = documentId(article.title);
    const n = (ids.get(id) ?? 0) + 1;
    ids.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    const text = articleText(article);
    const url = urlOf(article, id);
    const contentHash = createHash('sha256')
      .update(text)
      .update(`\0url ${url ?? ''}`)
      .update('\0')
      .update(JSON.stringify(options.chunking))
      .update(`chunker ${CHUNKER_VERSION}`)
      .update(JSON.stringify(article.sources))
      .update(path.isAbsolute(article.source) ? 'cited by file name' : '')
      .digest('hex');
    // Sources are part of the hash: a copy found in another file updates the document's source list.
    return { id, article, text, contentHash, url };
  });

  const excluded = new Set(options.exclude ?? []);
  for (let i = planned.length - 1; i >= 0; i--) if (excluded.has(planned[i].id)) planned.splice(i, 1);

  const work = planned.filter((p) => {
    const prev = stored.get(p.id);
    return !(prev && prev.contentHash === p.contentHash && prev.embedModel === (deps.embedder?.modelId ?? null));
  });
  const totalChunks: number[] = [];
  // Events are replaced with their document's chunks; an article whose events were extracted from
  // another text or by older rules (a crash between the two writes, a new extractor) gets them again.
  const eventStamps = deps.events ? await deps.events.stamps() : new Map<string, string>();
  const eventsToWrite: { docId: string; stamp: string; events: EventRecord[] }[] = [];
  const stampOf = (p: (typeof planned)[number]) => `${p.contentHash}:events ${EVENT_EXTRACTOR_VERSION}`;
  const toWrite = new Set(work);
  // New documents are appended together, a few hundred passages per write: one LanceDB merge per
  // document scans the whole table, and made ingesting 1,880 short articles quadratic.
  const pending: { doc: DocumentRecord; chunks: ChunkWithVector[]; source: string }[] = [];
  let pendingChunks = 0;
  const flush = async () => {
    const batch = pending.splice(0);
    pendingChunks = 0;
    if (!batch.length) return;
    try {
      await deps.store.addDocuments(batch.map(({ doc, chunks }) => ({ doc, chunks })));
      for (const { doc } of batch) {
        report.added.push(doc.title);
        totalChunks.push(doc.chunkCount);
      }
    } catch (error) {
      if (error instanceof SogaError && error.code === 'DISK_FULL') throw error;
      for (const { doc, source } of batch) report.failed.push({ source, code: error instanceof SogaError ? error.code : 'STORE_WRITE_FAILED', message: `${doc.title}: ${describeError(error)}` });
    }
  };
  deps.progress?.start(work.length, 'ingesting');
  for (const p of planned) {
    const prev = stored.get(p.id);
    const sources = p.article.sources;
    const body = p.article.blocks.map((b) => b.text).join('\n');
    const analysed = () => {
      const lang = detect(body);
      const date = detectDate(body);
      const chunks = chunkArticle({ docId: p.id, title: p.article.title, source: citedSource(p.article.source), lang, date, blocks: p.article.blocks }, options.chunking).map((c) =>
        p.url ? { ...c, url: p.url } : c,
      );
      return { lang, date, chunks };
    };
    const eventsOf = ({ lang, date, chunks }: ReturnType<typeof analysed>) => ({
      docId: p.id,
      stamp: stampOf(p),
      events: extractEvents({ docId: p.id, title: p.article.title, lang, date, source: citedSource(p.article.source), blocks: p.article.blocks, chunks }),
    });
    if (!toWrite.has(p)) {
      report.skipped.push(p.article.title);
      totalChunks.push(prev!.chunkCount);
      if (deps.events && eventStamps.get(p.id) !== stampOf(p)) eventsToWrite.push(eventsOf(analysed()));
      continue;
    }
    const { lang, date, chunks } = analysed();
    try {
      const withVectors: ChunkWithVector[] = chunks.map((c) => ({ ...c }));
      if (deps.embedder) {
        for (let i = 0; i < withVectors.length; i += options.batchSize) {
          const batch = withVectors.slice(i, i + options.batchSize);
          const vectors = await deps.embedder.embedPassages(batch.map(embeddedText));
          batch.forEach((c, j) => (c.vector = vectors[j]));
        }
      }
      const doc: DocumentRecord = {
        id: p.id,
        title: p.article.title,
        source: citedSource(p.article.source),
        sources,
        url: p.url ?? null,
        lang,
        date,
        contentHash: p.contentHash,
        chunkCount: chunks.length,
        ingestedAt: now().toISOString(),
        embedModel: deps.embedder?.modelId ?? null,
      };
      if (prev) {
        await deps.store.upsertDocument(doc, withVectors);
        if (deps.events) eventsToWrite.push(eventsOf({ lang, date, chunks }));
        report.updated.push(p.article.title);
        totalChunks.push(chunks.length);
      } else {
        // A new document whose write fails is not in the index: its events are dropped at the end.
        if (deps.events) eventsToWrite.push(eventsOf({ lang, date, chunks }));
        pending.push({ doc, chunks: withVectors, source: p.article.source });
        pendingChunks += withVectors.length;
        if (pendingChunks >= APPEND_BATCH_CHUNKS) await flush();
      }
    } catch (error) {
      if (error instanceof SogaError && error.code === 'DISK_FULL') throw error;
      report.failed.push({ source: p.article.source, code: error instanceof SogaError ? error.code : 'STORE_WRITE_FAILED', message: `${p.article.title}: ${describeError(error)}` });
      if (prev) totalChunks.push(prev.chunkCount);
    }
    deps.progress?.tick();
  }
  await flush();
  deps.progress?.stop();

  // Removal: a stored article that no source produced any more, unless its file failed to load
  // this time (then we keep what we had rather than lose it).
  const produced = new Set(planned.map((p) => p.id));
  // A corpus folder that could not be listed (the root itself when it is missing or unreadable)
  // protects every file that was under it.
  const unreadableDirs = corpusFailures.map((f) => (f.source === corpusRoot ? '' : f.source));
  const underUnreadable = (s: string) => !path.isAbsolute(s) && unreadableDirs.some((dir) => dir === '' || s.startsWith(`${dir}/`));
  for (const doc of stored.values()) {
    if (produced.has(doc.id)) continue;
    if (doc.sources.some((s) => failedSources.has(s) || underUnreadable(s))) continue;
    await deps.store.deleteDocument(doc.id);
    report.removed.push(doc.title);
  }
  if (deps.events) {
    // Events of documents the index no longer holds (removed now, or in a run that stopped early) go.
    const kept = new Set((await deps.store.listDocuments()).map((d) => d.id));
    const remove = [...eventStamps.keys()].filter((id) => !kept.has(id));
    try {
      await deps.events.sync({ replace: eventsToWrite.filter((e) => kept.has(e.docId)), remove });
    } catch (error) {
      if (error instanceof SogaError && error.code === 'DISK_FULL') throw error;
      report.failed.push({ source: 'events index', code: error instanceof SogaError ? error.code : 'STORE_WRITE_FAILED', message: `the events index: ${describeError(error)}` });
    }
  }
  await deps.store.optimize();
  report.chunks = totalChunks.reduce((a, b) => a + b, 0);
  return report;
}
