/**
 * The answer log in SQLite: every answer from every surface, with what was retrieved and cited, how
 * long each step took, feedback and staff review. Implements the core AnswerLog port (what the bot
 * needs) and the admin operations the web and `soga logs` use. Several processes may open the same file.
 */
import { SogaError } from '../../core/errors.js';
import type { AnswerLogEntryInput } from '../../core/answer-log.js';
import type { Answer } from '../../core/types.js';
import type {
  AnswerLogAdmin,
  AuditRecord,
  EvalQuestion,
  ExportFormat,
  LogEntry,
  LogEntrySummary,
  LogFilter,
  LoggedCitation,
  LoggedPassage,
  LogStats,
  Page,
  ReviewInput,
  ReviewStatus,
} from '../../core/answer-log.js';
import { REVIEW_STATUSES } from '../../core/answer-log.js';
import { computeStats } from './answer-log-stats.js';
import { evalQuestionOf, exportLines } from './answer-log-export.js';
import { whereClause } from './log-filter-sql.js';
import { answerLogMigrations } from './migrations.js';
import { openDatabase, type Db } from './open-database.js';
import { createPseudonymiser, keyFingerprint, type Pseudonymiser } from './pseudonymise.js';

export interface AnswerLogOptions {
  /** SQLite file (SOGA_LOG_DB). */
  file: string;
  /** SOGA_LOG_HMAC_KEY. */
  hmacKey: string | undefined;
  now?: () => Date;
  busyTimeoutMs?: number;
}

/** Raw row shape of `entries` plus feedback counts. */
export interface EntryRow {
  /** A number from SQLite; PostgreSQL's bigint arrives as text. */
  id: number | string;
  created_at: string;
  surface: string;
  place: string | null;
  asker: string | null;
  question: string;
  standalone_question: string;
  lang: string;
  answer_text: string;
  mode: string;
  outcome: string;
  grounded: number;
  fallback_reason: string | null;
  removed_json: string | null;
  citations_json: string;
  retrieved_json: string;
  timings_json: string;
  total_ms: number;
  embed_model: string | null;
  chat_model: string | null;
  review_status: ReviewStatus;
  correction_id?: number | null;
  /** PostgreSQL's bigint arrives as text. */
  index_change?: number | string | null;
  store_change?: number | string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  corrected_answer: string | null;
  corrected_facts_json: string | null;
  corrected_answerable: number | null;
  ups: number;
  downs: number;
  /** 1 when the searched query differs from the question (list rows only). */
  follow_up?: number;
}

const FEEDBACK_COUNTS = `(SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'up') AS ups,
  (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'down') AS downs`;

/** What a list row needs: not the JSON columns, which are most of a row's bytes. */
const SUMMARY_COLUMNS = `e.id, e.created_at, e.surface, e.place, e.question, e.lang, e.outcome, e.mode, e.grounded, e.total_ms,
  e.review_status, e.fallback_reason, e.correction_id, e.index_change, e.store_change, substr(e.answer_text, 1, 600) AS answer_text, (e.standalone_question <> e.question) AS follow_up,
  ${FEEDBACK_COUNTS}`;

