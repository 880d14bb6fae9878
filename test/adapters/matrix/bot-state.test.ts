/** The bot's in-memory state in front of its store: order of writes, and the sync token stored only after them. */
import { describe, expect, it } from 'vitest';
import { BotState, type RawEvent } from '../../../src/adapters/matrix/bot-state.js';
import type { BotStateSnapshot, BotStateStore } from '../../../src/core/bot-state.js';

/** A store whose writes take a while and can be made to fail; it records what reached it. */
class SlowStore implements BotStateStore {
  calls: string[] = [];
  failNext = false;
  private async step(call: string) {
    await new Promise((r) => setTimeout(r, 5));
    if (this.failNext) {
      this.failNext = false;
      throw new Error(`disk gone during ${call}`);
    }
    this.calls.push(call);
  }
  async load(): Promise<BotStateSnapshot> {
    return { handled: ['$old'], pending: [], answers: {}, threads: {}, roomLanguage: {} };
  }
  addPending = ({ event }: { event: { event_id: string } }) => this.step(`pending ${event.event_id}`);
  markHandled = (id: string) => this.step(`handled ${id}`);
  recordAnswer = (id: string) => this.step(`answer ${id}`);
  saveThread = (id: string) => this.step(`thread ${id}`);
  setRoomLanguage = (room: string, lang: string) => this.step(`lang ${lang}`);
  readValue = async () => undefined;
  storeValue = (key: string, value: string) => this.step(`${key}=${value}`);
}

const event = (id: string): RawEvent => ({ event_id: id, type: 'm.room.message', sender: '@a:example.org', content: { body: 'Quand ?' } });

describe('the bot state in front of its store', () => {
  it('answers from memory at once and stores every change, in order, before the sync token that follows them', async () => {
    const store = new SlowStore();
    const state = await BotState.open(store);
    expect(state.isKnown('$old')).toBe(true);
    state.addPending('!r', event('$1'));
    state.addPending('!r', event('$2'));
    expect(state.isKnown('$2')).toBe(true);
    state.markHandled('$1');
    await state.storeValue('syncToken', 's2');
    expect(store.calls).toEqual(['pending $1', 'pending $2', 'handled $1', 'syncToken=s2']);
  });

  it('does not store the sync token after a change that could not be stored, and says why', async () => {
    const store = new SlowStore();
    const state = await BotState.open(store);
    store.failNext = true;
    state.addPending('!r', event('$3'));
    await expect(state.storeValue('syncToken', 's3')).rejects.toThrow(/disk gone during pending \$3/);
    expect(store.calls).toEqual([]);
    // The failure is reported once; later changes are stored again.
    state.markHandled('$3');
    await state.storeValue('syncToken', 's4');
    expect(store.calls).toEqual(['handled $3', 'syncToken=s4']);
  });
});
