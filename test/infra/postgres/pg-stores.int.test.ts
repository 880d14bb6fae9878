/**
 * The PostgreSQL stores against the behaviour every implementation shares (test/core/contracts), on a
 * real server (test-database.ts), plus what only a shared database can show: a second replica on the
 * same tables sees what the first wrote.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPostgres, type Sql } from '../../../src/infra/postgres/pg-database.js';
import { PgAdminSessions } from '../../../src/infra/postgres/pg-admin-sessions.js';
import { PgConversationMemory } from '../../../src/infra/postgres/pg-conversation-memory.js';
import { PgRateLimiter } from '../../../src/infra/postgres/pg-rate-limiter.js';
import { LEASES, leaseMigrations, PgLeases } from '../../../src/infra/postgres/pg-leases.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../../../src/infra/postgres/pg-documents.js';
import { SHARED_STATE, sharedStateMigrations } from '../../../src/infra/postgres/shared-state-schema.js';
import { isSogaError } from '../../../src/core/errors.js';
import { describeAdminSessionStore } from '../../core/contracts/admin-session-store.contract.js';
import { describeConversationMemory } from '../../core/contracts/conversation-memory.contract.js';
import { describeRateLimiter } from '../../core/contracts/rate-limiter.contract.js';
import { describeLeaseStore } from '../../core/contracts/lease-store.contract.js';
import { describeBotStateStore } from '../../core/contracts/bot-state-store.contract.js';
import { BOT_STATE, botStateMigrations, PgBotStateStore } from '../../../src/infra/postgres/pg-bot-state.js';
import { describeDocumentStore } from '../../core/contracts/document-store.contract.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from './test-database.js';

if (postgresUnavailable) console.warn(`skipping the PostgreSQL stores: ${postgresUnavailable}`);

describe.skipIf(postgresUnavailable)('PostgreSQL stores', { timeout: 30_000 }, () => {
  let db: TestDatabase;
  /** Two connections, as two replicas would hold. */
  let a: Sql;
  let b: Sql;

  beforeAll(async () => {
    db = await testDatabase();
    a = await openPostgres(db.url, { maxConnections: 4 });
    b = await openPostgres(db.url, { maxConnections: 4 });
    await migrate(a, SHARED_STATE, sharedStateMigrations);
    await migrate(a, LEASES, leaseMigrations);
    await migrate(a, BOT_STATE, botStateMigrations);
    await migrate(a, DOCUMENTS, documentMigrations);
  }, 120_000);

  afterAll(async () => {
    await a?.end();
    await b?.end();
    await db?.close();
  });

  // Each store made gets a scope of its own, so the tests never see each other's keys; `reopen` is the
  // other replica on the latest scope.
  let scope = '';
  const fresh = () => (scope = `t-${randomBytes(4).toString('hex')}`);

  describeAdminSessionStore('PostgreSQL', () => ({
    make: async (ttlMs, now) => new PgAdminSessions(a, ttlMs, now),
    reopen: async (ttlMs, now) => new PgAdminSessions(b, ttlMs, now),
  }));
  describeRateLimiter('PostgreSQL', () => ({
    make: async ({ limit, windowMs, now }) => new PgRateLimiter(a, { scope: fresh(), limit, windowMs, now }),
    reopen: async ({ limit, windowMs, now }) => new PgRateLimiter(b, { scope, limit, windowMs, now }),
  }));
  describeConversationMemory('PostgreSQL', () => ({
    make: async ({ maxTurns }) => new PgConversationMemory(a, { scope: fresh(), maxTurns }),
    reopen: async ({ maxTurns }) => new PgConversationMemory(b, { scope, maxTurns }),
  }));

  describeLeaseStore('PostgreSQL', () => ({
    // The server's clock decides expiry: time really passes.
    make: async () => ({ store: new PgLeases(a), replica: new PgLeases(b), advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }),
    ttlMs: 1_200,
  }));
  describeBotStateStore('PostgreSQL', () => ({
    make: async (limits) => new PgBotStateStore(a, fresh(), limits),
    reopen: async (limits) => new PgBotStateStore(b, scope, limits),
  }));

  describeDocumentStore('PostgreSQL', () => ({
    make: async ({ maxBytes }) => {
      // Each test starts from an empty store and change number 0.
      await a`truncate soga_documents, soga_document_exclusions, soga_document_changes restart identity`;
      return { store: new PgDocuments(a, { maxBytes }), replica: new PgDocuments(b, { maxBytes }) };
    },
  }));

  describe('schema steps', () => {
    it('are applied once, however many replicas start together', async () => {
      const again = await Promise.all([migrate(a, SHARED_STATE, sharedStateMigrations), migrate(b, SHARED_STATE, sharedStateMigrations)]);
      expect(again).toEqual([[], []]);
      const rows = await a<{ version: number }[]>`select version from soga_schema_migrations where component = ${SHARED_STATE}`;
      expect(rows.map((r) => r.version)).toEqual([1]);
    });

    it('never store the session cookie itself', async () => {
      const session = await new PgAdminSessions(a, 60_000).create('Ana');
      const rows = await a`select * from soga_admin_sessions`;
      expect(JSON.stringify(rows)).not.toContain(session.id);
    });
  });

  describe('a server that cannot be reached', () => {
    it('is a STORE_UNAVAILABLE error that says where, without the password', async () => {
      const url = new URL(db.url);
      url.password = 'sekret-pass';
      url.port = '1';
      const error = await openPostgres(url.toString(), { connectTimeoutSeconds: 2 }).catch((e: unknown) => e);
      expect(isSogaError(error, 'STORE_UNAVAILABLE')).toBe(true);
      expect((error as Error).message).toContain('127.0.0.1:1/');
      expect((error as Error).message).not.toContain('sekret-pass');
    });
  });
});
