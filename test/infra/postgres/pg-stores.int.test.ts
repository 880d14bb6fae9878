/**
 * The PostgreSQL stores against the behaviour every implementation shares (test/core/contracts), on a
 * real server (test-database.ts), plus what only a shared database can show: a second replica on the
 * same tables sees what the first wrote.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate, openPostgres, type Sql } from '../../../src/infra/postgres/pg-database.js';
import { PgAdminSessions } from '../../../src/infra/postgres/pg-admin-sessions.js';
import { PgConversationMemory } from '../../../src/infra/postgres/pg-conversation-memory.js';
import { PgRateLimiter } from '../../../src/infra/postgres/pg-rate-limiter.js';
import { PgSignInLockout, SIGN_IN_LOCKOUT, signInLockoutMigrations } from '../../../src/infra/postgres/pg-sign-in-lockout.js';
import { LEASES, leaseMigrations, PgLeases } from '../../../src/infra/postgres/pg-leases.js';
import { DOCUMENTS, documentMigrations, PgDocuments } from '../../../src/infra/postgres/pg-documents.js';
import { EMBEDDINGS, embeddingMigrations, PgCachedEmbedder } from '../../../src/infra/postgres/pg-embedding-cache.js';
import { FakeEmbedder } from '../../fakes/fake-embedder.js';
import { SHARED_STATE, sharedStateMigrations } from '../../../src/infra/postgres/shared-state-schema.js';
import { isSogaError } from '../../../src/core/errors.js';
import { describeAdminSessionStore } from '../../core/contracts/admin-session-store.contract.js';
import { describeConversationMemory } from '../../core/contracts/conversation-memory.contract.js';
import { describeRateLimiter } from '../../core/contracts/rate-limiter.contract.js';
import { describeLeaseStore } from '../../core/contracts/lease-store.contract.js';
import { describeBotStateStore } from '../../core/contracts/bot-state-store.contract.js';
import { BOT_STATE, botStateMigrations, PgBotStateStore } from '../../../src/infra/postgres/pg-bot-state.js';
import { describeSignInLockout } from '../../core/contracts/sign-in-lockout.contract.js';
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
    await migrate(a, SIGN_IN_LOCKOUT, signInLockoutMigrations);
    await migrate(a, DOCUMENTS, documentMigrations);
    await migrate(a, EMBEDDINGS, embeddingMigrations);
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
  describeSignInLockout('PostgreSQL', () => ({
    make: async ({ maxFailures, windowMs, now }) => {
      await a`delete from soga_sign_in_failures`;
      return new PgSignInLockout(a, maxFailures, windowMs, now);
    },
    reopen: async ({ maxFailures, windowMs, now }) => new PgSignInLockout(b, maxFailures, windowMs, now),
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

  describe('shared passage vectors', () => {
    const VECTORS = { 'jardin partagé de Villeurbanne': [1, 0, 0], 'atelier vélo solidaire': [0, 1, 0], 'repair café de Lille': [0, 0, 1] };

    it('are embedded by the first replica only; another reads the same vectors', async () => {
      const first = new FakeEmbedder(VECTORS, 'model-one');
      const second = new FakeEmbedder(VECTORS, 'model-one');
      const embedded = (e: FakeEmbedder) => vi.spyOn(e, 'embedPassages');
      const [spyA, spyB] = [embedded(first), embedded(second)];
      const warnings: string[] = [];
      const onA = new PgCachedEmbedder(first, a, (m) => warnings.push(m));
      const onB = new PgCachedEmbedder(second, b, (m) => warnings.push(m));
      const texts = ['jardin partagé de Villeurbanne', 'atelier vélo solidaire', 'jardin partagé de Villeurbanne'];
      const vectorsA = await onA.embedPassages(texts);
      expect(spyA).toHaveBeenCalledWith(['jardin partagé de Villeurbanne', 'atelier vélo solidaire']);
      const vectorsB = await onB.embedPassages([...texts, 'repair café de Lille']);
      // Only the passage A never embedded is embedded on B.
      expect(spyB).toHaveBeenCalledWith(['repair café de Lille']);
      expect(vectorsB.slice(0, 3)).toEqual(vectorsA);
      expect(vectorsB[3]).toEqual(second.vector('repair café de Lille'));
      expect(onB.counts).toEqual({ embedded: 1, cached: 3 });
      expect(warnings).toEqual([]);
    });

    it('are not shared between models', async () => {
      const other = new FakeEmbedder({ 'jardin partagé de Villeurbanne': [0, 1, 1] }, 'model-two');
      const spy = vi.spyOn(other, 'embedPassages');
      const vectors = await new PgCachedEmbedder(other, a, () => undefined).embedPassages(['jardin partagé de Villeurbanne']);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(vectors[0]).toEqual(other.vector('jardin partagé de Villeurbanne'));
    });

    it('are embedded here, with a warning, when PostgreSQL cannot be reached', async () => {
      const closed = await openPostgres(db.url, { maxConnections: 1 });
      await closed.end();
      const model = new FakeEmbedder(VECTORS, 'model-one');
      const warnings: string[] = [];
      const vectors = await new PgCachedEmbedder(model, closed, (m) => warnings.push(m)).embedPassages(['atelier vélo solidaire']);
      expect(vectors[0]).toEqual(model.vector('atelier vélo solidaire'));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/cannot be read from PostgreSQL/);
    });
  });

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
