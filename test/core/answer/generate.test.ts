import { describe, expect, it } from 'vitest';
import { generateAnswer, type GenerateDeps } from '../../../src/core/answer/generate.js';
import { SogaError } from '../../../src/core/errors.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import type { FusedHit } from '../../../src/core/types.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';
import { ScriptedChatModel } from '../../fakes/scripted-chat-model.js';

const passage: FusedHit = {
  chunk: {
    id: 'nec#0',
    docId: 'nec',
    title: 'NEC ESS 2025',
    source: 'nec.md',
    lang: 'fr',
    date: '2025-11-01',
    position: 0,
    section: null,
    text: 'Le NEC ESS 2025 se tiendra du 25 au 27 novembre 2025 à Paris.',
  },
  score: 1,
  ranks: {},
  signals: {},
  coverage: 1,
};
const q = 'When does NEC ESS 2025 take place?';
const terms = weightedTopicTerms(q, 'en', ['en', 'fr'], null);
function deps(reply: () => string): GenerateDeps {
  return {
    chat: new ScriptedChatModel(reply),
    detector: new EldLanguageDetector({ fallback: 'en' }),
    prompts: { system: 'Answer in {{language}}. Today is {{today}}.', answer: '{{passages}}\n{{question}}' },
    warn: () => undefined,
    llmTimeoutMs: 1000,
  };
}
const run = (reply: () => string) => generateAnswer(deps(reply), q, 'en', [passage], terms, ['en', 'fr'], new Date('2026-12-06'), {});

describe('the generated answer', () => {
  it('is kept, with its citation, when it cites a passage it was given in the question language', async () => {
    const out = await run(() => 'NEC ESS 2025 takes place from 25 to 27 November 2025 in Paris [1].');
    expect(out).toMatchObject({ ok: true });
    if (out.ok) expect(out.citations[0].chunkId).toBe('nec#0');
  });
  it('is a refusal when the model says NO_ANSWER', async () => {
    expect(await run(() => 'NO_ANSWER')).toMatchObject({ ok: false, notFound: true });
  });
  it('falls back with the code of the failure, not its message', async () => {
    const timeout = await run(() => {
      throw new SogaError('LLM_TIMEOUT', 'slow');
    });
    expect(timeout).toMatchObject({ ok: false, reason: 'LLM_TIMEOUT' });
    const failed = await run(() => {
      throw new Error('the word timeout in a message is not a timeout');
    });
    expect(failed).toMatchObject({ ok: false, reason: 'LLM_FAILED' });
  });
  it('falls back when a marker names no given passage', async () => {
    expect(await run(() => 'It takes place in Paris [4].')).toMatchObject({ ok: false });
  });
});
