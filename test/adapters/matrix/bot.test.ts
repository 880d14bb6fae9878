import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotState, type RawEvent } from '../../../src/adapters/matrix/bot-state.js';
import { FileBotStateStore } from '../../../src/infra/bot-state-file.js';
import { MatrixBot, inviterAllowed, type BotOptions, type MatrixPort } from '../../../src/adapters/matrix/bot.js';
import { createLog } from '../../../src/adapters/matrix/log.js';
import { Messages } from '../../../src/core/i18n.js';
import { FakeAnswerLog } from '../../fakes/fake-answer-log.js';
import { recordingAssistant } from '../../../src/core/recording-assistant.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const BOT = '@soga:example.org';
const messages = new Messages({ en, fr });

class FakePort implements MatrixPort {
  sent: { roomId: string; content: Record<string, any>; once?: string }[] = [];
  events = new Map<string, RawEvent>();
  media = new Map<string, Buffer>();
  joined: string[] = [];
  left: string[] = [];
  levels: Record<string, number> = {};
  failSend = false;
  async send(roomId: string, content: Record<string, unknown>, once?: string) {
    if (this.failSend) throw new Error('homeserver down');
    this.sent.push({ roomId, content, once });
    return `$sent${this.sent.length}`;
  }
  async getEvent(_roomId: string, eventId: string) {
    const e = this.events.get(eventId);
    if (!e) throw Object.assign(new Error('M_NOT_FOUND'), { errcode: 'M_NOT_FOUND' });
    return e;
  }
  async download(content: Record<string, unknown>) {
    return this.media.get(String(content.url)) ?? Buffer.alloc(0);
  }
  async join(roomId: string) {
    this.joined.push(roomId);
  }
  async leave(roomId: string) {
    this.left.push(roomId);
  }
  async powerLevel(_roomId: string, userId: string) {
    return this.levels[userId] ?? 0;
  }
  async setTyping() {}
}

let n = 0;
const message = (body: string, extra: Record<string, unknown> = {}, sender = '@alice:example.org'): RawEvent => ({
  event_id: `$e${++n}`,
  type: 'm.room.message',
  sender,
  origin_server_ts: Date.now(),
  content: { msgtype: 'm.text', body, ...extra },
});

