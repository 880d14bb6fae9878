/**
 * Exports of the answer log: JSONL (everything, for analysis), CSV (for a spreadsheet) and corrected
 * answers as eval questions in the format of the shared dev set, so staff corrections become regression tests.
 */
import { changeOf, type EntryRow } from './answer-log.js';
import type { EvalQuestion, ExportFormat, LogFilter } from '../../core/answer-log.js';
import { whereClause } from './log-filter-sql.js';
import type { Db } from './open-database.js';

const CSV_COLUMNS = [
  'id',
  'created_at',
  'surface',
  'place',
  'asker',
  'lang',
  'question',
  'answer',
  'mode',
  'outcome',
  'grounded',
  'citations',
  'total_ms',
  'embed_model',
  'chat_model',
  'thumbs_up',
  'thumbs_down',
  'review_status',
  'corrected_answer',
  'index_change',
  'store_change',
] as const;

export const CSV_SOURCE_COLUMNS = `e.id, e.created_at, e.surface, e.place, e.asker, e.lang, e.question, e.answer_text, e.mode, e.outcome,
  e.grounded, e.citations_json, e.total_ms, e.embed_model, e.chat_model, e.review_status, e.corrected_answer,
  e.index_change, e.store_change`;

export const EXPORT_BATCH = 500;
const BATCH = EXPORT_BATCH;
const FEEDBACK_JSON = `(SELECT json_group_array(json_object('at', f.created_at, 'rating', f.rating, 'comment', f.comment, 'by', f.by_asker))
   FROM (SELECT * FROM feedback WHERE entry_id = e.id ORDER BY id) f)`;

/** Quotes a CSV cell; cells a spreadsheet would run as a formula get a leading apostrophe. */
export function csvCell(value: string | number | bigint | boolean | null | undefined): string {
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
    removed: row.removed_json ? (JSON.parse(row.removed_json) as unknown) : [],
    citations: JSON.parse(row.citations_json) as unknown,
    retrieved: JSON.parse(row.retrieved_json) as unknown,
    timings: JSON.parse(row.timings_json) as unknown,
    models: { embedder: row.embed_model, chat: row.chat_model },
    // Which index answered: change numbers of the index and of the document store (null: not recorded).
    freshness: { index: changeOf(row.index_change), store: changeOf(row.store_change) },
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

/** An entry row as the exports read it: the row, its feedback counts and (JSONL) its feedback as a JSON array. */
export type ExportRow = EntryRow & { feedback_json: string | null };

export function checkExportFormat(format: ExportFormat): void {
  if (format !== 'jsonl' && format !== 'csv') throw new TypeError(`unknown export format ${String(format)}`);
}

/** The export's lines from rows read in (created_at, id) order, whichever database they come from. */
export async function* exportLinesOf(format: ExportFormat, rows: AsyncIterable<ExportRow> | Iterable<ExportRow>): AsyncGenerator<string> {
  checkExportFormat(format);
  if (format === 'csv') {
    yield `${CSV_COLUMNS.join(',')}\n`;
    for await (const row of rows) {
      const citations = (JSON.parse(row.citations_json) as { chunkId: string; score: number }[]).map((c) => `${c.chunkId}:${c.score.toFixed(4)}`).join(' ');
      const cells = [
        row.id,
        row.created_at,
        row.surface,
        row.place,
        row.asker,
        row.lang,
        row.question,
        row.answer_text,
        row.mode,
        row.outcome,
        row.grounded,
        citations,
        row.total_ms,
        row.embed_model,
        row.chat_model,
        row.ups,
        row.downs,
        row.review_status,
        row.corrected_answer,
        row.index_change,
        row.store_change,
      ];
      yield `${cells.map(csvCell).join(',')}\n`;
    }
    return;
  }
  for await (const row of rows) yield `${JSON.stringify(jsonOf(row, JSON.parse(row.feedback_json ?? '[]') as unknown[]))}\n`;
}

export function exportLines(db: Db, format: ExportFormat, filter: LogFilter): AsyncGenerator<string> {
  checkExportFormat(format);
  const where = whereClause(filter);
  // CSV leaves out the retrieved passages, by far the largest column: not reading it makes the export fast.
  const columns = format === 'csv' ? CSV_SOURCE_COLUMNS : 'e.*';
  // Read in pages of BATCH rows, continuing after the last (created_at, id): a large log never sits in
  // memory, and no statement stays open between pages, so the caller may await (a slow HTTP client)
  // while other requests use the same connection.
  const statement = db.prepare(
    `SELECT ${columns},
       (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'up') AS ups,
       (SELECT count(*) FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'down') AS downs,
       ${format === 'jsonl' ? FEEDBACK_JSON : 'NULL'} AS feedback_json
     FROM entries e ${where.sql ? `${where.sql} AND` : 'WHERE'} (e.created_at > ? OR (e.created_at = ? AND e.id > ?))
     ORDER BY e.created_at, e.id LIMIT ${BATCH}`,
  );
  function* pages(): Generator<ExportRow> {
    let after = { at: '', id: 0 };
    while (true) {
      const page = statement.all(...where.params, after.at, after.at, after.id) as ExportRow[];
      yield* page;
      if (page.length < BATCH) return;
      const last = page.at(-1)!;
      after = { at: last.created_at, id: Number(last.id) };
    }
  }
  return exportLinesOf(format, pages());
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
