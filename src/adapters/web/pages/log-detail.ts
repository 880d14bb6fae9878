/** One answer as the member saw it, what it was built from (citations, retrieved passages, scores), and the review form. */
import type { LogEntry } from '../../../core/answer-log.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, layout } from './layout.js';
import { outcomeLabel } from './log-list.js';
import { formatDateTime, type PageContext } from './page-context.js';

const score = (n: number | undefined) => (n === undefined ? '' : n.toFixed(4));

export function logDetailPage(ctx: PageContext, e: LogEntry, notice?: string): SafeHtml {
  const radio = (value: string) =>
    html`<label class="check"><input type="radio" name="status" value="${value}"${e.reviewStatus === value ? html` checked` : ''}> ${ctx.t(`web.review.${value}`)}</label>`;
  return layout(
    ctx,
    ctx.t('web.detail.title', { id: e.id }),
    html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<dl class="facts">
  <dt>${ctx.t('web.log.time')}</dt><dd>${formatDateTime(e.createdAt, ctx.lang)}</dd>
  <dt>${ctx.t('web.log.surface')}</dt><dd>${e.surface}${e.place ? html` · <code>${e.place}</code>` : ''}</dd>
  <dt>${ctx.t('web.detail.asker')}</dt><dd><code title="${ctx.t('web.detail.askerHint')}">${e.asker ? e.asker.slice(0, 12) : '—'}</code></dd>
  <dt>${ctx.t('web.log.language')}</dt><dd>${e.lang}</dd>
  <dt>${ctx.t('web.log.outcome')}</dt><dd class="outcome-${e.outcome}">${outcomeLabel(ctx, e.outcome)} · ${e.mode} · ${e.grounded ? ctx.t('web.detail.grounded') : ctx.t('web.detail.notGrounded')}${e.fallbackReason ? html` · ${e.fallbackReason}` : ''}</dd>
  <dt>${ctx.t('web.detail.models')}</dt><dd>${e.models.embedder ?? '—'} / ${e.models.chat ?? '—'}</dd>
  <dt>${ctx.t('web.detail.timings')}</dt><dd>${Object.entries(e.timings).map(([k, v]) => `${k} ${Math.round(Number(v))} ms`).join(' · ')}</dd>
</dl>
<h2>${ctx.t('web.log.question')}</h2>
<p class="question-text" id="question-text">${e.question}</p>
${e.standaloneQuestion && e.standaloneQuestion !== e.question ? html`<p class="hint">${ctx.t('web.detail.standalone')}: ${e.standaloneQuestion}</p>` : ''}
<h2>${ctx.t('web.detail.answer')}</h2>
<div class="answer-text" id="answer-text">${e.answerText}</div>
<h2>${ctx.t('web.detail.citations')}</h2>
${e.citations.length
  ? html`<table class="citations"><thead><tr><th>#</th><th>${ctx.t('web.docs.titleCol')}</th><th>${ctx.t('web.docs.source')}</th><th>${ctx.t('web.detail.chunk')}</th><th>${ctx.t('web.detail.score')}</th><th>${ctx.t('web.detail.quote')}</th></tr></thead><tbody>
${e.citations.map((c) => html`<tr><td>[${c.n}]</td><td>${c.title}</td><td>${c.source}${c.date ? html` · ${c.date}` : ''}</td><td><code>${c.chunkId}</code></td><td>${score(c.score)}</td><td><blockquote>${c.quote}</blockquote></td></tr>`)}
</tbody></table>`
  : html`<p class="empty">${ctx.t('web.detail.noCitations')}</p>`}
<details class="retrieved"><summary>${ctx.t('web.detail.retrieved', { count: e.retrieved.length })}</summary>
<table><thead><tr><th>${ctx.t('web.detail.chunk')}</th><th>${ctx.t('web.docs.titleCol')}</th><th>${ctx.t('web.detail.fused')}</th><th>${ctx.t('web.detail.coverage')}</th><th>vector</th><th>lexical</th><th>ngram</th></tr></thead><tbody>
${e.retrieved.map((p) => html`<tr><td><code>${p.chunkId}</code></td><td>${p.title}</td><td>${score(p.score)}</td><td>${p.coverage.toFixed(2)}</td><td>${score(p.signals.vector)}</td><td>${score(p.signals.lexical)}</td><td>${score(p.signals.ngram)}</td></tr>`)}
</tbody></table></details>
<h2>${ctx.t('web.log.feedback')}</h2>
${e.feedback.length
  ? html`<ul class="feedback-list">${e.feedback.map((f) => html`<li>${f.rating === 'up' ? '👍' : '👎'} ${formatDateTime(f.at, ctx.lang)}${f.comment ? html` — ${f.comment}` : ''}</li>`)}</ul>`
  : html`<p class="empty">${ctx.t('web.detail.noFeedback')}</p>`}
<h2>${ctx.t('web.log.review')}</h2>
<form method="post" action="/log/${e.id}/review" class="review-form">
  ${csrfField(ctx)}
  <fieldset><legend>${ctx.t('web.detail.status')}</legend>${radio('unreviewed')} ${radio('reviewed')} ${radio('flagged')}</fieldset>
  <label>${ctx.t('web.detail.corrected')}<textarea name="corrected" rows="4">${e.correctedAnswer ?? ''}</textarea></label>
  <label>${ctx.t('web.detail.facts')}<textarea name="facts" rows="2">${e.correctedFacts.join('\n')}</textarea></label>
  <label class="check"><input type="checkbox" name="unanswerable" value="1"${e.correctedAnswerable === false ? html` checked` : ''}> ${ctx.t('web.detail.unanswerable')}</label>
  <button type="submit">${ctx.t('web.detail.save')}</button>
</form>
${e.reviewedBy ? html`<p class="hint">${ctx.t('web.detail.reviewedBy', { by: e.reviewedBy, at: formatDateTime(e.reviewedAt, ctx.lang) })}</p>` : ''}
<p><a href="/log">← ${ctx.t('web.nav.log')}</a></p>`,
  );
}
