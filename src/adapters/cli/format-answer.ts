/**
 * Terminal rendering of an Answer: the text (which holds the quotes with their [n]), then one line a
 * source: [n], title, date (and the quote's language when it is not the member's), link or file.
 */
import type { Messages } from '../../core/i18n.js';
import type { Answer } from '../../core/types.js';
import { entryNotes, markers, sourceEntries } from '../../core/answer/source-list.js';

const MAX_QUOTE_CHARS = 300;

export function formatAnswer(answer: Answer, messages: Messages): string {
  if (!answer.citations.length) return answer.text;
  const lang = answer.language;
  const sources = sourceEntries(answer).map((e) => {
    const where = e.url ?? e.file;
    const line = [`${markers(e)} ${e.title}`, ...entryNotes(e, lang, messages), ...(where ? [where] : [])].join(' — ');
    // Only a quote the answer does not show already (a chat model's paraphrase) is printed here.
    const quotes = e.quotes.map((q) => `\n    « ${q.length > MAX_QUOTE_CHARS ? `${q.slice(0, MAX_QUOTE_CHARS).replace(/\s+\S*$/, '')}…` : q} »`);
    return `${line}${quotes.join('')}`;
  });
  return `${answer.text}\n\n${messages.t(lang, 'sources')}:\n${sources.join('\n')}`;
}

/** The JSON contract of `soga ask --json`. */
export function answerJson(answer: Answer): object {
  return {
    question: answer.question,
    // What was searched: the question itself, or a follow-up made self-contained with the conversation.
    query: answer.standaloneQuestion,
    language: answer.language,
    answer: answer.text,
    grounded: answer.grounded,
    mode: answer.mode,
    outcome: answer.outcome,
    citations: answer.citations.map((c) => ({
      n: c.n,
      title: c.title,
      source: c.source,
      ...(c.url ? { url: c.url } : {}),
      quote: c.quote,
      date: c.date,
      lang: c.lang,
      chunkId: c.chunkId,
      score: c.score,
    })),
    timings: answer.timings,
    ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    ...(answer.notFoundReason ? { notFoundReason: answer.notFoundReason } : {}),
    ...(answer.removed?.length ? { removed: answer.removed } : {}),
  };
}
