/**
 * Two replicas as real processes on one machine (issue 19): `npm start`'s entry, each with its own data
 * dir and web port, sharing one PostgreSQL (SOGA_DATABASE_URL), behind no load balancer (the test is the
 * client that goes to one or the other). What each failure of a replica must not break, in the order of
 * the issue. Skipped with the reason when PostgreSQL is not installed; the Matrix part also needs Synapse.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../adapters/web/web-harness.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../infra/postgres/test-database.js';
import { freePort, ReplicaProcess } from './replica-process.js';
import type { MatrixClient } from 'matrix-bot-sdk';
import { registerUser } from '../../scripts/synapse/register.mjs';
import { loadMatrixSdk } from '../../src/adapters/matrix/load-sdk.js';
import { startSynapse, type Synapse } from '../adapters/matrix/synapse-harness.js';

if (postgresUnavailable) console.warn(`skipping the two-replica test: ${postgresUnavailable}`);
const startedSynapse = postgresUnavailable ? { unavailable: postgresUnavailable } : await startSynapse(18468);
if ('unavailable' in startedSynapse) {
  if (process.env.CI === 'true' && !postgresUnavailable) throw new Error(`CI=true but the Matrix part of the two-replica test cannot run: ${startedSynapse.unavailable}`);
  console.warn(`the two-replica test runs without Matrix: ${startedSynapse.unavailable}`);
}
const synapse: Synapse | undefined = 'unavailable' in startedSynapse ? undefined : startedSynapse;
afterAll(async () => {
  await synapse?.stop();
}, 60_000);

const LEASE_MS = 3_000;
const SYNCS = 'this replica syncs the account';

const PASSWORD = 'replica test horse battery staple';
const TOKEN = 'replica-test-admin-token-0123456789';

/** An article no evaluation set asks about, so the answer can only come from it. */
const ARTICLE = `# Atelier « Données ouvertes » à Clermont-Ferrand

Publié le 14 février 2024.

L'atelier « Données ouvertes pour les associations » de SOGA a eu lieu le 9 février 2024 à Clermont-Ferrand.
Vingt-deux associations du Puy-de-Dôme y ont appris à publier leurs jeux de données.
`;

/** Uploaded during the test through A's admin web. */
const UPLOAD = `# Atelier « Compost partagé » à Besançon

L'atelier « Compost partagé » de SOGA s'est tenu le 3 avril 2025 à Besançon, avec quinze jardins associatifs.
`;

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }): { body: Buffer; type: string } {
  const boundary = `----soga${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** The playground's answer to a question, on one replica, as staff see it. */
async function ask(client: Client, question: string): Promise<string> {
  const res = await client.postForm('/playground', { _csrf: client.csrf, question, locale: 'fr' });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${client.base} answered ${res.status}: ${html.slice(0, 300)}`);
  return html;
}

