/**
 * The turns a surface keeps after answering: the member's question and the answer with the documents
 * it cited, so that a follow-up ("and where?") prefers the passages of what was just answered.
 */
import type { ChatTurn } from '../types.js';

export function answeredTurns(question: string, answer: { text: string; citations: readonly { docId: string }[]; direct?: string | null }): ChatTurn[] {
  const sources = [...new Set(answer.citations.map((c) => c.docId))];
  return [
    { role: 'user', text: question },
    { role: 'assistant', text: answer.text, ...(sources.length ? { sources } : {}), ...(answer.direct ? { stated: answer.direct } : {}) },
  ];
}
