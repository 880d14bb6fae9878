/**
 * One answer as the member saw it, what it was built from, and the review form. Diagnostics are worded
 * for staff: the searched query stands out when it differs from the question (the first clue when a
 * follow-up went wrong), timings are named stages, passages show their rank and which retrievers found
 * them; the raw numbers stay one click away.
 */
import { indexWasBehind, type LogEntry, type LogEntrySummary, type LogFilter } from '../../../core/answer-log.js';
import type { Correction } from '../../../core/corrections/correction.js';
import { html, type SafeHtml } from '../html.js';
import { correctionForm, type CorrectionFormView } from './corrections.js';
import { csrfField, layout } from './layout.js';
import { entryHref, filterQuery } from './log-list.js';
import { feedbackView, outcomeBadge } from './outcome.js';
import { formatDateTime, languageName, stageTimings, type PageContext } from './page-context.js';

const score = (n: number | undefined) => (n === undefined ? '' : n.toFixed(4));

const RETRIEVERS = new Set(['vector', 'lexical', 'ngram']);

/** "meaning #1 · words #3": which retrievers ranked the passage, and where. */
function foundBy(ctx: PageContext, ranks: Record<string, number>): string {
  return Object.entries(ranks)
    .sort(([, a], [, b]) => a - b)
    .map(([name, rank]) => `${RETRIEVERS.has(name) ? ctx.t(`web.retriever.${name}`) : name} #${rank}`)
    .join(' · ');
}

export interface LogDetailView {
  entry: LogEntry;
  /** The list's filters, kept in every link so "back" and "next" stay in the same view. */
  filter: LogFilter;
  notice?: string;
  /** The next unreviewed entry of this view, if any. */
  next: LogEntrySummary | null;
  /** The turns of the entry's conversation, oldest first (just the entry when it stands alone). */
  conversation: LogEntrySummary[];
  /** The form approving an answer for this question (absent: no corrections desk). */
  approve?: CorrectionFormView;
  /** The reviewed answer this entry delivered, if its outcome is 'correction'. */
  correction?: Correction | null;
}

/** Every turn of the conversation in order, this one marked: "And where?" reads with what came before. */
function conversationView(ctx: PageContext, view: LogDetailView): SafeHtml {
  if (view.conversation.length < 2) return html``;
  return html`<section id="conversation" class="conversation-turns"><h2>${ctx.t('web.detail.conversation', { count: view.conversation.length })}</h2>
<ol class="conversation">${view.conversation.map((t) => {
    const here = t.id === view.entry.id;
    return html`<li class="turn${here ? ' turn-here' : ''}"${here ? html` aria-current="true"` : ''}><span class="hint">${formatDateTime(t.createdAt, ctx.lang)}</span>
  ${here ? html`<strong>${t.question}</strong> <span class="hint">(${ctx.t('web.detail.thisTurn')})</span>` : html`<a href="${entryHref(t.id, view.filter)}">${t.question}</a>`} ${outcomeBadge(ctx, t)}
  <span class="answer-line">${t.answerFirstLine}</span></li>`;
  })}</ol></section>`;
}

