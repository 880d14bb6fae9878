/**
 * The answer log in PostgreSQL, shared by every replica: the same behaviour as the SQLite log
 * (src/infra/sqlite/answer-log.ts; one contract suite runs against both), the same rows (schema steps
 * with the same numbers, answer-log-schema.ts), the same pseudonyms (the HMAC key and its fingerprint
 * rule) and the same row mapping, so the admin web and `soga logs` cannot tell them apart.
 */
import { SogaError } from '../../core/errors.js';
import type {
  AnswerLogAdmin,
  AnswerLogEntryInput,
  AuditRecord,
  EvalQuestion,
  ExportFormat,
  FeedbackInput,
  LogEntry,
  LogEntrySummary,
  LogFilter,
  LogStats,
  Page,
  ReviewInput,
} from '../../core/answer-log.js';
import { REVIEW_STATUSES } from '../../core/answer-log.js';
import { citationsOf, DAY_MS, entryOf, MAX_PAGE_SIZE, parseId, passagesOf, summaryOf, type EntryRow } from '../sqlite/answer-log.js';
import { checkExportFormat, EXPORT_BATCH, evalQuestionOf, exportLinesOf, type ExportRow } from '../sqlite/answer-log-export.js';
import { createPseudonymiser, keyFingerprint, type Pseudonymiser } from '../sqlite/pseudonymise.js';
import { ANSWER_LOG, pgAnswerLogMigrations } from './answer-log-schema.js';
import { foldSearchText } from './fold-search-text.js';
import { migrate, storeUnavailable, type Sql } from './pg-database.js';
import { pgCondition } from './pg-log-filter.js';

export interface PgAnswerLogOptions {
  /** SOGA_LOG_HMAC_KEY: every replica must use the same one. */
  hmacKey: string | undefined;
  now?: () => Date;
  /** Ends the connection on close() (when the log opened it). */
  ownsConnection?: boolean;
}

/** Counts as numbers: PostgreSQL's count() is a bigint, which postgres.js returns as text. */
const FEEDBACK_COUNTS = (sql: Sql) => sql`(select count(*)::int from soga_log_feedback f where f.entry_id = e.id and f.rating = 'up') as ups,
  (select count(*)::int from soga_log_feedback f where f.entry_id = e.id and f.rating = 'down') as downs`;

const SUMMARY_COLUMNS = (sql: Sql) => sql`e.id, e.created_at, e.surface, e.place, e.question, e.lang, e.outcome, e.mode, e.grounded, e.total_ms,
  e.review_status, e.fallback_reason, e.correction_id, e.index_change, e.store_change, substr(e.answer_text, 1, 600) as answer_text, (e.standalone_question <> e.question)::int as follow_up,
  ${FEEDBACK_COUNTS(sql)}`;

/** The words search matches: question, searched query and answer, folded like SQLite's FTS. */
export function searchTextOf(row: { question: string; standalone_question: string; answer_text: string }): string {
  return foldSearchText(`${row.question}\n${row.standalone_question}\n${row.answer_text}`);
}

export class PgAnswerLog implements AnswerLogAdmin {
  private readonly pseudonymise: Pseudonymiser;
  private readonly now: () => Date;

  private constructor(
    readonly sql: Sql,
    private readonly options: PgAnswerLogOptions,
    /** Fingerprint of the key the log was first written with, when it is not the one in use. */
    private readonly otherKey: string | null,
  ) {
    this.pseudonymise = createPseudonymiser(options.hmacKey);
    this.now = options.now ?? (() => new Date());
  }

  /** Brings the schema up to date, adopts or checks the key fingerprint, and fills any row the search index lacks. */
  static async open(sql: Sql, options: PgAnswerLogOptions): Promise<PgAnswerLog> {
    // Checked before touching the database: without the key no entry could be written safely.
    createPseudonymiser(options.hmacKey);
    await migrate(sql, ANSWER_LOG, pgAnswerLogMigrations);
    const mine = keyFingerprint(options.hmacKey!);
    try {
      // The first key to open the log is its key.
      await sql`insert into soga_log_meta (name, value) values ('key_fingerprint', ${mine}) on conflict (name) do nothing`;
      const [{ value }] = await sql<{ value: string }[]>`select value from soga_log_meta where name = 'key_fingerprint'`;
      await fillSearch(sql);
      return new PgAnswerLog(sql, options, value === mine ? null : value);
    } catch (cause) {
      throw storeUnavailable('cannot open the answer log in PostgreSQL', cause);
    }
  }

