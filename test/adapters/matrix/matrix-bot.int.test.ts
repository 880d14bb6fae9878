/**
 * The real Matrix bot against a real Synapse (scripts/synapse), driven by real Matrix users.
 * Skipped with a printed reason when Synapse cannot be installed here; under CI=true it must run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../../src/main/runtime.js';
import type { MatrixClient } from 'matrix-bot-sdk';
import { registerUser } from '../../../scripts/synapse/register.mjs';
import { parseConfig } from '../../../src/config/load.js';
import { Messages } from '../../../src/core/i18n.js';
import type { AskContext } from '../../../src/core/types.js';
import { startMatrix, type MatrixBotHandle } from '../../../src/adapters/matrix/index.js';
import { loadMatrixSdk } from '../../../src/adapters/matrix/load-sdk.js';
import { FakeProposalSink } from '../../fakes/fake-proposal-sink.js';
import { FakeAnswerLog } from '../../fakes/fake-answer-log.js';
import { recordingAssistant } from '../../../src/core/recording-assistant.js';
import { FakeAssistant, answerFromCorpus, makeAnswer } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import { FileBotStateStore } from '../../../src/infra/bot-state-file.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };
import { startSynapse, type Synapse } from './synapse-harness.js';

const PORT = 18448;
const started = await startSynapse(PORT);
if ('unavailable' in started) {
  if (process.env.CI === 'true') throw new Error(`CI=true but the Matrix integration test cannot run: ${started.unavailable}`);
  console.warn(`skipping the Matrix integration test: ${started.unavailable}`);
}
const synapse: Synapse | undefined = 'unavailable' in started ? undefined : started;
afterAll(async () => {
  await synapse?.stop();
}, 60_000);

interface Event {
  event_id: string;
  type: string;
  sender: string;
  content: Record<string, any>;
}

const messages = new Messages({ en, fr });
const sdk = loadMatrixSdk().sdk;

/** The scripted engine: French or English by a word list, an `@room` answer on demand, else the corpus. */
function scriptedAnswers(corpus: FakeCorpus) {
  const fromCorpus = answerFromCorpus(corpus);
  return (question: string, context: AskContext) => {
    const french = /\b(quand|quel|quelle|est|le|la|les|du|forum)\b/i.test(question) && !/\bthe\b/i.test(question);
    const language = french ? 'fr' : 'en';
    if (/forum|hackathon/i.test(question)) {
      const citation = {
        n: 1,
        chunkId: 'forum#0',
        docId: 'forum',
        title: french ? 'Forum SOGA 2025' : 'SOGA Forum 2025',
        source: 'corpus/forum.md',
        quote: french ? 'Le forum se tient le 25 novembre 2025 à Bruxelles.' : 'The forum takes place on 25 November 2025 in Brussels.',
        date: '2025-11-25',
        lang: language,
        score: 0.9,
      };
      const followUp = (context.history?.length ?? 0) > 0;
      return makeAnswer({
        question,
        language,
        outcome: 'answered',
        mode: 'extractive',
        grounded: true,
        citations: [citation],
        text: followUp ? 'It is in Brussels [1].' : french ? 'Le forum a lieu le 25 novembre 2025 [1].' : 'The forum is on 25 November 2025 [1].',
      });
    }
    if (/everyone/i.test(question)) {
      return makeAnswer({ question, language, outcome: 'answered', mode: 'generative', grounded: true, text: 'Tell @room and @ROOM about it.' });
    }
    return fromCorpus(question, { ...context, locale: language });
  };
}

