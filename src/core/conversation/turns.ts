/**
 * The turns a surface keeps after answering: the member's question and the answer with the documents
 * it cited, so that a follow-up ("and where?") prefers the passages of what was just answered.
 */
import type { Messages } from '../i18n.js';
import type { ChatTurn } from '../types.js';

export function answeredTurns(question: string, answer: { text: string; citations: readonly { docId: string }[]; direct?: string | null }): ChatTurn[] {
  const sources = [...new Set(answer.citations.map((c) => c.docId))];
  return [
    { role: 'user', text: question },
    { role: 'assistant', text: answer.text, ...(sources.length ? { sources } : {}), ...(answer.direct ? { stated: answer.direct } : {}) },
  ];
}

/** The catalogue's sentences that state what was asked (answer/direct-answer, answer/extractive-answer). */
const STATED_KEYS = ['directValue', 'directDate', 'directAnnounced', 'directPastYes', 'directPastNo', 'directConflict'] as const;

const statedPatterns = new WeakMap<Messages, RegExp[]>();

function patternsOf(messages: Messages): RegExp[] {
  let patterns = statedPatterns.get(messages);
  if (!patterns) {
    const templates = new Set(messages.languages().flatMap((lang) => STATED_KEYS.map((key) => messages.t(lang, key))));
    patterns = [...templates].map((template) => {
      const body = template
        .split(/(\{\w+\})/)
        .map((part) => (part === '{n}' ? '\\d+' : /^\{\w+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return new RegExp(`^${body}$`, 'u');
    });
    statedPatterns.set(messages, patterns);
  }
  return patterns;
}

/**
 * The sentence that stated what was asked, for an answer a surface knows only by its text (a logged
 * answer, a Discord thread read back after a restart): its first line, when that line is one of the
 * catalogue's direct-answer sentences in any language. A turn rebuilt this way is the turn the
 * surface recorded when it answered (`answeredTurns`), so its follow-ups keep the value it stated.
 */
export function statedIn(text: string, messages: Messages): string | undefined {
  const first = text
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean);
  return first && patternsOf(messages).some((p) => p.test(first)) ? first : undefined;
}
