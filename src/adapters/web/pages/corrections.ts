/**
 * The corrections desk: staff replies proposed as corrections (approve as written or edited, or
 * dismiss), the reviewed answers in force with how often each was given (withdraw one and it is never
 * given again), and the form that approves an answer for a question, citing passages the answer had cited.
 */
import type { LogEntry, LogEntrySummary, LoggedCitation } from '../../../core/answer-log.js';
import type { Correction, Proposal } from '../../../core/corrections/correction.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, layout } from './layout.js';
import { outcomeBadge } from './outcome.js';
import { formatDateTime, languageName, type PageContext } from './page-context.js';

/** What the approve form holds: on a refused submission it comes back as typed, with the reason. */
export interface CorrectionFormValues {
  question: string;
  lang: string;
  answer: string;
  /** chunkIds of the ticked passages. */
  sources: string[];
}

export interface CorrectionFormView {
  action: string;
  values: CorrectionFormValues;
  /** The passages the answer cited, which the reviewer may cite. */
  citations: LoggedCitation[];
  languages: string[];
  error?: string;
  /** Distinguishes two forms on one page (ids of inputs). */
  idPrefix: string;
}

export function correctionForm(ctx: PageContext, view: CorrectionFormView): SafeHtml {
  const { values, idPrefix: p } = view;
  const langs = [...new Set([values.lang, ...view.languages])].filter(Boolean);
  return html`<form method="post" action="${view.action}" class="correction-form" id="${p}-form">
  ${csrfField(ctx)}
  ${view.error ? html`<p class="error" role="alert" id="${p}-error">${view.error}</p>` : ''}
  <label for="${p}-question">${ctx.t('web.corrections.question')}</label>
  <input id="${p}-question" name="question" value="${values.question}" required maxlength="2000">
  <label for="${p}-lang">${ctx.t('web.corrections.language')}</label>
  <select id="${p}-lang" name="lang">${langs.map((l) => html`<option value="${l}"${l === values.lang ? html` selected` : ''}>${languageName(l, ctx.lang)}</option>`)}</select>
  <label for="${p}-answer">${ctx.t('web.corrections.answer')}</label>
  <textarea id="${p}-answer" name="answer" rows="4" required maxlength="8000">${values.answer}</textarea>
  <fieldset class="sources"><legend>${ctx.t('web.corrections.sources')}</legend>
  ${
    view.citations.length
      ? view.citations.map(
          (c, i) =>
            html`<label class="check"><input type="checkbox" name="source" value="${c.chunkId}"${values.sources.includes(c.chunkId) ? html` checked` : ''}> [${c.n}] ${c.title}${c.date ? html` · ${c.date}` : ''} <span class="hint quote" id="${p}-quote-${i}">« ${c.quote.length > 200 ? `${c.quote.slice(0, 200)}…` : c.quote} »</span></label>`,
        )
      : html`<p class="hint">${ctx.t('web.corrections.noSources')}</p>`
  }
  </fieldset>
  <p class="hint">${ctx.t('web.corrections.approveHint')}</p>
  <div class="buttons"><button type="submit" class="primary">${ctx.t('web.corrections.approve')}</button></div>
</form>`;
}

function sourcesView(ctx: PageContext, c: Correction): SafeHtml {
  if (!c.sources.length) return html`<span class="hint">${ctx.t('web.corrections.noSourcesCited')}</span>`;
  return html`<ul class="correction-sources">${c.sources.map((s) => html`<li>${s.title}${s.date ? html` · ${s.date}` : ''} <span class="hint">« ${s.quote.length > 160 ? `${s.quote.slice(0, 160)}…` : s.quote} »</span></li>`)}</ul>`;
}

export interface ProposalView {
  proposal: Proposal;
  /** The bot's answer the staff member replied to (null: purged from the log). */
  bot: LogEntry | null;
  form: CorrectionFormView;
}

export interface CorrectionsPageView {
  proposals: ProposalView[];
  active: Correction[];
  withdrawn: Correction[];
  uses: Map<string, number>;
  notice?: string;
}

