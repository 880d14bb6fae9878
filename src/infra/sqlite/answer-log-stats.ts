/** Overview figures for staff: volume per day, refusals, 👎, languages, what members ask that the corpus does not answer. */
import type { LogFilter, LogStats } from '../../core/answer-log.js';
import { whereClause } from './log-filter-sql.js';
import type { Db } from './open-database.js';

export function computeStats(db: Db, filter: Pick<LogFilter, 'from' | 'to' | 'surface'>, topN: number): LogStats {
  const where = whereClause(filter);
  const and = where.sql ? `${where.sql} AND` : 'WHERE';
  const downExists = `EXISTS (SELECT 1 FROM feedback f WHERE f.entry_id = e.id AND f.rating = 'down')`;

  const totals = db
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(e.outcome NOT IN ('answered', 'correction')), 0) AS refused,
              coalesce(sum(${downExists}), 0) AS down,
              coalesce(sum(EXISTS (SELECT 1 FROM feedback f WHERE f.entry_id = e.id)), 0) AS withFeedback
       FROM entries e ${where.sql}`,
    )
    .get(...where.params) as { total: number; refused: number; down: number; withFeedback: number };

  const perDay = db
    .prepare(
      `SELECT substr(e.created_at, 1, 10) AS day, count(*) AS questions,
              sum(e.outcome NOT IN ('answered', 'correction')) AS refused, sum(${downExists}) AS thumbsDown
       FROM entries e ${where.sql} GROUP BY day ORDER BY day`,
    )
    .all(...where.params) as LogStats['perDay'];

  const languages = db.prepare(`SELECT e.lang AS lang, count(*) AS count FROM entries e ${where.sql} GROUP BY e.lang ORDER BY count DESC, lang`).all(...where.params) as LogStats['languages'];

  const surfaces = db
    .prepare(`SELECT e.surface AS surface, count(*) AS count FROM entries e ${where.sql} GROUP BY e.surface ORDER BY count DESC, surface`)
    .all(...where.params) as LogStats['surfaces'];

  // Grouped on trimmed lower-case text so "Who funds X?" and "who funds x? " count together;
  // SQLite returns the bare `question` from the row holding max(created_at): the latest wording.
  const topUnanswered = db
    .prepare(
      `SELECT e.question AS question, count(*) AS count, max(e.created_at) AS lastAt
       FROM entries e ${and} e.outcome NOT IN ('answered', 'correction') AND e.outcome <> 'empty_question'
       GROUP BY lower(trim(e.question)) ORDER BY count DESC, lastAt DESC LIMIT ?`,
    )
    .all(...where.params, Math.max(0, topN)) as LogStats['topUnanswered'];

  // Each answer counts once per document it cites, however many of its passages it quotes.
  const citedDocuments = db
    .prepare(
      `SELECT json_extract(c.value, '$.docId') AS docId, max(json_extract(c.value, '$.title')) AS title, count(DISTINCT e.id) AS count
       FROM entries e JOIN json_each(e.citations_json) c ${where.sql}
       GROUP BY docId ORDER BY count DESC, title`,
    )
    .all(...where.params) as LogStats['citedDocuments'];

  const share = (n: number) => (totals.total ? n / totals.total : 0);
  return {
    total: totals.total,
    perDay,
    shareRefused: share(totals.refused),
    shareThumbsDown: share(totals.down),
    withFeedback: totals.withFeedback,
    languages,
    surfaces,
    topUnanswered,
    citedDocuments,
  };
}
