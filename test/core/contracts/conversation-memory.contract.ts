/** What every `ConversationMemory` does, run against each implementation (in memory, PostgreSQL). */
import { describe, expect, it } from 'vitest';
import type { ConversationMemory } from '../../../src/core/conversation/conversation-memory.js';
import { answeredTurns } from '../../../src/core/conversation/turns.js';
import type { ChatTurn } from '../../../src/core/types.js';

/** One exchange as a surface records it: the question, and the answer with the documents it cited. */
const exchange = (question: string, answer: string, sources?: string[]): ChatTurn[] => [
  { role: 'user', text: question },
  sources ? { role: 'assistant', text: answer, sources } : { role: 'assistant', text: answer },
];

export interface ConversationMemorySubject {
  make(options: { maxTurns: number }): Promise<ConversationMemory>;
  /** A second memory on the same storage (another replica, a restart). */
  reopen?: (options: { maxTurns: number }) => Promise<ConversationMemory>;
}

export function describeConversationMemory(name: string, subject: () => ConversationMemorySubject): void {
  describe(`conversation memory (${name})`, () => {
    it('continues a conversation from any of its answer messages', async () => {
      const memory = await subject().make({ maxTurns: 10 });
      await memory.record('t1', exchange('q1', 'a1', ['doc-1']), ['m1', 'm2']);
      expect(await memory.keyOfMessage('m2')).toBe('t1');
      expect(await memory.keyOfMessage('m1')).toBe('t1');
      expect(await memory.history('t1')).toEqual([
        { role: 'user', text: 'q1' },
        { role: 'assistant', text: 'a1', sources: ['doc-1'] },
      ]);
    });

    it('gives back the turns a surface recorded, the sentence that stated the value included, on a reopened store too', async () => {
      const memory = await subject().make({ maxTurns: 10 });
      const recorded = answeredTurns('Hvor mødes reparationscaféen?', { text: 'Kort sagt: Aarhus [1].\n« … » [1]', citations: [{ docId: 'repair-cafe' }], direct: 'Kort sagt: Aarhus [1].' });
      await memory.record('t', recorded, ['m1']);
      expect(await memory.history('t')).toEqual(recorded);
      const again = await subject().reopen?.({ maxTurns: 10 });
      if (again) expect(await again.history('t')).toEqual(recorded);
    });

    it('knows nothing of a conversation, message or thread it was never told about', async () => {
      const memory = await subject().make({ maxTurns: 10 });
      expect(await memory.history('unknown')).toBeUndefined();
      expect(await memory.keyOfMessage('unknown')).toBeUndefined();
      expect(await memory.ownsThread('unknown')).toBe(false);
    });

    it('keeps the latest turns in order, within its limit, apart per conversation', async () => {
      const memory = await subject().make({ maxTurns: 4 });
      for (const n of [1, 2, 3]) await memory.record('a', exchange(`q${n}`, `a${n}`), [`a-m${n}`]);
      await memory.record('b', exchange('other', 'answer'), ['b-m1']);
      expect(await memory.history('a')).toEqual([
        { role: 'user', text: 'q2' },
        { role: 'assistant', text: 'a2' },
        { role: 'user', text: 'q3' },
        { role: 'assistant', text: 'a3' },
      ]);
      expect(await memory.history('b')).toHaveLength(2);
      expect(await memory.keyOfMessage('a-m1')).toBe('a');
    });

    it('hands out copies: changing a returned history changes nothing stored', async () => {
      const memory = await subject().make({ maxTurns: 10 });
      const recorded = exchange('Où est le NEC ESS ?', 'À Bruxelles.', ['nec-ess-2025']);
      await memory.record('t', recorded, []);
      recorded[1].sources!.push('changed-after-recording');
      const history = (await memory.history('t'))!;
      history[0].text = 'changed';
      history[1].sources!.push('other');
      history.push({ role: 'user', text: 'added' });
      expect(await memory.history('t')).toEqual([
        { role: 'user', text: 'Où est le NEC ESS ?' },
        { role: 'assistant', text: 'À Bruxelles.', sources: ['nec-ess-2025'] },
      ]);
    });

    it("remembers each conversation's latest logged answer, and links its messages without moving a link they have", async () => {
      const memory = await subject().make({ maxTurns: 10 });
      expect(await memory.lastAnswer('t')).toBeUndefined();
      await memory.record('t', exchange('Qui anime l’atelier ?', 'Marie Dupont [1].'), ['m1']);
      await memory.rememberAnswer('t', 'Qui anime l’atelier ?', 'entry-1', ['m1']);
      await memory.rememberAnswer('other', 'Where?', 'entry-2', ['m1', 'm2']);
      await memory.rememberAnswer('t', 'Et quand ?', 'entry-3', []);
      expect(await memory.lastAnswer('t')).toEqual({ question: 'Et quand ?', logEntryId: 'entry-3' });
      expect(await memory.lastAnswer('other')).toEqual({ question: 'Where?', logEntryId: 'entry-2' });
      expect(await memory.keyOfMessage('m1')).toBe('t');
      expect(await memory.keyOfMessage('m2')).toBe('other');
    });

    it('remembers the threads it opened', async () => {
      const memory = await subject().make({ maxTurns: 10 });
      await memory.rememberThread('th1');
      await memory.rememberThread('th1');
      expect(await memory.ownsThread('th1')).toBe(true);
      expect(await memory.ownsThread('th2')).toBe(false);
    });

    it.runIf(subject().reopen)('is found by another memory on the same storage (another replica, a restart)', async () => {
      const s = subject();
      const first = await s.make({ maxTurns: 10 });
      await first.record('t', exchange('q', 'a'), ['m']);
      await first.rememberThread('t');
      const second = await s.reopen!({ maxTurns: 10 });
      expect(await second.keyOfMessage('m')).toBe('t');
      expect(await second.ownsThread('t')).toBe(true);
      await second.record('t', exchange('q2', 'a2'), ['m2']);
      expect(await first.history('t')).toHaveLength(4);
    });

    it.runIf(subject().reopen)('keeps both turns recorded at the same moment by two replicas', async () => {
      const s = subject();
      const a = await s.make({ maxTurns: 10 });
      const b = await s.reopen!({ maxTurns: 10 });
      await Promise.all([a.record('t', exchange('qa', 'aa'), ['ma']), b.record('t', exchange('qb', 'ab'), ['mb'])]);
      expect((await a.history('t'))!.map((t) => t.text).sort()).toEqual(['aa', 'ab', 'qa', 'qb']);
    });
  });
}