  /** The pseudonym the log stores for a platform user id (staff of proposals, askers). */
  pseudonym(platformUserId: string): string {
    return this.pseudonymise(platformUserId);
  }

  get keyMatches(): boolean {
    return this.otherKey === null;
  }

  /** The fingerprint of the key in use (what `soga migrate-log` compares with the SQLite log's). */
  get keyFingerprint(): string {
    return keyFingerprint(this.options.hmacKey!);
  }

  assertKey(): void {
    if (this.otherKey === null) return;
    throw new SogaError(
      'LOG_KEY_MISMATCH',
      `the answer log in PostgreSQL was written with another pseudonymisation key (fingerprint ${this.otherKey}) than the one in use (${this.keyFingerprint}): askers could not be matched`,
      { hint: 'give every replica the key the log was written with (SOGA_LOG_HMAC_KEY)' },
    );
  }

  async record(entry: AnswerLogEntryInput): Promise<string> {
    this.assertKey();
    const a = entry.answer;
    const row = { question: a.question, standalone_question: a.standaloneQuestion, answer_text: a.text };
    const rows = await this.run(
      'record the answer',
      () => this.sql<{ id: string }[]>`insert into soga_log_entries (created_at, surface, place, asker, question, standalone_question, lang, answer_text, mode,
          outcome, grounded, fallback_reason, removed_json, citations_json, retrieved_json, timings_json, total_ms, embed_model, chat_model, correction_id, search,
          index_change, store_change)
        values (${this.now().toISOString()}, ${entry.surface}, ${entry.place ?? null}, ${entry.askerId ? this.pseudonymise(entry.askerId) : null}, ${a.question},
          ${a.standaloneQuestion}, ${a.language}, ${a.text}, ${a.mode}, ${a.outcome}, ${a.grounded ? 1 : 0}, ${a.fallbackReason ?? null},
          ${a.removed?.length ? JSON.stringify(a.removed) : null}, ${JSON.stringify(citationsOf(a))}, ${JSON.stringify(passagesOf(a))}, ${JSON.stringify(a.timings)},
          ${a.timings.totalMs}, ${a.models.embedder}, ${a.models.chat}, ${a.correctionId !== undefined ? parseId(a.correctionId) : null},
          to_tsvector('simple', ${searchTextOf(row)}), ${entry.freshness?.index ?? null}, ${entry.freshness?.store ?? null})
        returning id`,
    );
    return String(rows[0].id);
  }

  async addFeedback(entryId: string, feedback: FeedbackInput): Promise<void> {
    if (feedback.rating !== 'up' && feedback.rating !== 'down') throw new TypeError(`rating must be up or down, not ${String(feedback.rating)}`);
    this.assertKey();
    const id = parseId(entryId);
    const by = feedback.by ? this.pseudonymise(feedback.by) : null;
    const found = await this.run('record the feedback', () =>
      this.sql.begin(async (tx) => {
        // Locks the entry: a purge or erasure cannot remove it between the check and the insert.
        const exists = id !== null && (await tx`select 1 from soga_log_entries where id = ${id} for update`).length > 0;
        if (!exists) return false;
        // One vote per person and entry: a changed mind replaces the earlier vote.
        if (by) await tx`delete from soga_log_feedback where entry_id = ${id} and by_asker = ${by}`;
        await tx`insert into soga_log_feedback (entry_id, created_at, rating, comment, by_asker)
          values (${id}, ${this.now().toISOString()}, ${feedback.rating}, ${feedback.comment?.trim() || null}, ${by})`;
        return true;
      }),
    );
    if (!found) throw new SogaError('NOT_FOUND', `answer log entry ${entryId} does not exist (it may have been purged)`);
  }