export function logDetailPage(ctx: PageContext, view: LogDetailView): SafeHtml {
  const { entry: e, filter, next } = view;
  const qs = filterQuery(filter);
  const radio = (value: string) =>
    html`<label class="check"><input type="radio" name="status" value="${value}"${e.reviewStatus === value ? html` checked` : ''}> ${ctx.t(`web.review.${value}`)}</label>`;
  const timings = stageTimings(ctx, e.timings as unknown as Record<string, number>);
  const searchedDiffers = e.standaloneQuestion && e.standaloneQuestion.trim() !== e.question.trim();
  return layout(
    ctx,
    ctx.t('web.detail.title', { id: e.id }),
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
<p class="entry-nav"><a href="/log${qs ? `?${qs}` : ''}">← ${ctx.t('web.log.backToList')}</a>${next ? html` <a class="next-unreviewed" href="${entryHref(next.id, filter)}">${ctx.t('web.detail.nextUnreviewed')} →</a>` : ''}</p>
${conversationView(ctx, view)}
<h2>${ctx.t('web.log.question')}</h2>
<p class="question-text" id="question-text">${e.question}</p>
${
  searchedDiffers
    ? html`<div class="searched" id="searched-query"><strong>${ctx.t('web.detail.searchedFor')}:</strong> <span class="searched-text">${e.standaloneQuestion}</span><p class="hint">${ctx.t('web.detail.searchedForHint')}</p></div>`
    : ''
}
<h2>${ctx.t('web.detail.answer')} ${outcomeBadge(ctx, e)}</h2>
<div class="answer-text" id="answer-text">${e.answerText}</div>
${
  e.correctionId
    ? html`<p class="notice" id="delivered-correction">${ctx.t('web.corrections.delivered')} <a href="/corrections/${e.correctionId}">#${e.correctionId}</a>${view.correction?.withdrawn ? html` (${ctx.t('web.corrections.withdrawnNow')})` : ''}</p>`
    : ''
}
${indexWasBehind(e.freshness) ? html`<p class="notice" id="index-behind">${ctx.t('web.detail.indexBehind', { index: e.freshness.index ?? '—', store: e.freshness.store ?? '—' })}</p>` : ''}
<dl class="facts">
  <dt>${ctx.t('web.log.time')}</dt><dd>${formatDateTime(e.createdAt, ctx.lang)}</dd>
  <dt>${ctx.t('web.log.surface')}</dt><dd>${e.surface}${e.place ? html` · <code>${e.place}</code>` : ''}</dd>
  <dt>${ctx.t('web.detail.asker')}</dt><dd><code title="${ctx.t('web.detail.askerHint')}">${e.asker ? e.asker.slice(0, 12) : '—'}</code></dd>
  <dt>${ctx.t('web.log.language')}</dt><dd><span title="${e.lang}">${languageName(e.lang, ctx.lang)}</span></dd>
  <dt>${ctx.t('web.log.outcome')}</dt><dd>${e.mode} · ${e.grounded ? ctx.t('web.detail.grounded') : ctx.t('web.detail.notGrounded')}</dd>
  <dt>${ctx.t('web.detail.models')}</dt><dd>${e.models.embedder ?? '—'} / ${e.models.chat ?? '—'}</dd>
  <dt>${ctx.t('web.detail.timings')}</dt><dd id="timings">${timings.stages}${timings.total ? html` — ${ctx.t('web.timing.total', { total: timings.total })}` : ''}
    <details class="raw"><summary>${ctx.t('web.detail.rawTimings')}</summary><code>${JSON.stringify(e.timings)}</code></details></dd>
</dl>
<h2>${ctx.t('web.detail.citations')}</h2>
${
  e.citations.length
    ? html`<table class="citations stack"><thead><tr><th>#</th><th>${ctx.t('web.docs.titleCol')}</th><th>${ctx.t('web.detail.quote')}</th><th>${ctx.t('web.docs.source')}</th></tr></thead><tbody>
${e.citations.map(
  (
    c,
  ) => html`<tr><td data-label="#">[${c.n}]</td><td data-label="${ctx.t('web.docs.titleCol')}">${c.url && /^https?:\/\//i.test(c.url) ? html`<a href="${c.url}">${c.title}</a>` : c.title}</td><td data-label="${ctx.t('web.detail.quote')}"><blockquote>${c.quote}</blockquote></td>
<td data-label="${ctx.t('web.docs.source')}">${c.source}${c.date ? html` · ${c.date}` : ''}<details class="raw"><summary>${ctx.t('web.detail.rawScores')}</summary><code>${c.chunkId}</code> ${score(c.score)}</details></td></tr>`,
)}
</tbody></table>`
    : html`<p class="empty">${ctx.t('web.detail.noCitations')}</p>`
}
<details class="retrieved"><summary>${ctx.t('web.detail.retrieved', { count: e.retrieved.length })}</summary>
<table class="stack"><thead><tr><th>${ctx.t('web.detail.rank')}</th><th>${ctx.t('web.docs.titleCol')}</th><th>${ctx.t('web.detail.foundBy')}</th><th>${ctx.t('web.detail.covers')}</th><th>${ctx.t('web.detail.rawScores')}</th></tr></thead><tbody>
${e.retrieved.map(
  (
    p,
    i,
  ) => html`<tr><td data-label="${ctx.t('web.detail.rank')}">${i + 1}</td><td data-label="${ctx.t('web.docs.titleCol')}">${p.title}</td><td data-label="${ctx.t('web.detail.foundBy')}">${foundBy(ctx, p.ranks)}</td><td data-label="${ctx.t('web.detail.covers')}">${Math.round(p.coverage * 100)} %</td>
<td data-label="${ctx.t('web.detail.rawScores')}"><details class="raw"><summary>${ctx.t('web.detail.rawScores')}</summary><code>${p.chunkId}</code> ${ctx.t('web.detail.fused')} ${score(p.score)}${Object.entries(p.signals).map(([k, v]) => ` · ${k} ${score(v)}`)}</details></td></tr>`,
)}
</tbody></table></details>
<h2>${ctx.t('web.log.feedback')}</h2>
${
  e.feedback.length
    ? html`<ul class="feedback-list">${e.feedback.map((f) => html`<li>${feedbackView(ctx, f.rating === 'up' ? 1 : 0, f.rating === 'down' ? 1 : 0)} · ${formatDateTime(f.at, ctx.lang)}${f.comment ? html` — ${f.comment}` : ''}</li>`)}</ul>`
    : html`<p class="empty">${ctx.t('web.detail.noFeedback')}</p>`
}
<h2>${ctx.t('web.log.review')}</h2>
<form method="post" action="/log/${e.id}/review${qs ? `?${qs}` : ''}" class="review-form">
  ${csrfField(ctx)}
  <fieldset><legend>${ctx.t('web.detail.status')}</legend>${radio('unreviewed')} ${radio('reviewed')} ${radio('flagged')}</fieldset>
  <label>${ctx.t('web.detail.corrected')}<textarea name="corrected" rows="4">${e.correctedAnswer ?? ''}</textarea></label>
  <label>${ctx.t('web.detail.facts')}<textarea name="facts" rows="2">${e.correctedFacts.join('\n')}</textarea></label>
  <label class="check"><input type="checkbox" name="unanswerable" value="1"${e.correctedAnswerable === false ? html` checked` : ''}> ${ctx.t('web.detail.unanswerable')}</label>
  <div class="buttons"><button type="submit" name="then" value="stay">${ctx.t('web.detail.save')}</button>
  <button type="submit" name="then" value="next" class="primary" id="save-next">${ctx.t('web.detail.saveNext')}</button></div>
</form>
${view.approve ? html`<h2 id="approve">${ctx.t('web.corrections.approveTitle')}</h2>${correctionForm(ctx, view.approve)}` : ''}
${e.reviewedBy ? html`<p class="hint">${ctx.t('web.detail.reviewedBy', { by: e.reviewedBy, at: formatDateTime(e.reviewedAt, ctx.lang) })}</p>` : ''}`,
  );
}
