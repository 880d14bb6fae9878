/**
 * The overview: volume per day and the quality trend per week (server-side SVG), refusals, 👎,
 * languages, the questions the corpus does not answer, and which documents answers cite or never cite.
 */
import type { LogStats } from '../../../core/answer-log.js';
import type { DocumentRecord } from '../../../core/types.js';
import { html, type SafeHtml } from '../html.js';
import { fillDays, questionsPerDayChart, sharesPerWeekChart, weeklyShares } from '../svg-chart.js';
import { dateField } from './date-field.js';
import { layout } from './layout.js';
import { formatDate, formatDateTime, languageName, percent, type PageContext } from './page-context.js';

function citedDocumentsView(ctx: PageContext, stats: LogStats, docs: DocumentRecord[]): SafeHtml {
  const cited = new Set(stats.citedDocuments.map((d) => d.docId));
  const never = docs.filter((d) => !cited.has(d.id));
  return html`<section><h2>${ctx.t('web.overview.mostCited')}</h2>
${
  stats.citedDocuments.length
    ? html`<ol class="cited" id="most-cited">${stats.citedDocuments.slice(0, 10).map((d) => html`<li>${d.title} <span class="hint">${ctx.t('web.overview.citedBy', { count: d.count })}</span></li>`)}</ol>`
    : html`<p class="empty">${ctx.t('web.overview.noneCited')}</p>`
}
</section>
${
  docs.length
    ? html`<section><h2>${ctx.t('web.overview.neverCited', { count: never.length })}</h2>
${
  never.length
    ? html`<ul class="never-cited" id="never-cited">${never.slice(0, 30).map((d) => html`<li>${d.title} <span class="hint">${d.date ?? ''}</span></li>`)}</ul>`
    : html`<p class="empty">${ctx.t('web.overview.allCited')}</p>`
}
</section>`
    : ''
}`;
}

export function overviewPage(ctx: PageContext, stats: LogStats, range: { from: string; to: string }, docs: DocumentRecord[] = []): SafeHtml {
  const weeks = weeklyShares(fillDays(stats.perDay, range.from, range.to));
  const trend = sharesPerWeekChart(weeks, {
    title: ctx.t('web.overview.perWeek'),
    refused: ctx.t('web.overview.refused'),
    thumbsDown: ctx.t('web.overview.shareDownShort'),
    weekOf: (week) => `${ctx.t('web.overview.week')} ${formatDate(week, ctx.lang)}`,
  });
  const chart = questionsPerDayChart(fillDays(stats.perDay, range.from, range.to), {
    title: ctx.t('web.overview.perDay'),
    questions: ctx.t('web.overview.questions'),
    refused: ctx.t('web.overview.refused'),
  });
  return layout(
    ctx,
    ctx.t('web.overview.title'),
    html`<form method="get" action="/overview" class="filters">
  ${dateField(ctx, 'from', ctx.t('web.log.from'), range.from, 'overview')}
  ${dateField(ctx, 'to', ctx.t('web.log.to'), range.to, 'overview')}
  <button type="submit">${ctx.t('web.log.apply')}</button>
</form>
<section class="cards">
  <div class="card"><span class="figure" id="stat-total">${stats.total}</span><span>${ctx.t('web.overview.questions')}</span></div>
  <div class="card"><span class="figure" id="stat-refused">${percent(stats.shareRefused, ctx.lang)}</span><span>${ctx.t('web.overview.shareRefused')}</span></div>
  <div class="card"><span class="figure" id="stat-down">${percent(stats.shareThumbsDown, ctx.lang)}</span><span>${ctx.t('web.overview.shareDown', { rated: stats.withFeedback })}</span></div>
</section>
<h2>${ctx.t('web.overview.perDay')}</h2>
<figure>${chart}<figcaption><span class="legend legend-all"></span> ${ctx.t('web.overview.questions')} <span class="legend legend-refused"></span> ${ctx.t('web.overview.refused')}</figcaption></figure>
<h2>${ctx.t('web.overview.perWeek')}</h2>
<figure>${trend}<figcaption><span class="legend legend-refused"></span> ${ctx.t('web.overview.refused')} <span class="legend legend-down"></span> ${ctx.t('web.overview.shareDownShort')}</figcaption></figure>
<table class="weeks stack" id="weeks"><thead><tr><th>${ctx.t('web.overview.week')}</th><th>${ctx.t('web.overview.questions')}</th><th>${ctx.t('web.overview.refused')}</th><th>${ctx.t('web.overview.shareDownShort')}</th></tr></thead><tbody>
${weeks.map((w) => html`<tr><td data-label="${ctx.t('web.overview.week')}">${formatDate(w.week, ctx.lang)}</td><td data-label="${ctx.t('web.overview.questions')}">${w.questions}</td><td data-label="${ctx.t('web.overview.refused')}">${w.refused === null ? '—' : percent(w.refused, ctx.lang)}</td><td data-label="${ctx.t('web.overview.shareDownShort')}">${w.thumbsDown === null ? '—' : percent(w.thumbsDown, ctx.lang)}</td></tr>`)}
</tbody></table>
<div class="columns">
${citedDocumentsView(ctx, stats, docs)}
</div>
<div class="columns">
<section><h2>${ctx.t('web.overview.languages')}</h2>
${stats.languages.length ? html`<table><tbody>${stats.languages.map((l) => html`<tr><td><span title="${l.lang}">${languageName(l.lang, ctx.lang)}</span></td><td>${l.count}</td><td>${percent(stats.total ? l.count / stats.total : 0, ctx.lang)}</td></tr>`)}</tbody></table>` : html`<p class="empty">—</p>`}
<h2>${ctx.t('web.overview.surfaces')}</h2>
${stats.surfaces.length ? html`<table><tbody>${stats.surfaces.map((s) => html`<tr><td>${s.surface}</td><td>${s.count}</td></tr>`)}</tbody></table>` : html`<p class="empty">—</p>`}
</section>
<section><h2>${ctx.t('web.overview.unanswered')}</h2>
${
  stats.topUnanswered.length
    ? html`<ol class="unanswered">${stats.topUnanswered.map((u) => html`<li><a href="/log?refused=1&amp;q=${encodeURIComponent(u.question.trim())}">${u.question}</a> <span class="count">×${u.count}</span> <span class="hint">${formatDateTime(u.lastAt, ctx.lang)}</span></li>`)}</ol>`
    : html`<p class="empty">${ctx.t('web.overview.noUnanswered')}</p>`
}
</section>
</div>`,
  );
}
