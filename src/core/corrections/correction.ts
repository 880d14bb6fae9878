/**
 * Corrections: answers a reviewer approved for a question, given instead of the engine's answer when a
 * member asks the same or a closely paraphrased question (any language), and proposals (a staff
 * member's reply in a chat thread, waiting for a reviewer). Two ports: what answering needs (the
 * approved corrections) and the review desk's side; src/infra/sqlite implements both in the answer log's file.
 */
import type { LanguageCode } from '../types.js';
import type { LogEntrySummary } from '../answer-log.js';

/** A passage the reviewer cites: a snapshot, so the reply still cites it after the article changed. */
export interface CorrectionSource {
  docId: string;
  chunkId: string;
  title: string;
  source: string;
  url?: string;
  date: string | null;
  lang: LanguageCode;
  quote: string;
}

export interface Correction {
  id: string;
  /** The question as the reviewer approved it (usually the member's, possibly reworded). */
  question: string;
  lang: LanguageCode;
  answer: string;
  sources: CorrectionSource[];
  /** Who approved it (the admin's name on the desk). */
  reviewer: string;
  /** ISO datetime of the approval: the reply says "reviewed on …". */
  reviewedAt: string;
  withdrawn: boolean;
  withdrawnAt: string | null;
  /** The answer-log entry it was written for, if any. */
  fromEntryId: string | null;
  /** The proposal it came from, if any. */
  fromProposalId: string | null;
}

export interface NewCorrection {
  question: string;
  lang: LanguageCode;
  answer: string;
  sources: CorrectionSource[];
  reviewer: string;
  fromEntryId?: string | null;
  fromProposalId?: string | null;
}

/** What answering reads: the corrections in force (not withdrawn), oldest first. */
export interface CorrectionStore {
  activeCorrections(): Promise<Correction[]>;
}

export type ProposalStatus = 'open' | 'approved' | 'dismissed';
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['open', 'approved', 'dismissed'];

/** A staff member's reply to the bot's answer in a chat thread, as the adapter saw it. */
export interface StaffReplyInput {
  surface: string;
  /** Room or channel (thread) id. */
  place?: string;
  /** The member's question the bot answered. */
  question: string;
  /** The answer-log entry of the bot's answer. */
  botEntryId: string;
  reply: string;
  /** Platform id of the staff member; stored pseudonymised. */
  staffId: string;
}

export interface Proposal {
  id: string;
  createdAt: string;
  surface: string;
  place: string | null;
  question: string;
  botEntryId: string;
  reply: string;
  /** Pseudonymised like the answer log's askers. */
  staff: string | null;
  status: ProposalStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  correctionId: string | null;
}

/** Where a staff reply goes (the adapters' side). */
export interface ProposalSink {
  /** Returns the proposal's id; the same reply (same entry, same text) stored twice is one proposal. */
  propose(input: StaffReplyInput): Promise<string>;
}

/** The review desk's side; asynchronous, as the store may be the answer log's SQLite file or PostgreSQL. */
export interface CorrectionDesk extends CorrectionStore, ProposalSink {
  listCorrections(options?: { includeWithdrawn?: boolean }): Promise<Correction[]>;
  getCorrection(id: string): Promise<Correction | null>;
  approve(input: NewCorrection): Promise<Correction>;
  /** Never used again once withdrawn; NOT_FOUND when there is no such correction. */
  withdraw(id: string, by: string): Promise<Correction>;
  /** The answers that delivered this correction (answer-log entries with outcome "correction"), newest first. */
  uses(id: string, limit?: number): Promise<LogEntrySummary[]>;
  /** How many times each correction was used. */
  useCounts(): Promise<Map<string, number>>;
  listProposals(status?: ProposalStatus): Promise<Proposal[]>;
  getProposal(id: string): Promise<Proposal | null>;
  /** Dismissed: it stays listed as dismissed, and is never offered again. */
  dismissProposal(id: string, by: string): Promise<Proposal>;
  /** Approves the (possibly edited) text of a proposal as a correction, in one step. */
  approveProposal(id: string, input: NewCorrection): Promise<Correction>;
}
