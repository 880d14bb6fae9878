/**
 * What every answer log does (the bot's side and the staff side), run against each implementation:
 * SQLite (test/infra/sqlite/answer-log.test.ts) and PostgreSQL (test/infra/postgres/pg-answer-log.int.test.ts).
 * `make` gives an empty log on storage of its own; `reopen` a second handle on the same storage (another
 * process, or another replica) with the key given.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerLogAdmin } from '../../../src/core/answer-log.js';
import { isSogaError } from '../../../src/core/errors.js';
import type { Answer } from '../../../src/core/types.js';
import { csvCell } from '../../../src/infra/sqlite/answer-log-export.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';

export type TestAnswerLog = AnswerLogAdmin & { readonly keyMatches: boolean; close(): void | Promise<void> };

export interface AnswerLogSubject {
  make(options: { hmacKey: string | undefined; now: () => Date }): Promise<TestAnswerLog>;
  reopen(options: { hmacKey: string; now?: () => Date }): Promise<TestAnswerLog>;
}

export const KEY = 'test-key-0123456789abcdef';

export async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

export const answered = (question: string, extra: Partial<Answer> = {}): Answer =>
  makeAnswer({
    question,
    outcome: 'answered',
    grounded: true,
    mode: 'extractive',
    text: 'Fourteen countries were represented. [1]',
    citations: [{ n: 1, chunkId: 'summit#2', docId: 'summit', title: 'Summit', source: 'a.md', quote: 'venus de 14 pays', date: '2023-05-01', lang: 'fr', score: 0.82 }],
    retrieved: [
      {
        chunk: { id: 'summit#2', docId: 'summit', title: 'Summit', source: 'a.md', lang: 'fr', date: null, position: 2, section: 'Intro', text: 'long text not stored' },
        score: 0.032,
        ranks: { vector: 1, lexical: 2 },
        signals: { vector: 0.82, lexical: 7.1 },
        coverage: 0.75,
      },
    ],
    ...extra,
  });

export function describeAnswerLog(name: string, subject: () => AnswerLogSubject): void {
  describe(`the answer log (${name})`, () => {
    let clock: Date;
    let log: TestAnswerLog;
    const at = (iso: string) => {
      clock = new Date(iso);
    };

    beforeEach(async () => {
      clock = new Date('2025-06-15T12:00:00Z');
      log = await subject().make({ hmacKey: KEY, now: () => clock });
    });

    afterEach(async () => {
      await log.close();
    });

    describe('recording an answer', () => {
      it('stores everything review needs and reads it back by id', async () => {
        const id = await log.record({ surface: 'discord', place: 'chan-1', askerId: 'user-42', answer: answered('How many countries?') });
        const entry = (await log.get(id))!;
        expect(entry.question).toBe('How many countries?');
        expect(entry.surface).toBe('discord');
        expect(entry.place).toBe('chan-1');
        expect(entry.outcome).toBe('answered');
        expect(entry.grounded).toBe(true);
        expect(entry.citations[0]).toMatchObject({ chunkId: 'summit#2', score: 0.82 });
        expect(entry.retrieved[0]).toMatchObject({ chunkId: 'summit#2', score: 0.032, ranks: { vector: 1, lexical: 2 } });
        expect(entry.timings.totalMs).toBe(11);
        expect(entry.models).toEqual({ embedder: 'fake-embedder', chat: null });
        expect(entry.reviewStatus).toBe('unreviewed');
        expect(entry.createdAt).toBe('2025-06-15T12:00:00.000Z');
      });

      it('stores which index answered: an entry recorded behind reads back behind, one recorded without numbers reads null', async () => {
        const behind = await log.record({ surface: 'web', answer: answered('Who runs the repair café?'), freshness: { index: 41, store: 43 } });
        const unknown = await log.record({ surface: 'web', answer: answered('Who runs the bike workshop?') });
        expect((await log.get(behind))!.freshness).toEqual({ index: 41, store: 43 });
        expect((await log.get(unknown))!.freshness).toEqual({ index: null, store: null });
        const listed = (await log.list()).items.map((e) => [e.id, e.freshness]);
        expect(listed).toEqual([
          [unknown, { index: null, store: null }],
          [behind, { index: 41, store: 43 }],
        ]);
        const exported = (await collect(log.exportLines('jsonl'))).map((line) => (JSON.parse(line) as { freshness: unknown }).freshness);
        expect(exported).toEqual([
          { index: 41, store: 43 },
          { index: null, store: null },
        ]);
        const csv = (await collect(log.exportLines('csv'))).join('').trim().split('\n');
        expect(csv[0]).toMatch(/,index_change,store_change$/);
        expect(csv[1]).toMatch(/,41,43$/);
        expect(csv[2]).toMatch(/,,$/);
      });

      it('stores each citation’s title and link, so that the desk and the playground show them', async () => {
        const cited = answered('Where was the summit?', {
          citations: [
            { n: 1, chunkId: 'summit#2', docId: 'summit', title: 'Summit in Lyon', source: 'a.md', url: 'https://example.org/summit', quote: 'à Lyon', date: null, lang: 'fr', score: 0.8 },
            { n: 2, chunkId: 'notes#0', docId: 'notes', title: 'Notes', source: 'b.md', quote: 'Lyon', date: null, lang: 'fr', score: 0.5 },
          ],
        });
        const entry = (await log.get(await log.record({ surface: 'web', answer: cited })))!;
        expect(entry.citations.map((c) => [c.title, c.url])).toEqual([
          ['Summit in Lyon', 'https://example.org/summit'],
          ['Notes', null],
        ]);
      });

      it('stores the sentences the claim checks removed, with why, and the fallback reason', async () => {
        const removed = [{ text: 'It was held in Mannheim [1].', reason: '"Mannheim" is not in the cited [1] (it is in [2])' }];
        const id = await log.record({ surface: 'cli', answer: answered('Where was it held?', { fallbackReason: 'answer does not give the place the question asks for', removed }) });
        expect(await log.get(id)).toMatchObject({ fallbackReason: 'answer does not give the place the question asks for', removed });
        const plain = await log.record({ surface: 'cli', answer: answered('q') });
        expect((await log.get(plain))!.removed).toEqual([]);
      });

      it('pseudonymises the asker with the keyed HMAC', async () => {
        await log.record({ surface: 'matrix', askerId: '@alice:example.org', answer: answered('q') });
        const entry = (await log.list()).items[0];
        expect((await log.get(entry.id))!.asker).toBe(createHmac('sha256', KEY).update('@alice:example.org').digest('hex'));
      });

      it('refuses to open without an HMAC key', async () => {
        await expect(subject().make({ hmacKey: undefined, now: () => clock })).rejects.toThrowError(/SOGA_LOG_HMAC_KEY/);
      });

      it('records feedback, one vote per person, and refuses feedback on a missing entry', async () => {
        const id = await log.record({ surface: 'discord', answer: answered('q') });
        await log.addFeedback(id, { rating: 'up', by: 'bob' });
        await log.addFeedback(id, { rating: 'down', by: 'bob', comment: 'wrong date' });
        await log.addFeedback(id, { rating: 'down', by: 'carol' });
        const entry = (await log.get(id))!;
        expect(entry.thumbsUp).toBe(0);
        expect(entry.thumbsDown).toBe(2);
        expect(entry.feedback.map((f) => f.comment)).toContain('wrong date');
        await expect(log.addFeedback('999', { rating: 'up' })).rejects.toSatisfy((e) => isSogaError(e, 'NOT_FOUND'));
      });
    });

    describe('listing the log with filters and paging', () => {
      beforeEach(async () => {
        at('2025-06-01T09:00:00Z');
        const a = await log.record({ surface: 'discord', answer: answered('first fr', { language: 'fr' }) });
        at('2025-06-02T09:00:00Z');
        await log.record({ surface: 'matrix', answer: makeAnswer({ question: 'unknown thing', language: 'en' }) });
        at('2025-06-03T23:59:00Z');
        const c = await log.record({ surface: 'web', answer: answered('third en') });
        await log.addFeedback(a, { rating: 'down', by: 'u1' });
        await log.review(c, { status: 'reviewed', by: 'admin' });
      });

      it('filters by inclusive date range', async () => {
        expect((await log.list({ from: '2025-06-02', to: '2025-06-03' })).items.map((e) => e.question)).toEqual(['third en', 'unknown thing']);
        expect((await log.list({ to: '2025-06-01' })).items.map((e) => e.question)).toEqual(['first fr']);
      });

      it('lists the surfaces and languages the filters offer, each once, in order', async () => {
        await log.record({ surface: 'discord', answer: answered('again fr', { language: 'fr' }) });
        expect(await log.surfaces()).toEqual(['discord', 'matrix', 'web']);
        expect(await log.languages()).toEqual(['en', 'fr']);
      });

      it('filters by surface, language, thumbs-down, refused and unreviewed', async () => {
        expect((await log.list({ surface: 'matrix' })).items.map((e) => e.question)).toEqual(['unknown thing']);
        expect((await log.list({ lang: 'fr' })).items.map((e) => e.question)).toEqual(['first fr']);
        expect((await log.list({ thumbsDownOnly: true })).items.map((e) => e.question)).toEqual(['first fr']);
        expect((await log.list({ refusedOnly: true })).items.map((e) => e.question)).toEqual(['unknown thing']);
        expect((await log.list({ unreviewedOnly: true })).total).toBe(2);
      });

      it('searches questions, searched queries and answers by words, ignoring accents and case, and follows deletions', async () => {
        at('2025-06-04T09:00:00Z');
        const followUp = await log.record({
          surface: 'discord',
          answer: answered('Et où ?', { standaloneQuestion: 'Où a lieu le Sommet de Strasbourg ?', text: 'Le sommet a lieu à Strasbourg, au Palais.\nDeuxième ligne.' }),
        });
        expect((await log.list({ text: 'STRASBOURG' })).items.map((e) => e.id)).toEqual([followUp]);
        expect((await log.list({ text: 'palais strasb' })).items.map((e) => e.id)).toEqual([followUp]);
        expect((await log.list({ text: 'sommet' })).items.map((e) => e.id)).toEqual([followUp]);
        expect((await log.list({ text: 'deuxieme' })).items.map((e) => e.id)).toEqual([followUp]);
        expect((await log.list({ text: 'fourteen countries' })).total).toBe(2);
        expect((await log.list({ text: 'palais lyon' })).total).toBe(0);
        // FTS syntax in staff text is only words: no error, no operator.
        expect((await log.list({ text: 'palais" OR "x' })).items.map((e) => e.id)).toEqual([]);
        expect((await log.list({ text: 'NEAR(a b) *' })).total).toBe(0);
        expect((await log.list({ text: '"'.repeat(3) })).total).toBe(4);
        expect(await log.purgeOlderThan(1, new Date('2025-06-05T00:00:00Z'))).toBe(3);
        expect((await log.list({ text: 'fourteen' })).total).toBe(0);
        expect((await log.list({ text: 'strasbourg' })).total).toBe(1);
      });

      it('lists the first line of each answer and why it fell back', async () => {
        at('2025-06-05T09:00:00Z');
        await log.record({ surface: 'web', answer: answered('long', { text: `\n  ${'mot '.repeat(80)}\nsecond line`, fallbackReason: 'LLM_TIMEOUT' }) });
        const [row] = (await log.list({ text: 'long' })).items;
        expect(row.answerFirstLine.endsWith('…')).toBe(true);
        expect(row.answerFirstLine.length).toBeLessThanOrEqual(201);
        expect(row.answerFirstLine).not.toContain('second line');
        expect(row.fallbackReason).toBe('LLM_TIMEOUT');
      });

      it('finds the turns of the conversation an entry belongs to: same asker and place, no gap over the limit', async () => {
        const turn = async (iso: string, question: string, asker = 'u9', place = 'room-1') => {
          at(iso);
          return log.record({ surface: 'matrix', place, askerId: asker, answer: answered(question, { standaloneQuestion: `${question} (rewritten)` }) });
        };
        const before = await turn('2025-06-10T08:00:00Z', 'an hour before');
        const first = await turn('2025-06-10T09:00:00Z', 'When is the summit?');
        const other = await turn('2025-06-10T09:05:00Z', 'someone else', 'u8');
        const elsewhere = await turn('2025-06-10T09:06:00Z', 'another room', 'u9', 'room-2');
        const second = await turn('2025-06-10T09:10:00Z', 'And where?');
        const third = await turn('2025-06-10T09:35:00Z', 'Who organises it?');
        const later = await turn('2025-06-10T11:00:00Z', 'much later');
        expect((await log.conversation(second)).map((e) => e.id)).toEqual([first, second, third]);
        expect((await log.conversation(first)).map((e) => e.question)).toEqual(['When is the summit?', 'And where?', 'Who organises it?']);
        expect((await log.conversation(later)).map((e) => e.id)).toEqual([later]);
        expect((await log.conversation(before)).map((e) => e.id)).toEqual([before]);
        expect((await log.conversation(other)).map((e) => e.id)).toEqual([other]);
        expect((await log.conversation(elsewhere)).map((e) => e.id)).toEqual([elsewhere]);
        expect((await log.conversation(second))[1].followUp).toBe(true);
        expect(await log.conversation('424242')).toEqual([]);
        const anonymous = await log.record({ surface: 'cli', answer: answered('no asker') });
        expect((await log.conversation(anonymous)).map((e) => e.id)).toEqual([anonymous]);
      });

      it('pages newest first', async () => {
        const first = await log.list({}, { page: 1, pageSize: 2 });
        const second = await log.list({}, { page: 2, pageSize: 2 });
        expect(first.total).toBe(3);
        expect(first.items.map((e) => e.question)).toEqual(['third en', 'unknown thing']);
        expect(second.items.map((e) => e.question)).toEqual(['first fr']);
      });

      it('computes the overview: per day, shares, languages and top unanswered questions', async () => {
        at('2025-06-03T10:00:00Z');
        await log.record({ surface: 'discord', answer: makeAnswer({ question: 'Unknown thing ' }) });
        const stats = await log.stats();
        expect(stats.total).toBe(4);
        expect(stats.perDay).toEqual([
          { day: '2025-06-01', questions: 1, refused: 0, thumbsDown: 1 },
          { day: '2025-06-02', questions: 1, refused: 1, thumbsDown: 0 },
          { day: '2025-06-03', questions: 2, refused: 1, thumbsDown: 0 },
        ]);
        expect(stats.shareRefused).toBeCloseTo(0.5);
        expect(stats.shareThumbsDown).toBeCloseTo(0.25);
        expect(stats.languages).toEqual([
          { lang: 'en', count: 3 },
          { lang: 'fr', count: 1 },
        ]);
        expect(stats.topUnanswered).toHaveLength(1);
        expect(stats.topUnanswered[0].count).toBe(2);
        // 'first fr' and 'third en' both cite the summit article.
        expect(stats.citedDocuments).toEqual([{ docId: 'summit', title: 'Summit', count: 2 }]);
        expect((await log.stats({ from: '2025-06-02', to: '2025-06-02' })).citedDocuments).toEqual([]);
      });
    });

    describe('reviewing and exporting corrections', () => {
      it('marks, flags and corrects an entry, and exports corrections as eval questions', async () => {
        const id = await log.record({ surface: 'discord', answer: answered('Combien de pays ?', { language: 'fr' }) });
        const other = await log.record({ surface: 'discord', answer: makeAnswer({ question: 'Who is the CEO of Mars?' }) });
        await log.review(id, { status: 'flagged', by: 'admin' });
        expect((await log.get(id))!.reviewStatus).toBe('flagged');
        const corrected = await log.review(id, { status: 'reviewed', by: 'admin', correctedAnswer: 'Quatorze pays (14).', correctedFacts: ['14', ' '] });
        expect(corrected).toMatchObject({ reviewStatus: 'reviewed', reviewedBy: 'admin', correctedAnswer: 'Quatorze pays (14).', correctedFacts: ['14'] });
        await log.review(other, { status: 'reviewed', by: 'admin', correctedAnswerable: false });
        expect(await log.exportEvalQuestions()).toEqual([
          { id: `log-${id}`, lang: 'fr', q: 'Combien de pays ?', evidence: [], facts: ['14'], answerable: true },
          { id: `log-${other}`, lang: 'en', q: 'Who is the CEO of Mars?', evidence: [], facts: [], answerable: false },
        ]);
        await expect(log.review('12345', { status: 'reviewed', by: 'admin' })).rejects.toThrowError(/does not exist/);
      });

      it('exports JSONL and CSV, neutralising spreadsheet formulas', async () => {
        await log.record({ surface: 'cli', answer: answered('=HYPERLINK("http://evil")') });
        await log.record({ surface: 'cli', answer: answered('plain, with "quotes"') });
        const jsonl = await collect(log.exportLines('jsonl'));
        expect(jsonl).toHaveLength(2);
        expect(JSON.parse(jsonl[0])).toMatchObject({ question: '=HYPERLINK("http://evil")', citations: [{ chunkId: 'summit#2' }] });
        const csv = (await collect(log.exportLines('csv'))).join('');
        expect(csv.split('\n')[0]).toMatch(/^id,created_at,surface/);
        expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
        expect(csv).toContain('"plain, with ""quotes"""');
        expect(csvCell('-1')).toBe("'-1");
      });

      it('exports every entry once across read pages, even when many share a timestamp, with their feedback', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 1201; i++) ids.push(await log.record({ surface: 'discord', answer: makeAnswer({ question: `q${i}` }) }));
        await log.addFeedback(ids[700], { rating: 'down', comment: 'wrong', by: 'x' });
        const lines = (await collect(log.exportLines('jsonl'))).map((l) => JSON.parse(l) as { id: string; feedback: { rating: string; comment: string }[] });
        expect(lines.map((l) => l.id)).toEqual(ids);
        expect(lines[700].feedback).toMatchObject([{ rating: 'down', comment: 'wrong' }]);
        expect(await collect(log.exportLines('csv'))).toHaveLength(1202);
      });
    });

    describe('retention and erasure', () => {
      it('purges entries older than N days with their feedback, keeping newer ones', async () => {
        at('2025-01-01T00:00:00Z');
        const old = await log.record({ surface: 'discord', answer: answered('old') });
        await log.addFeedback(old, { rating: 'down', by: 'x' });
        at('2025-03-20T00:00:00Z');
        await log.record({ surface: 'discord', answer: answered('recent') });
        const purged = await log.purgeOlderThan(90, new Date('2025-04-15T00:00:00Z'));
        expect(purged).toBe(1);
        expect((await log.list()).items.map((e) => e.question)).toEqual(['recent']);
        expect(await log.get(old)).toBeNull();
        await expect(log.purgeOlderThan(0)).rejects.toThrowError(/positive/);
      });

      it('erases every entry asked by one platform user and their feedback, and nobody else', async () => {
        const mine = await log.record({ surface: 'discord', askerId: '1234567890', answer: answered('mine') });
        await log.record({ surface: 'matrix', askerId: '1234567890', answer: answered('mine too') });
        const theirs = await log.record({ surface: 'discord', askerId: '999', answer: answered('theirs') });
        await log.addFeedback(theirs, { rating: 'down', by: '1234567890' });
        await log.addFeedback(theirs, { rating: 'up', by: '999' });
        await log.addFeedback(mine, { rating: 'up', by: '999' });
        expect(await log.eraseUser('1234567890')).toEqual({ entries: 2, feedback: 1, proposals: 0 });
        expect((await log.list()).items.map((e) => e.question)).toEqual(['theirs']);
        expect((await log.get(theirs))!.feedback).toHaveLength(1);
        expect((await log.get(theirs))!.thumbsUp).toBe(1);
        // A second process (or replica) on the same storage sees the erasure.
        const reopened = await subject().reopen({ hmacKey: KEY });
        try {
          expect((await reopened.list()).total).toBe(1);
        } finally {
          await reopened.close();
        }
      });
    });

    describe('the pseudonymisation key the log was written with', () => {
      it('refuses to erase with another key instead of reporting 0 entries erased, and keeps the entries', async () => {
        await log.record({ surface: 'discord', askerId: 'alice', answer: answered('mine') });
        const other = await subject().reopen({ hmacKey: 'a-fresh-key-that-is-not-the-log-one' });
        try {
          expect(other.keyMatches).toBe(false);
          await expect(other.eraseUser('alice')).rejects.toThrowError(expect.objectContaining({ code: 'LOG_KEY_MISMATCH', message: expect.stringContaining('another pseudonymisation key') }));
          await expect(other.record({ surface: 'cli', askerId: 'alice', answer: answered('again') })).rejects.toMatchObject({ code: 'LOG_KEY_MISMATCH' });
          // What needs no key still works: staff can read, export and purge.
          expect((await other.list()).items.map((e) => e.question)).toEqual(['mine']);
          expect(await collect(other.exportLines('jsonl'))).toHaveLength(1);
        } finally {
          await other.close();
        }
        expect(await log.eraseUser('alice')).toEqual({ entries: 1, feedback: 0, proposals: 0 });
      });
    });

    describe('audit trail', () => {
      it('keeps who viewed or changed what, newest first', async () => {
        await log.audit('admin', 'view_entry', '3');
        await log.audit('admin', 'export', null, 'csv');
        expect((await log.listAudit()).map((a) => [a.actor, a.action, a.target])).toEqual([
          ['admin', 'export', null],
          ['admin', 'view_entry', '3'],
        ]);
      });
    });
  });
}
