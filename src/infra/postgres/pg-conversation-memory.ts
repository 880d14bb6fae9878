/**
 * `ConversationMemory` in PostgreSQL: a follow-up finds its conversation whichever replica answered the
 * turns before, and after any restart. A conversation's turns are read, extended and trimmed under a
 * transaction-scoped advisory lock on (scope, key), so two turns recorded at once both stay.
 */
import { z } from 'zod';
import type { ConversationMemory, LoggedAnswer } from '../../core/conversation/conversation-memory.js';
import type { ChatTurn } from '../../core/types.js';
import { storeUnavailable, type Sql, type TransactionSql } from './pg-database.js';

const turnsSchema = z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string(), sources: z.array(z.string()).optional(), stated: z.string().optional() }));

export interface PgConversationMemoryOptions {
  /** Tells one surface's conversations from another's (discord, matrix…). */
  scope: string;
  /** Turns kept per conversation (a question and its answer are two). */
  maxTurns: number;
  /** Conversations kept; the least recently continued go first (swept now and then, not on every turn). */
  maxConversations?: number;
  now?: () => number;
}

const SWEEP_EVERY = 200;

/** A turn as stored: what the surface recorded (`answeredTurns`), without keys it left out. */
function storedTurn(turn: ChatTurn): { role: ChatTurn['role']; text: string; sources?: string[]; stated?: string } {
  return { role: turn.role, text: turn.text, ...(turn.sources ? { sources: turn.sources } : {}), ...(turn.stated ? { stated: turn.stated } : {}) };
}

export class PgConversationMemory implements ConversationMemory {
  private readonly scope: string;
  private readonly now: () => number;
  private readonly maxConversations: number;
  private recorded = 0;

  constructor(
    private readonly sql: Sql,
    private readonly options: PgConversationMemoryOptions,
  ) {
    this.scope = options.scope;
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? 5_000;
  }

  async rememberThread(threadId: string): Promise<void> {
    await this.run(
      'remember the thread',
      () => this.sql`insert into soga_conversation_threads (scope, thread_id, created_at) values (${this.scope}, ${threadId}, ${this.now()}) on conflict do nothing`,
    );
  }

  async ownsThread(threadId: string): Promise<boolean> {
    const rows = await this.run('read the thread', () => this.sql`select 1 from soga_conversation_threads where scope = ${this.scope} and thread_id = ${threadId}`);
    return rows.length > 0;
  }

  async keyOfMessage(messageId: string): Promise<string | undefined> {
    const rows = await this.run('read the message link', () => this.sql<{ key: string }[]>`select key from soga_conversation_messages where scope = ${this.scope} and message_id = ${messageId}`);
    return rows[0]?.key;
  }

  async history(key: string): Promise<ChatTurn[] | undefined> {
    const rows = await this.run('read the conversation', () => this.sql<{ turns: unknown }[]>`select turns from soga_conversations where scope = ${this.scope} and key = ${key}`);
    return rows[0] ? turnsSchema.parse(rows[0].turns) : undefined;
  }

  async record(key: string, answered: ChatTurn[], botMessageIds: string[]): Promise<void> {
    const { scope } = this;
    const t = this.now();
    const sweep = ++this.recorded % SWEEP_EVERY === 0;
    await this.run('record the turn', () =>
      this.sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(${key}))`;
        const rows = await tx<{ turns: unknown }[]>`select turns from soga_conversations where scope = ${scope} and key = ${key}`;
        const turns: ChatTurn[] = rows[0] ? turnsSchema.parse(rows[0].turns) : [];
        turns.push(...answered);
        const kept = turns.slice(-this.options.maxTurns);
        await tx`insert into soga_conversations (scope, key, turns, updated_at) values (${scope}, ${key}, ${tx.json(kept.map(storedTurn))}, ${t})
          on conflict (scope, key) do update set turns = excluded.turns, updated_at = excluded.updated_at`;
        for (const id of botMessageIds) {
          await tx`insert into soga_conversation_messages (scope, message_id, key, created_at) values (${scope}, ${id}, ${key}, ${t})
            on conflict (scope, message_id) do update set key = excluded.key, created_at = excluded.created_at`;
        }
        if (sweep) await this.sweep(tx);
      }),
    );
  }

  async lastAnswer(key: string): Promise<LoggedAnswer | undefined> {
    const rows = await this.run(
      'read the latest answer',
      () => this.sql<{ question: string; log_entry_id: string }[]>`select question, log_entry_id from soga_conversation_answers where scope = ${this.scope} and key = ${key}`,
    );
    return rows[0] ? { question: rows[0].question, logEntryId: rows[0].log_entry_id } : undefined;
  }

  async rememberAnswer(key: string, question: string, logEntryId: string, botMessageIds: string[]): Promise<void> {
    const { scope } = this;
    const t = this.now();
    await this.run('remember the latest answer', () =>
      this.sql.begin(async (tx) => {
        await tx`insert into soga_conversation_answers (scope, key, question, log_entry_id, updated_at) values (${scope}, ${key}, ${question}, ${logEntryId}, ${t})
          on conflict (scope, key) do update set question = excluded.question, log_entry_id = excluded.log_entry_id, updated_at = excluded.updated_at`;
        for (const id of botMessageIds) {
          await tx`insert into soga_conversation_messages (scope, message_id, key, created_at) values (${scope}, ${id}, ${key}, ${t}) on conflict (scope, message_id) do nothing`;
        }
      }),
    );
  }

  /** Keeps the newest conversations, message links and threads within their bounds (as the embedded store does). */
  private async sweep(tx: TransactionSql): Promise<void> {
    const { scope } = this;
    const n = this.maxConversations;
    await tx`delete from soga_conversations where scope = ${scope} and updated_at < (select updated_at from soga_conversations where scope = ${scope} order by updated_at desc offset ${n - 1} limit 1)`;
    await tx`delete from soga_conversation_messages where scope = ${scope} and created_at < (select created_at from soga_conversation_messages where scope = ${scope} order by created_at desc offset ${n * 4 - 1} limit 1)`;
    await tx`delete from soga_conversation_answers where scope = ${scope} and updated_at < (select updated_at from soga_conversation_answers where scope = ${scope} order by updated_at desc offset ${n - 1} limit 1)`;
    await tx`delete from soga_conversation_threads where scope = ${scope} and created_at < (select created_at from soga_conversation_threads where scope = ${scope} order by created_at desc offset ${n * 4 - 1} limit 1)`;
  }

  private async run<T>(what: string, query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (cause) {
      throw storeUnavailable(`cannot ${what} in PostgreSQL`, cause);
    }
  }
}
