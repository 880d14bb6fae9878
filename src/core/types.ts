/**
 * Domain types shared by ingestion, retrieval, answering and every adapter.
 * Nothing here knows about a chat platform, a database or a model runtime.
 */

/** ISO 639-1 code, e.g. "fr". */
export type LanguageCode = string;

/** One article as ingestion produced it: the unit that is added, updated and removed. */
export interface DocumentRecord {
  /** Stable id derived from the article's normalised title. */
  id: string;
  title: string;
  /** The file the kept copy came from, relative to the corpus root. */
  source: string;
  /** Every file the article (or a near duplicate of it) appeared in. */
  sources: string[];
  /** Where the article can be read online, when known (front matter, canonical link, sources.json). */
  url?: string | null;
  lang: LanguageCode;
  /** ISO date ("2025-11-25") or month ("2022-02") or year ("2023") found in the text, if any. */
  date: string | null;
  /** SHA-256 of the article text: unchanged hash means nothing to re-embed. */
  contentHash: string;
  chunkCount: number;
  ingestedAt: string;
  /** Model that produced the stored vectors, or null when the document is indexed lexically only. */
  embedModel: string | null;
}

/** A passage of an article, the unit of retrieval and citation. */
export interface ChunkRecord {
  /** `${docId}#${position}` */
  id: string;
  docId: string;
  title: string;
  source: string;
  lang: LanguageCode;
  date: string | null;
  /** 0-based order inside the article. */
  position: number;
  /** Heading path or FAQ question the passage sits under, if any. */
  section: string | null;
  /**
   * The article's lead sentence, carried by every passage of the article: a passage deep in an article
   * ("Denis Stokkink a présenté le projet…") is still found by what the article is about (the event and
   * year its lead names). passage-text.ts leaves it out of the words of the passage that holds it.
   * Absent in indexes built before it existed.
   */
  context?: string | null;
  /** The article's address, when known; absent in indexes built before it existed. */
  url?: string | null;
  text: string;
}

export interface ChunkWithVector extends ChunkRecord {
  vector?: Float32Array;
}

/** One retriever's ranked hit. */
export interface Hit {
  chunk: ChunkRecord;
  /** The retriever's own score: cosine similarity for vectors, BM25 for text. */
  score: number;
}

/** The ranked lists a store returns; the core fuses them. */
export interface RetrievalLists {
  vector: Hit[];
  /** BM25 over language-aware stems. */
  lexical: Hit[];
  /** BM25 over character n-grams: catches cognates and names across languages. */
  ngram: Hit[];
}

export interface FusedHit {
  chunk: ChunkRecord;
  /** Reciprocal-rank-fusion score. */
  score: number;
  /** Rank (1-based) in each list the chunk appeared in. */
  ranks: Partial<Record<keyof RetrievalLists, number>>;
  /** The raw scores from each list. */
  signals: Partial<Record<keyof RetrievalLists, number>>;
  /** Share of the question's content words that the passage covers (0–1), used for answerability. */
  coverage: number;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
  /**
   * An assistant turn's cited documents (ids): a follow-up that leans on this answer ("and where?")
   * prefers passages of these documents. Absent where the surface cannot tell (a reloaded thread).
   */
  sources?: string[];
  /**
   * An assistant turn's sentence stating what was asked ("In short: Mannheim [1]."), when it gave one:
   * the value names the topic for a follow-up when the member's own words for it are not the articles'.
   */
  stated?: string;
}

export type Surface = 'cli' | 'discord' | 'matrix' | 'web' | 'eval';

export interface AskContext {
  /** Earlier turns of the same conversation, oldest first. */
  history?: ChatTurn[];
  /** The asker's platform locale, used when the question is too short to tell. */
  locale?: string;
  /** Today's date; injected so that "upcoming" vs "past" is testable. */
  now?: Date;
  surface?: Surface;
  /** Platform id of the asker, for the answer log (stored pseudonymised); never used to answer. */
  asker?: string;
  /** Room, channel or page the question came from, for the answer log. */
  place?: string;
  /** Streaming of generated text, for adapters that show progress. */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

export interface Citation {
  /** The number used in the answer text: [n]. */
  n: number;
  chunkId: string;
  docId: string;
  title: string;
  source: string;
  /** The article's address, when known (front matter, canonical link, sources.json). */
  url?: string;
  /** A verbatim span of the passage (at most a few lines). */
  quote: string;
  date: string | null;
  lang: LanguageCode;
  score: number;
}

/** reviewed: an answer a reviewer approved (a correction), given as written. */
export type AnswerMode = 'generative' | 'extractive' | 'reviewed' | 'none';

/**
 * Expected outcomes are values, not exceptions; adapters turn them into localised text.
 * - answered: grounded answer with citations
 * - correction: a reviewer's approved answer to the same question (see core/corrections), with its sources
 * - not_found: nothing in the corpus clears the answerability threshold
 * - empty_question / question_too_long: the input was refused before retrieval
 */
export type AnswerOutcome = 'answered' | 'correction' | 'not_found' | 'empty_question' | 'question_too_long';

/** An answer a member gets (the engine's or a reviewed one), as opposed to a refusal. */
export function isAnswer(outcome: AnswerOutcome): boolean {
  return outcome === 'answered' || outcome === 'correction';
}

export interface Timings {
  languageMs: number;
  condenseMs: number;
  embedMs: number;
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
}

export interface Answer {
  question: string;
  /** The self-contained question actually used for retrieval (differs when history was used). */
  standaloneQuestion: string;
  language: LanguageCode;
  outcome: AnswerOutcome;
  text: string;
  /** The sentence of `text` that states what was asked (extractive answers), for surfaces that show it first. */
  direct?: string;
  grounded: boolean;
  mode: AnswerMode;
  citations: Citation[];
  /** A generative answer's own words, checked sentence by sentence: `text` adds the extractive answer's quotes under them. */
  modelText?: string;
  /** Why a generative answer was replaced by an extractive one, if it was. */
  fallbackReason?: string;
  /** Why the question was answered as not found (the stage that decided and what it lacked), for review and `--json`. */
  notFoundReason?: string;
  /**
   * Sentences of the model's reply that the claim checks removed, each with the reason (a date, number
   * or name the cited passages do not hold, no citation, only markers…): of the generative answer
   * delivered, or of the reply the extractive answer replaced.
   */
  removed?: { text: string; reason: string }[];
  /** Every passage considered, with fused scores: what the answer log stores for review. */
  retrieved: FusedHit[];
  timings: Timings;
  models: { embedder: string | null; chat: string | null };
  /** The reviewed answer (correction) delivered, when outcome is 'correction'. */
  correctionId?: string;
  /** Id of the answer log entry (set by the recording decorator when the log is on): feedback refers to it. */
  logEntryId?: string;
}
