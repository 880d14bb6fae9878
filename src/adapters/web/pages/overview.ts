/** The overview: volume per day (server-side SVG), refusals, 👎, languages, and the questions the corpus does not answer. */
import type { LogStats } from '../../../core/answer-log.js';
import { html, type SafeHtml } from '../html.js';
import { fillDays, questionsPerDayChart } from '../svg-chart.js';
import { layout } from './layout.js';
import { formatDateTime, languageName, percent, type PageContext } from './page-context.js';

export function overviewPage(ctx: PageContext, stats: LogStats, range: { from: string; to: string }): SafeHtml {
  const chart = questionsPerDayChart(fillDays(stats.perDay, range.from, range.to), {
    title: ctx.t('web.overview.perDay'),
    questions: ctx.t('web.overview.questions'),
    refused: ctx.t('web.overview.refused'),
  });
  return layout(
    ctx,
    ctx.t('web.overview.title'),
    html`<form method="get" action="/overview" class="filters">
  <label>${ctx.t('web.log.from')} <input type="date" name="from" value="${range.from}"></label>
  <label>${ctx.t('web.log.to')} <input type="date" name="to" value="${range.to}"></label>
  <button type="submit">${ctx.t('web.log.apply')}</button>
</form>
<section class="cards">
  <div class="card"><span class="figure" id="stat-total">${stats.total}</span><span>${ctx.t('web.overview.questions')}</span></div>
  <div class="card"><span class="figure" id="stat-refused">${percent(stats.shareRefused, ctx.lang)}</span><span>${ctx.t('web.overview.shareRefused')}</span></div>
  <div class="card"><span class="figure" id="stat-down">${percent(stats.shareThumbsDown, ctx.lang)}</span><span>${ctx.t('web.overview.shareDown', { rated: stats.withFeedback })}</span></div>
</section>
<h2>${ctx.t('web.overview.perDay')}</h2>
<figure>${chart}<figcaption><span class="legend legend-all"></span> ${ctx.t('web.overview.questions')} <span class="legend legend-refused"></span> ${ctx.t('web.overview.refused')}</figcaption></figure>
<div class="columns">
<section><h2>${ctx.t('web.overview.languages')}</h2>
${stats.languages.length ? html`<table><tbody>${stats.languages.map((l) => html`<tr><td><span title="${l.lang}">${languageName(l.lang, ctx.lang)}</span></td><td>${l.count}</td><td>${percent(stats.total ? l.count / stats.total : 0, ctx.lang)}</td></tr>`)}</tbody></table>` : html`<p class="empty">—</p>`}
<h2>${ctx.t('web.overview.surfaces')}</h2>
${stats.surfaces.length ? html`<table><tbody>${stats.surfaces.map((s) => html`<tr><td>${s.surface}</td><td>${s.count}</td></tr>`)}</tbody></table>` : html`<p class="empty">—</p>`}
</section>
<section><h2>${ctx.t('web.overview.unanswered')}</h2>
${stats.topUnanswered.length
  ? html`<ol class="unanswered">${stats.topUnanswered.map((u) => html`<li><a href="/log?refused=1&amp;q=${encodeURIComponent(u.question.trim())}">${u.question}</a> <span class="count">×${u.count}</span> <span class="hint">${formatDateTime(u.lastAt, ctx.lang)}</span></li>`)}</ol>`
  : html`<p class="empty">${ctx.t('web.overview.noUnanswered')}</p>`}
</section>
</div>`,
  );
}
