/**
 * The embedded `ConversationMemory`: in this process's memory, the least recently used conversations
 * evicted past a bound. A restart forgets it (Discord threads are then rebuilt from their messages);
 * replicas share `postgres/pg-conversation-memory.ts` instead.
 */
import type { ConversationMemory, LoggedAnswer } from '../../core/conversation/conversation-memory.js';
import type { ChatTurn } from '../../core/types.js';

export interface ConversationMemoryOptions {
  /** Turns kept per conversation (a question and its answer are two). */
  maxTurns: number;
  /** Conversations kept; the least recently continued go first. */
  maxConversations?: number;
}

/** Stored and handed out as copies: a caller changing its turns changes nothing stored. */
const copyTurn = (turn: ChatTurn): ChatTurn => (turn.sources ? { ...turn, sources: [...turn.sources] } : { ...turn });

export class MemoryConversationMemory implements ConversationMemory {
  /** Conversation key (a thread id, or the id of the first answer message) → turns. */
  private readonly turns = new Map<string, ChatTurn[]>();
  /** Bot message id → conversation key. */
  private readonly byMessage = new Map<string, string>();
  private readonly threads = new Set<string>();
  /** Conversation key → the latest logged answer, least recently updated first. */
  private readonly answers = new Map<string, LoggedAnswer>();
  private readonly maxTurns: number;
  private readonly maxConversations: number;

  constructor(options: ConversationMemoryOptions) {
    this.maxTurns = options.maxTurns;
    this.maxConversations = options.maxConversations ?? 5_000;
  }

  async rememberThread(threadId: string): Promise<void> {
    this.threads.add(threadId);
  }

  async ownsThread(threadId: string): Promise<boolean> {
    return this.threads.has(threadId);
  }

  async keyOfMessage(messageId: string): Promise<string | undefined> {
    return this.byMessage.get(messageId);
  }

  async history(key: string): Promise<ChatTurn[] | undefined> {
    const turns = this.turns.get(key);
    return turns ? turns.map(copyTurn) : undefined;
  }

  async record(key: string, answered: ChatTurn[], botMessageIds: string[]): Promise<void> {
    const turns = this.turns.get(key) ?? [];
    turns.push(...answered.map(copyTurn));
    // Re-inserting keeps the Map in least-recently-used order for the eviction below.
    this.turns.delete(key);
    this.turns.set(key, turns.slice(-this.maxTurns));
    for (const id of botMessageIds) this.byMessage.set(id, key);
    while (this.turns.size > this.maxConversations) this.turns.delete(this.turns.keys().next().value as string);
    while (this.byMessage.size > this.maxConversations * 4) this.byMessage.delete(this.byMessage.keys().next().value as string);
  }

  async lastAnswer(key: string): Promise<LoggedAnswer | undefined> {
    const answer = this.answers.get(key);
    return answer ? { ...answer } : undefined;
  }

  async rememberAnswer(key: string, question: string, logEntryId: string, botMessageIds: string[]): Promise<void> {
    this.answers.delete(key);
    this.answers.set(key, { question, logEntryId });
    for (const id of botMessageIds) if (!this.byMessage.has(id)) this.byMessage.set(id, key);
    while (this.answers.size > this.maxConversations) this.answers.delete(this.answers.keys().next().value as string);
  }
}
