/** Ask as a member would, and see the answer with its sources; the exchange is logged with surface "web". */
import type { Answer } from '../../../core/types.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, layout } from './layout.js';
import { outcomeLabel } from './log-list.js';
import type { PageContext } from './page-context.js';

export function playgroundPage(ctx: PageContext, data: { question?: string; locale?: string; answer?: Answer; entryId?: string; languages: string[] }): SafeHtml {
  const a = data.answer;
  return layout(
    ctx,
    ctx.t('web.playground.title'),
    html`<form method="post" action="/playground" class="playground">
  ${csrfField(ctx)}
  <label>${ctx.t('web.log.question')}<textarea name="question" rows="3" required maxlength="5000">${data.question ?? ''}</textarea></label>
  <label>${ctx.t('web.playground.locale')} <select name="locale">${data.languages.map((l) => html`<option value="${l}"${l === (data.locale ?? ctx.lang) ? html` selected` : ''}>${l}</option>`)}</select></label>
  <button type="submit">${ctx.t('web.playground.ask')}</button>
</form>
${a
  ? html`<section class="playground-answer" id="playground-answer">
  <h2>${ctx.t('web.detail.answer')} <small class="outcome-${a.outcome}">${outcomeLabel(ctx, a.outcome)} · ${a.mode} · ${a.language} · ${Math.round(a.timings.totalMs)} ms</small></h2>
  <div class="answer-text">${a.text}</div>
  ${a.citations.length
    ? html`<h3>${ctx.t('web.detail.citations')}</h3><ol class="sources">${a.citations.map((c) => html`<li value="${c.n}"><strong>${c.title}</strong> <code>${c.source}</code>${c.date ? html` · ${c.date}` : ''} <span class="hint">${ctx.t('web.detail.score')} ${c.score.toFixed(3)}</span><blockquote>${c.quote}</blockquote></li>`)}</ol>`
    : ''}
  ${data.entryId ? html`<p><a href="/log/${data.entryId}">${ctx.t('web.playground.logged', { id: data.entryId })}</a></p>` : ''}
</section>`
  : ''}`,
  );
}
