/**
 * The state a replica may share with others: uploaded documents, admin sessions, the sign-in lockout,
 * rate limits, conversation memory, leases. Main
 * picks the implementation once: in this process's memory by default, in PostgreSQL when
 * SOGA_DATABASE_URL is set (issue 19: several replicas behind one database).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/load.js';
import type { AdminSessionStore } from '../core/admin-sessions.js';
import type { DiscordState } from '../adapters/discord/index.js';
import type { LeaseStore } from '../core/lease.js';
import type { SignInLockout } from '../core/sign-in-lockout.js';
import type { DocumentStore } from '../core/document-store.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../infra/postgres/pg-documents.js';
import { folderDocuments, sharedEmbeddings, type SharedDocuments } from './documents.js';
import { EMBEDDINGS, embeddingMigrations } from '../infra/postgres/pg-embedding-cache.js';
import { MAX_HISTORY_TURNS } from '../adapters/discord/conversation.js';
import { MemoryLeases } from '../infra/memory/memory-leases.js';
import { MemoryAdminSessions } from '../infra/memory/memory-admin-sessions.js';
import { MemoryConversationMemory } from '../infra/memory/memory-conversation-memory.js';
import { MemoryRateLimiter } from '../infra/memory/memory-rate-limiter.js';
import { MemorySignInLockout } from '../infra/memory/memory-sign-in-lockout.js';
import { PgAdminSessions } from '../infra/postgres/pg-admin-sessions.js';
import { PgConversationMemory } from '../infra/postgres/pg-conversation-memory.js';
import { migrate, openPostgres, type Sql } from '../infra/postgres/pg-database.js';
import { PgRateLimiter } from '../infra/postgres/pg-rate-limiter.js';
import { PgSignInLockout, SIGN_IN_LOCKOUT, signInLockoutMigrations } from '../infra/postgres/pg-sign-in-lockout.js';
import { LEASES, leaseMigrations, PgLeases } from '../infra/postgres/pg-leases.js';
import { SHARED_STATE, sharedStateMigrations } from '../infra/postgres/shared-state-schema.js';
import type { BotStateStore } from '../core/bot-state.js';
import { FileBotStateStore } from '../infra/bot-state-file.js';
import { BOT_STATE, botStateMigrations, PgBotStateStore } from '../infra/postgres/pg-bot-state.js';
import { join } from 'node:path';

const MINUTE = 60_000;

function replicaName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface SharedState {
  /** Where it lives, for the start-up log. */
  kind: 'memory' | 'postgresql';
  adminSessions: AdminSessionStore;
  /** Failed admin sign-ins per address. */
  signInLockout: SignInLockout;
  discord: DiscordState;
  /** Jobs one replica at a time runs (the Matrix sync loop, ingest steps): see core/lease.ts and LeaseKeeper. */
  leases: LeaseStore;
  /** The Matrix bot's state for its account (handled events, threads, sync token); `dir` is the account's folder. */
  matrixState(account: { userId: string; dir: string }): BotStateStore;
  /** This replica's name in the leases: host, process and a random part (unique even across restarts with the same pid). */
  holder: string;
  /** Staff uploads: files under the corpus folder, or in PostgreSQL (each replica's index follows them). */
  documents: DocumentStore;
  shareEmbeddings: SharedDocuments['shareEmbeddings'];
  close(): Promise<void>;
}

/** Everything in this process's memory: a restart signs staff out and forgets the conversations. */
export function embeddedSharedState(config: Config): SharedState {
  return {
    kind: 'memory',
    adminSessions: new MemoryAdminSessions(config.SOGA_WEB_SESSION_HOURS * 3600 * 1000),
    signInLockout: new MemorySignInLockout(),
    discord: {
      memory: new MemoryConversationMemory({ maxTurns: MAX_HISTORY_TURNS }),
      userLimiter: new MemoryRateLimiter(config.DISCORD_RATE_LIMIT_USER_PER_MIN, MINUTE),
      channelLimiter: new MemoryRateLimiter(config.DISCORD_RATE_LIMIT_CHANNEL_PER_MIN, MINUTE),
    },
    leases: new MemoryLeases(),
    matrixState: ({ dir }) => new FileBotStateStore(join(dir, 'state.json'), { legacySyncFile: join(dir, 'sync.json') }),
    holder: replicaName(),
    documents: folderDocuments(config),
    shareEmbeddings: (e) => e,
    close: async () => {},
  };
}

/** With SOGA_DATABASE_URL: connects, brings the schema up to date, and shares everything through PostgreSQL. */
export async function openSharedState(config: Config): Promise<SharedState> {
  if (!config.SOGA_DATABASE_URL) return embeddedSharedState(config);
  const sql = await openPostgres(config.SOGA_DATABASE_URL);
  try {
    await migrate(sql, SHARED_STATE, sharedStateMigrations);
    await migrate(sql, LEASES, leaseMigrations);
    await migrate(sql, BOT_STATE, botStateMigrations);
    await migrate(sql, SIGN_IN_LOCKOUT, signInLockoutMigrations);
    await migrate(sql, DOCUMENTS, documentMigrations);
    await migrate(sql, EMBEDDINGS, embeddingMigrations);
  } catch (error) {
    await sql.end({ timeout: 5 });
    throw error;
  }
  return postgresSharedState(config, sql);
}

/** The PostgreSQL stores on an open connection whose schema is up to date (shared state and bot state; also what the tests build). */
export function postgresSharedState(config: Config, sql: Sql): SharedState {
  return {
    kind: 'postgresql',
    adminSessions: new PgAdminSessions(sql, config.SOGA_WEB_SESSION_HOURS * 3600 * 1000),
    signInLockout: new PgSignInLockout(sql),
    discord: {
      memory: new PgConversationMemory(sql, { scope: 'discord', maxTurns: MAX_HISTORY_TURNS }),
      userLimiter: new PgRateLimiter(sql, { scope: 'discord-user', limit: config.DISCORD_RATE_LIMIT_USER_PER_MIN, windowMs: MINUTE }),
      channelLimiter: new PgRateLimiter(sql, { scope: 'discord-channel', limit: config.DISCORD_RATE_LIMIT_CHANNEL_PER_MIN, windowMs: MINUTE }),
    },
    leases: new PgLeases(sql),
    matrixState: ({ userId }) => new PgBotStateStore(sql, userId),
    holder: replicaName(),
    documents: new PgDocuments(sql, { maxBytes: config.SOGA_MAX_FILE_BYTES }),
    shareEmbeddings: sharedEmbeddings(sql),
    close: () => sql.end({ timeout: 5 }),
  };
}
