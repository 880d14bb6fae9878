/**
 * GET /documents lists the corpus and the followed job; POST /documents uploads a file (multipart,
 * parsed by Hono within the upload limit); POST /documents/reingest and /documents/:id/delete queue
 * the other changes. Changes run in the background (ingestion-jobs.ts).
 */
import type { Hono } from 'hono';
import { SogaError } from '../../../core/errors.js';
import { documentsPage } from '../pages/documents.js';
import { checkUploadContent, safeUploadName } from '../upload-check.js';
import { csrfOk, FORM_LIMIT, limitBody, MULTIPART_OVERHEAD, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, seeOther, sendJson, sendPage, wantsJson, type WebContext } from '../web-responses.js';

/** The page, with an upload error above the list when there is one (the form is shown again). */
export async function renderDocuments(c: WebContext, s: WebServices, error?: { status: number; message: string }): Promise<Response> {
  const jobId = c.req.query('job');
  const job = (jobId && s.jobs.get(jobId)) || s.jobs.active()[0] || null;
  const docs = await s.corpus.list();
  const page = documentsPage(c.var.ctx, { docs, job, recent: s.jobs.recent(), maxBytes: s.config.SOGA_UPLOAD_MAX_BYTES, error: error?.message });
  return sendPage(c, error?.status ?? 200, page);
}

function queued(c: WebContext, job: { id: string }): Response {
  return wantsJson(c) ? sendJson(c, 202, { job }) : seeOther(c, `/documents?job=${job.id}`);
}

export function documentsRoutes(app: Hono<WebEnv>, s: WebServices): void {
  const maxUpload = s.config.SOGA_UPLOAD_MAX_BYTES;

  app.get('/documents', (c) => renderDocuments(c, s));

  app.post('/documents', limitBody(maxUpload + MULTIPART_OVERHEAD), async (c) => {
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) return fail(c, 400, c.var.ctx.t('web.error.badRequest'));
    let body: Record<string, string | File>;
    try {
      body = await c.req.parseBody();
    } catch (cause) {
      throw new SogaError('UNREADABLE_FILE', 'malformed multipart body', { cause });
    }
    const csrf = body['_csrf'];
    if (!csrfOk(c, typeof csrf === 'string' ? csrf : null)) return fail(c, 403, c.var.ctx.t('web.error.csrf'));
    const file = body['file'];
    if (!(file instanceof File)) return fail(c, 400, c.var.ctx.t('web.error.badRequest'));
    if (file.size > maxUpload) throw new SogaError('FILE_TOO_LARGE', `${file.size} bytes is over the ${maxUpload}-byte limit`);
    const data = Buffer.from(await file.arrayBuffer());
    // The browser's name is only a label; the corpus manager generates the stored file name.
    const name = safeUploadName(file.name);
    await checkUploadContent(name, data);
    const actor = c.var.actor!;
    const job = s.jobs.start('upload', name, actor, () => s.corpus.addFile(name, data, { uploadedBy: actor }));
    s.log.audit(actor, 'upload', name, `${data.length} bytes`);
    return queued(c, job);
  });

  app.post('/documents/reingest', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const job = s.jobs.start('reingest', c.var.ctx.t('web.docs.allDocuments'), c.var.actor!, () => s.corpus.reingest());
    s.log.audit(c.var.actor!, 'reingest');
    return queued(c, job);
  });

  app.post('/documents/:id/delete', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const docId = c.req.param('id');
    const job = s.jobs.start('delete', docId, c.var.actor!, () => s.corpus.remove(docId));
    s.log.audit(c.var.actor!, 'delete_document', docId);
    return queued(c, job);
  });
}
