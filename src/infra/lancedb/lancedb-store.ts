/**
 * ChunkStore on embedded LanceDB: a `chunks` table (text, language-aware stems, normalised text and,
 * when a model is configured, vectors) with a BM25 full-text index on the stems (and one on character
 * trigrams while the table is small), and a `documents` table that records what was ingested. A document row is written only after all its chunks are.
 *
 * Lexical retrieval is BM25 on the stems plus an approximate list for typos and close cognates
 * ("solidarity"/"solidaire"). While the table is small that list comes from a character-trigram
 * index; its posting lists grow with the table (p95 39 ms at 10k passages, 460 ms at 100k), so past
 * `trigramMaxRows` the index is dropped and the list is BM25 on the stems plus the stems of the index
 * one edit away from them, found in memory in the table's stem vocabulary (stem-vocabulary.ts). LanceDB's
 * own fuzzy query did the same expansion inside the query and cost 137 ms p95 at 1M passages; a plain
 * query on the expanded stems costs about what the exact one does (docs/performance.md). Trigrams stay
 * below the threshold because on the development questions they still rank better. The word document
 * frequencies the answerability check needs, and the stem vocabulary of large tables, are computed
 * when the index is optimised and kept beside the tables (`term-stats.json`, `stem-vocabulary.json`),
 * so no question pays for a scan of every passage.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { z } from 'zod';
import { Field, FixedSizeList, Float32, Int32, Schema, Utf8 } from 'apache-arrow';
import { describeError, SogaError } from '../../core/errors.js';
import { writeFileAtomically } from '../atomic-file.js';
import type { ChunkStore, SearchRequest, TermStats } from '../../core/ports.js';
import type { ChunkRecord, ChunkWithVector, DocumentRecord, Hit, LanguageCode, RetrievalLists } from '../../core/types.js';
import { analyzePassage, analyzeQuery } from '../../core/text/analyzer.js';
import { normalizeText } from '../../core/text/normalize.js';
import { searchableText } from '../../core/retrieval/passage-text.js';
import { sqlIn, sqlString } from './sql.js';
import { StemVocabulary } from './stem-vocabulary.js';
import { VectorIndex, type VectorIndexOptions, type VectorIndexReport } from './vector-index.js';

const CHUNKS = 'chunks';
const DOCUMENTS = 'documents';
const TERM_STATS = 'term-stats.json';
const STEM_VOCABULARY = 'stem-vocabulary.json';
/**
 * The approximate list of large tables: each stem of the question with at most this many stems of the
 * index one edit away (first letter fixed; the ones most passages use first). 3 and 10 cost the same at
 * 1M passages (13.7 / 13.6 ms p95); on the shipped corpus forced onto this path, 3 ranked one dev
 * question better (docs/performance.md).
 */
export const NEAR_STEMS_PER_STEM = 3;
/**
 * LanceDB's fuzzy query on the stems, what large tables used before the stem vocabulary: now only
 * while a store has no vocabulary yet (an index optimised before it existed, while it is counted).
 * Its `maxExpansions` is a budget for the whole question, not per stem.
 */
export const FUZZY_QUERY = { fuzziness: 1, prefixLength: 1, maxExpansions: 10 };
/**
 * Up to this many passages the approximate list comes from character trigrams (BM25 + trigrams
 * measured 18 ms p95 at 5,000 passages on 2 loaded cores, growing linearly); past it from FUZZY_QUERY.
 */
export const DEFAULT_TRIGRAM_MAX_ROWS = 5_000;
// Bump when what is stored changes (columns or text analysis): the next ingest rebuilds the index.
// 4: the article's url (chunks and documents); older tables stay readable (no url) until then.
const SCHEMA_VERSION = 4;

const indexMetaSchema = z.object({
  schemaVersion: z.number().int().nonnegative(),
  embedModel: z.string().min(1).nullable(),
  dimension: z.number().int().positive().nullable(),
});

export type IndexMeta = z.infer<typeof indexMetaSchema>;

export interface LanceDbStoreOptions {
  dir: string;
  /** Seconds between checks for writes made by another process (the web upload vs the bot). */
  readConsistencySeconds?: number;
  /** When and how the vectors get an approximate index (defaults: vector-index.ts, measured by `npm run bench`). */
  vectorIndex?: Partial<VectorIndexOptions>;
  /** Largest table searched with the character-trigram index (DEFAULT_TRIGRAM_MAX_ROWS); 0: never. */
  trigramMaxRows?: number;
  /** Operator warnings for failures the store survives (a background count, a read-only folder). */
  warn?: (message: string) => void;
}

