/** GET /log/export?format=jsonl|csv|eval (+ the log filters): a download streamed from the database. */
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { dateOnly, filterFromQuery } from '../request-filters.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail } from '../web-responses.js';

export function logExportRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get('/log/export', async (c) => {
    const query = new URL(c.req.url).searchParams;
    const format = query.get('format');
    if (format !== 'jsonl' && format !== 'csv' && format !== 'eval') return fail(c, 400, c.var.ctx.t('web.error.badRequest'));
    const filter = filterFromQuery(query);
    await s.log.audit(c.var.actor!, 'export', null, `${format} ${query.toString()}`);
    const name = `soga-${format === 'eval' ? 'eval-questions' : 'answers'}-${dateOnly(s.now())}.${format === 'csv' ? 'csv' : 'jsonl'}`;
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Cache-Control', 'no-store');
    const lines = format === 'eval' ? (await s.log.exportEvalQuestions()).map((q) => `${JSON.stringify(q)}\n`) : s.log.exportLines(format, filter);
    return stream(c, async (out) => {
      for await (const line of lines) await out.write(line);
    });
  });
}
