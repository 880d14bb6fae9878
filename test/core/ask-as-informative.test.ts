/**
 * ask() with a scripted chat model: an answer that passes every claim check is still not delivered
 * when it tells the member less than the extractive answer would (core/answer/as-informative.ts).
 * Made-up passages; none of these questions is in an eval set.
 */
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/ask.js';
import { Messages } from '../../src/core/i18n.js';
import type { ChatMessage } from '../../src/core/ports.js';
import { EldLanguageDetector } from '../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../fakes/fake-chunk-store.js';
import { testAskOptions } from '../fakes/ask-options.js';
import { ScriptedChatModel } from '../fakes/scripted-chat-model.js';
import de from '../../prompts/locales/de.json' with { type: 'json' };
import en from '../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../prompts/locales/fr.json' with { type: 'json' };

const PASSAGES = [
  {
    title: 'Le CoopFest à Nantes',
    date: '2024-06-20',
    text: 'Le troisième CoopFest s’est tenu à Nantes les 14 et 15 juin 2024. Il a accueilli 2 300 visiteurs et 85 exposants venus de 9 régions.',
  },
  { title: 'Atelier sur les logiciels libres', date: '2023-02-10', text: 'Un atelier sur les logiciels libres a réuni 40 associations à Rennes en février 2023, animé par Claire Lemoine.' },
  {
    title: 'Le réseau des tiers-lieux',
    date: '2022-09-01',
    text: 'Le réseau des tiers-lieux plaide pour un financement public stable des lieux de médiation numérique, selon Paul Girard, son président.',
  },
];

const SYSTEM = 'You are SOGA Assistant. Today is {{today}}. Answer only from the numbered passages, in {{language}}.';
const ANSWER = '<passages>\n{{passages}}\n</passages>\n<question>\n{{question}}\n</question>\nAnswer in {{language}}, citing [n].';

/** The number the prompt gives the passage holding `word`. */
function n(messages: ChatMessage[], word: string): number {
  const i = messages[1].content.split('<passage n="').findIndex((p) => p.includes(word));
  if (i < 1) throw new Error(`no passage with "${word}" was given to the model`);
  return i;
}

async function ask(question: string, reply: (m: ChatMessage[]) => string) {
  const chat = new ScriptedChatModel(reply);
  const assistant = createAssistant(
    {
      store: FakeChunkStore.withPassages(PASSAGES),
      embedder: null,
      chat,
      detector: new EldLanguageDetector({ fallback: 'en' }),
      messages: new Messages({ en, fr, de }),
      prompts: { system: SYSTEM, answer: ANSWER, condense: '{{history}}\n{{question}}' },
      clock: { now: () => new Date('2026-12-06T12:00:00Z') },
    },
    testAskOptions({ contextPassages: 3, llmTimeoutMs: 500, llmOutput: 'text' }),
  );
  const answer = await assistant.ask(question);
  expect(chat.calls).toHaveLength(1);
  return answer;
}

describe('a checked answer that drops the value the extractive answer states gives way to the extractive answer', () => {
  it('a month where the extractive answer gives the days', async () => {
    const answer = await ask('When did the third CoopFest take place in Nantes?', (m) => `The third CoopFest took place in Nantes in June 2024 [${n(m, 'Nantes')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/^answer is less informative than the extractive one: it does not state the date 14–15\/6\/2024/);
  });

  it('an open question answered from a side passage, not the one the extractive answer quotes first', async () => {
    const answer = await ask('What does the réseau des tiers-lieux plead for?', (m) => `A workshop on free software brought together 40 associations in Rennes [${n(m, 'Rennes')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe('answer is less informative than the extractive one: it does not cite the passage that answers best');
    expect(answer.text).toContain('financement public stable');
  });
});

describe('a checked answer that states the same value in another form or language is delivered', () => {
  it('the days in English', async () => {
    const answer = await ask('When did the third CoopFest take place in Nantes?', (m) => `It took place on June 14–15, 2024 in Nantes [${n(m, 'Nantes')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });

  it('the days in German', async () => {
    const answer = await ask('Wann war das CoopFest in Nantes?', (m) => `Das CoopFest in Nantes war am 14. und 15. Juni 2024 [${n(m, 'Nantes')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });

  it('an open question answered from the passage the extractive answer quotes first', async () => {
    const answer = await ask(
      'What does the réseau des tiers-lieux plead for?',
      (m) => `The network pleads for stable public funding of digital mediation places, according to Paul Girard [${n(m, 'Girard')}].`,
    );
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });
});

describe('a "who" question with no direct value: the generated answer must name someone the extractive answer quotes', () => {
  // Made-up passages: the list of co-organisers, and a side passage that names the network itself.
  const FESTIVAL = [
    {
      title: 'Le Festival des communs 2026',
      date: '2026-03-02',
      text: 'Le Festival des communs 2026 est co-organisé par : la Fabrique Numérique ; Coop Lumière ; l’Atelier Solidaire. Il aura lieu à Grenoble.',
    },
    { title: 'Le réseau au Festival des communs', date: '2026-03-05', text: 'Le réseau Tisserands sera présent au Festival des communs 2026 avec un stand sur les communs numériques.' },
  ];
  async function askFestival(question: string, reply: (m: ChatMessage[]) => string) {
    const chat = new ScriptedChatModel(reply);
    const assistant = createAssistant(
      {
        store: FakeChunkStore.withPassages(FESTIVAL),
        embedder: null,
        chat,
        detector: new EldLanguageDetector({ fallback: 'en' }),
        messages: new Messages({ en, fr, de }),
        prompts: { system: SYSTEM, answer: ANSWER, condense: '{{history}}\n{{question}}' },
        clock: { now: () => new Date('2026-12-06T12:00:00Z') },
      },
      testAskOptions({ contextPassages: 2, llmTimeoutMs: 500, llmOutput: 'text' }),
    );
    return assistant.ask(question);
  }
  const QUESTION = 'Which partners co-organise the Festival des communs 2026?';

  it('naming only someone the quotes do not give way to the extractive answer, which lists them', async () => {
    const answer = await askFestival(QUESTION, (m) => `The Tisserands network takes part in the Festival des communs 2026 [${n(m, 'Tisserands')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/^answer is less informative than the extractive one: it names none of "Fabrique Numérique"/);
    expect(answer.text).toContain('Coop Lumière');
  });

  it('naming the quoted co-organisers, in the answer’s own words, is delivered', async () => {
    const answer = await askFestival(QUESTION, (m) => `It is co-organised by the Fabrique Numérique, Coop Lumière and the Atelier Solidaire [${n(m, 'Lumière')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });
});
