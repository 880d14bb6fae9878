/**
 * The chat bot's state (src/core/bot-state.ts) in PostgreSQL, one account per store: the replica that
 * takes over a Matrix account's sync (its lease) starts from what the previous holder stored, the sync
 * token included, and answers the events it left pending. Order (pending events, the oldest handled
 * ids, the least recently answered threads) follows one sequence; the newest of each are kept, swept
 * now and then rather than on every write.
 */
import type { JSONValue } from 'postgres';
import { BOT_STATE_LIMITS, type BotStateSnapshot, type BotStateStore, type BotThread, type PendingEvent } from '../../core/bot-state.js';
import type { ChatTurn } from '../../core/types.js';
import { storeUnavailable, type PgMigration, type Sql } from './pg-database.js';

export const BOT_STATE = 'bot-state';

export const botStateMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'chat bot state: events, answers, threads, room languages, client values',
    sql: `
      create sequence soga_bot_state_order;
      -- A pending event keeps its body (to answer it after a crash); a handled one only its id.
      create table soga_bot_events (
        account text not null,
        event_id text not null,
        room_id text,
        event jsonb,
        handled boolean not null default false,
        ord bigint not null default nextval('soga_bot_state_order'),
        primary key (account, event_id)
      );
      create index soga_bot_events_order on soga_bot_events (account, handled, ord);
      create table soga_bot_answers (
        account text not null,
        answer_event_id text not null,
        room_id text not null,
        log_id text not null,
        ord bigint not null default nextval('soga_bot_state_order'),
        primary key (account, answer_event_id)
      );
      create index soga_bot_answers_order on soga_bot_answers (account, ord);
      create table soga_bot_threads (
        account text not null,
        root_event_id text not null,
        room_id text not null,
        turns jsonb not null,
        last_answer jsonb,
        ord bigint not null default nextval('soga_bot_state_order'),
        primary key (account, root_event_id)
      );
      create index soga_bot_threads_order on soga_bot_threads (account, ord);
      create table soga_bot_rooms (
        account text not null,
        room_id text not null,
        language text not null,
        primary key (account, room_id)
      );
      create table soga_bot_values (
        account text not null,
        key text not null,
        value text not null,
        primary key (account, key)
      );
    `,
  },
];

const SWEEP_EVERY = 500;

export class PgBotStateStore implements BotStateStore {
  private writes = 0;
  private readonly limits: typeof BOT_STATE_LIMITS;

  /** `account`: the bot's user id (one state per account, whichever replica runs it). `limits`: smaller ones for tests. */
  constructor(
    private readonly sql: Sql,
    private readonly account: string,
    limits: Partial<typeof BOT_STATE_LIMITS> = {},
  ) {
    this.limits = { ...BOT_STATE_LIMITS, ...limits };
  }

  async load(): Promise<BotStateSnapshot> {
    const { sql, account } = this;
    await this.sweep();
    return this.run('read the bot state', async () => {
      const events = await sql<{ event_id: string; room_id: string | null; event: PendingEvent['event'] | null; handled: boolean }[]>`
        select event_id, room_id, event, handled from soga_bot_events where account = ${account} order by ord`;
      const answers = await sql<{ answer_event_id: string; room_id: string; log_id: string }[]>`
        select answer_event_id, room_id, log_id from soga_bot_answers where account = ${account} order by ord`;
      const threads = await sql<{ root_event_id: string; room_id: string; turns: ChatTurn[]; last_answer: BotThread['lastAnswer'] | null }[]>`
        select root_event_id, room_id, turns, last_answer from soga_bot_threads where account = ${account} order by ord`;
      const rooms = await sql<{ room_id: string; language: string }[]>`select room_id, language from soga_bot_rooms where account = ${account}`;
      return {
        handled: events.filter((e) => e.handled).map((e) => e.event_id),
        pending: events.filter((e) => !e.handled && e.event).map((e) => ({ roomId: e.room_id!, event: e.event! })),
        answers: Object.fromEntries(answers.map((a) => [a.answer_event_id, { logId: a.log_id, roomId: a.room_id }])),
        threads: Object.fromEntries(threads.map((t) => [t.root_event_id, t.last_answer ? { roomId: t.room_id, turns: t.turns, lastAnswer: t.last_answer } : { roomId: t.room_id, turns: t.turns }])),
        roomLanguage: Object.fromEntries(rooms.map((r) => [r.room_id, r.language])),
      };
    });
  }

