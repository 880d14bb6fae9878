/** What every `BotStateStore` does, run against each implementation (a JSON file, PostgreSQL). */
import { describe, expect, it } from 'vitest';
import type { BOT_STATE_LIMITS, BotStateStore, PendingEvent } from '../../../src/core/bot-state.js';

export interface BotStateStoreSubject {
  /** An empty store of its own (a fresh file, a fresh account). */
  make(limits?: Partial<typeof BOT_STATE_LIMITS>): Promise<BotStateStore>;
  /** The same state opened again: after a restart, or by the replica taking the account over. */
  reopen(limits?: Partial<typeof BOT_STATE_LIMITS>): Promise<BotStateStore>;
}

let n = 0;
const pending = (room = '!r:example.org'): PendingEvent => ({
  roomId: room,
  event: { event_id: `$e${++n}-${Math.random().toString(36).slice(2, 8)}`, type: 'm.room.message', sender: '@ana:example.org', content: { body: `question ${n} — «é»` } },
});

export function describeBotStateStore(name: string, subject: () => BotStateStoreSubject): void {
  describe(`chat bot state (${name})`, () => {
    it('starts empty', async () => {
      expect(await (await subject().make()).load()).toEqual({ handled: [], pending: [], answers: {}, threads: {}, roomLanguage: {} });
    });

    it('keeps accepted events, whole and in order, until they are handled; a handled one is remembered, an invite is not', async () => {
      const s = subject();
      const store = await s.make();
      const [a, b, invite] = [pending(), pending('!other:example.org'), pending()];
      for (const p of [a, b, invite]) await store.addPending(p);
      expect((await (await s.reopen()).load()).pending).toEqual([a, b, invite]);

      await store.markHandled(a.event.event_id, true);
      await store.markHandled(invite.event.event_id, false);
      await store.markHandled('$never-pending', true);
      const after = await (await s.reopen()).load();
      expect(after.pending).toEqual([b]);
      expect(after.handled).toEqual([a.event.event_id, '$never-pending']);
    });

    it('links answers to their log entries, keeps threads with their latest answer, and the room languages', async () => {
      const s = subject();
      const store = await s.make();
      await store.recordAnswer('$answer1', '!r:example.org', 'log-1');
      await store.saveThread('$root1', { roomId: '!r:example.org', turns: [{ role: 'user', text: 'Quand ?' }], lastAnswer: { question: 'Quand ?', logId: 'log-1' } });
      await store.saveThread('$root2', { roomId: '!r:example.org', turns: [{ role: 'user', text: 'Where?' }] });
      await store.saveThread('$root1', {
        roomId: '!r:example.org',
        turns: [
          { role: 'user', text: 'Quand ?' },
          { role: 'assistant', text: 'En bref : le 5 mai [1].', sources: ['doc-1'], stated: 'En bref : le 5 mai [1].' },
        ],
        lastAnswer: { question: 'Quand ?', logId: 'log-1' },
      });
      await store.setRoomLanguage('!r:example.org', 'fr');
      await store.setRoomLanguage('!r:example.org', 'de');
      const state = await (await s.reopen()).load();
      expect(state.answers).toEqual({ $answer1: { logId: 'log-1', roomId: '!r:example.org' } });
      // The thread answered last comes last: it is kept longest.
      expect(Object.keys(state.threads)).toEqual(['$root2', '$root1']);
      expect(state.threads.$root1).toEqual({
        roomId: '!r:example.org',
        turns: [
          { role: 'user', text: 'Quand ?' },
          { role: 'assistant', text: 'En bref : le 5 mai [1].', sources: ['doc-1'], stated: 'En bref : le 5 mai [1].' },
        ],
        lastAnswer: { question: 'Quand ?', logId: 'log-1' },
      });
      expect(state.threads.$root2).toEqual({ roomId: '!r:example.org', turns: [{ role: 'user', text: 'Where?' }] });
      expect(state.roomLanguage).toEqual({ '!r:example.org': 'de' });
    });

    it('keeps only the newest handled ids, answer links, threads and turns', async () => {
      const limits = { handled: 3, answers: 2, threads: 2, turnsPerThread: 2 };
      const s = subject();
      const store = await s.make(limits);
      for (let i = 1; i <= 5; i++) await store.markHandled(`$h${i}`, true);
      for (let i = 1; i <= 3; i++) await store.recordAnswer(`$a${i}`, '!r:example.org', `log-${i}`);
      for (let i = 1; i <= 3; i++) await store.saveThread(`$t${i}`, { roomId: '!r:example.org', turns: [1, 2, 3].map((k) => ({ role: 'user' as const, text: `${i}.${k}` })) });
      const state = await (await s.reopen(limits)).load();
      expect(state.handled).toEqual(['$h3', '$h4', '$h5']);
      expect(Object.keys(state.answers)).toEqual(['$a2', '$a3']);
      expect(Object.keys(state.threads)).toEqual(['$t2', '$t3']);
      expect(state.threads.$t3.turns.map((t) => t.text)).toEqual(['3.2', '3.3']);
    });

    it('keeps the chat client’s values (the sync token) for whoever opens the state next', async () => {
      const s = subject();
      const store = await s.make();
      expect(await store.readValue('syncToken')).toBeUndefined();
      await store.storeValue('syncToken', 's72594_4483_1934');
      await store.storeValue('syncToken', 's72595_4483_1934');
      expect(await (await s.reopen()).readValue('syncToken')).toBe('s72595_4483_1934');
    });
  });
}
