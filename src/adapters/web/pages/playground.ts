/**
 * Ask as a member would, follow up in the same conversation, and rate the answer. Every turn is an
 * answer log entry (surface "web"); the conversation is the list of those entry ids, carried in the
 * form and the URL, so nothing is kept on the server between requests.
 */
import type { LogEntry } from '../../../core/answer-log.js';
import { formatDocDate } from '../../../core/answer/dates.js';
import { languageNameIn, markers, sourceEntries } from '../../../core/answer/source-list.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, layout } from './layout.js';
import { feedbackView, outcomeBadge } from './outcome.js';
import { formatDuration, languageName, type PageContext } from './page-context.js';

export interface PlaygroundView {
  /** Earlier turns and, last, the answer just given; empty before the first question. */
  turns: LogEntry[];
  locale?: string;
  languages: string[];
  /** Set after a 👍/👎 was recorded for the last answer. */
  rated?: 'up' | 'down';
}

export function playgroundPage(ctx: PageContext, view: PlaygroundView): SafeHtml {
  const { turns } = view;
  const last = turns.at(-1);
  const earlier = turns.slice(0, -1);
  const ids = turns.map((t) => t.id).join(',');
  const locale = view.locale ?? ctx.lang;
  const languageSelect = html`<label>${ctx.t('web.playground.locale')} <select name="locale">${view.languages.map(
    (l) => html`<option value="${l}"${l === locale ? html` selected` : ''}>${languageName(l, ctx.lang)}</option>`,
  )}</select></label>`;
  return layout(
    ctx,
    ctx.t('web.playground.title'),
    html`${
      earlier.length
        ? html`<h2>${ctx.t('web.playground.conversation')}</h2><ol class="conversation" id="conversation">${earlier.map(
            (t) => html`<li class="turn turn-user"><strong>${ctx.t('web.playground.you')}:</strong> ${t.question}</li>
<li class="turn turn-assistant"><strong>${ctx.t('web.playground.assistant')}:</strong> ${t.answerText} <a class="hint" href="/log/${t.id}">#${t.id}</a></li>`,
          )}</ol>`
        : ''
    }
${
  last
    ? html`<section class="playground-answer" id="playground-answer">
  <p class="question-text">${last.question}</p>
  <h2>${ctx.t('web.detail.answer')} ${outcomeBadge(ctx, last)} <small class="hint">${languageName(last.lang, ctx.lang)} · ${formatDuration(last.totalMs, ctx.lang)}</small></h2>
  <div class="answer-text">${last.answerText}</div>
  ${
    last.citations.length
      ? html`<h3>${ctx.t('web.detail.citations')}</h3><ol class="sources">${sourceEntries({ text: last.answerText, language: last.lang, citations: last.citations }).map((e) => html`<li value="${e.numbers[0]}">${e.numbers.length > 1 ? html`${markers(e)} ` : ''}<strong>${e.title}</strong>${e.date ? html` · ${formatDocDate(e.date, ctx.lang) ?? e.date}` : ''}${e.quotedIn ? html` · ${ctx.t('quotedIn', { language: languageNameIn(e.quotedIn, ctx.lang) })}` : ''}${e.url ? html` · <a href="${e.url}">${e.url}</a>` : e.file ? html` · <code>${e.file}</code>` : ''}${e.quotes.map((q) => html`<blockquote>${q}</blockquote>`)}</li>`)}</ol>`
      : ''
  }
  <form method="post" action="/playground/feedback" class="rate" id="rate">
    ${csrfField(ctx)}<input type="hidden" name="entry" value="${last.id}"><input type="hidden" name="turns" value="${ids}"><input type="hidden" name="locale" value="${locale}">
    <span>${ctx.t('web.playground.rate')}</span>
    <button type="submit" name="rating" value="up"><span aria-hidden="true">👍</span> ${ctx.t('web.feedback.up')}</button>
    <button type="submit" name="rating" value="down"><span aria-hidden="true">👎</span> ${ctx.t('web.feedback.down')}</button>
    ${view.rated ? html`<span class="notice" role="status">${ctx.t('web.playground.rated', { rating: ctx.t(`web.feedback.${view.rated}`) })}</span>` : ''}
    ${last.thumbsUp || last.thumbsDown ? html`<span class="hint">${feedbackView(ctx, last.thumbsUp, last.thumbsDown)}</span>` : ''}
  </form>
  <p><a href="/log/${last.id}">${ctx.t('web.playground.logged', { id: last.id })}</a></p>
</section>`
    : ''
}
<form method="post" action="/playground" class="playground">
  ${csrfField(ctx)}
  ${turns.length ? html`<input type="hidden" name="turns" value="${ids}">` : ''}
  <label>${turns.length ? ctx.t('web.playground.followUp') : ctx.t('web.log.question')}<textarea name="question" rows="3" required maxlength="5000"></textarea></label>
  ${languageSelect}
  <div class="buttons"><button type="submit" class="primary">${ctx.t('web.playground.ask')}</button>${turns.length ? html` <a href="/playground">${ctx.t('web.playground.newConversation')}</a>` : ''}</div>
</form>`,
  );
}