type Row = Record<string, unknown>;

function chunkSchema(dimension: number | null): Schema {
  const fields: Field[] = [
    new Field('id', new Utf8(), false),
    new Field('doc_id', new Utf8(), false),
    new Field('title', new Utf8(), false),
    new Field('source', new Utf8(), false),
    new Field('lang', new Utf8(), false),
    new Field('date', new Utf8(), true),
    new Field('position', new Int32(), false),
    new Field('section', new Utf8(), true),
    new Field('context', new Utf8(), true),
    new Field('url', new Utf8(), true),
    new Field('text', new Utf8(), false),
    new Field('lex', new Utf8(), false),
    // Normalised text: the trigram index of small tables, and the words of the term statistics.
    new Field('grams', new Utf8(), false),
  ];
  if (dimension) fields.push(new Field('vector', new FixedSizeList(dimension, new Field('item', new Float32(), true)), true));
  return new Schema(fields);
}

const documentSchema = new Schema([
  new Field('id', new Utf8(), false),
  new Field('title', new Utf8(), false),
  new Field('source', new Utf8(), false),
  new Field('sources', new Utf8(), false),
  new Field('url', new Utf8(), true),
  new Field('lang', new Utf8(), false),
  new Field('date', new Utf8(), true),
  new Field('content_hash', new Utf8(), false),
  new Field('chunk_count', new Int32(), false),
  new Field('ingested_at', new Utf8(), false),
  new Field('embed_model', new Utf8(), true),
]);

/** errno values Rust's io::Error reports as "(os error N)", by the Node code they stand for (28 on Linux and macOS alike). */
const OS_ERRORS: Record<number, string> = { 28: 'ENOSPC' };

/**
 * The system error code of a failure, from the first error in the cause chain that has one. Node's own
 * file calls set `code` ('ENOSPC'); LanceDB's native layer only gives napi's 'GenericFailure' and the
 * errno in Rust's io::Error form, which is read as a number and mapped to the same code.
 */
export function systemErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, errno, message, cause } = current as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (typeof errno === 'number' && OS_ERRORS[-errno]) return OS_ERRORS[-errno];
    const os = typeof message === 'string' ? /\(os error (\d+)\)/.exec(message) : null;
    if (os && OS_ERRORS[Number(os[1])]) return OS_ERRORS[Number(os[1])];
    current = cause;
  }
  return undefined;
}

export function wrapWriteError(error: unknown, what: string): SogaError {
  const code = systemErrorCode(error);
  if (code === 'ENOSPC') {
    return new SogaError('DISK_FULL', `${what}: the disk is full; nothing was changed`, { cause: error, hint: 'free some space and run again' });
  }
  return new SogaError('STORE_WRITE_FAILED', `${what}: the index could not be written; the previous version is kept`, { cause: error });
}

export class LanceDbStore implements ChunkStore {
  private constructor(
    private readonly db: lancedb.Connection,
    private readonly dir: string,
    private meta: IndexMeta,
    private chunks: lancedb.Table | null,
    private documents: lancedb.Table | null,
    private readonly vectors: VectorIndex,
    private readonly trigramMaxRows: number,
    private readonly warn: (message: string) => void,
  ) {}

  static async open(options: LanceDbStoreOptions): Promise<LanceDbStore> {
    try {
      await mkdir(options.dir, { recursive: true });
      const db = await lancedb.connect(options.dir, { readConsistencyInterval: options.readConsistencySeconds ?? 2 });
      const names = await db.tableNames();
      const meta = await readMeta(options.dir);
      const chunks = names.includes(CHUNKS) ? await db.openTable(CHUNKS) : null;
      const documents = names.includes(DOCUMENTS) ? await db.openTable(DOCUMENTS) : null;
      return new LanceDbStore(
        db,
        options.dir,
        meta,
        chunks,
        documents,
        new VectorIndex(options.dir, options.vectorIndex),
        options.trigramMaxRows ?? DEFAULT_TRIGRAM_MAX_ROWS,
        options.warn ?? ((m) => process.stderr.write(`warning: ${m}\n`)),
      );
    } catch (cause) {
      throw new SogaError('STORE_UNAVAILABLE', `cannot open the index in ${options.dir}`, {
        cause,
        hint: 'check the folder is writable (SOGA_DATA_DIR)',
      });
    }
  }

