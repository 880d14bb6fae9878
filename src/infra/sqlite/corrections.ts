/**
 * Reviewed answers (corrections) and proposals in the answer log's SQLite file: a correction's uses
 * are the answer-log entries that delivered it (entries.correction_id), so they are listed, searched
 * and purged with the log. Implements the core CorrectionDesk port; src/main opens it beside the log.
 */
import { SogaError } from '../../core/errors.js';
import type { LogEntrySummary } from '../../core/answer-log.js';
import type { Correction, CorrectionDesk, CorrectionSource, NewCorrection, Proposal, ProposalStatus, StaffReplyInput } from '../../core/corrections/correction.js';
import { PROPOSAL_STATUSES } from '../../core/corrections/correction.js';
import { parseId, summaryOf, type EntryRow, type SqliteAnswerLog } from './answer-log.js';

export interface CorrectionRow {
  id: number;
  reviewed_at: string;
  reviewer: string;
  lang: string;
  withdrawn_at: string | null;
  from_entry_id: number | null;
  from_proposal_id: number | null;
  question: string;
  answer: string;
  sources_json: string;
}

export interface ProposalRow {
  id: number;
  created_at: string;
  surface: string;
  place: string | null;
  staff: string | null;
  bot_entry_id: number;
  status: ProposalStatus;
  decided_by: string | null;
  decided_at: string | null;
  correction_id: number | null;
  question: string;
  reply: string;
}

/** Long enough for any chat message; a longer "reply" is not a reply. */
const MAX_TEXT = 8000;

export function correctionOf(row: CorrectionRow): Correction {
  return {
    id: String(row.id),
    question: row.question,
    lang: row.lang,
    answer: row.answer,
    sources: JSON.parse(row.sources_json) as CorrectionSource[],
    reviewer: row.reviewer,
    reviewedAt: row.reviewed_at,
    withdrawn: row.withdrawn_at !== null,
    withdrawnAt: row.withdrawn_at,
    fromEntryId: row.from_entry_id === null ? null : String(row.from_entry_id),
    fromProposalId: row.from_proposal_id === null ? null : String(row.from_proposal_id),
  };
}

export function proposalOf(row: ProposalRow): Proposal {
  return {
    id: String(row.id),
    createdAt: row.created_at,
    surface: row.surface,
    place: row.place,
    question: row.question,
    botEntryId: String(row.bot_entry_id),
    reply: row.reply,
    staff: row.staff,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    correctionId: row.correction_id === null ? null : String(row.correction_id),
  };
}

export function required(value: string, what: string): string {
  const v = value.trim();
  if (!v) throw new TypeError(`${what} is empty`);
  if (v.length > MAX_TEXT) throw new TypeError(`${what} is longer than ${MAX_TEXT} characters`);
  return v;
}

