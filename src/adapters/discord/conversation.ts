/**
 * The conversation so far in a thread the bot opened (or behind a reply to one of its answers), passed
 * to the engine as history so "and in 2023?" is understood. Kept as clean turns (question, answer
 * without sources) in the `ConversationMemory` main hands in; when it has none for a thread (after a
 * restart of the in-memory one) they are rebuilt from the thread's messages.
 */
import { statedIn } from '../../core/conversation/turns.js';
import type { Messages } from '../../core/i18n.js';
import type { ChatTurn } from '../../core/types.js';

/** How many turns the engine sees: enough for follow-ups, small enough for the prompt. */
export const MAX_HISTORY_TURNS = 10;

export interface RawThreadMessage {
  authorId: string;
  content: string;
}

/**
 * Rebuilds turns from a thread's messages (oldest first): the bot's are answers, with their sources
 * cut off (they start at the first "**[n]" citation line and its heading), and with the sentence that
 * stated what was asked when they open with one (`statedIn`: the turn the memory had recorded); the
 * others are questions, with mentions removed.
 */
export function turnsFromMessages(messages: RawThreadMessage[], botId: string, catalog: Messages): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const message of messages) {
    if (message.authorId === botId) {
      const lines = message.content.split('\n');
      // Sources may start in a later message of a split answer, at any number.
      const firstCitation = lines.findIndex((l) => /^\*\*\[\d+\] /.test(l));
      const kept = firstCitation >= 0 ? lines.slice(0, firstCitation) : lines;
      if (firstCitation >= 0 && /^\*\*[^*]+\*\*$/.test(kept[kept.length - 1] ?? '')) kept.pop(); // the "Sources" heading
      const text = kept.join('\n').trim();
      if (!text) continue;
      const last = turns[turns.length - 1];
      // An answer split over several messages is one turn.
      if (last?.role === 'assistant') last.text += `\n\n${text}`;
      else {
        const stated = statedIn(text, catalog);
        turns.push(stated ? { role: 'assistant', text, stated } : { role: 'assistant', text });
      }
    } else {
      const text = stripMentions(message.content);
      if (text) turns.push({ role: 'user', text });
    }
  }
  return turns.slice(-MAX_HISTORY_TURNS);
}

export function stripMentions(text: string): string {
  return text
    .replace(/<@[!&]?\d+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