  get indexMeta(): IndexMeta {
    return this.meta;
  }

  /**
   * Makes the tables fit the embedding model. A different model or dimension means another vector
   * space: the index is emptied so every document is re-embedded instead of mixing spaces.
   */
  async prepare(embedModel: string | null, dimension: number | null): Promise<{ reset: boolean }> {
    // The folder may have been deleted since the store was opened (a long-running bot or web process):
    // forget the tables that are gone, so they are created again instead of failing on missing files.
    // A failure to list is not an empty folder: overwriting the tables on a transient I/O error would
    // empty the index, so it stops here and the tables stay as they are.
    let names: string[];
    try {
      names = await this.db.tableNames();
    } catch (cause) {
      throw new SogaError('STORE_UNAVAILABLE', `cannot list the index tables in ${this.dir}; nothing was changed`, { cause, hint: 'check the folder is readable (SOGA_DATA_DIR) and run again' });
    }
    if (!names.includes(CHUNKS) || !names.includes(DOCUMENTS)) {
      if (!names.includes(CHUNKS)) this.chunks = null;
      if (!names.includes(DOCUMENTS)) this.documents = null;
      this.stats = null;
      await mkdir(this.dir, { recursive: true });
      this.meta = await readMeta(this.dir);
    }
    const same = this.meta.schemaVersion === SCHEMA_VERSION && this.meta.embedModel === embedModel && this.meta.dimension === dimension;
    if (same && this.chunks && this.documents) return { reset: false };
    const hadData = Boolean(this.documents && (await this.documents.countRows()) > 0);
    try {
      if (!same || !this.chunks) {
        // Table versions may repeat after an overwrite: statistics of the old table must not match.
        await rm(path.join(this.dir, TERM_STATS), { force: true });
        await rm(path.join(this.dir, STEM_VOCABULARY), { force: true });
        this.stats = null;
        this.vocabulary = null;
        this.chunks = await this.db.createEmptyTable(CHUNKS, chunkSchema(dimension), { mode: 'overwrite' });
        this.documents = await this.db.createEmptyTable(DOCUMENTS, documentSchema, { mode: 'overwrite' });
      } else if (!this.documents) {
        this.documents = await this.db.createEmptyTable(DOCUMENTS, documentSchema, { mode: 'overwrite' });
      }
      this.meta = { schemaVersion: SCHEMA_VERSION, embedModel, dimension };
      await writeMeta(this.dir, this.meta);
    } catch (error) {
      throw wrapWriteError(error, 'preparing the index');
    }
    return { reset: hadData && !same };
  }

  /**
   * Opens the tables another process created after this store was opened (the bot started on an empty
   * data folder, then `soga ingest` ran): without this, readers would see an empty index until restart.
   */
  private async attach(): Promise<void> {
    if (this.chunks && this.documents) return;
    const names = await this.db.tableNames();
    if (!this.chunks && names.includes(CHUNKS)) this.chunks = await this.db.openTable(CHUNKS);
    if (!this.documents && names.includes(DOCUMENTS)) this.documents = await this.db.openTable(DOCUMENTS);
    if (this.chunks) this.meta = await readMeta(this.dir);
  }

  private requireChunks(): lancedb.Table {
    if (!this.chunks) {
      throw new SogaError('STORE_UNAVAILABLE', 'the index is empty', { hint: 'run `soga ingest` first' });
    }
    return this.chunks;
  }

  async upsertDocument(doc: DocumentRecord, chunks: ChunkWithVector[]): Promise<void> {
    const table = this.requireChunks();
    const rows = this.rowsOf(chunks);
    try {
      if (rows.length) {
        // One merge = one commit: readers see the old chunks or the new ones, and stale positions go.
        await table
          .mergeInsert('id')
          .whenMatchedUpdateAll()
          .whenNotMatchedInsertAll()
          .whenNotMatchedBySourceDelete({ where: `doc_id = ${sqlString(doc.id)}` })
          .execute(rows);
      } else {
        await table.delete(`doc_id = ${sqlString(doc.id)}`);
      }
      await this.documents!.mergeInsert('id')
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute([documentRow(doc)]);
    } catch (error) {
      if (error instanceof SogaError) throw error;
      throw wrapWriteError(error, `writing "${doc.title}"`);
    }
  }

