/**
 * The answer log as the core sees it: every answer from every surface, what was retrieved and cited,
 * feedback, staff review. Two ports: what answering needs (record, feedback; written by the recording
 * decorator and the chat adapters' feedback buttons) and the staff side the admin web and `soga logs`
 * use (list, search, review, stats, erase, export). src/infra/sqlite implements both; src/main opens it.
 */
import type { Answer, Timings } from './types.js';

export interface AnswerLogEntryInput {
  surface: string;
  /** Room or channel id, if any. */
  place?: string;
  /** Platform id of the asker; the log stores it pseudonymised. */
  askerId?: string;
  answer: Answer;
  /** Which index answered (absent: not known, as in tests or a log written without one). */
  freshness?: IndexFreshness;
}

/**
 * The document store's change number the answering index was brought to, and the latest one the store
 * had when the answer was recorded: a replica whose index is behind says so in its entries. null: no number
 * (an index never synced with this store, or a store that could not be asked).
 */
export interface IndexFreshness {
  index: number | null;
  store: number | null;
}

/**
 * The index had not caught up with the documents: it may have cited a removed one or missed a new one.
 * A number above the store's counts too (a restored database): a replica syncs whenever the two differ.
 */
export function indexWasBehind(freshness: IndexFreshness): boolean {
  return freshness.store !== null && freshness.index !== freshness.store;
}

export interface FeedbackInput {
  rating: 'up' | 'down';
  comment?: string;
  /** Platform id of whoever gave it; stored pseudonymised. */
  by?: string;
}

/** What a chat adapter needs to turn a 👍/👎 on an answer into feedback. */
export interface AnswerFeedback {
  addFeedback(entryId: string, feedback: FeedbackInput): Promise<void>;
}

export interface AnswerLog extends AnswerFeedback {
  /** Returns the id of the stored entry, which feedback refers to. */
  record(entry: AnswerLogEntryInput): Promise<string>;
}

export type ReviewStatus = 'unreviewed' | 'reviewed' | 'flagged';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['unreviewed', 'reviewed', 'flagged'];

export interface LoggedCitation {
  n: number;
  chunkId: string;
  docId: string;
  title: string;
  source: string;
  /** The article's address (front matter, canonical link, PDF metadata, sources.json, upload); null when none is known or the entry predates links in the log. */
  url: string | null;
  quote: string;
  date: string | null;
  lang: string;
  score: number;
}

/** A retrieved passage as logged: ids and scores only (its text is in the index), to keep rows small. */
export interface LoggedPassage {
  chunkId: string;
  docId: string;
  title: string;
  /** Fused (RRF) score. */
  score: number;
  coverage: number;
  ranks: Record<string, number>;
  signals: Record<string, number>;
}

export interface LoggedFeedback {
  at: string;
  rating: 'up' | 'down';
  comment: string | null;
  /** Pseudonymised, like the asker. */
  by: string | null;
}

export interface LogEntrySummary {
  id: string;
  createdAt: string;
  surface: string;
  place: string | null;
  question: string;
  lang: string;
  /** An AnswerOutcome, or whatever an older version wrote: the log is read, not re-validated. */
  outcome: string;
  /** An AnswerMode, or whatever an older version wrote. */
  mode: string;
  grounded: boolean;
  totalMs: number;
  reviewStatus: ReviewStatus;
  thumbsUp: number;
  thumbsDown: number;
  /** The answer's first non-empty line, cut at 200 characters: what the log list shows. */
  answerFirstLine: string;
  /** Why a generative answer fell back to the extractive one, if it did. */
  fallbackReason: string | null;
  /** The reviewed answer (correction) this entry delivered, when its outcome is 'correction'. */
  correctionId: string | null;
  /** The question was rewritten with the conversation before searching ("And where?"): a later turn. */
  followUp: boolean;
  /** Change numbers of the answering index and of the store; both null for entries logged before they were recorded. */
  freshness: IndexFreshness;
}

