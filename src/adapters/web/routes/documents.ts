/**
 * GET /documents lists the corpus and the followed job; POST /documents uploads a file (multipart,
 * parsed by Hono within the upload limit); POST /documents/reingest and /documents/:id/delete queue
 * the other changes. Changes run in the background (ingestion-jobs.ts).
 */
import type { Hono } from 'hono';
import { SogaError } from '../../../core/errors.js';
import type { DocumentRecord } from '../../../core/types.js';
import { languageName } from '../pages/page-context.js';
import { documentsPage } from '../pages/documents.js';
import { checkUploadContent, safeUploadName } from '../upload-check.js';
import { csrfOk, FORM_LIMIT, limitBody, MULTIPART_OVERHEAD, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, seeOther, sendJson, sendPage, wantsJson, type WebContext } from '../web-responses.js';

/** Lower case without accents, so "ete" finds "Été". */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Documents whose title, file, id or language (code or name) hold every word of the query. */
export function matchDocuments(docs: DocumentRecord[], query: string, languageNameOf: (code: string) => string): DocumentRecord[] {
  const words = fold(query).match(/[\p{L}\p{N}]+/gu);
  if (!words) return docs;
  return docs.filter((d) => {
    const haystack = fold([d.title, d.id, d.source, ...d.sources, d.lang, languageNameOf(d.lang), d.date ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** The page, with an upload error above the list when there is one (the form is shown again). */
export async function renderDocuments(c: WebContext, s: WebServices, error?: { status: number; message: string }): Promise<Response> {
  const jobId = c.req.query('job');
  const job = (jobId && s.jobs.get(jobId)) || s.jobs.active()[0] || null;
  const all = await s.corpus.list();
  const query = (c.req.query('q') ?? '').trim().slice(0, 200);
  const docs = query ? matchDocuments(all, query, (code) => languageName(code, c.var.ctx.lang)) : all;
  const since = new Date(s.now().getTime() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const cited = new Map((await s.log.stats({ from: since }, { topUnanswered: 0 })).citedDocuments.map((d) => [d.docId, d.count]));
  const page = documentsPage(c.var.ctx, {
    docs,
    total: all.length,
    query,
    cited,
    job,
    recent: s.jobs.recent(),
    maxBytes: s.config.SOGA_UPLOAD_MAX_BYTES,
    error: error?.message,
  });
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
    // The article's address, when staff give one: checked by the corpus manager (INVALID_URL), stored in sources.json.
    const link = typeof body['url'] === 'string' && body['url'].trim() ? body['url'].trim() : undefined;
    const job = s.jobs.start('upload', name, actor, () => s.corpus.addFile(name, data, { uploadedBy: actor, ...(link ? { url: link } : {}) }));
    await s.log.audit(actor, 'upload', name, `${data.length} bytes`);
    return queued(c, job);
  });

  app.post('/documents/reingest', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const job = s.jobs.start('reingest', c.var.ctx.t('web.docs.allDocuments'), c.var.actor!, () => s.corpus.reingest());
    await s.log.audit(c.var.actor!, 'reingest');
    return queued(c, job);
  });

  app.post('/documents/:id/delete', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const docId = c.req.param('id');
    const job = s.jobs.start('delete', docId, c.var.actor!, () => s.corpus.remove(docId));
    await s.log.audit(c.var.actor!, 'delete_document', docId);
    return queued(c, job);
  });
}