  async addDocuments(entries: { doc: DocumentRecord; chunks: ChunkWithVector[] }[]): Promise<void> {
    if (!entries.length) return;
    const table = this.requireChunks();
    const rows = this.rowsOf(entries.flatMap((e) => e.chunks));
    try {
      // Appends: a new fragment each, merged by optimize() at the end of the ingest.
      if (rows.length) await table.add(rows);
      await this.documents!.add(entries.map((e) => documentRow(e.doc)));
    } catch (error) {
      if (error instanceof SogaError) throw error;
      throw wrapWriteError(error, `writing ${entries.length} new documents`);
    }
  }

  private rowsOf(chunks: ChunkWithVector[]): Row[] {
    const wantsVectors = Boolean(this.meta.dimension);
    return chunks.map((c) => {
      if (wantsVectors && (!c.vector || c.vector.length !== this.meta.dimension)) {
        throw new SogaError('EMBEDDING_DIMENSION_MISMATCH', `chunk ${c.id} has ${c.vector?.length ?? 0} dimensions, the index expects ${this.meta.dimension}`);
      }
      const indexed = searchableText(c);
      const row: Row = {
        id: c.id,
        doc_id: c.docId,
        title: c.title,
        source: c.source,
        lang: c.lang,
        date: c.date,
        position: c.position,
        section: c.section,
        context: c.context ?? null,
        url: c.url ?? null,
        text: c.text,
        lex: analyzePassage(indexed, c.lang).join(' '),
        // Without the article's lead: the term statistics are counted on this column, and a lead
        // repeated in every passage would make its words look common (and weigh less in a question).
        // So the trigram list of small tables does not see the lead either; BM25 on `lex` does.
        grams: normalizeText(searchableText({ ...c, context: null })),
      };
      if (wantsVectors) row.vector = Array.from(c.vector!);
      return row;
    });
  }

  async deleteDocument(docId: string): Promise<void> {
    try {
      // The document row goes first: a crash in between leaves orphan chunks the next run removes.
      await this.documents?.delete(`id = ${sqlString(docId)}`);
      await this.chunks?.delete(`doc_id = ${sqlString(docId)}`);
    } catch (error) {
      throw wrapWriteError(error, `removing ${docId}`);
    }
  }

  /** Chunks whose document row is missing (a crash mid-write) are removed. */
  async removeOrphans(): Promise<number> {
    await this.attach();
    if (!this.chunks || !this.documents) return 0;
    const docIds = new Set(((await this.documents.query().select(['id']).toArray()) as Row[]).map((r) => String(r.id)));
    const chunkDocIds = new Set(((await this.chunks.query().select(['doc_id']).toArray()) as Row[]).map((r) => String(r.doc_id)));
    const orphans = [...chunkDocIds].filter((id) => !docIds.has(id));
    if (orphans.length) await this.chunks.delete(`doc_id IN ${sqlIn(orphans)}`);
    return orphans.length;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    await this.attach();
    if (!this.documents) return [];
    const rows = await this.documents.query().toArray();
    return rows.map(toDocument).sort((a, b) => a.title.localeCompare(b.title));
  }

  async getChunks(ids: string[]): Promise<ChunkRecord[]> {
    await this.attach();
    if (!this.chunks || !ids.length) return [];
    const rows = await this.chunks
      .query()
      .where(`id IN ${sqlIn(ids)}`)
      .select((await this.tableShape(this.chunks)).columns)
      .toArray();
    return rows.map(toChunk);
  }

  private stats: { version: number; value: TermStats } | null = null;
  private refreshing: Promise<void> | null = null;

  /**
   * Word document frequencies. They are computed by optimize() after every ingest and saved with the
   * table version they describe, so a reader (this process or the bot beside the web upload) only reads
   * a file. When the table has moved on without an optimize() (writes still under way), the last
   * statistics are served while a fresh count runs in the background: they weigh words by rarity, and a
   * few articles more or less barely change that. Only an index that never had statistics waits for them.
   */
  async termStats(): Promise<TermStats> {
    await this.attach();
    if (!this.chunks) return { total: 0, df: () => 0 };
    const table = this.chunks;
    const version = await table.version();
    if (this.stats?.version === version) return this.stats.value;
    const saved = await readTermStats(this.dir);
    // A newer file than this handle's version: the handle lags the writer by the read-consistency interval.
    if (saved && saved.version >= version) {
      this.stats = saved;
      return saved.value;
    }
    if (saved && (!this.stats || saved.version > this.stats.version)) this.stats = saved;
    if (!this.stats) {
      await this.keepStats(await this.countTerms(table));
      return this.stats!.value;
    }
    // A failed background count is retried by the next question; the served statistics stay valid.
    this.refreshing ??= this.countTerms(table)
      .then((counted) => this.keepStats(counted))
      .catch((error: unknown) => this.warnOnce('count', `recounting word frequencies failed; the previous figures are still used: ${describeError(error)}`))
      .finally(() => (this.refreshing = null));
    return this.stats.value;
  }

