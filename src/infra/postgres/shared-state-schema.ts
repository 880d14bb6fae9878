/**
 * PostgreSQL schema of the state replicas share: admin sessions, rate-limit windows, conversation
 * memory. Never edit a released step: add one. Times are epoch milliseconds from the application's
 * clock (the same clock the embedded stores use), stored as bigint.
 */
import type { PgMigration } from './pg-database.js';

export const SHARED_STATE = 'shared-state';

export const sharedStateMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'admin sessions, rate-limit hits, conversations',
    sql: `
      -- The cookie's value is never stored: its SHA-256 is, so a copy of the database signs nobody in.
      create table soga_admin_sessions (
        id_digest text primary key,
        user_name text not null,
        csrf text not null,
        expires_at bigint not null
      );
      create index soga_admin_sessions_expiry on soga_admin_sessions (expires_at);

      -- One row per counted request; scope tells the limits apart (discord-user, discord-channel…).
      create table soga_rate_hits (
        id bigserial primary key,
        scope text not null,
        key text not null,
        at bigint not null
      );
      create index soga_rate_hits_window on soga_rate_hits (scope, key, at);

      create table soga_conversations (
        scope text not null,
        key text not null,
        turns jsonb not null,
        updated_at bigint not null,
        primary key (scope, key)
      );
      create index soga_conversations_recent on soga_conversations (scope, updated_at);
      create table soga_conversation_messages (
        scope text not null,
        message_id text not null,
        key text not null,
        created_at bigint not null,
        primary key (scope, message_id)
      );
      create index soga_conversation_messages_recent on soga_conversation_messages (scope, created_at);
      create table soga_conversation_threads (
        scope text not null,
        thread_id text not null,
        created_at bigint not null,
        primary key (scope, thread_id)
      );
      create index soga_conversation_threads_recent on soga_conversation_threads (scope, created_at);
      -- The latest logged answer of each conversation, which a staff member's reply in it follows.
      create table soga_conversation_answers (
        scope text not null,
        key text not null,
        question text not null,
        log_entry_id text not null,
        updated_at bigint not null,
        primary key (scope, key)
      );
      create index soga_conversation_answers_recent on soga_conversation_answers (scope, updated_at);
    `,
  },
];