function correctionRow(ctx: PageContext, c: Correction, uses: number, withdrawable: boolean): SafeHtml {
  return html`<article class="card correction" id="correction-${c.id}">
  <h3><a href="/corrections/${c.id}">#${c.id}</a> ${c.question} <span class="hint">(${languageName(c.lang, ctx.lang)})</span></h3>
  <p class="correction-answer">${c.answer}</p>
  ${sourcesView(ctx, c)}
  <p class="hint">${ctx.t('web.corrections.approvedBy', { by: c.reviewer, at: formatDateTime(c.reviewedAt, ctx.lang) })} · <a href="/corrections/${c.id}">${ctx.t('web.corrections.uses', { count: uses })}</a>${
    c.withdrawnAt ? html` · ${ctx.t('web.corrections.withdrawnAt', { at: formatDateTime(c.withdrawnAt, ctx.lang) })}` : ''
  }</p>
  ${
    withdrawable
      ? html`<form method="post" action="/corrections/${c.id}/withdraw" class="inline">${csrfField(ctx)}<button type="submit" class="danger" aria-label="${ctx.t('web.corrections.withdrawLabel', { id: c.id })}">${ctx.t('web.corrections.withdraw')}</button></form>`
      : ''
  }
</article>`;
}

export function correctionsPage(ctx: PageContext, view: CorrectionsPageView): SafeHtml {
  return layout(
    ctx,
    ctx.t('web.corrections.title'),
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
<p class="hint">${ctx.t('web.corrections.intro')}</p>
<h2 id="proposals">${ctx.t('web.corrections.proposals', { count: view.proposals.length })}</h2>
${
  view.proposals.length
    ? view.proposals.map(
        ({ proposal: p, bot, form }) => html`<article class="card proposal" id="proposal-${p.id}">
  <h3>${ctx.t('web.corrections.proposalFrom', { surface: p.surface, at: formatDateTime(p.createdAt, ctx.lang) })}</h3>
  <dl class="facts">
    <dt>${ctx.t('web.corrections.question')}</dt><dd>${p.question}</dd>
    <dt>${ctx.t('web.corrections.botAnswer')}</dt><dd>${bot ? html`<a href="/log/${bot.id}">#${bot.id}</a> ${outcomeBadge(ctx, bot)} <span class="answer-line">${bot.answerFirstLine}</span>` : html`<span class="hint">${ctx.t('web.corrections.botAnswerGone')}</span>`}</dd>
    <dt>${ctx.t('web.corrections.staffReply')}</dt><dd><blockquote class="staff-reply">${p.reply}</blockquote></dd>
  </dl>
  <details class="approve"${form.error ? html` open` : ''}><summary>${ctx.t('web.corrections.approveOrEdit')}</summary>${correctionForm(ctx, form)}</details>
  <form method="post" action="/proposals/${p.id}/dismiss" class="inline">${csrfField(ctx)}<button type="submit" aria-label="${ctx.t('web.corrections.dismissLabel', { id: p.id })}">${ctx.t('web.corrections.dismiss')}</button></form>
</article>`,
      )
    : html`<p class="empty">${ctx.t('web.corrections.noProposals')}</p>`
}
<h2 id="active">${ctx.t('web.corrections.active', { count: view.active.length })}</h2>
${view.active.length ? view.active.map((c) => correctionRow(ctx, c, view.uses.get(c.id) ?? 0, true)) : html`<p class="empty">${ctx.t('web.corrections.noneActive')}</p>`}
${
  view.withdrawn.length
    ? html`<details class="withdrawn"><summary>${ctx.t('web.corrections.withdrawn', { count: view.withdrawn.length })}</summary>${view.withdrawn.map((c) => correctionRow(ctx, c, view.uses.get(c.id) ?? 0, false))}</details>`
    : ''
}`,
  );
}

export function correctionDetailPage(ctx: PageContext, view: { correction: Correction; uses: LogEntrySummary[]; notice?: string }): SafeHtml {
  const c = view.correction;
  return layout(
    ctx,
    ctx.t('web.corrections.detailTitle', { id: c.id }),
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
<p class="entry-nav"><a href="/corrections">← ${ctx.t('web.corrections.back')}</a></p>
${correctionRow(ctx, c, view.uses.length, !c.withdrawn)}
${c.fromEntryId ? html`<p>${ctx.t('web.corrections.fromEntry')} <a href="/log/${c.fromEntryId}">#${c.fromEntryId}</a></p>` : ''}
<h2 id="uses">${ctx.t('web.corrections.usesTitle', { count: view.uses.length })}</h2>
${
  view.uses.length
    ? html`<ul class="uses">${view.uses.map(
        (u) => html`<li><a href="/log/${u.id}">#${u.id}</a> ${formatDateTime(u.createdAt, ctx.lang)} · ${u.surface} · ${languageName(u.lang, ctx.lang)} — ${u.question}</li>`,
      )}</ul>`
    : html`<p class="empty">${ctx.t('web.corrections.noUses')}</p>`
}`,
  );
}
