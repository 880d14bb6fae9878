/** GET /log: the answer log, filtered from the query string (so a filtered view can be bookmarked). */
import type { Hono } from 'hono';
import { logListPage } from '../pages/log-list.js';
import { filterFromQuery, pageFromQuery } from '../request-filters.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { sendPage } from '../web-responses.js';

export function logRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get('/log', async (c) => {
    const query = new URL(c.req.url).searchParams;
    const filter = filterFromQuery(query);
    const page = await s.log.list(filter, { page: pageFromQuery(query), pageSize: 50 });
    await s.log.audit(c.var.actor!, 'view_log', null, query.toString() || null);
    return sendPage(c, 200, logListPage(c.var.ctx, { page, filter, surfaces: await s.log.surfaces(), languages: await s.log.languages() }));
  });
}
