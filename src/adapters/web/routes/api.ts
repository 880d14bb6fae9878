/** GET /api/*: JSON for scripts (admin bearer token) and for app.js (session). */
import type { Hono } from 'hono';
import { filterFromQuery, pageFromQuery } from '../request-filters.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, sendJson } from '../web-responses.js';
import { ENTRY_ID } from './log-entry.js';

export function apiRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get('/api/entries', async (c) => {
    const query = new URL(c.req.url).searchParams;
    const pageSize = Number(query.get('pageSize')) || 50;
    return sendJson(c, 200, await s.log.list(filterFromQuery(query), { page: pageFromQuery(query), pageSize }));
  });

  app.get(`/api/entries/:id${ENTRY_ID}`, async (c) => {
    const id = c.req.param('id');
    const entry = await s.log.get(id);
    if (!entry) return fail(c, 404, 'not found');
    await s.log.audit(c.var.actor!, 'view_entry', id, 'api');
    return sendJson(c, 200, entry);
  });

  app.get('/api/stats', async (c) => sendJson(c, 200, await s.log.stats(filterFromQuery(new URL(c.req.url).searchParams))));

  app.get('/api/documents', async (c) => sendJson(c, 200, await s.corpus.list()));

  app.get('/api/jobs/:id{[0-9a-f-]{36}}', (c) => {
    const job = s.jobs.get(c.req.param('id'));
    return job ? sendJson(c, 200, job) : fail(c, 404, 'not found');
  });
}
