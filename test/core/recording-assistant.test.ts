import { describe, expect, it } from 'vitest';
import { recordingAssistant } from '../../src/core/recording-assistant.js';
import { indexWasBehind, type AnswerLogEntryInput } from '../../src/core/answer-log.js';
import type { Answer } from '../../src/core/types.js';
import { FakeAnswerLog } from '../fakes/fake-answer-log.js';
import { FakeAssistant, makeAnswer } from '../fakes/fake-assistant.js';

describe('the recording assistant', () => {
  it('records every answer with its surface, place and asker, and returns the entry id with it', async () => {
    const log = new FakeAnswerLog();
    const assistant = recordingAssistant(new FakeAssistant(), log, { onRecordError: (e) => expect.fail(String(e)) });
    const answer = await assistant.ask('Where is NEC ESS 2025?', { surface: 'matrix', place: '!room:x', asker: '@ana:x' });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ surface: 'matrix', place: '!room:x', askerId: '@ana:x', answer: { question: 'Where is NEC ESS 2025?' } });
    expect(answer.logEntryId).toBe(log.entries[0].id);
  });

  it('records refusals too (an empty question is a question someone asked)', async () => {
    const log = new FakeAnswerLog();
    const assistant = recordingAssistant(new FakeAssistant(), log, { onRecordError: (e) => expect.fail(String(e)) });
    const answer = await assistant.ask('  ', { surface: 'cli' });
    expect(answer.outcome).toBe('empty_question');
    expect(log.entries.map((e) => e.answer.outcome)).toEqual(['empty_question']);
  });

  it('passes the context through untouched (history, locale, streaming)', async () => {
    const seen: unknown[] = [];
    const inner = new FakeAssistant((question, context) => {
      seen.push(context);
      return makeAnswer({ question });
    });
    const onToken = () => {};
    const context = { history: [{ role: 'user' as const, text: 'hi' }], locale: 'fr', surface: 'discord' as const, onToken };
    await recordingAssistant(inner, new FakeAnswerLog(), { onRecordError: () => {} }).ask('q', context);
    expect(seen).toEqual([context]);
  });

  it('still answers when recording fails, without an entry id, and reports the failure', async () => {
    const failures: [unknown, Answer][] = [];
    const broken = { record: async (_: AnswerLogEntryInput): Promise<string> => Promise.reject(new Error('disk I/O error')) };
    const assistant = recordingAssistant(new FakeAssistant(), broken, { onRecordError: (error, answer) => failures.push([error, answer]) });
    const answer = await assistant.ask('What is SOGA?', { surface: 'web' });
    expect(answer.text).toMatch(/don't say/);
    expect(answer.logEntryId).toBeUndefined();
    expect(failures).toHaveLength(1);
    expect(String(failures[0][0])).toMatch(/disk I\/O error/);
    expect(failures[0][1].question).toBe('What is SOGA?');
  });

  it('records nothing when the engine itself fails, and lets the error through', async () => {
    const log = new FakeAnswerLog();
    const inner = new FakeAssistant(() => Promise.reject(new Error('store down')));
    await expect(recordingAssistant(inner, log, { onRecordError: () => {} }).ask('q')).rejects.toThrow('store down');
    expect(log.entries).toEqual([]);
  });

  describe('says which index answered', () => {
    it('records the index and store change numbers of when the question arrived, so an index behind the documents shows', async () => {
      const log = new FakeAnswerLog();
      let store = 12;
      const freshness = async () => ({ index: 10, store });
      const assistant = recordingAssistant(new FakeAssistant(), log, { onRecordError: (e) => expect.fail(String(e)), freshness });
      await assistant.ask('When is the next volunteer training?', { surface: 'discord' });
      store = 10;
      await assistant.ask('Who leads the food bank project?', { surface: 'discord' });
      expect(log.entries.map((e) => e.freshness)).toEqual([
        { index: 10, store: 12 },
        { index: 10, store: 10 },
      ]);
      expect(log.entries.map((e) => indexWasBehind(e.freshness!))).toEqual([true, false]);
    });

    it('logs the number the index started the answer from, even when it catches up while answering', async () => {
      const log = new FakeAnswerLog();
      let index = 4;
      const inner = new FakeAssistant((question) => {
        index = 5;
        return makeAnswer({ question });
      });
      await recordingAssistant(inner, log, { onRecordError: (e) => expect.fail(String(e)), freshness: async () => ({ index, store: 5 }) }).ask('Is the garden open in winter?');
      expect(log.entries[0].freshness).toEqual({ index: 4, store: 5 });
    });

    it('still records the answer, with unknown numbers, when the store cannot be asked, and reports why', async () => {
      const log = new FakeAnswerLog();
      const failures: unknown[] = [];
      const freshness = () => Promise.reject(new Error('connection refused'));
      const options = { onRecordError: (e: unknown) => expect.fail(String(e)), onFreshnessError: (e: unknown) => failures.push(e), freshness };
      const answer = await recordingAssistant(new FakeAssistant(), log, options).ask('Where do members meet?');
      expect(answer.logEntryId).toBe(log.entries[0].id);
      expect(log.entries[0].freshness).toEqual({ index: null, store: null });
      expect(String(failures[0])).toMatch(/connection refused/);
    });

    it('records no numbers when main gives no way to know them (the embedded setup without a change number)', async () => {
      const log = new FakeAnswerLog();
      await recordingAssistant(new FakeAssistant(), log, { onRecordError: () => {} }).ask('What is SOGA?');
      expect(log.entries[0].freshness).toBeUndefined();
    });
  });

  describe('deciding whether an index was behind', () => {
    it('is behind when its number differs from the store’s (lower, or higher after a restore), or it has none while the store has one', () => {
      expect(indexWasBehind({ index: 3, store: 5 })).toBe(true);
      expect(indexWasBehind({ index: 8, store: 5 })).toBe(true);
      expect(indexWasBehind({ index: null, store: 5 })).toBe(true);
      expect(indexWasBehind({ index: 5, store: 5 })).toBe(false);
      expect(indexWasBehind({ index: null, store: null })).toBe(false);
    });
  });
});
