/**
 * What a chat surface remembers of its conversations so a follow-up ("and in 2023?") is asked with
 * its history: the turns of each conversation (a thread, or the first answer of a reply chain), which
 * of the bot's messages belong to which conversation, and the threads the bot opened. A port, because
 * a replica that takes over a thread must find its turns (PostgreSQL), where one process keeps them in
 * memory.
 */
import type { ChatTurn } from '../types.js';

export interface ConversationMemory {
  rememberThread(threadId: string): Promise<void>;
  ownsThread(threadId: string): Promise<boolean>;
  /** The conversation a bot message belongs to, so a reply to any answer continues it. */
  keyOfMessage(messageId: string): Promise<string | undefined>;
  /** The latest turns (at most the store's limit), or undefined for an unknown conversation. */
  history(key: string): Promise<ChatTurn[] | undefined>;
  /** Adds the turns of one exchange (the question, and the answer with the documents it cited: `answeredTurns`) and links the bot's messages to the conversation. */
  record(key: string, answered: ChatTurn[], botMessageIds: string[]): Promise<void>;
  /** The latest logged answer of a conversation (refusals too), which a staff member's reply in it follows. */
  lastAnswer(key: string): Promise<LoggedAnswer | undefined>;
  /** Remembers the conversation's latest logged answer and links the bot's messages to the conversation (without moving a link it already has). */
  rememberAnswer(key: string, question: string, logEntryId: string, botMessageIds: string[]): Promise<void>;
}

export interface LoggedAnswer {
  question: string;
  logEntryId: string;
}