describe('the bot', () => {
  let dir: string;
  let port: FakePort;
  let assistant: FakeAssistant;
  let answerLog: FakeAnswerLog;
  let corpus: FakeCorpus;
  let logs: string[];
  const options = (over: Partial<BotOptions> = {}): BotOptions => ({
    identity: { userId: BOT, displayName: 'SOGA Bot' },
    defaultLanguage: 'en',
    inviteAllowlist: ['example.org'],
    staffUsers: ['@staff:example.org'],
    staffPowerLevel: 50,
    qaRoomIds: ['!qa:example.org'],
    threadFollowups: true,
    maxUploadBytes: 1000,
    ...over,
  });
  const make = async (over: Partial<BotOptions> = {}) =>
    new MatrixBot(options(over), {
      port,
      state: await BotState.open(new FileBotStateStore(join(dir, 'state.json'))),
      assistant: recordingAssistant(assistant, answerLog, { onRecordError: (e) => logs.push(String(e)) }),
      corpus,
      feedback: answerLog,
      messages,
      log: createLog('debug', (line) => logs.push(line)),
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'soga-matrix-bot-'));
    port = new FakePort();
    assistant = new FakeAssistant((question) => makeAnswer({ question, outcome: 'answered', language: /forum/.test(question) ? 'fr' : 'en', text: `answer to ${question}` }));
    answerLog = new FakeAnswerLog();
    corpus = new FakeCorpus();
    logs = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('when answering fails', () => {
    it('replies with the localised error, logs it, and never leaves an unhandled rejection', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        assistant = new FakeAssistant(() => {
          throw new Error('model exploded');
        });
        const bot = await make();
        expect(bot.acceptEvent('!r:example.org', message('!ask anything'))).toBe(true);
        await bot.idle();
        expect(port.sent.map((s) => s.content.body)).toEqual([messages.t('en', 'error')]);
        expect(logs.join('\n')).toContain('model exploded');

        port.failSend = true; // even the error reply fails
        bot.acceptEvent('!r:example.org', message('!ask again'));
        await bot.idle();
        await new Promise((r) => setTimeout(r, 10));
        expect(logs.join('\n')).toContain('homeserver down');
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });
  });

  describe('across restarts', () => {
    it('names each reply after the event it answers, so a replica replaying that event after a crash sends nothing twice', async () => {
      const bot = await make();
      const question = message('!ask When?');
      bot.acceptEvent('!r:example.org', question);
      bot.acceptEvent('!r:example.org', message('!corpus list', {}, '@alice:example.org'));
      await bot.idle();
      expect(port.sent.map((s) => s.once)).toEqual([`${question.event_id}:answer`, `$e${n}:corpus`]);
    });

    it('does not accept an event it already handled', async () => {
      const question = message('!ask When?');
      const first = await make();
      first.acceptEvent('!r:example.org', question);
      await first.idle();
      expect((await make()).acceptEvent('!r:example.org', question)).toBe(false);
      expect(assistant.calls.length).toBe(1);
    });

    it('replays an event accepted but not answered before a crash', async () => {
      const question = message('!ask Still there?');
      await new FileBotStateStore(join(dir, 'state.json')).addPending({ roomId: '!r:example.org', event: question });
      const bot = await make();
      expect(bot.replayPending()).toBe(1);
      await bot.idle();
      expect(port.sent.map((s) => s.content.body)).toEqual(['answer to Still there?']);
      expect((await new FileBotStateStore(join(dir, 'state.json')).load()).pending).toEqual([]);
    });

    it('ignores the backlog of the very first sync', async () => {
      const bot = await make({ ignoreBefore: Date.now() + 1000 });
      expect(bot.acceptEvent('!r:example.org', message('!ask old question'))).toBe(false);
    });
  });

  describe('in threads', () => {
    it('passes the thread so far as history and keeps the room language', async () => {
      const bot = await make();
      const root = message('!ask Quand a lieu le forum ?');
      bot.acceptEvent('!r:example.org', root);
      await bot.idle();
      const followUp = message('Et où ?', { 'm.relates_to': { rel_type: 'm.thread', event_id: root.event_id } });
      expect(bot.acceptEvent('!r:example.org', followUp)).toBe(true);
      await bot.idle();
      expect(assistant.calls[1].context.history).toEqual([
        { role: 'user', text: 'Quand a lieu le forum ?' },
        { role: 'assistant', text: 'answer to Quand a lieu le forum ?' },
      ]);
      expect(assistant.calls[1].context.locale).toBe('fr');
      expect(port.sent[1].content['m.relates_to']).toMatchObject({ rel_type: 'm.thread', event_id: root.event_id, 'm.in_reply_to': { event_id: followUp.event_id } });
    });

    it('keeps the answer’s stated sentence in the thread’s turns, after a restart too', async () => {
      assistant = new FakeAssistant((question) => makeAnswer({ question, outcome: 'answered', language: 'fr', text: `En bref : Gand [1].\nanswer to ${question}`, direct: 'En bref : Gand [1].' }));
      const root = message('!ask Où se tient le café de réparation ?');
      const first = await make();
      first.acceptEvent('!r:example.org', root);
      await first.idle();
      const restarted = await make();
      restarted.acceptEvent('!r:example.org', message('Et quel jour ?', { 'm.relates_to': { rel_type: 'm.thread', event_id: root.event_id } }));
      await restarted.idle();
      expect(assistant.calls[1].context.history?.[1]).toEqual({ role: 'assistant', text: 'En bref : Gand [1].\nanswer to Où se tient le café de réparation ?', stated: 'En bref : Gand [1].' });
    });

    it('does not take plain messages in threads it did not answer', async () => {
      const bot = await make();
      expect(bot.acceptEvent('!r:example.org', message('hello', { 'm.relates_to': { rel_type: 'm.thread', event_id: '$other' } }))).toBe(false);
    });
  });

  describe('feedback', () => {
    it('stores 👎 on a logged answer and ignores reactions to other messages', async () => {
      const bot = await make();
      bot.acceptEvent('!r:example.org', message('!ask rate me'));
      await bot.idle();
      const reaction = (eventId: string, key: string): RawEvent => ({
        event_id: `$r${++n}`,
        type: 'm.reaction',
        sender: '@bob:example.org',
        content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key } },
      });
      expect(bot.acceptEvent('!r:example.org', reaction('$unrelated', '👍'))).toBe(false);
      expect(bot.acceptEvent('!r:example.org', reaction('$sent1', '🎉'))).toBe(false);
      expect(bot.acceptEvent('!r:example.org', reaction('$sent1', '👎🏿'))).toBe(true);
      await bot.idle();
      expect(answerLog.entries[0].feedback).toEqual([{ rating: 'down', by: '@bob:example.org' }]);
    });
  });

  describe('invites', () => {
    it('joins for allow-listed users and servers, and leaves otherwise', async () => {
      const bot = await make({ inviteAllowlist: ['@alice:other.org', ':trusted.org'] });
      const invite = (sender: string): RawEvent => ({ event_id: undefined as unknown as string, type: 'm.room.member', sender, state_key: BOT, content: { membership: 'invite' } });
      bot.acceptInvite('!a:x', invite('@alice:other.org'));
      bot.acceptInvite('!b:x', invite('@bob:trusted.org'));
      bot.acceptInvite('!c:x', invite('@eve:evil.org'));
      bot.acceptInvite('!d:x', invite('@staff:example.org'));
      await bot.idle();
      expect(port.joined).toEqual(['!a:x', '!b:x', '!d:x']);
      expect(port.left).toEqual(['!c:x']);
    });

    it('matches servers exactly', () => {
      expect(inviterAllowed('@a:example.org', ['example.org'])).toBe(true);
      expect(inviterAllowed('@a:evil-example.org', ['example.org'])).toBe(false);
      expect(inviterAllowed('@a:example.org.evil', ['*:example.org'])).toBe(false);
      expect(inviterAllowed('@a:example.org', [])).toBe(false);
    });
  });

  describe('corpus commands', () => {
    it('refuses non-staff in the room language', async () => {
      const bot = await make();
      bot.acceptEvent('!r:example.org', message('!ask forum'));
      await bot.idle();
      bot.acceptEvent('!r:example.org', message('!corpus list'));
      await bot.idle();
      expect(port.sent.at(-1)?.content.body).toBe(messages.t('fr', 'notAllowed'));
    });

    it('counts power level in the staff room', async () => {
      const bot = await make({ staffRoomId: '!staff:example.org' });
      port.levels['@mod:example.org'] = 50;
      bot.acceptEvent('!r:example.org', message('!corpus list', {}, '@mod:example.org'));
      bot.acceptEvent('!r:example.org', message('!corpus list', {}, '@user:example.org'));
      await bot.idle();
      expect(port.sent.map((s) => s.content.body)).toEqual([messages.t('en', 'matrixCorpusEmpty'), messages.t('en', 'notAllowed')]);
    });

    it('adds a file replied to, and refuses oversized or unsupported files before ingesting', async () => {
      const bot = await make();
      const md = Buffer.from('# Garden\n\nThe garden opens in May.');
      port.media.set('mxc://s/md', md);
      const file = (name: string, url: string, size: number) => {
        const e = message(name, { msgtype: 'm.file', url, info: { size } }, '@staff:example.org');
        port.events.set(e.event_id, e);
        return e;
      };
      const reply = (target: RawEvent) => message('!corpus add', { 'm.relates_to': { 'm.in_reply_to': { event_id: target.event_id } } }, '@staff:example.org');
      bot.acceptEvent('!r:example.org', reply(file('garden.md', 'mxc://s/md', md.length)));
      bot.acceptEvent('!r:example.org', reply(file('huge.pdf', 'mxc://s/huge', 5000)));
      bot.acceptEvent('!r:example.org', reply(file('photo.png', 'mxc://s/png', 10)));
      bot.acceptEvent('!r:example.org', message('!corpus add', {}, '@staff:example.org'));
      await bot.idle();
      expect(port.sent.map((s) => s.content.body)).toEqual([
        messages.t('en', 'matrixCorpusAdded', { name: 'garden.md', added: 1, updated: 0, skipped: 0 }),
        messages.t('en', 'matrixCorpusTooLarge', { name: 'huge.pdf', size: 5000, max: 1000 }),
        messages.t('en', 'matrixCorpusFileType', { name: 'photo.png' }),
        messages.t('en', 'matrixCorpusNoFile'),
      ]);
      expect(corpus.uploads).toEqual([{ originalName: 'garden.md', size: md.length, uploadedBy: '@staff:example.org' }]);
    });

    it('stores the article’s address given in the command or in the file’s caption', async () => {
      const bot = await make();
      const md = Buffer.from('# Orchard\n\nThe orchard has 30 trees.');
      port.media.set('mxc://s/orchard', md);
      const captioned = message(
        'Our orchard page: https://example.org/orchard.',
        { msgtype: 'm.file', filename: 'orchard.md', url: 'mxc://s/orchard', info: { size: md.length } },
        '@staff:example.org',
      );
      const plain = message('orchard.md', { msgtype: 'm.file', url: 'mxc://s/orchard', info: { size: md.length } }, '@staff:example.org');
      for (const e of [captioned, plain]) port.events.set(e.event_id, e);
      const reply = (target: RawEvent, text: string) => message(text, { 'm.relates_to': { 'm.in_reply_to': { event_id: target.event_id } } }, '@staff:example.org');
      bot.acceptEvent('!r:example.org', reply(captioned, '!corpus add'));
      bot.acceptEvent('!r:example.org', reply(plain, '!corpus add https://example.org/orchard-2025'));
      await bot.idle();
      expect(corpus.uploads.map((u) => u.url)).toEqual(['https://example.org/orchard', 'https://example.org/orchard-2025']);
    });

    it('removes by id and says when the id is unknown', async () => {
      const bot = await make();
      await corpus.addFile('a.md', Buffer.from('# Alpha\n\ntext'));
      bot.acceptEvent('!r:example.org', message('!corpus remove alpha', {}, '@staff:example.org'));
      bot.acceptEvent('!r:example.org', message('!corpus remove alpha', {}, '@staff:example.org'));
      await bot.idle();
      expect(port.sent.map((s) => s.content.body)).toEqual([messages.t('en', 'matrixCorpusRemoved', { id: 'alpha', removed: 1 }), messages.t('en', 'matrixCorpusNotFound', { id: 'alpha' })]);
    });
  });
});
