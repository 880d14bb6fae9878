/** Staff document management: list, upload, delete, re-ingest, with the progress of the running change. */
import type { DocumentRecord } from '../../../core/types.js';
import { html, type SafeHtml } from '../html.js';
import type { Job } from '../ingestion-jobs.js';
import { csrfField, layout } from './layout.js';
import { formatDateTime, languageName, type PageContext } from './page-context.js';

/** `main`: the followed job (id="job", polled by app.js); the recent list reuses the markup without the id. */
export function jobView(ctx: PageContext, job: Job, main = true): SafeHtml {
  const running = job.state === 'queued' || job.state === 'running';
  const change = job.change;
  return html`<div class="job job-${job.state}"${main ? html` id="job" role="status" aria-live="polite"` : ''} data-job-id="${job.id}" data-state="${job.state}">
  <span class="job-label">${ctx.t(`web.job.${job.kind}`)}: ${job.label}</span>
  ${running ? html`<progress class="job-progress" aria-label="${ctx.t('web.job.running')}"></progress> <span class="job-state">${ctx.t(`web.job.${job.state}`)}</span>` : html`<span class="job-state">${ctx.t(`web.job.${job.state}`)}</span>`}
  ${change && job.state === 'done' ? html`<span class="job-change">${ctx.t('web.job.change', { added: change.added.length, updated: change.updated.length, removed: change.removed.length, skipped: change.skipped.length })}</span>` : ''}
  ${job.error ? html`<span class="error">${ctx.t(`web.uploadError.${knownCode(job.error.code)}`)} <small>(${job.error.message})</small></span>` : ''}
</div>`;
}

const CODES = ['UNSUPPORTED_FILE_TYPE', 'INVALID_PDF', 'ENCRYPTED_PDF', 'BINARY_CONTENT', 'FILE_TOO_LARGE', 'FILE_TOO_COMPLEX', 'EMPTY_DOCUMENT', 'NOT_FOUND'];
export function knownCode(code: string): string {
  return CODES.includes(code) ? code : 'OTHER';
}

export function documentsPage(
  ctx: PageContext,
  data: {
    docs: DocumentRecord[];
    job: Job | null;
    recent: Job[];
    maxBytes: number;
    error?: string;
    /** The search typed, and how many documents there are in all (docs holds the matches). */
    query?: string;
    total?: number;
    /** Answers that cited each document in the last 30 days, by document id. */
    cited?: Map<string, number>;
  },
): SafeHtml {
  const total = data.total ?? data.docs.length;
  const running = data.job && (data.job.state === 'queued' || data.job.state === 'running');
  const mb = (data.maxBytes / (1024 * 1024)).toFixed(data.maxBytes < 1024 * 1024 ? 2 : 0);
  return layout(
    ctx,
    ctx.t('web.docs.title'),
    html`${data.error ? html`<p class="error" role="alert" id="upload-error">${data.error}</p>` : ''}
${data.job ? jobView(ctx, data.job) : ''}
<section class="upload">
<h2>${ctx.t('web.docs.upload')}</h2>
<form method="post" action="/documents" enctype="multipart/form-data" id="upload-form">
  ${csrfField(ctx)}
  <label>${ctx.t('web.docs.file')} <input type="file" name="file" required accept=".md,.markdown,.txt,.text,.html,.htm,.pdf,text/markdown,text/plain,text/html,application/pdf"></label>
  <label>${ctx.t('web.docs.link')} <input type="url" name="url" placeholder="https://…" pattern="https?://.+"></label>
  <button type="submit">${ctx.t('web.docs.uploadButton')}</button>
  <span class="hint">${ctx.t('web.docs.uploadHint', { mb })}</span>
</form>
<form method="post" action="/documents/reingest" class="inline">${csrfField(ctx)}<button type="submit">${ctx.t('web.docs.reingest')}</button></form>
</section>
<h2>${ctx.t('web.docs.list', { count: total })}</h2>
<form method="get" action="/documents" class="filters" role="search" id="document-search">
  <label class="search">${ctx.t('web.docs.search')} <input type="search" name="q" value="${data.query ?? ''}"></label>
  <button type="submit">${ctx.t('web.docs.searchButton')}</button>${data.query ? html` <a href="/documents">${ctx.t('web.log.reset')}</a>` : ''}
</form>
${data.query ? html`<p class="hint" id="documents-shown">${ctx.t('web.docs.shown', { shown: data.docs.length, count: total })}</p>` : ''}
${
  data.docs.length
    ? html`<table class="documents stack"><thead><tr><th>${ctx.t('web.docs.titleCol')}</th><th>${ctx.t('web.log.language')}</th><th>${ctx.t('web.docs.date')}</th><th>${ctx.t('web.docs.cited')}</th><th>${ctx.t('web.docs.chunks')}</th><th>${ctx.t('web.docs.source')}</th><th>${ctx.t('web.docs.ingestedAt')}</th><th></th></tr></thead><tbody>
${data.docs.map(
  (
    d,
  ) => html`<tr class="document" data-id="${d.id}"><td data-label="${ctx.t('web.docs.titleCol')}"><strong>${d.title}</strong></td><td data-label="${ctx.t('web.log.language')}"><span title="${d.lang}">${languageName(d.lang, ctx.lang)}</span></td><td data-label="${ctx.t('web.docs.date')}">${d.date ?? '—'}</td><td class="cited" data-label="${ctx.t('web.docs.cited')}">${data.cited?.get(d.id) ?? 0}</td><td data-label="${ctx.t('web.docs.chunks')}">${d.chunkCount}</td>
<td data-label="${ctx.t('web.docs.source')}"><code class="source">${d.source}</code>${d.sources.length > 1 ? html` <span class="hint">${ctx.t('web.docs.alsoIn', { count: d.sources.length - 1 })}</span>` : ''}</td><td data-label="${ctx.t('web.docs.ingestedAt')}">${formatDateTime(d.ingestedAt, ctx.lang)}</td>
<td><form method="post" action="/documents/${encodeURIComponent(d.id)}/delete" class="inline confirm" data-confirm="${ctx.t('web.docs.confirmDelete', { title: d.title })}">${csrfField(ctx)}<button type="submit"${running ? html` disabled` : ''}>${ctx.t('web.docs.delete')}</button></form></td></tr>`,
)}
</tbody></table>`
    : html`<p class="empty">${ctx.t('web.docs.empty')}</p>`
}
${data.recent.length ? html`<h2>${ctx.t('web.docs.recent')}</h2><ul class="jobs">${data.recent.map((j) => html`<li>${formatDateTime(j.queuedAt, ctx.lang)} — ${j.by}: ${jobView(ctx, j, false)}</li>`)}</ul>` : ''}`,
    // Without JavaScript the page still follows the running job by reloading itself.
    { head: running ? html`<noscript><meta http-equiv="refresh" content="2"></noscript>` : '' },
  );
}
