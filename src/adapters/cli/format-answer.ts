/** Terminal rendering of an Answer: the text, then numbered sources with date and quote. */
import type { Messages } from '../../core/i18n.js';
import type { Answer } from '../../core/types.js';
import { formatDocDate } from '../../core/answer/dates.js';

export function formatAnswer(answer: Answer, messages: Messages): string {
  if (!answer.citations.length) return answer.text;
  const lang = answer.language;
  const sources = answer.citations.map((c) => {
    const date = formatDocDate(c.date, lang) ?? messages.t(lang, 'undated');
    const quote = c.quote.length > 300 ? `${c.quote.slice(0, 300).replace(/\s+\S*$/, '')}…` : c.quote;
    return `[${c.n}] ${c.title} — ${date} — ${c.source}\n    « ${quote} »`;
  });
  return `${answer.text}\n\n${messages.t(lang, 'sources')}:\n${sources.join('\n')}`;
}

/** The JSON contract of `soga ask --json`. */
export function answerJson(answer: Answer): object {
  return {
    question: answer.question,
    language: answer.language,
    answer: answer.text,
    grounded: answer.grounded,
    mode: answer.mode,
    outcome: answer.outcome,
    citations: answer.citations.map((c) => ({ n: c.n, title: c.title, source: c.source, quote: c.quote, date: c.date, chunkId: c.chunkId, score: c.score })),
    timings: answer.timings,
    ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    ...(answer.removed?.length ? { removed: answer.removed } : {}),
  };
}
