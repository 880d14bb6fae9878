/**
 * The conversation so far in a thread the bot opened (or behind a reply to one of its answers), passed
 * to the engine as history so "and in 2023?" is understood. Kept in memory as clean turns (question,
 * answer without sources); after a restart it is rebuilt from the thread's messages.
 */
import type { ChatTurn } from '../../core/types.js';

/** How many turns the engine sees: enough for follow-ups, small enough for the prompt. */
export const MAX_HISTORY_TURNS = 10;
const MAX_CONVERSATIONS = 5_000;

export class ConversationMemory {
  /** Conversation key (a thread id, or the id of the first answer message) → turns. */
  private readonly turns = new Map<string, ChatTurn[]>();
  /** Bot message id → conversation key, so a reply to any answer continues its conversation. */
  private readonly byMessage = new Map<string, string>();
  private readonly threads = new Set<string>();
  /** Conversation key → the latest logged answer: what a staff member's reply in the thread follows. */
  private readonly answers = new Map<string, { question: string; logEntryId: string }>();

  rememberThread(threadId: string): void {
    this.threads.add(threadId);
  }

  ownsThread(threadId: string): boolean {
    return this.threads.has(threadId);
  }

  keyOfMessage(messageId: string): string | undefined {
    return this.byMessage.get(messageId);
  }

  history(key: string): ChatTurn[] | undefined {
    const turns = this.turns.get(key);
    return turns ? turns.slice(-MAX_HISTORY_TURNS) : undefined;
  }

  /** The latest logged answer of a conversation, for a staff reply that follows it. */
  lastAnswer(key: string): { question: string; logEntryId: string } | undefined {
    return this.answers.get(key);
  }

  /** Remembers the latest logged answer of a conversation (refusals too: a staff reply there is the most useful kind). */
  rememberAnswer(key: string, question: string, logEntryId: string, botMessageIds: string[]): void {
    this.answers.delete(key);
    this.answers.set(key, { question, logEntryId });
    for (const id of botMessageIds) if (!this.byMessage.has(id)) this.byMessage.set(id, key);
    while (this.answers.size > MAX_CONVERSATIONS) this.answers.delete(this.answers.keys().next().value as string);
  }

  /** `answered`: the question and the answer (answeredTurns), with the documents it cited. */
  record(key: string, answered: ChatTurn[], botMessageIds: string[]): void {
    const turns = this.turns.get(key) ?? [];
    turns.push(...answered);
    // Re-inserting keeps the Map in least-recently-used order for the eviction below.
    this.turns.delete(key);
    this.turns.set(key, turns.slice(-MAX_HISTORY_TURNS));
    for (const id of botMessageIds) this.byMessage.set(id, key);
    while (this.turns.size > MAX_CONVERSATIONS) this.turns.delete(this.turns.keys().next().value as string);
    while (this.byMessage.size > MAX_CONVERSATIONS * 4) this.byMessage.delete(this.byMessage.keys().next().value as string);
  }
}

export interface RawThreadMessage {
  authorId: string;
  content: string;
}

/**
 * Rebuilds turns from a thread's messages (oldest first): the bot's are answers, with their sources
 * cut off (they start at the first "**[n]" citation line and its heading); the others are questions,
 * with mentions removed.
 */
export function turnsFromMessages(messages: RawThreadMessage[], botId: string): ChatTurn[] {
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
      else turns.push({ role: 'assistant', text });
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
