import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredTurns } from '../../../src/core/conversation/turns.js';
import type { Answer, AskContext } from '../../../src/core/types.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { Client, startHarness, type Harness } from './web-harness.js';

let h: Harness;
let client: Client;
const asked: AskContext[] = [];

const citation = {
  n: 1,
  chunkId: 'c1',
  docId: 'repair-cafe',
  title: 'The repair café',
  source: 'repair-cafe.md',
  quote: 'Le café de réparation se tient à Gand.',
  date: '2024-03-01',
  lang: 'fr' as const,
  score: 1,
};
const first: Answer = makeAnswer({
  question: 'Where does the repair café meet?',
  outcome: 'answered',
  mode: 'extractive',
  grounded: true,
  text: 'In short: Ghent [1].\nHere is what the SOGA articles say:\n« Le café de réparation se tient à Gand. » [1]',
  direct: 'In short: Ghent [1].',
  citations: [citation],
});

beforeEach(async () => {
  asked.length = 0;
  const assistant = new FakeAssistant((question, context) => {
    asked.push(context);
    return asked.length === 1 ? first : makeAnswer({ question });
  });
  h = await startHarness({ assistant });
  client = new Client(h.url);
  await client.signIn();
});
afterEach(async () => {
  await h.stop();
});

describe('a playground conversation', () => {
  it('asks a follow-up with the turn the other surfaces record, the stated sentence included', async () => {
    const res = await client.postForm('/playground', { _csrf: client.csrf, question: first.question, locale: 'en' });
    const turns = /name="turns" value="([^"]+)"/.exec(await res.text())?.[1];
    expect(turns).toMatch(/^\d+$/);
    await client.postForm('/playground', { _csrf: client.csrf, question: 'And on which day?', locale: 'en', turns: turns! });
    expect(asked[1].history).toEqual(answeredTurns(first.question, first));
    expect(asked[1].history?.[1].stated).toBe('In short: Ghent [1].');
  });
});