  /** Word document frequencies: one pass over the normalised text of every passage (~3 s at 100k passages on 2 cores). */
  private async countTerms(table: lancedb.Table): Promise<Counted> {
    const { version, total, df } = await this.scan(table, { words: true, stems: false });
    return { version, total, df: df! };
  }

  /** One pass over every passage: the words of its normalised text and/or its stems, each counted once per passage. */
  private async scan(table: lancedb.Table, what: { words: boolean; stems: boolean }): Promise<{ version: number; total: number; df: Map<string, number> | null; stems: Map<string, number> | null }> {
    const version = await table.version();
    const df = what.words ? new Map<string, number>() : null;
    const stems = what.stems ? new Map<string, number>() : null;
    let total = 0;
    for await (const batch of table.query().select([...(df ? ['grams'] : []), ...(stems ? ['lex'] : [])])) {
      const grams = batch.getChild('grams');
      const lex = batch.getChild('lex');
      for (let i = 0; i < batch.numRows; i++) {
        total++;
        if (df) for (const w of new Set(String(grams?.get(i) ?? '').match(/[\p{L}\p{N}]+/gu) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
        if (stems) for (const x of new Set(String(lex?.get(i) ?? '').split(' '))) if (x) stems.set(x, (stems.get(x) ?? 0) + 1);
      }
    }
    return { version, total, df, stems };
  }

  private async keepStats(counted: Counted): Promise<void> {
    if (this.stats && this.stats.version >= counted.version) return;
    this.stats = { version: counted.version, value: termStatsOf(counted.total, counted.df) };
    // A read-only data folder still answers, from the figures in memory.
    await writeTermStats(this.dir, counted).catch((error: unknown) => this.warnOnce('write', `word frequencies could not be saved (${describeError(error)}); they are recounted in memory`));
  }

  private warned = new Set<string>();

  /** Each kind of survivable failure is reported once per process, not on every question. */
  private warnOnce(kind: string, message: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.warn(message);
  }

  private languages: { table: lancedb.Table; version: number; value: LanguageCode[] } | null = null;

  /** Asked on every question: read once per version of the documents table (11k rows took 180 ms at 100k passages). */
  async corpusLanguages(): Promise<LanguageCode[]> {
    await this.attach();
    const table = this.documents;
    if (!table) return [];
    const version = await table.version();
    if (this.languages?.table === table && this.languages.version === version) return this.languages.value;
    const value = [...new Set(((await table.query().select(['lang']).toArray()) as Row[]).map((r) => String(r.lang)))];
    this.languages = { table, version, value };
    return value;
  }

  async countChunks(): Promise<number> {
    await this.attach();
    return this.chunks ? this.chunks.countRows() : 0;
  }

  /** Builds or refreshes the full-text indexes and compacts small fragments after a write batch. */
  async optimize(): Promise<void> {
    const table = this.requireChunks();
    if ((await table.countRows()) === 0) return;
    const indices = await table.listIndices();
    const has = (column: string) => indices.some((i) => i.columns.includes(column));
    let small: boolean;
    try {
      if (!has('lex')) {
        await table.createIndex('lex', {
          config: lancedb.Index.fts({ baseTokenizer: 'whitespace', lowercase: false, stem: false, removeStopWords: false, asciiFolding: false, withPosition: false }),
        });
      }
      // Built while the table is small, dropped once it is past the threshold (and with it most of
      // optimize()'s cost at 100k passages: 25 of 27 s); the stems one edit away take over.
      small = (await table.countRows()) <= this.trigramMaxRows;
      if (small && !has('grams')) {
        await table.createIndex('grams', {
          config: lancedb.Index.fts({ baseTokenizer: 'ngram', ngramMinLength: 3, ngramMaxLength: 3, lowercase: true, asciiFolding: true, withPosition: false }),
        });
      } else if (!small) {
        for (const index of indices.filter((i) => i.columns.includes('grams'))) await table.dropIndex(index.name);
      }
      await table.optimize();
      await this.ensureVectorIndex(table);
      await this.documents?.optimize();
    } catch (error) {
      throw wrapWriteError(error, 'indexing');
    }
    // Counted here, once per ingest, rather than by the first question after it; the stems in the same
    // pass, for the approximate list of a table past the trigram threshold.
    const counted = await this.scan(table, { words: true, stems: !small });
    await this.keepStats({ version: counted.version, total: counted.total, df: counted.df! });
    if (counted.stems) await this.keepVocabulary(counted.version, counted.stems);
    else await rm(path.join(this.dir, STEM_VOCABULARY), { force: true }).catch(() => {});
  }

  /** Creates, retrains or drops the vectors' ANN index as the table grows or shrinks (vector-index.ts). */
  async ensureVectorIndex(table = this.requireChunks()): Promise<VectorIndexReport> {
    return this.vectors.ensure(table, this.meta.dimension);
  }

  async search(req: SearchRequest): Promise<RetrievalLists> {
    await this.attach();
    if (!this.chunks) return { vector: [], lexical: [], ngram: [] };
    const table = this.chunks;
    const stemList = analyzeQuery(req.text, req.analyzeAs);
    const stems = stemList.join(' ');
    const grams = normalizeText(req.text)
      .replace(/[^\p{L}\p{N} ]+/gu, ' ')
      .trim();
    const version = await table.version();
    const { trigrams, columns } = await this.tableShape(table, version);
    const approximate = trigrams
      ? grams.length >= 3
        ? this.textSearch(table, columns, grams, req.k, 'grams')
        : Promise.resolve([])
      : stems
        ? this.textSearch(table, columns, this.nearStemQuery(stemList), req.k)
        : Promise.resolve([]);
    const [vector, lexical, ngram] = await Promise.all([
      // Another model's query vector would be compared with vectors of a different space.
      req.vector && this.meta.dimension && req.vectorModel === this.meta.embedModel ? this.vectorSearch(table, columns, req.vector, req.k) : Promise.resolve([]),
      stems ? this.textSearch(table, columns, stems, req.k) : Promise.resolve([]),
      approximate,
    ]);
    // After this question's lists: reading a vocabulary holds the main thread (~0.1 s at 1M passages).
    if (!trigrams) this.lookAtVocabulary(table, version);
    return { vector, lexical, ngram };
  }

  /**
   * The approximate list's query on a large table: the question's stems and the stems of the index one
   * edit away, as one plain BM25 query. Until this store has the table's stem vocabulary (the first
   * questions after opening, while it is read; an index optimised before vocabularies existed, while
   * they are counted), LanceDB's fuzzy query, which finds the same kind of stems but slowly.
   */
  private nearStemQuery(stems: string[]): string | lancedb.MatchQuery {
    const vocabulary = this.vocabulary?.value;
    if (!vocabulary) {
      this.fuzzyFallbacks++;
      // LanceDB (lance-index 10) cuts the fixed prefix at a byte and panics on a stem whose first letter
      // takes two ("œuvre", "школа"): such stems are left to the exact list until the vocabulary is read.
      const fuzzy = stems.filter((s) => s.charCodeAt(0) < 0x80);
      return fuzzy.length ? new lancedb.MatchQuery(fuzzy.join(' '), 'lex', FUZZY_QUERY) : stems.join(' ');
    }
    return vocabulary.expand(stems, NEAR_STEMS_PER_STEM).join(' ');
  }

  /** Questions whose approximate list used LanceDB's fuzzy query because no stem vocabulary was loaded yet. */
  fuzzyFallbacks = 0;

  private vocabulary: { version: number; value: StemVocabulary; fileTime: number | null } | null = null;
  private vocabularyTask: Promise<void> | null = null;
  private vocabularySeen: { table: lancedb.Table; version: number } | null = null;

  /**
   * Keeps the stem vocabulary current without making a question wait: on each new table version the
   * file is looked at in the background, read if optimize() saved a newer one, counted (and saved) if
   * there is none at all. Rows written since the vocabulary was counted are still searched, exactly;
   * only their new stems cannot be reached from a typo until the next optimize().
   */
  private lookAtVocabulary(table: lancedb.Table, version: number): void {
    const seen = this.vocabularySeen;
    // (While a read or count runs, versions are not marked seen: the next question looks again.)
    if ((seen?.table === table && seen.version === version) || this.vocabularyTask) return;
    this.vocabularySeen = { table, version };
    if (this.vocabulary && this.vocabulary.version >= version) return;
    this.vocabularyTask = this.refreshVocabulary(table)
      .catch((error: unknown) => this.warnOnce('vocabulary', `the stem vocabulary could not be read or counted (${describeError(error)}); typos are matched by LanceDB's slower fuzzy query meanwhile`))
      .finally(() => (this.vocabularyTask = null));
  }

  /** Waits for the vocabulary being read or counted, if any (tests; a warm-up). */
  async vocabularyReady(): Promise<void> {
    await this.vocabularyTask;
  }

  private async refreshVocabulary(table: lancedb.Table): Promise<void> {
    const saved = await readStemVocabulary(this.dir, this.vocabulary?.fileTime ?? null);
    if (saved) {
      // A file that changed was written by an optimize() (or a count) after the one this store holds.
      this.vocabulary = saved;
      return;
    }
    if (this.vocabulary) return; // the file did not change: optimize() has not run since
    const counted = await this.scan(table, { words: false, stems: true });
    await this.keepVocabulary(counted.version, counted.stems!);
  }

  private async keepVocabulary(version: number, stems: Map<string, number>): Promise<void> {
    if (this.vocabulary && this.vocabulary.version >= version) return;
    const value = StemVocabulary.fromCounts(stems);
    const kept = { version, value, fileTime: null as number | null };
    this.vocabulary = kept;
    // Its own file is not read back on the next table version.
    await writeStemVocabulary(this.dir, version, value)
      .then((fileTime) => (kept.fileTime = fileTime))
      .catch((error: unknown) => this.warnOnce('write-vocabulary', `the stem vocabulary could not be saved (${describeError(error)}); it is counted again by each process`));
  }

  private shape: { table: lancedb.Table; version: number; trigrams: boolean; columns: string[] } | null = null;

  /**
   * What the table looks like at a version, looked up once per version: whether optimize() left a
   * trigram index (small table), and which CHUNK_COLUMNS it has (an index built before a column existed
   * stays searchable until the next ingest rebuilds it; a rebuild by another process is seen).
   */
  private async tableShape(table: lancedb.Table, version?: number): Promise<{ trigrams: boolean; columns: string[] }> {
    const v = version ?? (await table.version());
    if (this.shape?.table === table && this.shape.version === v) return this.shape;
    const [indices, schema] = await Promise.all([table.listIndices(), table.schema()]);
    const names = new Set(schema.fields.map((f) => f.name));
    this.shape = { table, version: v, trigrams: indices.some((i) => i.columns.includes('grams')), columns: CHUNK_COLUMNS.filter((c) => names.has(c)) };
    return this.shape;
  }

  private async vectorSearch(table: lancedb.Table, columns: string[], vector: Float32Array, k: number): Promise<Hit[]> {
    // Cosine, and the probes that keep recall@10 ≥ 0.95 once the table has an index (vector-index.ts).
    const query = await this.vectors.tune(table.vectorSearch(Array.from(vector)));
    const rows = (await query.select(columns).limit(k).toArray()) as Row[];
    return rows.map((r) => ({ chunk: toChunk(r), score: 1 - Number(r._distance) }));
  }

  private async textSearch(table: lancedb.Table, columns: string[], query: string | lancedb.MatchQuery, k: number, column = 'lex'): Promise<Hit[]> {
    const search = typeof query === 'string' ? table.query().fullTextSearch(query, { columns: column }) : table.query().fullTextSearch(query);
    const rows = (await search
      .select([...columns, '_score'])
      .limit(k)
      .toArray()) as Row[];
    return rows.map((r) => ({ chunk: toChunk(r), score: Number(r._score) }));
  }
}

const CHUNK_COLUMNS = ['id', 'doc_id', 'title', 'source', 'lang', 'date', 'position', 'section', 'context', 'url', 'text'];

/** A nullable Utf8 column: Arrow hands its values over as strings, or null. */
function nullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function toChunk(r: Row): ChunkRecord {
  return {
    id: String(r.id),
    docId: String(r.doc_id),
    title: String(r.title),
    source: String(r.source),
    lang: String(r.lang),
    date: nullableText(r.date),
    position: Number(r.position),
    section: nullableText(r.section),
    context: nullableText(r.context),
    // Absent in indexes built before schema 4.
    url: nullableText(r.url),
    text: String(r.text),
  };
}

function documentRow(doc: DocumentRecord): Row {
  return {
    id: doc.id,
    title: doc.title,
    source: doc.source,
    sources: JSON.stringify(doc.sources),
    url: doc.url ?? null,
    lang: doc.lang,
    date: doc.date,
    content_hash: doc.contentHash,
    chunk_count: doc.chunkCount,
    ingested_at: doc.ingestedAt,
    embed_model: doc.embedModel,
  };
}

function toDocument(r: Row): DocumentRecord {
  return {
    id: String(r.id),
    title: String(r.title),
    source: String(r.source),
    sources: JSON.parse(String(r.sources)) as string[],
    url: nullableText(r.url),
    lang: String(r.lang),
    date: nullableText(r.date),
    contentHash: String(r.content_hash),
    chunkCount: Number(r.chunk_count),
    ingestedAt: String(r.ingested_at),
    embedModel: nullableText(r.embed_model),
  };
}

async function readMeta(dir: string): Promise<IndexMeta> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'index-meta.json'), 'utf8');
  } catch (error) {
    // No meta file: a new (or deleted) index, prepared on the next ingest.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 0, embedModel: null, dimension: null };
    throw error;
  }
  // A meta file that does not say what the index holds must not pass for "another model" (which
  // empties the index): it stops the store instead, with the way out.
  let parsed: ReturnType<typeof indexMetaSchema.safeParse>;
  try {
    parsed = indexMetaSchema.safeParse(JSON.parse(text));
  } catch (cause) {
    throw new SogaError('STORE_UNAVAILABLE', `the index description ${path.join(dir, 'index-meta.json')} is not JSON`, { cause, hint: META_HINT });
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SogaError('STORE_UNAVAILABLE', `the index description ${path.join(dir, 'index-meta.json')} is invalid (${problems})`, { hint: META_HINT });
  }
  return parsed.data;
}