async function user(name: string, baseUrl: string): Promise<{ id: string; client: MatrixClient }> {
  const u = await registerUser({ baseUrl, username: name, password: `${name}-pw`, displayname: name === 'soga' ? 'SOGA Bot' : name });
  return { id: u.user_id, client: new sdk.MatrixClient(baseUrl, u.access_token, new sdk.MemoryStorageProvider()) };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function timeline(client: MatrixClient, roomId: string): Promise<Event[]> {
  const res = await client.doRequest('GET', `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages`, { dir: 'b', limit: 200 });
  return (res.chunk as Event[]).reverse();
}

/** The bot's replies to an event (the thread fallback's m.in_reply_to points at the question). */
async function repliesTo(client: MatrixClient, roomId: string, botId: string, eventId: string): Promise<Event[]> {
  return (await timeline(client, roomId)).filter((e) => e.sender === botId && e.type === 'm.room.message' && e.content['m.relates_to']?.['m.in_reply_to']?.event_id === eventId);
}

async function waitForReply(client: MatrixClient, roomId: string, botId: string, eventId: string): Promise<Event> {
  return until(`the bot's reply to ${eventId}`, async () => (await repliesTo(client, roomId, botId, eventId))[0]);
}

async function membership(client: MatrixClient, roomId: string, userId: string): Promise<string | undefined> {
  try {
    return (await client.getRoomStateEvent(roomId, 'm.room.member', userId)).membership;
  } catch {
    return undefined; // no member event yet
  }
}

describe.skipIf(!synapse)('Matrix bot on a real Synapse', { timeout: 30_000 }, () => {
  const baseUrl = synapse?.baseUrl ?? '';
  const dataDir = mkdtempSync(join(tmpdir(), 'soga-matrix-'));
  const corpus = new FakeCorpus();
  const assistant = new FakeAssistant(scriptedAnswers(corpus));
  const answerLog = new FakeAnswerLog();
  const proposals = new FakeProposalSink();
  let bot: { id: string; token: string };
  let member: { id: string; client: MatrixClient };
  let staff: { id: string; client: MatrixClient };
  let stranger: { id: string; client: MatrixClient };
  let handle: MatrixBotHandle | undefined;
  let roomId: string;
  const start = () =>
    startMatrix({
      config: parseConfig({
        SOGA_DATA_DIR: dataDir,
        SOGA_LOG_LEVEL: 'warn',
        MATRIX_HOMESERVER_URL: baseUrl,
        MATRIX_ACCESS_TOKEN: bot.token,
        MATRIX_INVITE_ALLOWLIST: [member.id, staff.id].join(','),
        MATRIX_STAFF_USERS: staff.id,
        MATRIX_MAX_UPLOAD_BYTES: '100000',
      }),
      assistant: recordingAssistant(assistant, answerLog, { onRecordError: (e) => fatal.push(e as Error) }),
      corpus,
      openState: ({ dir }) => new FileBotStateStore(join(dir, 'state.json')),
      feedback: answerLog,
      proposals,
      messages,
      onFatal: (error) => fatal.push(error),
    });
  const fatal: Error[] = [];

  beforeAll(async () => {
    const b = await registerUser({ baseUrl, username: 'soga', password: 'soga-pw', displayname: 'SOGA Bot' });
    bot = { id: b.user_id, token: b.access_token };
    [member, staff, stranger] = await Promise.all([user('member', baseUrl), user('staff', baseUrl), user('stranger', baseUrl)]);
    handle = await start();
  }, 60_000);

  afterAll(async () => {
    await handle?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('joins a room when an allow-listed user invites it', async () => {
    roomId = await member.client.createRoom({ invite: [bot.id, staff.id], preset: 'private_chat' });
    await until('the bot to join', async () => ((await membership(member.client, roomId, bot.id)) === 'join' ? true : undefined));
    await staff.client.joinRoom(roomId);
  });

  it('declines an invite from a user who is not allow-listed', async () => {
    const other = await stranger.client.createRoom({ invite: [bot.id] });
    await until('the bot to decline', async () => ((await membership(stranger.client, other, bot.id)) === 'leave' ? true : undefined));
  });

  let frenchAnswer: Event;
  it('answers a mention in French, in a thread, with numbered sources in body and HTML', async () => {
    const question = await member.client.sendMessage(roomId, {
      msgtype: 'm.text',
      body: 'SOGA Bot: Quand a lieu le forum ?',
      format: 'org.matrix.custom.html',
      formatted_body: `<a href="https://matrix.to/#/${bot.id}">SOGA Bot</a>: Quand a lieu le forum ?`,
      'm.mentions': { user_ids: [bot.id] },
    });
    frenchAnswer = await waitForReply(member.client, roomId, bot.id, question);
    const c = frenchAnswer.content;
    expect(c['m.relates_to']).toEqual({ rel_type: 'm.thread', event_id: question, is_falling_back: true, 'm.in_reply_to': { event_id: question } });
    expect(c['m.mentions']).toEqual({});
    expect(c.body).toContain('Le forum a lieu le 25 novembre 2025 [1].');
    expect(c.body).toMatch(/Sources:\n\[1\] Forum SOGA 2025 — article du 25 novembre 2025 — forum\.md\n {3}« Le forum se tient/);
    expect(c.format).toBe('org.matrix.custom.html');
    expect(c.formatted_body).toContain('<li>[1] <strong>Forum SOGA 2025</strong>');
    expect(c.formatted_body).toContain('<blockquote>Le forum se tient le 25 novembre 2025 à Bruxelles.</blockquote>');
    expect(assistant.calls.at(-1)?.question).toBe('Quand a lieu le forum ?');
  });

  let englishThread: string;
  it('answers `!ask` in English and takes follow-ups in the thread with its history', async () => {
    englishThread = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask When is the forum?' });
    const first = await waitForReply(member.client, roomId, bot.id, englishThread);
    expect(first.content.body).toMatch(/^The forum is on 25 November 2025 \[1\]\.\n\nSources:\n\[1\] SOGA Forum 2025 — article of November 25, 2025/);

    const followUp = await member.client.sendMessage(roomId, {
      msgtype: 'm.text',
      body: 'And where is the forum?',
      'm.relates_to': { rel_type: 'm.thread', event_id: englishThread, is_falling_back: true, 'm.in_reply_to': { event_id: first.event_id } },
    });
    const second = await waitForReply(member.client, roomId, bot.id, followUp);
    expect(second.content['m.relates_to'].event_id).toBe(englishThread);
    expect(second.content.body).toContain('It is in Brussels [1].');
    expect(assistant.calls.at(-1)?.context.history).toEqual([
      { role: 'user', text: 'When is the forum?' },
      // With the documents it cited: the follow-up leans towards them.
      { role: 'assistant', text: 'The forum is on 25 November 2025 [1].', sources: ['forum'] },
    ]);
    expect(assistant.calls.at(-1)?.context.surface).toBe('matrix');
  });

  it('ignores messages that do not address it', async () => {
    const calls = assistant.calls.length;
    const chatter = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: 'The SOGA forum was great, thanks all' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await repliesTo(member.client, roomId, bot.id, chatter)).toEqual([]);
    expect(assistant.calls.length).toBe(calls);
  });

  it('proposes a staff member’s reply in its thread as a correction, and does not answer it', async () => {
    const calls = assistant.calls.length;
    const reply = await staff.client.sendMessage(roomId, {
      msgtype: 'm.text',
      body: 'Correction: since 2026 the forum is held in Ghent.',
      'm.relates_to': { rel_type: 'm.thread', event_id: englishThread, is_falling_back: true, 'm.in_reply_to': { event_id: englishThread } },
    });
    const proposed = await until('the proposal', async () => proposals.proposed[0]);
    const answered = answerLog.entries.filter((e) => e.answer.question === 'And where is the forum?');
    expect(proposed).toEqual({
      surface: 'matrix',
      place: roomId,
      question: 'And where is the forum?',
      botEntryId: answered.at(-1)!.id,
      reply: 'Correction: since 2026 the forum is held in Ghent.',
      staffId: staff.id,
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await repliesTo(member.client, roomId, bot.id, reply)).toEqual([]);
    expect(assistant.calls.length).toBe(calls);
  });

  it('answers a member’s message in the same thread as a question, not as a proposal', async () => {
    const followUp = await member.client.sendMessage(roomId, {
      msgtype: 'm.text',
      body: 'Where is the forum held?',
      'm.relates_to': { rel_type: 'm.thread', event_id: englishThread, is_falling_back: true, 'm.in_reply_to': { event_id: englishThread } },
    });
    await waitForReply(member.client, roomId, bot.id, followUp);
    expect(proposals.proposed).toHaveLength(1);
  });

  it('stores a 👍 reaction on an answer as feedback on its log entry', async () => {
    await member.client.sendEvent(roomId, 'm.reaction', {
      'm.relates_to': { rel_type: 'm.annotation', event_id: frenchAnswer.event_id, key: '👍️' },
    });
    const entry = await until('the feedback', async () => answerLog.entries.find((e) => e.feedback.length > 0));
    expect(entry.answer.question).toBe('Quand a lieu le forum ?');
    expect(entry.surface).toBe('matrix');
    expect(entry.place).toBe(roomId);
    expect(entry.feedback).toEqual([{ rating: 'up', by: member.id }]);
  });

  it('notifies nobody when the answer says @room', async () => {
    const question = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask should I tell everyone?' });
    const reply = await waitForReply(member.client, roomId, bot.id, question);
    expect(reply.content['m.mentions']).toEqual({});
    expect(reply.content.body).not.toMatch(/@room/i);
    expect(reply.content.formatted_body).not.toMatch(/@room/i);
    expect(reply.content.body).toContain('@\u200Droom');
    expect(reply.content.formatted_body).not.toContain('matrix.to');
  });

  it('refuses corpus commands from non-staff, in the room language', async () => {
    const command = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!corpus list' });
    const reply = await waitForReply(member.client, roomId, bot.id, command);
    // The last answer in this room was in English.
    expect(reply.content.body).toBe(messages.t('en', 'notAllowed'));
  });

  it('lets staff add an uploaded Markdown file, which then answers questions', async () => {
    const markdown = '# Solar cooperative\n\nThe solar cooperative of Liège installs panels on school roofs since 2021.\n';
    const bytes = Buffer.from(markdown);
    const mxc = await staff.client.uploadContent(bytes, 'text/markdown', 'solar.md');
    const upload = await staff.client.sendMessage(roomId, {
      msgtype: 'm.file',
      body: '!corpus add',
      filename: 'solar.md',
      url: mxc,
      info: { size: bytes.length, mimetype: 'text/markdown' },
    });
    const added = await waitForReply(staff.client, roomId, bot.id, upload);
    expect(added.content.body).toBe(messages.t('en', 'matrixCorpusAdded', { name: 'solar.md', added: 1, updated: 0, skipped: 0 }));
    expect(corpus.uploads).toEqual([{ originalName: 'solar.md', size: bytes.length, uploadedBy: staff.id }]);

    const list = await staff.client.sendMessage(roomId, { msgtype: 'm.text', body: '!corpus list' });
    expect((await waitForReply(staff.client, roomId, bot.id, list)).content.body).toContain('solar-cooperative — Solar cooperative');

    const question = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask who installs solar panels on school roofs?' });
    const answer = await waitForReply(member.client, roomId, bot.id, question);
    expect(answer.content.body).toContain('The solar cooperative of Liège installs panels on school roofs');
    expect(answer.content.body).toContain('[1] Solar cooperative');
  });

  it('answers nothing twice after a restart, and answers what was asked while it was down', async () => {
    await handle!.stop();
    handle = undefined;
    const askedWhileDown = await member.client.sendMessage(roomId, { msgtype: 'm.text', body: '!ask When is the hackathon?' });
    const callsBefore = assistant.calls.length;
    handle = await start();
    await waitForReply(member.client, roomId, bot.id, askedWhileDown);
    await new Promise((r) => setTimeout(r, 2000)); // time for any wrongful re-answer to show up
    expect(assistant.calls.length).toBe(callsBefore + 1);
    const events = await timeline(member.client, roomId);
    const questions = events.filter((e) => e.sender !== bot.id && e.type === 'm.room.message' && /^(!ask|SOGA Bot:|And where)/.test(e.content.body));
    expect(questions.length).toBe(6);
    for (const q of questions) expect((await repliesTo(member.client, roomId, bot.id, q.event_id)).length).toBe(1);
  });

  it('reports a revoked access token as fatal instead of retrying forever', async () => {
    const botClient = new sdk.MatrixClient(baseUrl, bot.token, new sdk.MemoryStorageProvider());
    await botClient.doRequest('POST', '/_matrix/client/v3/logout');
    const error = await until('the fatal error', async () => fatal[0], 60_000);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', hint: 'set a new MATRIX_ACCESS_TOKEN' });
  });
});

describe.skipIf(!synapse)('Matrix bot with the real engine', { timeout: 60_000 }, () => {
  const baseUrl = synapse?.baseUrl ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'soga-matrix-engine-'));
  let runtime: Runtime;
  let handle: MatrixBotHandle | undefined;
  let botId: string;
  let staff: { id: string; client: MatrixClient };
  let member: { id: string; client: MatrixClient };

  beforeAll(async () => {
    const b = await registerUser({ baseUrl, username: 'soga-engine', password: 'pw', displayname: 'SOGA Engine' });
    botId = b.user_id;
    [staff, member] = await Promise.all([user('engine-staff', baseUrl), user('engine-member', baseUrl)]);
    // Password login this time (the first suite used a token); the session is kept in the data dir.
    const config = parseConfig({
      SOGA_DATA_DIR: join(dir, 'data'),
      SOGA_CORPUS_DIR: join(dir, 'corpus'),
      SOGA_EMBED_PROVIDER: 'none',
      SOGA_LOG_LEVEL: 'warn',
      SOGA_LOG_DB: join(dir, 'data', 'answers.sqlite'),
      MATRIX_HOMESERVER_URL: baseUrl,
      MATRIX_USER_ID: botId,
      MATRIX_PASSWORD: 'pw',
      MATRIX_INVITE_ALLOWLIST: 'localhost',
      MATRIX_STAFF_USERS: staff.id,
    });
    runtime = await createRuntime(config, { log: () => {} });
    handle = await startMatrix({
      config,
      assistant: runtime.assistant,
      corpus: runtime.corpus,
      feedback: new FakeAnswerLog(),
      messages: runtime.messages,
      openState: ({ dir }) => new FileBotStateStore(join(dir, 'state.json')),
    });
  }, 60_000);

  afterAll(async () => {
    await handle?.stop();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('ingests a Markdown file a staff member uploads and answers from it, with the source cited', async () => {
    const roomId = await staff.client.createRoom({ invite: [botId, member.id] });
    await member.client.joinRoom(roomId);
    await until('the bot to join', async () => ((await membership(staff.client, roomId, botId)) === 'join' ? true : undefined));

    const bytes = Buffer.from('# Solar cooperative\n\nThe solar cooperative of Liège installs panels on school roofs since 2021. Parents and teachers founded it.\n');
    const mxc = await staff.client.uploadContent(bytes, 'text/markdown', 'solar.md');
    const upload = await staff.client.sendMessage(roomId, { msgtype: 'm.file', body: 'solar.md', url: mxc, info: { size: bytes.length } });
    const command = await staff.client.sendMessage(roomId, {
      msgtype: 'm.text',
      body: '!corpus add',
      'm.relates_to': { 'm.in_reply_to': { event_id: upload } },
    });
    const added = await waitForReply(staff.client, roomId, botId, command);
    expect(added.content.body).toMatch(/^solar\.md: 1 added, 0 updated, 0 unchanged/);

    const question = await member.client.sendMessage(roomId, {
      msgtype: 'm.text',
      body: 'SOGA Engine: who installs solar panels on school roofs?',
      'm.mentions': { user_ids: [botId] },
    });
    const answer = await waitForReply(member.client, roomId, botId, question);
    expect(answer.content.body).toContain('The solar cooperative of Liège installs panels on school roofs');
    expect(answer.content.body).toMatch(/Sources:\n\[1\] Solar cooperative — /);
    expect(answer.content.formatted_body).toContain('<strong>Solar cooperative</strong>');
    expect(answer.content['m.mentions']).toEqual({});
  });
});
