/**
 * The answer log: filters (a GET form, so a filtered view is a URL to bookmark or share), one row per
 * answer with what staff triage on (the question and the answer's first line, how it ended, language,
 * surface, feedback, review state), paging and exports. Each row links to its detail with the same
 * filters, so "back" and "next unreviewed" stay in this view.
 */
import type { LogEntrySummary, LogFilter, Page } from '../../../core/answer-log.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from './layout.js';
import { dateField } from './date-field.js';
import { feedbackView, outcomeBadge, outcomeKind } from './outcome.js';
import { formatDateTime, languageName, type PageContext } from './page-context.js';

export { outcomeLabel } from './outcome.js';

export function filterQuery(filter: LogFilter, page?: number): string {
  const q = new URLSearchParams();
  if (filter.from) q.set('from', filter.from);
  if (filter.to) q.set('to', filter.to);
  if (filter.surface) q.set('surface', filter.surface);
  if (filter.lang) q.set('lang', filter.lang);
  if (filter.text) q.set('q', filter.text);
  if (filter.thumbsDownOnly) q.set('down', '1');
  if (filter.refusedOnly) q.set('refused', '1');
  if (filter.unreviewedOnly) q.set('unreviewed', '1');
  if (page && page > 1) q.set('page', String(page));
  return q.toString();
}

/** `/log/12?surface=matrix…`: a detail link that remembers the list's filters. */
export function entryHref(id: string, filter: LogFilter): string {
  const qs = filterQuery(filter);
  return `/log/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`;
}

function options(values: { value: string; label: string }[], selected: string | undefined, anyLabel: string): SafeHtml {
  return html`<option value="">${anyLabel}</option>${values.map((v) => html`<option value="${v.value}"${v.value === selected ? html` selected` : ''}>${v.label}</option>`)}`;
}

export function logListPage(ctx: PageContext, data: { page: Page<LogEntrySummary>; filter: LogFilter; surfaces: string[]; languages: string[] }): SafeHtml {
  const { page, filter } = data;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const check = (name: string, on: boolean | undefined, label: string) => html`<label class="check"><input type="checkbox" name="${name}" value="1"${on ? html` checked` : ''}> ${label}</label>`;
  const rows = page.items.map(
    (e) => html`<tr class="entry outcome-row-${outcomeKind(e)}" data-id="${e.id}">
  <td class="time" data-label="${ctx.t('web.log.time')}">${formatDateTime(e.createdAt, ctx.lang)}</td>
  <td class="question" data-label="${ctx.t('web.log.question')}">${e.followUp ? html`<a class="follow-up" href="${entryHref(e.id, filter)}#conversation" title="${ctx.t('web.log.followUpHint')}"><span aria-hidden="true">↳</span> ${ctx.t('web.log.followUp')}</a> ` : ''}<a class="entry-link" href="${entryHref(e.id, filter)}">${e.question || '—'}</a>
    <span class="answer-line" title="${ctx.t('web.log.answerLine')}">${e.answerFirstLine}</span></td>
  <td class="outcome" data-label="${ctx.t('web.log.outcome')}">${outcomeBadge(ctx, e)}</td>
  <td class="lang" data-label="${ctx.t('web.log.language')}"><span title="${e.lang}">${languageName(e.lang, ctx.lang)}</span></td>
  <td class="surface" data-label="${ctx.t('web.log.surface')}">${e.surface}</td>
  <td class="feedback" data-label="${ctx.t('web.log.feedback')}">${feedbackView(ctx, e.thumbsUp, e.thumbsDown)}</td>
  <td class="review review-${e.reviewStatus}" data-label="${ctx.t('web.log.review')}">${ctx.t(`web.review.${e.reviewStatus}`)}</td>
</tr>`,
  );
  const qs = filterQuery(filter);
  const pager = html`<nav class="pager" aria-label="${ctx.t('web.log.pages')}">
  ${page.page > 1 ? html`<a rel="prev" href="/log?${filterQuery(filter, page.page - 1)}">← ${ctx.t('web.log.prev')}</a>` : ''}
  <span>${ctx.t('web.log.pageOf', { page: page.page, pages, total: page.total })}</span>
  ${page.page < pages ? html`<a rel="next" href="/log?${filterQuery(filter, page.page + 1)}">${ctx.t('web.log.next')} →</a>` : ''}
</nav>`;
  const languages = data.languages.map((code) => ({ value: code, label: languageName(code, ctx.lang) }));
  const surfaces = data.surfaces.map((s) => ({ value: s, label: s }));
  return layout(
    ctx,
    ctx.t('web.log.title'),
    html`<form method="get" action="/log" class="filters" id="log-filters" role="search">
  <label class="search">${ctx.t('web.log.search')} <input type="search" name="q" value="${filter.text ?? ''}"></label>
  ${dateField(ctx, 'from', ctx.t('web.log.from'), filter.from, 'log')}
  ${dateField(ctx, 'to', ctx.t('web.log.to'), filter.to, 'log')}
  <label>${ctx.t('web.log.surface')} <select name="surface">${options(surfaces, filter.surface, ctx.t('web.log.any'))}</select></label>
  <label>${ctx.t('web.log.language')} <select name="lang">${options(languages, filter.lang, ctx.t('web.log.any'))}</select></label>
  ${check('down', filter.thumbsDownOnly, ctx.t('web.log.downOnly'))}
  ${check('refused', filter.refusedOnly, ctx.t('web.log.refusedOnly'))}
  ${check('unreviewed', filter.unreviewedOnly, ctx.t('web.log.unreviewedOnly'))}
  <button type="submit">${ctx.t('web.log.apply')}</button> <a href="/log">${ctx.t('web.log.reset')}</a>
</form>
<p class="exports">${ctx.t('web.log.export')}: <a href="/log/export?format=jsonl&amp;${qs}">JSONL</a> · <a href="/log/export?format=csv&amp;${qs}">CSV</a> · <a href="/log/export?format=eval">${ctx.t('web.log.exportEval')}</a></p>
${
  page.items.length
    ? html`<table class="log stack"><thead><tr><th>${ctx.t('web.log.time')}</th><th>${ctx.t('web.log.question')} / ${ctx.t('web.log.answerLine')}</th><th>${ctx.t('web.log.outcome')}</th><th>${ctx.t('web.log.language')}</th><th>${ctx.t('web.log.surface')}</th><th>${ctx.t('web.log.feedback')}</th><th>${ctx.t('web.log.review')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="empty">${ctx.t('web.log.empty')}</p>`
}
${pager}`,
  );
}
