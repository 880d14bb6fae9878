/** GET /overview?from&to: the last 30 days by default. */
import type { Hono } from 'hono';
import { overviewPage } from '../pages/overview.js';
import { dateOnly } from '../request-filters.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { sendPage } from '../web-responses.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function overviewRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get('/overview', async (c) => {
    const toParam = c.req.query('to');
    const to = toParam && DAY.test(toParam) ? toParam : dateOnly(s.now());
    const fromDefault = new Date(`${to}T00:00:00Z`);
    fromDefault.setUTCDate(fromDefault.getUTCDate() - 29);
    const fromParam = c.req.query('from');
    const from = fromParam && DAY.test(fromParam) && fromParam <= to ? fromParam : dateOnly(fromDefault);
    const stats = await s.log.stats({ from, to });
    await s.log.audit(c.var.actor!, 'view_overview', null, `${from}..${to}`);
    return sendPage(c, 200, overviewPage(c.var.ctx, stats, { from, to }, await s.corpus.list()));
  });
}
