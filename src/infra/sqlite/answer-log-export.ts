/**
 * Exports of the answer log: JSONL (everything, for analysis), CSV (for a spreadsheet) and corrected
 * answers as eval questions in the format of the shared dev set, so staff corrections become regression tests.
 */
import type { EntryRow } from './answer-log.js';
import type { EvalQuestion, ExportFormat, LogFilter } from './answer-log-types.js';
import { whereClause } from './log-filter-sql.js';
import type { Db } from './open-database.js';

const CSV_COLUMNS = [
  'id', 'created_at', 'surface', 'place', 'asker', 'lang', 'question', 'answer', 'mode', 'outcome', 'grounded',
  'citations', 'total_ms', 'embed_model', 'chat_model', 'thumbs_up', 'thumbs_down', 'review_status', 'corrected_answer',
] as const;

/** Quotes a CSV cell; cells a spreadsheet would run as a formula get a leading apostrophe. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function jsonOf(row: EntryRow, feedback: unknown[]) {
  return {
    id: String(row.id),
    createdAt: row.created_at,
    surface: row.surface,
    place: row.place,
    asker: row.asker,
    question: row.question,
    standaloneQuestion: row.standalone_question,
    lang: row.lang,
    answer: row.answer_text,
    mode: row.mode,
    outcome: row.outcome,
    grounded: row.grounded === 1,
    fallbackReason: row.fallback_reason,
    citations: JSON.parse(row.citations_json) as unknown,
    retrieved: JSON.parse(row.retrieved_json) as unknown,
    timings: JSON.parse(row.timings_json) as unknown,
    models: { embedder: row.embed_model, chat: row.chat_model },
    feedback,
    review: {
      status: row.review_status,
      by: row.reviewed_by,
      at: row.reviewed_at,
      correctedAnswer: row.corrected_answer,
      correctedFacts: row.corrected_facts_json ? (JSON.parse(row.corrected_facts_json) as unknown) : [],
      correctedAnswerable: row.corrected_answerable === null ? null : row.corrected_answerable === 1,
    },
  };
}

export function* exportLines(db: Db, format: ExportFormat, filter: LogFilter): Generator<string> {
  const where = whereClause(filter);
  const rows = db
    .prepare(
      `SELECT e.*,
         (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'up') AS ups,
         (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'down') AS downs
       FROM entries e ${where.sql} ORDER BY e.created_at, e.id`,
    )
    .all(...where.params) as EntryRow[];
  // Rows are read up front: a generator left open would hold a read transaction (and block WAL checkpoints).
  if (format === 'csv') {
    yield `${CSV_COLUMNS.join(',')}\n`;
    for (const row of rows) {
      const citations = (JSON.parse(row.citations_json) as { chunkId: string; score: number }[])
        .map((c) => `${c.chunkId}:${c.score.toFixed(4)}`)
        .join(' ');
      const cells = [
        row.id, row.created_at, row.surface, row.place, row.asker, row.lang, row.question, row.answer_text, row.mode,
        row.outcome, row.grounded, citations, row.total_ms, row.embed_model, row.chat_model, row.ups, row.downs,
        row.review_status, row.corrected_answer,
      ];
      yield `${cells.map(csvCell).join(',')}\n`;
    }
    return;
  }
  if (format !== 'jsonl') throw new TypeError(`unknown export format ${String(format)}`);
  const feedbackOf = db.prepare('SELECT created_at AS at, rating, comment, by_asker AS by FROM feedback WHERE entry_id = ? ORDER BY id');
  for (const row of rows) yield `${JSON.stringify(jsonOf(row, feedbackOf.all(row.id)))}\n`;
}

export function evalQuestionOf(row: EntryRow): EvalQuestion {
  const answerable = row.corrected_answerable !== 0;
  const facts = row.corrected_facts_json ? (JSON.parse(row.corrected_facts_json) as string[]) : [];
  return {
    id: `log-${row.id}`,
    lang: row.lang,
    q: row.question,
    evidence: [],
    // Key phrases when the reviewer gave them; otherwise the whole corrected answer (strict, but honest).
    facts: !answerable ? [] : facts.length ? facts : row.corrected_answer ? [row.corrected_answer] : [],
    answerable,
  };
}