/** The first non-empty line of an answer (or of its first 600 characters), cut at a word near 200 characters. */
export function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  if (line.length <= 200) return line;
  const cut = line.slice(0, 200);
  const space = cut.lastIndexOf(' ');
  return `${(space > 150 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const ENTRY_COLUMNS = `e.*,
  (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'up') AS ups,
  (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'down') AS downs`;

export const MAX_PAGE_SIZE = 200;
export const MAX_LOGGED_PASSAGES = 50;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function parseId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

export function citationsOf(answer: Answer): LoggedCitation[] {
  return answer.citations.map((c) => ({
    n: c.n,
    chunkId: c.chunkId,
    docId: c.docId,
    title: c.title,
    source: c.source,
    url: c.url ?? null,
    quote: c.quote,
    date: c.date,
    lang: c.lang,
    score: c.score,
  }));
}

/** Six significant digits are plenty to compare scores, and halve the size of the JSON. */
const round = (n: number) => (Number.isFinite(n) ? Number(n.toPrecision(6)) : n);
const roundAll = (o: Record<string, number | undefined>) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, round(v!)]),
  );

/**
 * Passages without their text: ids and scores are what review needs. Up to 30 of them per answer make
 * this the biggest column, so only what the detail page shows is kept.
 */
export function passagesOf(answer: Answer): LoggedPassage[] {
  // The engine may consider up to k passages per retriever; the best MAX_LOGGED_PASSAGES by fused score are
  // enough to see why an answer was given or refused.
  return [...answer.retrieved]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_LOGGED_PASSAGES)
    .map((hit) => ({
      chunkId: hit.chunk.id,
      docId: hit.chunk.docId,
      title: hit.chunk.title,
      score: round(hit.score),
      coverage: round(hit.coverage),
      ranks: roundAll(hit.ranks),
      signals: roundAll(hit.signals),
    }));
}

export function summaryOf(
  row: Pick<
    EntryRow,
    'id' | 'created_at' | 'surface' | 'place' | 'question' | 'lang' | 'outcome' | 'mode' | 'grounded' | 'total_ms' | 'review_status' | 'ups' | 'downs' | 'answer_text' | 'fallback_reason'
  > &
    Partial<Pick<EntryRow, 'follow_up' | 'standalone_question' | 'correction_id' | 'index_change' | 'store_change'>>,
): LogEntrySummary {
  return {
    id: String(row.id),
    createdAt: row.created_at,
    surface: row.surface,
    place: row.place,
    question: row.question,
    lang: row.lang,
    outcome: row.outcome,
    mode: row.mode,
    grounded: row.grounded === 1,
    totalMs: row.total_ms,
    reviewStatus: row.review_status,
    thumbsUp: row.ups,
    thumbsDown: row.downs,
    answerFirstLine: firstLine(row.answer_text),
    fallbackReason: row.fallback_reason,
    correctionId: row.correction_id == null ? null : String(row.correction_id),
    followUp: row.follow_up === undefined ? row.standalone_question !== row.question : row.follow_up === 1,
    freshness: { index: changeOf(row.index_change), store: changeOf(row.store_change) },
  };
}

/** The whole entry from its row and feedback (the SQLite and PostgreSQL logs read the same columns). */
export function entryOf(row: EntryRow, feedback: LogEntry['feedback']): LogEntry {
  return {
    ...summaryOf(row),
    asker: row.asker,
    standaloneQuestion: row.standalone_question,
    answerText: row.answer_text,
    removed: row.removed_json ? (JSON.parse(row.removed_json) as LogEntry['removed']) : [],
    citations: JSON.parse(row.citations_json) as LoggedCitation[],
    retrieved: JSON.parse(row.retrieved_json) as LoggedPassage[],
    timings: JSON.parse(row.timings_json) as LogEntry['timings'],
    models: { embedder: row.embed_model, chat: row.chat_model },
    feedback: [...feedback],
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    correctedAnswer: row.corrected_answer,
    correctedFacts: row.corrected_facts_json ? (JSON.parse(row.corrected_facts_json) as string[]) : [],
    correctedAnswerable: row.corrected_answerable === null ? null : row.corrected_answerable === 1,
  };
}

/** A change number as read from either database (PostgreSQL's bigint is text). */
export function changeOf(value: number | string | null | undefined): number | null {
  return value == null ? null : Number(value);
}

export class SqliteAnswerLog implements AnswerLogAdmin {
  readonly db: Db;
  private readonly pseudonymise: Pseudonymiser;
  private readonly now: () => Date;
  /** Fingerprint of the key the log was first written with, when it is not the one in use. */
  private readonly otherKey: string | null;

  constructor(private readonly options: AnswerLogOptions) {
    // Checked before opening: without the key no entry could be written safely.
    this.pseudonymise = createPseudonymiser(options.hmacKey);
    this.now = options.now ?? (() => new Date());
    this.db = openDatabase(options.file, answerLogMigrations, { busyTimeoutMs: options.busyTimeoutMs });
    // The first key to open the log is its key (a log from before the fingerprint adopts the key in use).
    const mine = keyFingerprint(options.hmacKey!);
    this.db.prepare("INSERT OR IGNORE INTO meta (name, value) VALUES ('key_fingerprint', ?)").run(mine);
    const stored = (this.db.prepare("SELECT value FROM meta WHERE name = 'key_fingerprint'").get() as { value: string }).value;
    this.otherKey = stored === mine ? null : stored;
  }

  /** The pseudonym the log stores for a platform user id (staff of proposals, askers). */
  pseudonym(platformUserId: string): string {
    return this.pseudonymise(platformUserId);
  }

  /** Whether the key in use is the one the entries were written with. */
  get keyMatches(): boolean {
    return this.otherKey === null;
  }

  /**
   * Fails loudly when the key in use is not the log's: recording would mix two pseudonyms for one person,
   * and an erasure would match nobody while reporting success.
   */
  assertKey(): void {
    if (this.otherKey === null) return;
    throw new SogaError(
      'LOG_KEY_MISMATCH',
      `the answer log ${this.options.file} was written with another pseudonymisation key (fingerprint ${this.otherKey}) than the one in use (${keyFingerprint(this.options.hmacKey!)}): askers could not be matched`,
      {
        hint: 'use the key the log was written with (SOGA_LOG_HMAC_KEY, or unset it to use data/answer-log.key as the bots do), or move SOGA_LOG_DB aside to start a new log',
      },
    );
  }

  async record(entry: AnswerLogEntryInput): Promise<string> {
    return this.recordSync(entry);
  }

  recordSync(entry: AnswerLogEntryInput): string {
    this.assertKey();
    const a = entry.answer;
    const result = this.db
      .prepare(
        `INSERT INTO entries (created_at, surface, place, asker, question, standalone_question, lang, answer_text, mode,
           outcome, grounded, fallback_reason, removed_json, citations_json, retrieved_json, timings_json, total_ms, embed_model, chat_model, correction_id,
           index_change, store_change)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.now().toISOString(),
        entry.surface,
        entry.place ?? null,
        entry.askerId ? this.pseudonymise(entry.askerId) : null,
        a.question,
        a.standaloneQuestion,
        a.language,
        a.text,
        a.mode,
        a.outcome,
        a.grounded ? 1 : 0,
        a.fallbackReason ?? null,
        a.removed?.length ? JSON.stringify(a.removed) : null,
        JSON.stringify(citationsOf(a)),
        JSON.stringify(passagesOf(a)),
        JSON.stringify(a.timings),
        a.timings.totalMs,
        a.models.embedder,
        a.models.chat,
        a.correctionId !== undefined ? parseId(a.correctionId) : null,
        entry.freshness?.index ?? null,
        entry.freshness?.store ?? null,
      );
    return String(result.lastInsertRowid);
  }

  async addFeedback(entryId: string, feedback: { rating: 'up' | 'down'; comment?: string; by?: string }): Promise<void> {
    if (feedback.rating !== 'up' && feedback.rating !== 'down') throw new TypeError(`rating must be up or down, not ${String(feedback.rating)}`);
    this.assertKey();
    const id = parseId(entryId);
    const exists = id !== null && this.db.prepare('SELECT 1 FROM entries WHERE id = ?').get(id);
    if (!exists) throw new SogaError('NOT_FOUND', `answer log entry ${entryId} does not exist (it may have been purged)`);
    const by = feedback.by ? this.pseudonymise(feedback.by) : null;
    this.db
      .transaction(() => {
        // One vote per person and entry: a changed mind replaces the earlier vote.
        if (by) this.db.prepare('DELETE FROM feedback WHERE entry_id = ? AND by_asker = ?').run(id, by);
        this.db
          .prepare('INSERT INTO feedback (entry_id, created_at, rating, comment, by_asker) VALUES (?, ?, ?, ?, ?)')
          .run(id, this.now().toISOString(), feedback.rating, feedback.comment?.trim() || null, by);
      })
      .immediate();
  }

  async list(filter: LogFilter = {}, paging: { page?: number; pageSize?: number } = {}): Promise<Page<LogEntrySummary>> {
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(paging.pageSize ?? 50)));
    const page = Math.max(1, Math.floor(paging.page ?? 1));
    const where = whereClause(filter);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM entries e ${where.sql}`).get(...where.params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM entries e ${where.sql} ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`)
      .all(...where.params, pageSize, (page - 1) * pageSize) as EntryRow[];
    return { items: rows.map(summaryOf), total, page, pageSize };
  }

  async conversation(id: string, options: { maxGapMinutes?: number; maxTurns?: number } = {}): Promise<LogEntrySummary[]> {
    const numeric = parseId(id);
    if (numeric === null) return [];
    const entry = this.db.prepare('SELECT id, created_at, surface, place, asker FROM entries WHERE id = ?').get(numeric) as
      Pick<EntryRow, 'id' | 'created_at' | 'surface' | 'place' | 'asker'> | undefined;
    if (!entry) return [];
    if (!entry.asker) return this.summaries([numeric]);
    const gapMs = (options.maxGapMinutes ?? 30) * 60_000;
    const maxTurns = options.maxTurns ?? 50;
    // The asker's entries in that place within a day either side; the chain is cut where a gap is longer.
    const around = (ms: number) => new Date(Date.parse(entry.created_at) + ms).toISOString();
    const rows = this.db
      .prepare(
        `SELECT id, created_at FROM entries WHERE asker = ? AND surface = ? AND place IS ? AND created_at BETWEEN ? AND ?
         ORDER BY created_at, id`,
      )
      .all(entry.asker, entry.surface, entry.place, around(-DAY_MS), around(DAY_MS)) as { id: number; created_at: string }[];
    const at = rows.findIndex((r) => r.id === entry.id);
    let first = at;
    let last = at;
    const gap = (a: { created_at: string }, b: { created_at: string }) => Date.parse(b.created_at) - Date.parse(a.created_at);
    while (first > 0 && gap(rows[first - 1], rows[first]) <= gapMs && last - first + 1 < maxTurns) first--;
    while (last < rows.length - 1 && gap(rows[last], rows[last + 1]) <= gapMs && last - first + 1 < maxTurns) last++;
    return this.summaries(rows.slice(first, last + 1).map((r) => r.id));
  }

  /** List rows of these ids, in the order given. */
  private summaries(ids: number[]): LogEntrySummary[] {
    if (!ids.length) return [];
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM entries e WHERE e.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as EntryRow[];
    const byId = new Map(rows.map((r) => [r.id, summaryOf(r)]));
    return ids.map((id) => byId.get(id)).filter((s): s is LogEntrySummary => s !== undefined);
  }

  async get(id: string): Promise<LogEntry | null> {
    const numeric = parseId(id);
    if (numeric === null) return null;
    const row = this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.id = ?`).get(numeric) as EntryRow | undefined;
    if (!row) return null;
    const feedback = this.db.prepare('SELECT created_at AS at, rating, comment, by_asker AS by FROM feedback WHERE entry_id = ? ORDER BY id').all(numeric) as LogEntry['feedback'];
    return entryOf(row, feedback);
  }

  async review(id: string, input: ReviewInput): Promise<LogEntry> {
    if (!REVIEW_STATUSES.includes(input.status)) throw new TypeError(`unknown review status ${String(input.status)}`);
    const numeric = parseId(id);
    const sets = ['review_status = ?', 'reviewed_by = ?', 'reviewed_at = ?'];
    const params: unknown[] = [input.status, input.by, this.now().toISOString()];
    if (input.correctedAnswer !== undefined) {
      sets.push('corrected_answer = ?');
      params.push(input.correctedAnswer.trim() || null);
    }
    if (input.correctedFacts !== undefined) {
      const facts = input.correctedFacts.map((f) => f.trim()).filter(Boolean);
      sets.push('corrected_facts_json = ?');
      params.push(facts.length ? JSON.stringify(facts) : null);
    }
    if (input.correctedAnswerable !== undefined) {
      sets.push('corrected_answerable = ?');
      params.push(input.correctedAnswerable === null ? null : input.correctedAnswerable ? 1 : 0);
    }
    const changes = numeric === null ? 0 : this.db.prepare(`UPDATE entries SET ${sets.join(', ')} WHERE id = ?`).run(...params, numeric).changes;
    if (changes === 0) throw new SogaError('NOT_FOUND', `answer log entry ${id} does not exist`);
    return (await this.get(id))!;
  }

  async stats(filter: Pick<LogFilter, 'from' | 'to' | 'surface'> = {}, options: { topUnanswered?: number } = {}): Promise<LogStats> {
    return computeStats(this.db, filter, options.topUnanswered ?? 10);
  }

  async surfaces(): Promise<string[]> {
    return (this.db.prepare('SELECT DISTINCT surface FROM entries ORDER BY surface').all() as { surface: string }[]).map((r) => r.surface);
  }

  async languages(): Promise<string[]> {
    return (this.db.prepare('SELECT DISTINCT lang FROM entries ORDER BY lang').all() as { lang: string }[]).map((r) => r.lang);
  }

  async purgeOlderThan(days: number, now: Date = this.now()): Promise<number> {
    if (!Number.isFinite(days) || days <= 0) throw new TypeError(`retention must be a positive number of days, not ${days}`);
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    // Feedback goes with its entry (ON DELETE CASCADE).
    return this.db.prepare('DELETE FROM entries WHERE created_at < ?').run(cutoff).changes;
  }

  async eraseUser(platformUserId: string): Promise<{ entries: number; feedback: number; proposals: number }> {
    if (!platformUserId.trim()) throw new TypeError('a platform user id is needed');
    this.assertKey();
    const asker = this.pseudonymise(platformUserId);
    return this.db
      .transaction(() => {
        const feedback = this.db.prepare('DELETE FROM feedback WHERE by_asker = ?').run(asker).changes;
        const proposals = this.db.prepare('DELETE FROM proposals WHERE staff = ? OR bot_entry_id IN (SELECT id FROM entries WHERE asker = ?)').run(asker, asker).changes;
        const entries = this.db.prepare('DELETE FROM entries WHERE asker = ?').run(asker).changes;
        return { entries, feedback, proposals };
      })
      .immediate();
  }

  exportLines(format: ExportFormat, filter: LogFilter = {}): AsyncGenerator<string> {
    return exportLines(this.db, format, filter);
  }

  async exportEvalQuestions(): Promise<EvalQuestion[]> {
    const rows = this.db
      .prepare(
        `SELECT ${ENTRY_COLUMNS} FROM entries e
         WHERE e.corrected_answer IS NOT NULL OR e.corrected_facts_json IS NOT NULL OR e.corrected_answerable = 0
         ORDER BY e.id`,
      )
      .all() as EntryRow[];
    return rows.map(evalQuestionOf);
  }

  async audit(actor: string, action: string, target: string | null = null, detail: string | null = null): Promise<void> {
    this.db.prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(this.now().toISOString(), actor, action, target, detail);
  }

  async listAudit(limit = 100): Promise<AuditRecord[]> {
    return this.db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.min(1000, limit))) as AuditRecord[];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openAnswerLog(options: AnswerLogOptions): SqliteAnswerLog {
  return new SqliteAnswerLog(options);
}
