/**
 * Reviewed answers (corrections) and staff-reply proposals in PostgreSQL, beside the answer log whose
 * entries deliver them (soga_log_entries.correction_id): every replica answers with the same approved
 * corrections, and the desk behaves as the SQLite one (one contract suite runs against both).
 */
import { SogaError } from '../../core/errors.js';
import type { LogEntrySummary } from '../../core/answer-log.js';
import type { Correction, CorrectionDesk, NewCorrection, Proposal, ProposalStatus, StaffReplyInput } from '../../core/corrections/correction.js';
import { PROPOSAL_STATUSES } from '../../core/corrections/correction.js';
import { parseId, summaryOf, type EntryRow } from '../sqlite/answer-log.js';
import { correctionOf, proposalOf, required, type CorrectionRow, type ProposalRow } from '../sqlite/corrections.js';
import type { PgAnswerLog } from './pg-answer-log.js';
import { storeUnavailable, type Sql, type TransactionSql } from './pg-database.js';

export class PgCorrections implements CorrectionDesk {
  constructor(
    private readonly log: PgAnswerLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get sql(): Sql {
    return this.log.sql;
  }

  async activeCorrections(): Promise<Correction[]> {
    const rows = await this.run('read the corrections', () => this.sql<CorrectionRow[]>`select * from soga_corrections where withdrawn_at is null order by id`);
    return rows.map(correctionOf);
  }

  async listCorrections(options: { includeWithdrawn?: boolean } = {}): Promise<Correction[]> {
    const rows = await this.run(
      'list the corrections',
      () => this.sql<CorrectionRow[]>`select * from soga_corrections ${options.includeWithdrawn ? this.sql`` : this.sql`where withdrawn_at is null`} order by id desc`,
    );
    return rows.map(correctionOf);
  }

  async getCorrection(id: string): Promise<Correction | null> {
    const numeric = parseId(id);
    if (numeric === null) return null;
    const [row] = await this.run('read the correction', () => this.sql<CorrectionRow[]>`select * from soga_corrections where id = ${numeric}`);
    return row ? correctionOf(row) : null;
  }

  async approve(input: NewCorrection): Promise<Correction> {
    const id = await this.run('store the correction', () => this.insertCorrection(this.sql, input));
    return (await this.getCorrection(id))!;
  }

  /** Checks and stores a correction (in the transaction given); returns its id. */
  private async insertCorrection(sql: Sql | TransactionSql, input: NewCorrection): Promise<string> {
    const question = required(input.question, 'the question');
    const answer = required(input.answer, 'the approved answer');
    const reviewer = required(input.reviewer, 'the reviewer');
    if (!/^[a-z]{2,3}$/.test(input.lang)) throw new TypeError(`the language must be an ISO 639-1 code, not "${input.lang}"`);
    const [row] = await sql<{ id: string }[]>`insert into soga_corrections (reviewed_at, reviewer, lang, from_entry_id, from_proposal_id, question, answer, sources_json)
      values (${this.now().toISOString()}, ${reviewer}, ${input.lang}, ${input.fromEntryId ? parseId(input.fromEntryId) : null},
        ${input.fromProposalId ? parseId(input.fromProposalId) : null}, ${question}, ${answer}, ${JSON.stringify(input.sources)})
      returning id`;
    return String(row.id);
  }

  async withdraw(id: string, by: string): Promise<Correction> {
    const numeric = parseId(id);
    const changed =
      numeric === null
        ? 0
        : (
            await this.run(
              'withdraw the correction',
              () => this.sql`update soga_corrections set withdrawn_at = coalesce(withdrawn_at, ${this.now().toISOString()}), withdrawn_by = coalesce(withdrawn_by, ${by}) where id = ${numeric}`,
            )
          ).count;
    if (!changed) throw new SogaError('NOT_FOUND', `correction ${id} does not exist`);
    return (await this.getCorrection(id))!;
  }

  async uses(id: string, limit = 100): Promise<LogEntrySummary[]> {
    const numeric = parseId(id);
    if (numeric === null) return [];
    const rows = await this.run(
      'read the uses of the correction',
      () => this.sql<EntryRow[]>`select e.id, e.created_at, e.surface, e.place, e.question, e.lang, e.outcome, e.mode, e.grounded, e.total_ms, e.review_status,
          e.fallback_reason, e.correction_id, substr(e.answer_text, 1, 600) as answer_text, e.standalone_question,
          (select count(*)::int from soga_log_feedback f where f.entry_id = e.id and f.rating = 'up') as ups,
          (select count(*)::int from soga_log_feedback f where f.entry_id = e.id and f.rating = 'down') as downs
        from soga_log_entries e where e.correction_id = ${numeric} order by e.created_at desc, e.id desc limit ${Math.max(1, Math.min(1000, limit))}`,
    );
    return rows.map(summaryOf);
  }

  async useCounts(): Promise<Map<string, number>> {
    const rows = await this.run(
      'count the uses of corrections',
      () => this.sql<{ id: string; n: number }[]>`select correction_id as id, count(*)::int as n from soga_log_entries where correction_id is not null group by correction_id`,
    );
    return new Map(rows.map((r) => [String(r.id), r.n]));
  }

  async propose(input: StaffReplyInput): Promise<string> {
    const entry = parseId(input.botEntryId);
    if (entry === null) throw new TypeError(`"${input.botEntryId}" is not an answer-log entry id`);
    const reply = required(input.reply, 'the staff reply');
    const question = required(input.question, 'the question');
    this.log.assertKey();
    const staff = input.staffId ? this.log.pseudonym(input.staffId) : null;
    // The same reply seen twice (an edit event, a replay after a restart, another replica) is one proposal.
    const [row] = await this.run(
      'store the proposal',
      () => this.sql<{ id: string }[]>`with inserted as (
          insert into soga_proposals (created_at, surface, place, staff, bot_entry_id, question, reply)
          values (${this.now().toISOString()}, ${input.surface}, ${input.place ?? null}, ${staff}, ${entry}, ${question}, ${reply})
          on conflict (bot_entry_id, reply) do nothing returning id)
        select id from inserted union all select id from soga_proposals where bot_entry_id = ${entry} and reply = ${reply} limit 1`,
    );
    return String(row.id);
  }

  async listProposals(status?: ProposalStatus): Promise<Proposal[]> {
    if (status && !PROPOSAL_STATUSES.includes(status)) throw new TypeError(`unknown proposal status ${String(status)}`);
    const rows = await this.run(
      'list the proposals',
      () => this.sql<ProposalRow[]>`select * from soga_proposals ${status ? this.sql`where status = ${status}` : this.sql``} order by created_at desc, id desc`,
    );
    return rows.map(proposalOf);
  }

  async getProposal(id: string): Promise<Proposal | null> {
    const numeric = parseId(id);
    if (numeric === null) return null;
    const [row] = await this.run('read the proposal', () => this.sql<ProposalRow[]>`select * from soga_proposals where id = ${numeric}`);
    return row ? proposalOf(row) : null;
  }

  async dismissProposal(id: string, by: string): Promise<Proposal> {
    const numeric = parseId(id);
    const changed =
      numeric === null
        ? 0
        : (
            await this.run(
              'dismiss the proposal',
              () => this.sql`update soga_proposals set status = 'dismissed', decided_by = ${by}, decided_at = ${this.now().toISOString()} where id = ${numeric} and status = 'open'`,
            )
          ).count;
    if (!changed) throw new SogaError('NOT_FOUND', `there is no open proposal ${id}`);
    return (await this.getProposal(id))!;
  }

  async approveProposal(id: string, input: NewCorrection): Promise<Correction> {
    const numeric = parseId(id);
    const correctionId = await this.run('approve the proposal', () =>
      this.sql.begin(async (tx) => {
        // Locked: two reviewers approving the same proposal at once make one correction.
        const open = numeric !== null && (await tx`select 1 from soga_proposals where id = ${numeric} and status = 'open' for update`).length > 0;
        if (!open) throw new SogaError('NOT_FOUND', `there is no open proposal ${id}`);
        const inserted = await this.insertCorrection(tx, { ...input, fromProposalId: id });
        await tx`update soga_proposals set status = 'approved', decided_by = ${input.reviewer}, decided_at = ${this.now().toISOString()}, correction_id = ${inserted} where id = ${numeric}`;
        return inserted;
      }),
    );
    return (await this.getCorrection(correctionId))!;
  }

  private async run<T>(what: string, query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (cause) {
      if (cause instanceof SogaError || cause instanceof TypeError) throw cause;
      throw storeUnavailable(`cannot ${what} in PostgreSQL`, cause);
    }
  }
}