  async addPending({ roomId, event }: PendingEvent): Promise<void> {
    await this.run(
      'store a pending event',
      () => this.sql`insert into soga_bot_events (account, event_id, room_id, event) values (${this.account}, ${event.event_id}, ${roomId}, ${this.sql.json(event as unknown as JSONValue)})
        on conflict (account, event_id) do nothing`,
    );
  }

  async markHandled(eventId: string, remember: boolean): Promise<void> {
    const { sql, account } = this;
    await this.run('mark an event handled', () =>
      remember
        ? sql`insert into soga_bot_events (account, event_id, handled) values (${account}, ${eventId}, true)
            on conflict (account, event_id) do update set handled = true, event = null, room_id = null`
        : sql`delete from soga_bot_events where account = ${account} and event_id = ${eventId} and not handled`,
    );
    await this.wrote();
  }

  async recordAnswer(answerEventId: string, roomId: string, logId: string): Promise<void> {
    await this.run(
      'link an answer to its log entry',
      () => this.sql`insert into soga_bot_answers (account, answer_event_id, room_id, log_id) values (${this.account}, ${answerEventId}, ${roomId}, ${logId})
        on conflict (account, answer_event_id) do update set room_id = excluded.room_id, log_id = excluded.log_id`,
    );
    await this.wrote();
  }

  async saveThread(rootEventId: string, thread: BotThread): Promise<void> {
    const { sql, account } = this;
    const turns = sql.json(thread.turns.slice(-this.limits.turnsPerThread) as unknown as JSONValue);
    const lastAnswer = thread.lastAnswer ? sql.json(thread.lastAnswer) : null;
    await this.run(
      'store a thread',
      () => sql`insert into soga_bot_threads (account, root_event_id, room_id, turns, last_answer) values (${account}, ${rootEventId}, ${thread.roomId}, ${turns}, ${lastAnswer})
        on conflict (account, root_event_id) do update set room_id = excluded.room_id, turns = excluded.turns, last_answer = excluded.last_answer, ord = nextval('soga_bot_state_order')`,
    );
    await this.wrote();
  }

  async setRoomLanguage(roomId: string, language: string): Promise<void> {
    await this.run(
      'store a room language',
      () => this.sql`insert into soga_bot_rooms (account, room_id, language) values (${this.account}, ${roomId}, ${language})
        on conflict (account, room_id) do update set language = excluded.language`,
    );
  }

  async readValue(key: string): Promise<string | undefined> {
    const rows = await this.run('read a client value', () => this.sql<{ value: string }[]>`select value from soga_bot_values where account = ${this.account} and key = ${key}`);
    return rows[0]?.value;
  }

  async storeValue(key: string, value: string): Promise<void> {
    await this.run(
      'store a client value',
      () => this.sql`insert into soga_bot_values (account, key, value) values (${this.account}, ${key}, ${value})
        on conflict (account, key) do update set value = excluded.value`,
    );
  }

  private async wrote(): Promise<void> {
    if (++this.writes % SWEEP_EVERY === 0) await this.sweep();
  }

  /** Drops all but the newest handled ids, answer links and threads (the limits of the embedded file). */
  private async sweep(): Promise<void> {
    const { sql, account } = this;
    await this.run('trim the bot state', async () => {
      await sql`delete from soga_bot_events where account = ${account} and handled and ord < coalesce(
        (select ord from soga_bot_events where account = ${account} and handled order by ord desc offset ${this.limits.handled - 1} limit 1), 0)`;
      await sql`delete from soga_bot_answers where account = ${account} and ord < coalesce(
        (select ord from soga_bot_answers where account = ${account} order by ord desc offset ${this.limits.answers - 1} limit 1), 0)`;
      await sql`delete from soga_bot_threads where account = ${account} and ord < coalesce(
        (select ord from soga_bot_threads where account = ${account} order by ord desc offset ${this.limits.threads - 1} limit 1), 0)`;
    });
  }

  private async run<T>(what: string, query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (cause) {
      throw storeUnavailable(`cannot ${what} in PostgreSQL`, cause);
    }
  }
}
