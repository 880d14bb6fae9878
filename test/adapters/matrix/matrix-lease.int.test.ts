/**
 * Two Matrix bots for one account, as two replicas would run them, sharing PostgreSQL (state and lease)
 * against a real Synapse: only the lease holder syncs and answers; when it stops renewing, the other
 * takes the account over within the lease duration, resumes from the stored sync token and answers.
 * Skipped with a printed reason when Synapse or PostgreSQL cannot run here; under CI=true both must.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixClient } from 'matrix-bot-sdk';
import { registerUser } from '../../../scripts/synapse/register.mjs';
import { parseConfig } from '../../../src/config/load.js';
import { Messages } from '../../../src/core/i18n.js';
import type { LeaseStore } from '../../../src/core/lease.js';
import { startMatrix, type MatrixBotHandle } from '../../../src/adapters/matrix/index.js';
import { loadMatrixSdk } from '../../../src/adapters/matrix/load-sdk.js';
import { migrate, openPostgres, type Sql } from '../../../src/infra/postgres/pg-database.js';
import { BOT_STATE, botStateMigrations, PgBotStateStore } from '../../../src/infra/postgres/pg-bot-state.js';
import { LEASES, leaseMigrations, PgLeases } from '../../../src/infra/postgres/pg-leases.js';
import { FakeAnswerLog } from '../../fakes/fake-answer-log.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import { postgresUnavailable, testDatabase, type TestDatabase } from '../../infra/postgres/test-database.js';
import { startSynapse, type Synapse } from './synapse-harness.js';

const started = postgresUnavailable ? { unavailable: postgresUnavailable } : await startSynapse(18458);
if ('unavailable' in started) {
  if (process.env.CI === 'true') throw new Error(`CI=true but the Matrix lease test cannot run: ${started.unavailable}`);
  console.warn(`skipping the Matrix lease test: ${started.unavailable}`);
}
const synapse: Synapse | undefined = 'unavailable' in started ? undefined : started;
afterAll(async () => {
  await synapse?.stop();
}, 60_000);

const LEASE_MS = 3_000;
const sdk = loadMatrixSdk().sdk;

/** The replica's view of the shared lease table, which can be cut off as a dying replica's would be. */
class SeveredLeases implements LeaseStore {
  severed = false;
  constructor(private readonly inner: LeaseStore) {}
  private check() {
    if (this.severed) return Promise.reject(new Error('connection to PostgreSQL lost'));
    return undefined;
  }
  acquire: LeaseStore['acquire'] = (...args) => this.check() ?? this.inner.acquire(...args);
  renew: LeaseStore['renew'] = (...args) => this.check() ?? this.inner.renew(...args);
  release: LeaseStore['release'] = (...args) => this.check() ?? this.inner.release(...args);
  holder: LeaseStore['holder'] = (name) => this.inner.holder(name);
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Event {
  event_id: string;
  sender: string;
  type: string;
  content: Record<string, any>;
}

async function repliesTo(client: MatrixClient, roomId: string, botId: string, eventId: string): Promise<Event[]> {
  const res = await client.doRequest('GET', `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages`, { dir: 'b', limit: 200 });
  return (res.chunk as Event[]).filter((e) => e.sender === botId && e.type === 'm.room.message' && e.content['m.relates_to']?.['m.in_reply_to']?.event_id === eventId);
}

describe.skipIf(!synapse)('the Matrix sync across two replicas', { timeout: 60_000 }, () => {
  const baseUrl = synapse?.baseUrl ?? '';
  let db: TestDatabase;
  const connections: Sql[] = [];
  const dirs: string[] = [];
  const handles: MatrixBotHandle[] = [];
  let bot: { id: string; token: string };
  let member: { id: string; client: MatrixClient };
  let roomId: string;

  /** One replica: its own data dir, database connection, holder id and engine (to tell who answered). */
  async function replica(name: string) {
    const sql = await openPostgres(db.url, { maxConnections: 4 });
    connections.push(sql);
    const dir = mkdtempSync(join(tmpdir(), `soga-matrix-${name}-`));
    dirs.push(dir);
    const assistant = new FakeAssistant((question) => makeAnswer({ question, language: 'en', outcome: 'answered', text: `${name} answers: ${question}` }));
    const leases = new SeveredLeases(new PgLeases(sql));
    const handle = await startMatrix({
      config: parseConfig({
        SOGA_DATA_DIR: dir,
        SOGA_LOG_LEVEL: 'warn',
        MATRIX_HOMESERVER_URL: baseUrl,
        MATRIX_ACCESS_TOKEN: bot.token,
        MATRIX_INVITE_ALLOWLIST: member.id,
        MATRIX_SYNC_LEASE_MS: String(LEASE_MS),
      }),
      assistant,
      corpus: new FakeCorpus(),
      feedback: new FakeAnswerLog(),
      messages: new Messages({ en }),
      write: () => {},
      openState: ({ userId }) => new PgBotStateStore(sql, userId),
      lease: { store: leases, holder: `replica-${name}` },
    });
    handles.push(handle);
    return { handle, assistant, leases };
  }

  let a: Awaited<ReturnType<typeof replica>>;
  let b: Awaited<ReturnType<typeof replica>>;

  beforeAll(async () => {
    db = await testDatabase();
    const setup = await openPostgres(db.url, { maxConnections: 1 });
    await migrate(setup, BOT_STATE, botStateMigrations);
    await migrate(setup, LEASES, leaseMigrations);
    await setup.end();
    const registered = await registerUser({ baseUrl, username: 'soga', password: 'soga-pw', displayname: 'SOGA Bot' });
    bot = { id: registered.user_id, token: registered.access_token };
    const m = await registerUser({ baseUrl, username: 'member', password: 'member-pw' });
    member = { id: m.user_id, client: new sdk.MatrixClient(baseUrl, m.access_token, new sdk.MemoryStorageProvider()) };
  }, 120_000);

  afterAll(async () => {
    for (const handle of handles) await handle.stop().catch(() => {});
    for (const sql of connections) await sql.end();
    await db?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('syncs on the replica that took the lease first; the other stands by', async () => {
    a = await replica('A');
    b = await replica('B');
    expect(a.handle.syncing()).toBe(true);
    expect(b.handle.syncing()).toBe(false);
  });

  it('answers each question once, from the holder', async () => {
    roomId = await member.client.createRoom({ invite: [bot.id], preset: 'private_chat' });
    await until('the bot to join', async () => ((await member.client.getJoinedRoomMembers(roomId)).includes(bot.id) ? true : undefined));
    const question = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask When is the forum?' });
    const [reply] = await until('A to answer', async () => {
      const replies = await repliesTo(member.client, roomId, bot.id, question);
      return replies.length ? replies : undefined;
    });
    expect(reply.content.body).toContain('A answers: When is the forum?');
    expect(b.assistant.calls).toHaveLength(0);
  });

  it('moves the sync to the other replica within the lease duration once the holder stops renewing, which answers what is asked next, once', async () => {
    a.leases.severed = true;
    const cutAt = Date.now();
    await until('B to take the account over', () => (b.handle.syncing() ? true : undefined), 6 * LEASE_MS);
    // A lease the holder stops renewing expires at most LEASE_MS after the cut; B tries every third of it, then starts its
    // sync session (a few requests to Synapse, slower on a loaded machine).
    expect(Date.now() - cutAt).toBeLessThan(LEASE_MS + LEASE_MS / 3 + 3_000);
    await until('A to stop syncing', () => (a.handle.syncing() ? undefined : true), 2 * LEASE_MS);

    const question = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask Where is the forum?' });
    const [reply] = await until('B to answer', async () => {
      const replies = await repliesTo(member.client, roomId, bot.id, question);
      return replies.length ? replies : undefined;
    });
    expect(reply.content.body).toContain('B answers: Where is the forum?');
    // B resumed from A's sync token and handled ids: the first question was not answered again.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(b.assistant.calls.map((c) => c.question)).toEqual(['Where is the forum?']);
    expect(a.assistant.calls.map((c) => c.question)).toEqual(['When is the forum?']);
  });

  it('hands the sync over at once when its holder stops cleanly (it releases the lease after its last write)', async () => {
    a.leases.severed = false;
    const stoppedAt = Date.now();
    await b.handle.stop();
    await until('A to take the account back', () => (a.handle.syncing() ? true : undefined), 3 * LEASE_MS);
    // No waiting for expiry: A takes it at its next try (every third of the duration).
    expect(Date.now() - stoppedAt).toBeLessThan(LEASE_MS);
    const question = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask Who organises the forum?' });
    const [reply] = await until('A to answer', async () => {
      const replies = await repliesTo(member.client, roomId, bot.id, question);
      return replies.length ? replies : undefined;
    });
    expect(reply.content.body).toContain('A answers: Who organises the forum?');
  });
});