export class SqliteCorrections implements CorrectionDesk {
  constructor(
    private readonly log: SqliteAnswerLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get db() {
    return this.log.db;
  }

  async activeCorrections(): Promise<Correction[]> {
    return (this.db.prepare('SELECT * FROM corrections WHERE withdrawn_at IS NULL ORDER BY id').all() as CorrectionRow[]).map(correctionOf);
  }

  async listCorrections(options: { includeWithdrawn?: boolean } = {}): Promise<Correction[]> {
    const where = options.includeWithdrawn ? '' : 'WHERE withdrawn_at IS NULL';
    return (this.db.prepare(`SELECT * FROM corrections ${where} ORDER BY id DESC`).all() as CorrectionRow[]).map(correctionOf);
  }

  async getCorrection(id: string): Promise<Correction | null> {
    const numeric = parseId(id);
    const row = numeric === null ? undefined : (this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(numeric) as CorrectionRow | undefined);
    return row ? correctionOf(row) : null;
  }

  async approve(input: NewCorrection): Promise<Correction> {
    return (await this.getCorrection(String(this.insertCorrection(input))))!;
  }

  /** Checks and stores a correction; returns its id (synchronous, so that a proposal's approval is one transaction). */
  private insertCorrection(input: NewCorrection): number | bigint {
    const question = required(input.question, 'the question');
    const answer = required(input.answer, 'the approved answer');
    const reviewer = required(input.reviewer, 'the reviewer');
    if (!/^[a-z]{2,3}$/.test(input.lang)) throw new TypeError(`the language must be an ISO 639-1 code, not "${input.lang}"`);
    return this.db
      .prepare(
        `INSERT INTO corrections (reviewed_at, reviewer, lang, from_entry_id, from_proposal_id, question, answer, sources_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.now().toISOString(),
        reviewer,
        input.lang,
        input.fromEntryId ? parseId(input.fromEntryId) : null,
        input.fromProposalId ? parseId(input.fromProposalId) : null,
        question,
        answer,
        JSON.stringify(input.sources),
      ).lastInsertRowid;
  }

  async withdraw(id: string, by: string): Promise<Correction> {
    const numeric = parseId(id);
    const changes =
      numeric === null
        ? 0
        : this.db.prepare('UPDATE corrections SET withdrawn_at = coalesce(withdrawn_at, ?), withdrawn_by = coalesce(withdrawn_by, ?) WHERE id = ?').run(this.now().toISOString(), by, numeric).changes;
    if (!changes) throw new SogaError('NOT_FOUND', `correction ${id} does not exist`);
    return (await this.getCorrection(id))!;
  }

  async uses(id: string, limit = 100): Promise<LogEntrySummary[]> {
    const numeric = parseId(id);
    if (numeric === null) return [];
    const rows = this.db
      .prepare(
        `SELECT e.id, e.created_at, e.surface, e.place, e.question, e.lang, e.outcome, e.mode, e.grounded, e.total_ms, e.review_status,
           e.fallback_reason, e.correction_id, substr(e.answer_text, 1, 600) AS answer_text, e.standalone_question,
           (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'up') AS ups,
           (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'down') AS downs
         FROM entries e WHERE e.correction_id = ? ORDER BY e.created_at DESC, e.id DESC LIMIT ?`,
      )
      .all(numeric, Math.max(1, Math.min(1000, limit))) as EntryRow[];
    return rows.map(summaryOf);
  }

  async useCounts(): Promise<Map<string, number>> {
    const rows = this.db.prepare('SELECT correction_id AS id, count(*) AS n FROM entries WHERE correction_id IS NOT NULL GROUP BY correction_id').all() as { id: number; n: number }[];
    return new Map(rows.map((r) => [String(r.id), r.n]));
  }

  async propose(input: StaffReplyInput): Promise<string> {
    const entry = parseId(input.botEntryId);
    if (entry === null) throw new TypeError(`"${input.botEntryId}" is not an answer-log entry id`);
    const reply = required(input.reply, 'the staff reply');
    const question = required(input.question, 'the question');
    this.log.assertKey();
    const staff = input.staffId ? this.log.pseudonym(input.staffId) : null;
    // The same reply seen twice (an edit event, a replay after a restart) is one proposal.
    this.db
      .prepare(
        `INSERT INTO proposals (created_at, surface, place, staff, bot_entry_id, question, reply) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (bot_entry_id, reply) DO NOTHING`,
      )
      .run(this.now().toISOString(), input.surface, input.place ?? null, staff, entry, question, reply);
    const row = this.db.prepare('SELECT id FROM proposals WHERE bot_entry_id = ? AND reply = ?').get(entry, reply) as { id: number };
    return String(row.id);
  }

  async listProposals(status?: ProposalStatus): Promise<Proposal[]> {
    if (status && !PROPOSAL_STATUSES.includes(status)) throw new TypeError(`unknown proposal status ${String(status)}`);
    const rows = status
      ? (this.db.prepare('SELECT * FROM proposals WHERE status = ? ORDER BY created_at DESC, id DESC').all(status) as ProposalRow[])
      : (this.db.prepare('SELECT * FROM proposals ORDER BY created_at DESC, id DESC').all() as ProposalRow[]);
    return rows.map(proposalOf);
  }

  async getProposal(id: string): Promise<Proposal | null> {
    const numeric = parseId(id);
    const row = numeric === null ? undefined : (this.db.prepare('SELECT * FROM proposals WHERE id = ?').get(numeric) as ProposalRow | undefined);
    return row ? proposalOf(row) : null;
  }

  async dismissProposal(id: string, by: string): Promise<Proposal> {
    const numeric = parseId(id);
    const changes =
      numeric === null
        ? 0
        : this.db.prepare("UPDATE proposals SET status = 'dismissed', decided_by = ?, decided_at = ? WHERE id = ? AND status = 'open'").run(by, this.now().toISOString(), numeric).changes;
    if (!changes) throw new SogaError('NOT_FOUND', `there is no open proposal ${id}`);
    return (await this.getProposal(id))!;
  }

  async approveProposal(id: string, input: NewCorrection): Promise<Correction> {
    const numeric = parseId(id);
    const correctionId = this.db
      .transaction(() => {
        const open = numeric !== null && this.db.prepare("SELECT 1 FROM proposals WHERE id = ? AND status = 'open'").get(numeric);
        if (!open) throw new SogaError('NOT_FOUND', `there is no open proposal ${id}`);
        const inserted = this.insertCorrection({ ...input, fromProposalId: id });
        this.db.prepare("UPDATE proposals SET status = 'approved', decided_by = ?, decided_at = ?, correction_id = ? WHERE id = ?").run(input.reviewer, this.now().toISOString(), inserted, numeric);
        return inserted;
      })
      .immediate();
    return (await this.getCorrection(String(correctionId)))!;
  }
}
