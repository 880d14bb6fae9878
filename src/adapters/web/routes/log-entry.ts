/**
 * GET /log/:id shows one answer and its diagnostics; POST /log/:id/review saves the staff review, then
 * stays or opens the next unreviewed answer of the same filtered view (the filters ride along in the
 * query string).
 */
import type { Hono } from 'hono';
import type { LogEntrySummary, LogFilter } from '../../../core/answer-log.js';
import { logDetailPage } from '../pages/log-detail.js';
import { entryApproveForm } from './corrections.js';
import { entryHref } from '../pages/log-list.js';
import { filterFromQuery } from '../request-filters.js';
import { FORM_LIMIT, limitBody, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, seeOther, sendPage, type WebContext } from '../web-responses.js';

export const ENTRY_ID = '{\\d{1,15}}';

/** The newest unreviewed entry of the view other than `id`: reviewing top-down, that is the next one. */
async function nextUnreviewed(s: WebServices, filter: LogFilter, id: string): Promise<LogEntrySummary | null> {
  return (await s.log.list({ ...filter, unreviewedOnly: true }, { pageSize: 2 })).items.find((e) => e.id !== id) ?? null;
}

function notice(c: WebContext, id: string): string | undefined {
  const saved = c.req.query('saved');
  const t = c.var.ctx.t;
  if (!saved) return undefined;
  if (saved !== '1' && saved !== id && /^\d{1,15}$/.test(saved)) return t('web.detail.savedOther', { id: saved });
  return c.req.query('none') ? `${t('web.detail.saved')} ${t('web.detail.noneUnreviewed')}` : t('web.detail.saved');
}

export function logEntryRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get(`/log/:id${ENTRY_ID}`, async (c) => {
    const id = c.req.param('id');
    const entry = await s.log.get(id);
    if (!entry) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    const filter = filterFromQuery(new URL(c.req.url).searchParams);
    await s.log.audit(c.var.actor!, 'view_entry', id);
    const correction = entry.correctionId && s.corrections ? await s.corrections.getCorrection(entry.correctionId) : null;
    const approve = s.corrections ? entryApproveForm(s, entry) : undefined;
    return sendPage(
      c,
      200,
      logDetailPage(c.var.ctx, { entry, filter, notice: notice(c, id), next: await nextUnreviewed(s, filter, id), conversation: await s.log.conversation(id), approve, correction }),
    );
  });

  app.post(`/log/:id${ENTRY_ID}/review`, limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    const status = form.get('status');
    if (status !== 'unreviewed' && status !== 'reviewed' && status !== 'flagged') return fail(c, 400, c.var.ctx.t('web.error.badRequest'));
    if (!(await s.log.get(id))) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    const corrected = form.get('corrected') ?? '';
    await s.log.review(id, {
      status,
      by: c.var.actor!,
      correctedAnswer: corrected.slice(0, 10_000),
      correctedFacts: (form.get('facts') ?? '').split(/\r?\n/).slice(0, 50),
      correctedAnswerable: form.get('unanswerable') === '1' ? false : corrected.trim() ? true : null,
    });
    await s.log.audit(c.var.actor!, 'review', id, status);
    const filter = filterFromQuery(new URL(c.req.url).searchParams);
    const withNotice = (href: string, extra: string) => `${href}${href.includes('?') ? '&' : '?'}${extra}`;
    if (form.get('then') === 'next') {
      const next = await nextUnreviewed(s, filter, id);
      if (next) return seeOther(c, withNotice(entryHref(next.id, filter), `saved=${id}`));
      return seeOther(c, withNotice(entryHref(id, filter), 'saved=1&none=1'));
    }
    return seeOther(c, withNotice(entryHref(id, filter), 'saved=1'));
  });
}
