/** Turns a LogFilter into a SQL WHERE clause with bound parameters (never string-built values). */
import type { LogFilter } from '../../core/answer-log.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A bare date or a full ISO datetime, as the UTC text stored in created_at. */
export function boundary(value: string, end: boolean): string {
  if (DATE_ONLY.test(value)) {
    if (!end) return `${value}T00:00:00.000Z`;
    const next = new Date(`${value}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString();
  }
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new TypeError(`not a date: ${JSON.stringify(value)}`);
  return parsed.toISOString();
}

/**
 * Staff text as an FTS5 query that cannot be read as FTS syntax: every word becomes a quoted prefix
 * term ("lyon"* "hackath"*), all of which must occur in the question, the searched query or the answer.
 * Null when the text has no word at all.
 */
export function ftsMatch(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, 20)
    .map((w) => `"${w}"*`)
    .join(' ');
}

export function whereClause(filter: LogFilter = {}, alias = 'e'): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    parts.push(`${alias}.created_at >= ?`);
    params.push(boundary(filter.from, false));
  }
  if (filter.to) {
    // A bare end date includes that whole day; a datetime is inclusive of that instant.
    parts.push(DATE_ONLY.test(filter.to) ? `${alias}.created_at < ?` : `${alias}.created_at <= ?`);
    params.push(boundary(filter.to, true));
  }
  if (filter.surface) {
    parts.push(`${alias}.surface = ?`);
    params.push(filter.surface);
  }
  if (filter.lang) {
    parts.push(`${alias}.lang = ?`);
    params.push(filter.lang);
  }
  if (filter.thumbsDownOnly) {
    parts.push(`EXISTS (SELECT 1 FROM feedback f WHERE f.entry_id = ${alias}.id AND f.rating = 'down')`);
  }
  if (filter.refusedOnly) parts.push(`${alias}.outcome NOT IN ('answered', 'correction')`);
  if (filter.unreviewedOnly) parts.push(`${alias}.review_status = 'unreviewed'`);
  if (filter.reviewStatus) {
    parts.push(`${alias}.review_status = ?`);
    params.push(filter.reviewStatus);
  }
  const match = filter.text ? ftsMatch(filter.text) : null;
  if (match) {
    parts.push(`${alias}.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)`);
    params.push(match);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