  async list(filter: LogFilter = {}, paging: { page?: number; pageSize?: number } = {}): Promise<Page<LogEntrySummary>> {
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(paging.pageSize ?? 50)));
    const page = Math.max(1, Math.floor(paging.page ?? 1));
    const where = pgCondition(this.sql, filter);
    return this.run('list the answer log', async () => {
      const [{ n }] = await this.sql<{ n: number }[]>`select count(*)::int as n from soga_log_entries e where ${where}`;
      const rows = await this.sql<EntryRow[]>`select ${SUMMARY_COLUMNS(this.sql)} from soga_log_entries e where ${pgCondition(this.sql, filter)}
        order by e.created_at desc, e.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`;
      return { items: rows.map(summaryOf), total: n, page, pageSize };
    });
  }

  async conversation(id: string, options: { maxGapMinutes?: number; maxTurns?: number } = {}): Promise<LogEntrySummary[]> {
    const numeric = parseId(id);
    if (numeric === null) return [];
    const [entry] = await this.run(
      'read the entry',
      () => this.sql<Pick<EntryRow, 'id' | 'created_at' | 'surface' | 'place' | 'asker'>[]>`select id, created_at, surface, place, asker from soga_log_entries where id = ${numeric}`,
    );
    if (!entry) return [];
    if (!entry.asker) return this.summaries([String(entry.id)]);
    const gapMs = (options.maxGapMinutes ?? 30) * 60_000;
    const maxTurns = options.maxTurns ?? 50;
    // The asker's entries in that place within a day either side; the chain is cut where a gap is longer.
    const around = (ms: number) => new Date(Date.parse(entry.created_at) + ms).toISOString();
    const rows = await this.run(
      'read the conversation',
      () => this.sql<{ id: string; created_at: string }[]>`select id, created_at from soga_log_entries
        where asker = ${entry.asker} and surface = ${entry.surface} and place is not distinct from ${entry.place} and created_at between ${around(-DAY_MS)} and ${around(DAY_MS)}
        order by created_at, id`,
    );
    const at = rows.findIndex((r) => String(r.id) === String(entry.id));
    let first = at;
    let last = at;
    const gap = (a: { created_at: string }, b: { created_at: string }) => Date.parse(b.created_at) - Date.parse(a.created_at);
    while (first > 0 && gap(rows[first - 1], rows[first]) <= gapMs && last - first + 1 < maxTurns) first--;
    while (last < rows.length - 1 && gap(rows[last], rows[last + 1]) <= gapMs && last - first + 1 < maxTurns) last++;
    return this.summaries(rows.slice(first, last + 1).map((r) => String(r.id)));
  }

  /** List rows of these ids, in the order given. */
  private async summaries(ids: string[]): Promise<LogEntrySummary[]> {
    if (!ids.length) return [];
    const rows = await this.run('read the entries', () => this.sql<EntryRow[]>`select ${SUMMARY_COLUMNS(this.sql)} from soga_log_entries e where e.id in ${this.sql(ids)}`);
    const byId = new Map(rows.map((r) => [String(r.id), summaryOf(r)]));
    return ids.map((id) => byId.get(id)).filter((s): s is LogEntrySummary => s !== undefined);
  }

  async get(id: string): Promise<LogEntry | null> {
    const numeric = parseId(id);
    if (numeric === null) return null;
    const [row] = await this.run('read the entry', () => this.sql<EntryRow[]>`select e.*, ${FEEDBACK_COUNTS(this.sql)} from soga_log_entries e where e.id = ${numeric}`);
    if (!row) return null;
    const feedback = await this.run(
      'read the feedback',
      () => this.sql<LogEntry['feedback']>`select created_at as at, rating, comment, by_asker as by from soga_log_feedback where entry_id = ${numeric} order by id`,
    );
    return entryOf(row, feedback);
  }

  async review(id: string, input: ReviewInput): Promise<LogEntry> {
    if (!REVIEW_STATUSES.includes(input.status)) throw new TypeError(`unknown review status ${String(input.status)}`);
    const numeric = parseId(id);
    const set: Record<string, unknown> = { review_status: input.status, reviewed_by: input.by, reviewed_at: this.now().toISOString() };
    if (input.correctedAnswer !== undefined) set.corrected_answer = input.correctedAnswer.trim() || null;
    if (input.correctedFacts !== undefined) {
      const facts = input.correctedFacts.map((f) => f.trim()).filter(Boolean);
      set.corrected_facts_json = facts.length ? JSON.stringify(facts) : null;
    }
    if (input.correctedAnswerable !== undefined) set.corrected_answerable = input.correctedAnswerable === null ? null : input.correctedAnswerable ? 1 : 0;
    const changed = numeric === null ? 0 : (await this.run('save the review', () => this.sql`update soga_log_entries set ${this.sql(set)} where id = ${numeric}`)).count;
    if (changed === 0) throw new SogaError('NOT_FOUND', `answer log entry ${id} does not exist`);
    return (await this.get(id))!;
  }

  async stats(filter: Pick<LogFilter, 'from' | 'to' | 'surface'> = {}, options: { topUnanswered?: number } = {}): Promise<LogStats> {
    const { sql } = this;
    const where = () => pgCondition(sql, filter);
    const refused = sql`e.outcome not in ('answered', 'correction')`;
    const down = sql`exists (select 1 from soga_log_feedback f where f.entry_id = e.id and f.rating = 'down')`;
    return this.run('compute the overview', async () => {
      const [totals] = await sql<{ total: number; refused: number; down: number; with_feedback: number }[]>`select count(*)::int as total,
          count(*) filter (where ${refused})::int as refused, count(*) filter (where ${down})::int as down,
          count(*) filter (where exists (select 1 from soga_log_feedback f where f.entry_id = e.id))::int as with_feedback
        from soga_log_entries e where ${where()}`;
      const perDay = await sql<LogStats['perDay']>`select substr(e.created_at, 1, 10) as day, count(*)::int as questions,
          count(*) filter (where ${refused})::int as refused, count(*) filter (where ${down})::int as "thumbsDown"
        from soga_log_entries e where ${where()} group by day order by day`;
      // Ties in the C collation, as SQLite orders text: the same lists on both.
      const languages = await sql<LogStats['languages']>`select e.lang, count(*)::int as count from soga_log_entries e where ${where()}
        group by e.lang order by count desc, e.lang collate "C"`;
      const surfaces = await sql<LogStats['surfaces']>`select e.surface, count(*)::int as count from soga_log_entries e where ${where()}
        group by e.surface order by count desc, e.surface collate "C"`;
      // Grouped on trimmed lower-case text; the latest wording of each group is shown.
      const topUnanswered = await sql<LogStats['topUnanswered']>`select (array_agg(e.question order by e.created_at desc, e.id desc))[1] as question,
          count(*)::int as count, max(e.created_at) as "lastAt"
        from soga_log_entries e where ${where()} and ${refused} and e.outcome <> 'empty_question'
        group by lower(trim(e.question)) order by count desc, "lastAt" desc limit ${Math.max(0, options.topUnanswered ?? 10)}`;
      // Each answer counts once per document it cites, however many of its passages it quotes.
      const citedDocuments = await sql<LogStats['citedDocuments']>`select c.value ->> 'docId' as "docId", max(c.value ->> 'title') as title, count(distinct e.id)::int as count
        from soga_log_entries e cross join lateral jsonb_array_elements(e.citations_json::jsonb) as c (value) where ${where()}
        group by "docId" order by count desc, max(c.value ->> 'title') collate "C"`;
      const share = (n: number) => (totals.total ? n / totals.total : 0);
      return {
        total: totals.total,
        perDay: [...perDay],
        shareRefused: share(totals.refused),
        shareThumbsDown: share(totals.down),
        withFeedback: totals.with_feedback,
        languages: [...languages],
        surfaces: [...surfaces],
        topUnanswered: [...topUnanswered],
        citedDocuments: [...citedDocuments],
      };
    });
  }

  async surfaces(): Promise<string[]> {
    const rows = await this.run('list the surfaces', () => this.sql<{ surface: string }[]>`select surface from soga_log_entries group by surface order by surface collate "C"`);
    return rows.map((r) => r.surface);
  }

  async languages(): Promise<string[]> {
    const rows = await this.run('list the languages', () => this.sql<{ lang: string }[]>`select lang from soga_log_entries group by lang order by lang collate "C"`);
    return rows.map((r) => r.lang);
  }

  async purgeOlderThan(days: number, now: Date = this.now()): Promise<number> {
    if (!Number.isFinite(days) || days <= 0) throw new TypeError(`retention must be a positive number of days, not ${days}`);
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    // Feedback goes with its entry (on delete cascade).
    return (await this.run('purge the answer log', () => this.sql`delete from soga_log_entries where created_at < ${cutoff}`)).count;
  }

  async eraseUser(platformUserId: string): Promise<{ entries: number; feedback: number; proposals: number }> {
    if (!platformUserId.trim()) throw new TypeError('a platform user id is needed');
    this.assertKey();
    const asker = this.pseudonymise(platformUserId);
    return this.run('erase the user', () =>
      this.sql.begin(async (tx) => {
        const feedback = (await tx`delete from soga_log_feedback where by_asker = ${asker}`).count;
        const proposals = (await tx`delete from soga_proposals where staff = ${asker} or bot_entry_id in (select id from soga_log_entries where asker = ${asker})`).count;
        const entries = (await tx`delete from soga_log_entries where asker = ${asker}`).count;
        return { entries, feedback, proposals };
      }),
    );
  }

  exportLines(format: ExportFormat, filter: LogFilter = {}): AsyncGenerator<string> {
    checkExportFormat(format);
    return exportLinesOf(format, this.exportRows(format, filter));
  }

  /** Pages of rows after the last (created_at, id) read: no cursor stays open while the caller writes a line out. */
  private async *exportRows(format: ExportFormat, filter: LogFilter): AsyncGenerator<ExportRow> {
    const { sql } = this;
    const feedbackJson =
      format === 'jsonl'
        ? sql`(select coalesce(json_agg(json_build_object('at', f.created_at, 'rating', f.rating, 'comment', f.comment, 'by', f.by_asker) order by f.id), '[]')::text
            from soga_log_feedback f where f.entry_id = e.id)`
        : sql`null`;
    let after: { at: string; id: string } = { at: '', id: '0' };
    while (true) {
      const page = await this.run(
        'export the answer log',
        () => sql<ExportRow[]>`select e.*, ${FEEDBACK_COUNTS(sql)}, ${feedbackJson} as feedback_json from soga_log_entries e
          where ${pgCondition(sql, filter)} and (e.created_at > ${after.at} or (e.created_at = ${after.at} and e.id > ${after.id}))
          order by e.created_at, e.id limit ${EXPORT_BATCH}`,
      );
      yield* page;
      if (page.length < EXPORT_BATCH) return;
      const last = page.at(-1)!;
      after = { at: last.created_at, id: String(last.id) };
    }
  }

  async exportEvalQuestions(): Promise<EvalQuestion[]> {
    const rows = await this.run(
      'export the corrected entries',
      () => this.sql<EntryRow[]>`select e.*, ${FEEDBACK_COUNTS(this.sql)} from soga_log_entries e
        where e.corrected_answer is not null or e.corrected_facts_json is not null or e.corrected_answerable = 0 order by e.id`,
    );
    return rows.map(evalQuestionOf);
  }

  async audit(actor: string, action: string, target: string | null = null, detail: string | null = null): Promise<void> {
    await this.run('record the audit', () => this.sql`insert into soga_log_audit (at, actor, action, target, detail) values (${this.now().toISOString()}, ${actor}, ${action}, ${target}, ${detail})`);
  }

  async listAudit(limit = 100): Promise<AuditRecord[]> {
    const rows = await this.run(
      'read the audit trail',
      () => this.sql<AuditRecord[]>`select id::float8 as id, at, actor, action, target, detail from soga_log_audit order by id desc limit ${Math.max(1, Math.min(1000, limit))}`,
    );
    return [...rows];
  }

  async close(): Promise<void> {
    if (this.options.ownsConnection) await this.sql.end({ timeout: 5 });
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

/** Fills the search words of rows that have none (written before step 3, or copied by hand), a batch at a time. */
async function fillSearch(sql: Sql): Promise<void> {
  while (true) {
    const rows = await sql<{ id: string; question: string; standalone_question: string; answer_text: string }[]>`select id, question, standalone_question, answer_text
      from soga_log_entries where search is null limit 500`;
    if (!rows.length) return;
    for (const row of rows) await sql`update soga_log_entries set search = to_tsvector('simple', ${searchTextOf(row)}) where id = ${row.id}`;
  }
}
