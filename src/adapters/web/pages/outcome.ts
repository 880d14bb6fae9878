/** How an answer ended, in staff words: answered, refused (and why), or fell back (and why), with an emoji that always has its text beside it. */
import type { LogEntrySummary } from '../../../core/answer-log.js';
import { html, type SafeHtml } from '../html.js';
import type { PageContext } from './page-context.js';

const KNOWN_OUTCOMES = new Set(['answered', 'correction', 'not_found', 'empty_question', 'question_too_long']);

export function outcomeLabel(ctx: PageContext, outcome: string): string {
  return KNOWN_OUTCOMES.has(outcome) ? ctx.t(`web.outcome.${outcome}`) : outcome;
}

export type OutcomeKind = 'answered' | 'reviewed' | 'refused' | 'fell-back';

export function outcomeKind(e: Pick<LogEntrySummary, 'outcome' | 'fallbackReason'>): OutcomeKind {
  if (e.outcome === 'correction') return 'reviewed';
  if (e.outcome !== 'answered') return 'refused';
  return e.fallbackReason ? 'fell-back' : 'answered';
}

/** The badge of the log list and the detail: "answered", "refused · not in the articles", "fell back · <reason>". */
export function outcomeBadge(ctx: PageContext, e: Pick<LogEntrySummary, 'outcome' | 'fallbackReason'>): SafeHtml {
  const kind = outcomeKind(e);
  if (kind === 'answered') return html`<span class="badge badge-answered">${ctx.t('web.outcome.answered')}</span>`;
  if (kind === 'reviewed') return html`<span class="badge badge-answered">${ctx.t('web.outcome.correction')}</span>`;
  if (kind === 'refused') {
    return html`<span class="badge badge-refused">${ctx.t('web.outcome.refused')}</span> <span class="reason">${outcomeLabel(ctx, e.outcome)}</span>`;
  }
  return html`<span class="badge badge-fell-back" title="${ctx.t('web.outcome.fellBackHint', { reason: e.fallbackReason ?? '' })}">${ctx.t('web.outcome.fellBack')}</span> <span class="reason">${e.fallbackReason}</span>`;
}

/** 👍 2 helpful · 👎 1 not helpful: the emoji is decoration; the words carry the meaning where no emoji font is installed. */
export function feedbackView(ctx: PageContext, up: number, down: number): SafeHtml {
  if (!up && !down) return html`<span class="hint">—</span>`;
  return html`${up ? html`<span class="rating rating-up"><span aria-hidden="true">👍</span> ${up} ${ctx.t('web.feedback.up')}</span>` : ''}${up && down ? ' ' : ''}${down ? html`<span class="rating rating-down"><span aria-hidden="true">👎</span> ${down} ${ctx.t('web.feedback.down')}</span>` : ''}`;
}
