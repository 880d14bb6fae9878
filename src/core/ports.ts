/**
 * The small interfaces the core needs. Infrastructure (src/infra) implements them; tests pass fakes
 * (test/fakes). Keeping them here is what lets the core import no database, model runtime or chat SDK.
 */
import type { ChunkRecord, ChunkWithVector, DocumentRecord, LanguageCode, RetrievalLists } from './types.js';
import type { TermStats } from './answer/matching.js';
import type { EventQuery, EventRecord } from './events/types.js';

export type { TermStats };
export type { AnswerFeedback, AnswerLog, AnswerLogAdmin, AnswerLogEntryInput, FeedbackInput } from './answer-log.js';

export interface Embedder {
  /** Stored with the vectors: a different id means the index must be re-embedded. */
  readonly modelId: string;
  readonly dimension: number;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
}

/**
 * Bilingual dictionaries: the words of a question in the languages of the articles. Without an
 * embedding model this is what lets "Mitglieder" meet "membres"; infra/freedict-lexicon.ts reads
 * FreeDict's files.
 */
export interface Lexicon {
  /**
   * Translations of each (folded, lower-case) word from `from` into `to`, best first, at most a few
   * per word; words the dictionary does not know are left out. Resolves to an empty map when there
   * is no dictionary for the pair.
   */
  translate(words: string[], from: LanguageCode, to: LanguageCode): Promise<Map<string, string[]>>;
}

export interface Thesaurus {
  /**
   * Synonyms of each (folded, lower-case) word in its own language, closest first and folded, at most a
   * few per word ("attendees" → "participant"); words the thesaurus does not list are left out. Resolves
   * to an empty map when there is no thesaurus for the language.
   */
  synonyms(words: string[], lang: LanguageCode): Promise<Map<string, string[]>>;
  /**
   * Which of these (folded, lower-case) words the language's thesaurus lists, as a headword or an
   * inflected form of one ("charters" → "charter", "membres" → "membre"), and how many headwords it
   * has (a small one misses common words); null when there is no thesaurus for the language.
   */
  knownWords(words: string[], lang: LanguageCode): Promise<{ known: Set<string>; headwords: number } | null>;
}

export interface SearchRequest {
  text: string;
  vector?: Float32Array;
  /** Model that made `vector`: the store searches vectors only when its index holds that model's. */
  vectorModel?: string;
  /** How many hits each retriever returns before fusion. */
  k: number;
  /** Languages whose stemmers analyse the query (the question's and the corpus's). */
  analyzeAs: LanguageCode[];
}

export interface ChunkStore {
  /**
   * Replaces every chunk of `doc` in one step: readers see the old chunks or the new ones, never a mix.
   * The document row is written last, so a crash leaves the document marked as not ingested.
   */
  upsertDocument(doc: DocumentRecord, chunks: ChunkWithVector[]): Promise<void>;
  /**
   * Adds documents that are not in the index, in one write whatever their number (a per-document
   * upsert costs a pass over the whole index). Passages first, document rows last: a crash in between
   * leaves passages without a document, which `removeOrphans` deletes on the next run.
   */
  addDocuments(entries: { doc: DocumentRecord; chunks: ChunkWithVector[] }[]): Promise<void>;
  deleteDocument(docId: string): Promise<void>;
  listDocuments(): Promise<DocumentRecord[]>;
  getChunks(ids: string[]): Promise<ChunkRecord[]>;
  search(req: SearchRequest): Promise<RetrievalLists>;
  /** How many passages use each word: rare words weigh more when judging answerability. */
  termStats(): Promise<TermStats>;
  /** Languages of the stored articles, so a query can be stemmed as each of them. */
  corpusLanguages(): Promise<LanguageCode[]>;
  countChunks(): Promise<number>;
  /**
   * Makes the index fit the embedding model (null: lexical only). A different model means another
   * vector space, so the index is emptied and every document is re-embedded (`reset: true`).
   */
  prepare(embedModel: string | null, dimension: number | null): Promise<{ reset: boolean }>;
  /** Refreshes indexes and compacts after a batch of writes. */
  optimize(): Promise<void>;
  /** Removes chunks whose document row is missing (left by a crash mid-write); returns how many documents. */
  removeOrphans(): Promise<number>;
}

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A JSON Schema (the subset llama.cpp grammars and OpenAI's structured outputs both accept). */
export type JsonSchema = { readonly [key: string]: unknown };

export interface GenerateOptions {
  signal?: AbortSignal;
  onToken?: (token: string) => void;
  /**
   * Ask for JSON that follows this schema: a llama.cpp grammar (local), `response_format` (OpenAI-
   * compatible servers), `format` (Ollama). A server that refuses it is asked again without it, so
   * the reply may be plain text: the caller parses what comes back either way.
   */
  schema?: JsonSchema;
}

export interface ChatModel {
  readonly modelId: string;
  generate(messages: ChatMessage[], options?: GenerateOptions): Promise<string>;
}

export interface LanguageGuess {
  lang: LanguageCode;
  /** 0–1; low for very short or mixed text. */
  confidence: number;
  /** Languages the text fits almost as well: a near tie ("Je SOGA partnerem?": Czech or Slovak). */
  alternatives?: LanguageCode[];
}

export interface LanguageDetector {
  detect(text: string): LanguageGuess;
}

export interface Clock {
  now(): Date;
}

/** Progress of long-running work (ingestion) for a bar on stderr or a web page. */
export interface ProgressReporter {
  start(total: number, label: string): void;
  tick(n?: number): void;
  stop(): void;
}

/** The events index built at ingest (see core/events/types.ts): what "when", "next" and "in 2021" questions read. */
export interface EventStore {
  /** Events overlapping the query's period, sorted by start date. */
  listEvents(query?: EventQuery): Promise<EventRecord[]>;
}

/** The write side of the events index, used by ingestion only. */
export interface EventIndex extends EventStore {
  /**
   * Replaces the events of each given document and removes those of `remove`, in one write. `stamp`
   * says what a document's events were extracted from (content hash and extractor version), so a
   * crash between the chunk write and this one is repaired by the next ingest.
   */
  sync(change: { replace: { docId: string; stamp: string; events: EventRecord[] }[]; remove: string[] }): Promise<void>;
  /** The stamp of each document's stored events. */
  stamps(): Promise<Map<string, string>>;
}
