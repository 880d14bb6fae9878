/** GET /log/:id shows one answer and its diagnostics; POST /log/:id/review saves the staff review. */
import type { Hono } from 'hono';
import { logDetailPage } from '../pages/log-detail.js';
import { FORM_LIMIT, limitBody, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, seeOther, sendPage } from '../web-responses.js';

export const ENTRY_ID = '{\\d{1,15}}';

export function logEntryRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get(`/log/:id${ENTRY_ID}`, (c) => {
    const id = c.req.param('id');
    const entry = s.log.get(id);
    if (!entry) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    s.log.audit(c.var.actor!, 'view_entry', id);
    return sendPage(c, 200, logDetailPage(c.var.ctx, entry, c.req.query('saved') ? c.var.ctx.t('web.detail.saved') : undefined));
  });

  app.post(`/log/:id${ENTRY_ID}/review`, limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    const status = form.get('status');
    if (status !== 'unreviewed' && status !== 'reviewed' && status !== 'flagged') return fail(c, 400, c.var.ctx.t('web.error.badRequest'));
    if (!s.log.get(id)) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    const corrected = form.get('corrected') ?? '';
    s.log.review(id, {
      status,
      by: c.var.actor!,
      correctedAnswer: corrected.slice(0, 10_000),
      correctedFacts: (form.get('facts') ?? '').split(/\r?\n/).slice(0, 50),
      correctedAnswerable: form.get('unanswerable') === '1' ? false : corrected.trim() ? true : null,
    });
    s.log.audit(c.var.actor!, 'review', id, status);
    return seeOther(c, `/log/${encodeURIComponent(id)}?saved=1`);
  });
}