const META_HINT = 'restore the file, or delete it and run `soga ingest` to rebuild the index from the corpus';

interface Counted {
  version: number;
  total: number;
  df: Map<string, number>;
}

/**
 * The stem vocabulary optimize() saved, or null: none, unreadable (it is counted again), or the same
 * file as `knownTime` (not read twice).
 */
async function readStemVocabulary(dir: string, knownTime: number | null): Promise<{ version: number; value: StemVocabulary; fileTime: number } | null> {
  const file = path.join(dir, STEM_VOCABULARY);
  try {
    const { mtimeMs } = await stat(file);
    if (mtimeMs === knownTime) return null;
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; stems: [string, number][] };
    return { version: saved.version, value: StemVocabulary.fromCounts(saved.stems), fileTime: mtimeMs };
  } catch {
    return null;
  }
}

/** Saves the vocabulary; returns the file's modification time. */
async function writeStemVocabulary(dir: string, version: number, vocabulary: StemVocabulary): Promise<number> {
  const file = path.join(dir, STEM_VOCABULARY);
  await writeFileAtomically(file, JSON.stringify({ version, stems: [...vocabulary.entries()] }));
  return (await stat(file)).mtimeMs;
}

function termStatsOf(total: number, df: Map<string, number>): TermStats {
  return { total, df: (word) => df.get(word) ?? 0 };
}

/** The statistics optimize() saved, or null (none yet, or unreadable: they are counted again). */
async function readTermStats(dir: string): Promise<{ version: number; value: TermStats } | null> {
  try {
    const saved = JSON.parse(await readFile(path.join(dir, TERM_STATS), 'utf8')) as { version: number; total: number; df: Record<string, number> };
    return { version: saved.version, value: termStatsOf(saved.total, new Map(Object.entries(saved.df))) };
  } catch {
    return null;
  }
}

async function writeTermStats(dir: string, counted: Counted): Promise<void> {
  // The bot and the web process may both save statistics.
  await writeFileAtomically(path.join(dir, TERM_STATS), JSON.stringify({ version: counted.version, total: counted.total, df: Object.fromEntries(counted.df) }));
}

async function writeMeta(dir: string, meta: IndexMeta): Promise<void> {
  await writeFileAtomically(path.join(dir, 'index-meta.json'), JSON.stringify(meta, null, 2));
}