export interface LogEntry extends LogEntrySummary {
  asker: string | null;
  standaloneQuestion: string;
  answerText: string;
  /** Sentences of the model's reply that the claim checks removed, with why (empty: none). */
  removed: { text: string; reason: string }[];
  citations: LoggedCitation[];
  retrieved: LoggedPassage[];
  timings: Timings;
  models: { embedder: string | null; chat: string | null };
  feedback: LoggedFeedback[];
  reviewedBy: string | null;
  reviewedAt: string | null;
  correctedAnswer: string | null;
  correctedFacts: string[];
  /** null: the reviewer did not say; false: the corpus does not answer this question. */
  correctedAnswerable: boolean | null;
}

export interface LogFilter {
  /** Inclusive ISO date or datetime (UTC). A bare date means from that day's start. */
  from?: string;
  /** Inclusive ISO date (the whole day) or datetime (UTC). */
  to?: string;
  surface?: string;
  lang?: string;
  thumbsDownOnly?: boolean;
  /** outcome is neither 'answered' nor 'correction' */
  refusedOnly?: boolean;
  unreviewedOnly?: boolean;
  reviewStatus?: ReviewStatus;
  /** Words (prefixes) that must all occur in the question, the searched query or the answer; accents and case ignored. */
  text?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ReviewInput {
  status: ReviewStatus;
  by: string;
  /** Omitted: leave as is; empty string: clear. */
  correctedAnswer?: string;
  correctedFacts?: string[];
  correctedAnswerable?: boolean | null;
}

export interface DayStat {
  day: string;
  questions: number;
  refused: number;
  thumbsDown: number;
}

export interface LogStats {
  total: number;
  perDay: DayStat[];
  /** Share (0–1) of entries whose outcome is not 'answered'. */
  shareRefused: number;
  /** Share (0–1) of entries with at least one 👎. */
  shareThumbsDown: number;
  /** Entries with any feedback, for context next to the 👎 share. */
  withFeedback: number;
  languages: { lang: string; count: number }[];
  surfaces: { surface: string; count: number }[];
  topUnanswered: { question: string; count: number; lastAt: string }[];
  /** Documents cited in the period, most cited first: how many answers cited each. */
  citedDocuments: { docId: string; title: string; count: number }[];
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** One line of the eval question format of /work/shared/eval (dev-questions.jsonl). */
export interface EvalQuestion {
  id: string;
  lang: string;
  q: string;
  evidence: string[];
  facts: string[];
  answerable: boolean;
}

export type ExportFormat = 'jsonl' | 'csv';

/**
 * The staff side. Erasure needs the key the entries were written with: a log opened with another key refuses it (LOG_KEY_MISMATCH).
 * Every call is asynchronous: the log may be a SQLite file in this process or a PostgreSQL database that replicas share.
 */
export interface AnswerLogAdmin extends AnswerLog {
  list(filter?: LogFilter, paging?: { page?: number; pageSize?: number }): Promise<Page<LogEntrySummary>>;
  get(id: string): Promise<LogEntry | null>;
  review(id: string, input: ReviewInput): Promise<LogEntry>;
  stats(filter?: Pick<LogFilter, 'from' | 'to' | 'surface'>, options?: { topUnanswered?: number }): Promise<LogStats>;
  surfaces(): Promise<string[]>;
  languages(): Promise<string[]>;
  /** Deletes entries older than `days` days before `now`; returns how many. */
  purgeOlderThan(days: number, now?: Date): Promise<number>;
  /**
   * Deletes every entry asked by, and every feedback given by, this platform user id, and every staff-reply
   * proposal this user wrote or that follows one of their answers (reply and question are theirs); returns the counts.
   */
  eraseUser(platformUserId: string): Promise<{ entries: number; feedback: number; proposals: number }>;
  /** Lines (with trailing newline) of the export, read from the database a page at a time. */
  exportLines(format: ExportFormat, filter?: LogFilter): AsyncIterable<string>;
  /** Corrected entries as eval questions (dev-questions.jsonl format). */
  exportEvalQuestions(): Promise<EvalQuestion[]>;
  audit(actor: string, action: string, target?: string | null, detail?: string | null): Promise<void>;
  listAudit(limit?: number): Promise<AuditRecord[]>;
  /**
   * The turns of the conversation an entry belongs to, oldest first: the same asker in the same place,
   * each turn within `maxGapMinutes` of the one before. Just the entry when its asker is unknown.
   */
  conversation(id: string, options?: { maxGapMinutes?: number; maxTurns?: number }): Promise<LogEntrySummary[]>;
}
