/**
 * ask() with a chat model whose answer is not delivered (a failed check, the time limit, a crash,
 * NO_ANSWER, the wrong language): the member gets exactly the answer the extractive default gives with
 * no model configured — the events index's answers, direct answers and refusals included. Made-up
 * articles and events; none of these questions is in an eval set.
 */
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/ask.js';
import { Messages } from '../../src/core/i18n.js';
import type { ChatMessage, ChatModel } from '../../src/core/ports.js';
import { EldLanguageDetector } from '../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../fakes/fake-chunk-store.js';
import { FakeEventStore, makeEvent } from '../fakes/fake-event-store.js';
import { testAskOptions } from '../fakes/ask-options.js';
import { ScriptedChatModel, StalledChatModel } from '../fakes/scripted-chat-model.js';
import de from '../../prompts/locales/de.json' with { type: 'json' };
import en from '../../prompts/locales/en.json' with { type: 'json' };
import es from '../../prompts/locales/es.json' with { type: 'json' };
import fr from '../../prompts/locales/fr.json' with { type: 'json' };

const PASSAGES = [
  {
    title: 'Le CoopFest et le LabFest',
    date: '2024-06-20',
    text: 'Le 14 juin 2024, deux membres du réseau étaient au CoopFest, à Nantes. Le 17 juin 2024, ils ont animé un atelier au LabFest, à Lille, qui a réuni plus de 300 participants.',
  },
  { title: 'Atelier sur les logiciels libres', date: '2023-02-10', text: 'Un atelier sur les logiciels libres a réuni 40 associations à Rennes en février 2023, animé par Claire Lemoine.' },
  {
    title: 'Le réseau des tiers-lieux',
    date: '2022-09-01',
    text: 'Le réseau des tiers-lieux plaide pour un financement public stable des lieux de médiation numérique, selon Paul Girard, son président.',
  },
];

const EVENTS = new FakeEventStore([
  makeEvent({
    name: 'CoopFest',
    start: '2024-06-14',
    places: ['Nantes'],
    sentence: 'Le 14 juin 2024, deux membres du réseau étaient au CoopFest, à Nantes.',
    docId: 'doc-0',
    chunkId: 'doc-0#0',
    docDate: '2024-06-20',
  }),
  makeEvent({
    name: 'LabFest',
    start: '2024-06-17',
    places: ['Lille'],
    sentence: 'Le 17 juin 2024, ils ont animé un atelier au LabFest, à Lille, qui a réuni plus de 300 participants.',
    docId: 'doc-0',
    chunkId: 'doc-0#0',
    docDate: '2024-06-20',
  }),
]);

const SYSTEM = 'You are SOGA Assistant. Today is {{today}}. Answer only from the numbered passages, in {{language}}.';
const ANSWER = '<passages>\n{{passages}}\n</passages>\n<question>\n{{question}}\n</question>\nAnswer in {{language}}, citing [n].';

function build(chat: ChatModel | null) {
  return createAssistant(
    {
      store: FakeChunkStore.withPassages(PASSAGES),
      embedder: null,
      chat,
      detector: new EldLanguageDetector({ fallback: 'en' }),
      messages: new Messages({ en, fr, de, es }),
      prompts: { system: SYSTEM, answer: ANSWER, condense: '{{history}}\n{{question}}' },
      clock: { now: () => new Date('2026-12-06T12:00:00Z') },
      events: EVENTS,
    },
    testAskOptions({ contextPassages: 3, llmTimeoutMs: 100, llmOutput: 'text' }),
  );
}

/** The number the prompt gives the first passage holding `word` (the events index's facts come first). */
function n(messages: ChatMessage[], word: string): number {
  const i = messages[1].content.split('<passage n="').findIndex((p) => p.includes(word));
  if (i < 1) throw new Error(`no passage with "${word}" was given to the model`);
  return i;
}

/** The parts of an answer the member sees. */
const seen = (a: { outcome: string; text: string; citations: { chunkId: string; quote: string }[] }) => ({
  outcome: a.outcome,
  text: a.text,
  citations: a.citations.map((c) => [c.chunkId, c.quote]),
});

async function compare(question: string, chat: ChatModel) {
  const withoutModel = await build(null).ask(question);
  const withModel = await build(chat).ask(question);
  return { withoutModel, withModel };
}

/** Replies that fail a check whatever the question: a number no passage holds, and markers only. */
const FAILING: [string, (m: ChatMessage[]) => string][] = [
  ['a number no passage holds', (m) => `The two events were 9 days apart, with 4 000 participants [${n(m, 'Lille')}].`],
  ['markers only', (m) => `[${n(m, 'Lille')}]`],
];

describe('a model answer that fails a check on a question about two events of the index gives the listing the extractive default gives', () => {
  for (const [what, reply] of FAILING) {
    it(`${what}: both events with their dates, as without a model`, async () => {
      const chat = new ScriptedChatModel(reply);
      const { withoutModel, withModel } = await compare('How many days after the CoopFest was the LabFest held?', chat);
      expect(chat.calls).toHaveLength(1);
      expect(withoutModel.text).toMatch(/June 14, 2024[\s\S]*June 17, 2024/);
      expect(withModel.mode).toBe('extractive');
      expect(withModel.fallbackReason).toBeTruthy();
      expect(seen(withModel)).toEqual(seen(withoutModel));
    });
  }

  it('in Spanish too', async () => {
    const chat = new ScriptedChatModel((m) => `El LabFest se celebró 13 días después del CoopFest [${n(m, 'CoopFest')}].`);
    const { withoutModel, withModel } = await compare('¿Cuántos días después del CoopFest se celebró el LabFest?', chat);
    expect(withoutModel.text).toMatch(/14 de junio de 2024[\s\S]*17 de junio de 2024/);
    expect(withModel.fallbackReason).toBeTruthy();
    expect(seen(withModel)).toEqual(seen(withoutModel));
  });
});

describe('every way a model answer is replaced gives the answer the extractive default gives', () => {
  const questions = [
    'How many days after the CoopFest was the LabFest held?',
    'When was the CoopFest?',
    'How many participants did the LabFest bring together?',
    'What does the réseau des tiers-lieux plead for?',
    'Who wrote the charter of the Fédération des vélos partagés?',
  ];
  const failures: [string, () => ChatModel][] = [
    ['the time limit', () => new StalledChatModel()],
    [
      'a crash',
      () =>
        new ScriptedChatModel(() => {
          throw new Error('llama.cpp exited');
        }),
    ],
    ['NO_ANSWER (the model may not refuse: the default)', () => new ScriptedChatModel(() => 'NO_ANSWER')],
    ['the wrong language', () => new ScriptedChatModel((m) => `Das Netzwerk war in Lille, am 17. Juni 2024, mit mehr als 300 Teilnehmenden [${n(m, 'Lille')}].`)],
  ];
  for (const [what, model] of failures) {
    it(what, async () => {
      for (const question of questions) {
        const { withoutModel, withModel } = await compare(question, model());
        expect({ question, ...seen(withModel) }).toEqual({ question, ...seen(withoutModel) });
      }
    });
  }

  it('the questions cover an events listing, a direct answer, a quote and a refusal', async () => {
    const outcomes = await Promise.all(questions.map((q) => build(null).ask(q)));
    expect(outcomes.map((a) => a.outcome)).toEqual(['answered', 'answered', 'answered', 'answered', 'not_found']);
    expect(outcomes[0].text).toMatch(/CoopFest[\s\S]*LabFest/);
    expect(outcomes[2].direct).toBeTruthy();
  });
});
