/** A LogFilter as a PostgreSQL condition (postgres.js fragments: every value a bound parameter), the rules of src/infra/sqlite/log-filter-sql.ts. */
import type postgres from 'postgres';
import type { LogFilter } from '../../core/answer-log.js';
import { boundary } from '../sqlite/log-filter-sql.js';
import { prefixQuery } from './fold-search-text.js';
import type { Sql } from './pg-database.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The condition on entries aliased `e`; `true` when the filter is empty. */
export function pgCondition(sql: Sql, filter: LogFilter = {}): postgres.PendingQuery<postgres.Row[]> {
  const parts: postgres.PendingQuery<postgres.Row[]>[] = [];
  if (filter.from) parts.push(sql`e.created_at >= ${boundary(filter.from, false)}`);
  // A bare end date includes that whole day; a datetime is inclusive of that instant.
  if (filter.to) parts.push(DATE_ONLY.test(filter.to) ? sql`e.created_at < ${boundary(filter.to, true)}` : sql`e.created_at <= ${boundary(filter.to, true)}`);
  if (filter.surface) parts.push(sql`e.surface = ${filter.surface}`);
  if (filter.lang) parts.push(sql`e.lang = ${filter.lang}`);
  if (filter.thumbsDownOnly) parts.push(sql`exists (select 1 from soga_log_feedback f where f.entry_id = e.id and f.rating = 'down')`);
  if (filter.refusedOnly) parts.push(sql`e.outcome not in ('answered', 'correction')`);
  if (filter.unreviewedOnly) parts.push(sql`e.review_status = 'unreviewed'`);
  if (filter.reviewStatus) parts.push(sql`e.review_status = ${filter.reviewStatus}`);
  const query = filter.text ? prefixQuery(filter.text) : null;
  if (query) parts.push(sql`e.search @@ to_tsquery('simple', ${query})`);
  return parts.reduce((all, part) => sql`${all} and ${part}`, sql`true`);
}
