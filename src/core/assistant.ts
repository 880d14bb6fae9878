/**
 * What the adapters (Discord, Matrix, CLI, web) are given: answer a question, manage the corpus.
 * They depend on these two interfaces only, never on how the engine is built.
 */
import type { Answer, AskContext, DocumentRecord } from './types.js';

export interface Assistant {
  ask(question: string, context?: AskContext): Promise<Answer>;
  /**
   * The events after today, or, when none is announced, the latest one (Discord /events, Matrix
   * !events), in the language of `context.locale`. Absent when there is no events index.
   */
  upcomingEvents?(context?: AskContext): Promise<Answer>;
}

export interface CorpusChange {
  added: string[];
  updated: string[];
  removed: string[];
  skipped: string[];
  /** Per-file problems, with a SogaError code and a message for staff. */
  failed: { source: string; code: string; message: string }[];
  /** Near-duplicate copies merged into one article: the kept article and each copy, with their files. */
  merged: { title: string; source: string; copyTitle: string; copySource: string }[];
}

export interface CorpusManager {
  list(): Promise<DocumentRecord[]>;
  /**
   * Stores an uploaded file under the corpus uploads folder (generated name, type checked by content)
   * and ingests it; the document is answerable when this resolves.
   */
  /** `url`: where the document can be read online, given with the upload (an http(s) address; INVALID_URL otherwise). */
  addFile(originalName: string, bytes: Buffer, options?: { uploadedBy?: string; url?: string }): Promise<CorpusChange>;
  /** Removes a document by id (or the uploaded file that produced it) and re-syncs the index. */
  remove(docId: string): Promise<CorpusChange>;
  /** Re-reads the corpus folder and syncs the index. */
  reingest(): Promise<CorpusChange>;
}
