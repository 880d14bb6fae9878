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
  if (filter.refusedOnly) parts.push(`${alias}.outcome <> 'answered'`);
  if (filter.unreviewedOnly) parts.push(`${alias}.review_status = 'unreviewed'`);
  if (filter.reviewStatus) {
    parts.push(`${alias}.review_status = ?`);
    params.push(filter.reviewStatus);
  }
  if (filter.text) {
    parts.push(`instr(lower(${alias}.question), lower(?)) > 0`);
    params.push(filter.text);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
