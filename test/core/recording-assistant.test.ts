import { describe, expect, it } from 'vitest';
import { recordingAssistant } from '../../src/core/recording-assistant.js';
import type { AnswerLogEntryInput } from '../../src/core/answer-log.js';
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
});