describe.skipIf(postgresUnavailable)('two replicas sharing PostgreSQL', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let root: string;
  let a: ReplicaProcess;
  let b: ReplicaProcess;
  let matrix: { botId: string; member: MatrixClient } | undefined;

  beforeAll(async () => {
    db = await testDatabase();
    let matrixEnv: Record<string, string> = {};
    if (synapse) {
      const { sdk } = loadMatrixSdk();
      const bot = await registerUser({ baseUrl: synapse.baseUrl, username: 'soga', password: 'soga-pw', displayname: 'SOGA Bot' });
      const member = await registerUser({ baseUrl: synapse.baseUrl, username: 'member', password: 'member-pw' });
      matrix = { botId: bot.user_id, member: new sdk.MatrixClient(synapse.baseUrl, member.access_token, new sdk.MemoryStorageProvider()) };
      matrixEnv = {
        MATRIX_HOMESERVER_URL: synapse.baseUrl,
        MATRIX_ACCESS_TOKEN: bot.access_token,
        MATRIX_INVITE_ALLOWLIST: member.user_id,
        MATRIX_SYNC_LEASE_MS: String(LEASE_MS),
      };
    }
    root = mkdtempSync(join(tmpdir(), 'soga-replicas-'));
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'atelier-clermont.md'), ARTICLE);
    const env = {
      SOGA_DATABASE_URL: db.url,
      SOGA_CORPUS_DIR: corpus,
      SOGA_EMBED_PROVIDER: 'none',
      SOGA_DICTIONARY_DIR: '',
      SOGA_ADMIN_PASSWORD: PASSWORD,
      SOGA_ADMIN_TOKEN: TOKEN,
      // Replicas follow the documents by notification; the poll is only the safety net.
      SOGA_DOCUMENT_SYNC_POLL_MS: '60000',
      SOGA_LOG_HMAC_KEY: 'replica-test-hmac-key-0123456789',
      SOGA_LOG_LEVEL: 'info',
      ...matrixEnv,
    };
    a = new ReplicaProcess({ name: 'A', dataDir: join(root, 'a'), port: await freePort(), env });
    b = new ReplicaProcess({ name: 'B', dataDir: join(root, 'b'), port: await freePort(), env });
    // Started together: the schema steps run once, under their advisory lock.
    await Promise.all([a.start(), b.start()]);
  }, 240_000);

  afterAll(async () => {
    await a?.kill();
    await b?.kill();
    await db?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('answers from the same articles on both replicas', async () => {
    for (const replica of [a, b]) {
      const client = new Client(replica.url);
      expect((await client.signIn(PASSWORD)).status).toBe(303);
      const html = await ask(client, "Quand a eu lieu l'atelier Données ouvertes à Clermont-Ferrand ?");
      expect(html).toContain('9 février 2024');
    }
  });

  it('answers on B, within seconds, from a document uploaded through A’s admin web; once B deletes it, A no longer cites it', async () => {
    const onA = new Client(a.url);
    const onB = new Client(b.url);
    await onA.signIn(PASSWORD);
    await onB.signIn(PASSWORD);
    const question = 'Quand a eu lieu l’atelier Compost partagé à Besançon ?';
    expect(await ask(onB, question)).not.toContain('3 avril 2025');
    const { body, type } = multipart({ _csrf: onA.csrf }, { name: 'compost-besancon.md', type: 'text/markdown', data: Buffer.from(UPLOAD) });
    const uploadedAt = Date.now();
    expect((await onA.fetch('/documents', { method: 'POST', body, headers: { 'content-type': type } })).status).toBe(303);
    await until('B to answer from the upload', async () => ((await ask(onB, question)).includes('3 avril 2025') ? true : undefined), 30_000);
    const seconds = (Date.now() - uploadedAt) / 1000;
    console.info(`two replicas: B answered from A's upload ${seconds.toFixed(1)} s after it was sent`);
    expect(seconds).toBeLessThan(20);

    const documents = (await (await onB.fetch('/api/documents')).json()) as { id: string; title: string }[];
    const uploaded = documents.find((d) => d.title.includes('Compost partagé'));
    expect(uploaded).toBeDefined();
    expect((await onB.postForm(`/documents/${encodeURIComponent(uploaded!.id)}/delete`, { _csrf: onB.csrf })).status).toBe(303);
    await until('A to stop citing it', async () => ((await ask(onA, question)).includes('3 avril 2025') ? undefined : true), 30_000);
    expect(await ask(onB, question)).not.toContain('3 avril 2025');
  });

  it('keeps an admin session across a restart of the replica that made it, and on the other replica', async () => {
    const staff = new Client(a.url);
    expect((await staff.signIn(PASSWORD)).status).toBe(303);
    await a.stop();
    await a.start();
    expect((await staff.fetch('/playground')).status).toBe(200);
    // The same cookie behind a load balancer that sends it to B.
    const onB = new Client(b.url);
    onB.cookies = new Map(staff.cookies);
    expect((await onB.fetch('/playground')).status).toBe(200);
    // Signing out on B ends it on A too.
    await onB.refreshCsrf();
    expect((await onB.postForm('/sign-out', { _csrf: onB.csrf })).status).toBe(303);
    expect((await staff.fetch('/playground')).status).toBe(303);
  });

  it('keeps answering on B when A is killed in the middle of questions', async () => {
    const onA = new Client(a.url);
    const onB = new Client(b.url);
    await onA.signIn(PASSWORD);
    await onB.signIn(PASSWORD);
    const question = "Combien d'associations ont participé à l'atelier Données ouvertes ?";
    // Questions in flight on A when it dies: each either got its answer or failed with the connection.
    const inFlight = Array.from({ length: 6 }, () =>
      ask(onA, question).then(
        (html) => ({ ok: true, html }),
        (error: unknown) => ({ ok: false, html: String(error) }),
      ),
    );
    await new Promise((r) => setTimeout(r, 150));
    await a.kill();
    const outcomes = await Promise.all(inFlight);
    for (const o of outcomes.filter((o) => o.ok)) expect(o.html).toContain('Vingt-deux associations');
    // What a load balancer does next: the same questions to B, which answers every one.
    for (let i = 0; i < 6; i++) expect(await ask(onB, question)).toContain('Vingt-deux associations');
    await a.start();
  });

  it('holds every exchange in one answer log exactly once, whichever replica answered it', async () => {
    const clients = [new Client(a.url), new Client(b.url)];
    for (const c of clients) await c.signIn(PASSWORD);
    const marker = `q${Date.now().toString(36)}`;
    const questions = Array.from({ length: 8 }, (_, i) => `Combien d'associations à l'atelier Données ouvertes ? (${marker} ${i})`);
    await Promise.all(questions.map((q, i) => ask(clients[i % 2], q)));
    for (const replica of [a, b]) {
      const res = await fetch(`${replica.url}/api/entries?pageSize=200&q=${marker}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const page = (await res.json()) as { items: { question: string }[] };
      const ours = page.items.map((e) => e.question).filter((q) => q.includes(marker));
      expect(ours.sort()).toEqual([...questions].sort());
    }
  });

  it.runIf(synapse)('moves the Matrix sync to the other replica when its holder is killed, which answers what is asked next', async () => {
    const { botId, member } = matrix!;
    const holderOf = () => [a, b].find((r) => r.output.includes(SYNCS) && !r.output.includes('lost the lease'));
    const holder = await until('a replica to sync the Matrix account', () => holderOf());
    const other = holder === a ? b : a;
    const roomId = await member.createRoom({ invite: [botId], preset: 'private_chat' });
    await until('the bot to join', async () => ((await member.getJoinedRoomMembers(roomId)).includes(botId) ? true : undefined));
    const first = await member.sendMessage(roomId, { msgtype: 'm.text', body: "!ask Quand a eu lieu l'atelier Données ouvertes à Clermont-Ferrand ?" });
    expect((await until('the holder to answer', () => replyTo(member, roomId, botId, first))).content.body).toContain('9 février 2024');

    await holder.kill();
    const killedAt = Date.now();
    await until('the other replica to take the Matrix sync over', () => (other.output.includes(SYNCS) ? true : undefined), 6 * LEASE_MS);
    // The lease expires at most LEASE_MS after the last renewal; the other tries every third of it, then starts its sync.
    expect(Date.now() - killedAt).toBeLessThan(LEASE_MS + LEASE_MS / 3 + 5_000);
    const second = await member.sendMessage(roomId, { msgtype: 'm.text', body: "!ask Combien d'associations ont participé à l'atelier Données ouvertes ?" });
    expect((await until('the other replica to answer', () => replyTo(member, roomId, botId, second))).content.body).toContain('Vingt-deux associations');
    // It resumed from the stored sync token and handled events: the first question is not answered twice.
    expect(await repliesTo(member, roomId, botId, first)).toHaveLength(1);
    await holder.start();
  });
});

interface MatrixEvent {
  event_id: string;
  sender: string;
  type: string;
  content: Record<string, any>;
}

async function repliesTo(client: MatrixClient, roomId: string, botId: string, eventId: string): Promise<MatrixEvent[]> {
  const res = await client.doRequest('GET', `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages`, { dir: 'b', limit: 200 });
  return (res.chunk as MatrixEvent[]).filter((e) => e.sender === botId && e.type === 'm.room.message' && e.content['m.relates_to']?.['m.in_reply_to']?.event_id === eventId);
}

async function replyTo(client: MatrixClient, roomId: string, botId: string, eventId: string): Promise<MatrixEvent | undefined> {
  return (await repliesTo(client, roomId, botId, eventId))[0];
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
