import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/core/assistant.js';
import type { AskContext } from '../../src/core/types.js';
import { evaluate, formatReport, readEvalItems, readQuestions } from '../../src/eval/evaluate.js';
import { makeAnswer } from '../fakes/fake-assistant.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'soga-eval-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** Answers "where" only when the event is named, in the question or in the history it was given. */
function scripted(): Assistant & { contexts: AskContext[] } {
  const contexts: AskContext[] = [];
  return {
    contexts,
    async ask(question, context = {}) {
      contexts.push(context);
      const said = [question, ...(context.history ?? []).filter((t) => t.role === 'user').map((t) => t.text)].join(' ');
      if (!/NEC ESS/.test(said)) return makeAnswer({ question });
      // A history that contains paella spoils the answer: the kind of glue the evaluation must catch.
      if ((context.history ?? []).some((t) => /paella/.test(t.text))) return makeAnswer({ question });
      const text = /where/i.test(question) ? 'In Brussels [1].' : 'From 25 to 27 November 2025 [1].';
      return makeAnswer({ question, standaloneQuestion: `NEC ESS — ${question}`, outcome: 'answered', grounded: true, mode: 'extractive', text, citations: [{ n: 1, chunkId: 'c', docId: 'd', title: 'NEC ESS 2025', source: 'a.md', lang: 'en', date: null, quote: text, score: 1 }] });
    },
  };
}

describe('conversation items in an evaluation set', () => {
  it('asks each turn with the earlier turns as history and reports later turns apart from first turns', async () => {
    const file = path.join(dir, 'conv.jsonl');
    await writeFile(file, [
      JSON.stringify({ id: 'q1', lang: 'en', q: 'When is NEC ESS 2025?', evidence: [], facts: ['November'], answerable: true }),
      JSON.stringify({ id: 'c1', lang: 'en', turns: [{ q: 'When is NEC ESS 2025?', facts: ['November'], answerable: true }, { q: 'And where?', facts: ['Brussels'], answerable: true }] }),
      JSON.stringify({ id: 'c2', lang: 'es', turns: [{ q: 'Best paella recipe?', answerable: false }, { q: 'When is NEC ESS 2025?', facts: ['November'], answerable: true }] }),
    ].join('\n'));
    const assistant = scripted();
    const report = await evaluate(assistant, await readEvalItems(file));
    expect(report.results.map((r) => [r.id, r.turn ?? null, r.factsOk])).toEqual([['q1', null, true], ['c1#1', 1, true], ['c1#2', 2, true], ['c2#1', 1, null], ['c2#2', 2, false]]);
    expect(assistant.contexts[2].history?.map((t) => t.text)).toEqual(['When is NEC ESS 2025?', 'From 25 to 27 November 2025 [1].']);
    expect(report.results[2].query).toBe('NEC ESS — And where?');
    expect(report.byTurn?.first.questions).toBe(3);
    expect(report.byTurn?.followUp).toMatchObject({ questions: 2, factAccuracy: 0.5 });
    expect(report.byTurn?.refusedBecauseOfHistory).toBe(1);
    expect(formatReport(report)).toMatch(/later turns refused only because of the conversation: 1/);
  });

  it('names the line and the field of a malformed conversation, and the question-only reader refuses conversations', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, `${JSON.stringify({ id: 'c', lang: 'en', turns: [{ q: 'x' }] })}\n`);
    await expect(readEvalItems(bad)).rejects.toMatchObject({ code: 'EVAL_FILE_INVALID', message: expect.stringMatching(/bad\.jsonl:1: turns\.0\.answerable/) });
    const ok = path.join(dir, 'ok.jsonl');
    await writeFile(ok, `${JSON.stringify({ id: 'c', lang: 'en', turns: [{ q: 'x', answerable: false }] })}\n`);
    await expect(readQuestions(ok)).rejects.toMatchObject({ code: 'EVAL_FILE_INVALID', message: expect.stringMatching(/c is a conversation/) });
  });
});
