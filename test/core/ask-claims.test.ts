/**
 * ask() with a scripted chat model that gets things wrong the way small models do: every claim of a
 * generated answer must be in the passages its sentence cites, in whatever language the answer is.
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

/** The model's own words: the first line; the extractive answer's quotes follow (quoted-evidence.ts). */
const modelWords = (text: string) => text.split('\n')[0];

const PASSAGES = [
  {
    title: 'EUSES 2022 à Strasbourg',
    date: '2022-05-10',
    text: 'Le deuxième Sommet européen de l’économie sociale (EUSES 2022) s’est tenu à Strasbourg les 5 et 6 mai 2022. Il a réuni 1 200 participants venus de 14 pays.',
  },
  { title: 'EUSES 2021 à Mannheim', date: '2021-05-28', text: 'Le premier sommet, EUSES 2021, s’est tenu à Mannheim les 26 et 27 mai 2021, en présence de Nicolas Schmit, commissaire européen.' },
  { title: 'Coopedia, un commun numérique', date: '2023-03-01', text: 'Coopedia, le commun numérique des coopératives, a été présenté par Marie Dupont à Bruxelles puis à Lisbonne.' },
];

const SYSTEM = 'You are SOGA Assistant. Today is {{today}}. Answer only from the numbered passages, in {{language}}.';
const ANSWER = '<passages>\n{{passages}}\n</passages>\n<question>\n{{question}}\n</question>\nAnswer in {{language}}, citing [n].';
const ANSWER_JSON = `${ANSWER}\nReply with JSON: {"sentences": [{"text": "…", "passages": [n]}]}.`;

/** The number the prompt gives the passage holding `word` (retrieval decides the order). */
function n(messages: ChatMessage[], word: string): number {
  const i = messages[1].content.split('<passage n="').findIndex((p) => p.includes(word));
  if (i < 1) throw new Error(`no passage with "${word}" was given to the model`);
  return i;
}

function build(chat: ScriptedChatModel, llmOutput: 'json' | 'text' = 'text') {
  return createAssistant(
    {
      store: FakeChunkStore.withPassages(PASSAGES),
      embedder: null,
      chat,
      detector: new EldLanguageDetector({ fallback: 'en' }),
      messages: new Messages({ en, fr, de }),
      prompts: { system: SYSTEM, answer: ANSWER, answerJson: ANSWER_JSON, condense: '{{history}}\n{{question}}' },
      clock: { now: () => new Date('2026-12-06T12:00:00Z') },
    },
    testAskOptions({ contextPassages: 3, llmTimeoutMs: 500, llmOutput }),
  );
}

async function ask(question: string, reply: (m: ChatMessage[]) => string, llmOutput: 'json' | 'text' = 'text') {
  const chat = new ScriptedChatModel(reply);
  const answer = await build(chat, llmOutput).ask(question);
  expect(chat.calls).toHaveLength(1);
  return answer;
}

describe('ask() falls back to the extractive answer when a generated claim is not in the passage it cites', () => {
  it('a swapped year', async () => {
    const answer = await ask('When and where was EUSES 2022 held?', (m) => `EUSES 2022 was held in Strasbourg on 5 and 6 May 2021 [${n(m, 'Strasbourg')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/the date 5–6\/5\/2021 is not in the cited \[\d\]/);
    expect(answer.removed).toEqual([{ text: expect.stringContaining('5 and 6 May 2021'), reason: expect.stringContaining('5–6/5/2021') }]);
    expect(answer.text).toContain('5 et 6 mai 2022');
  });

  it('a city from another passage', async () => {
    const answer = await ask('When and where was EUSES 2022 held?', (m) => `EUSES 2022 was held in Mannheim on 5 and 6 May 2022 [${n(m, 'Strasbourg')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/"Mannheim" is not in the cited \[\d\] \(it is in \[\d\]\)/);
  });

  it('a number no passage holds', async () => {
    const answer = await ask('How many participants did EUSES 2022 in Strasbourg gather?', (m) => `EUSES 2022 gathered 3,500 participants from 14 countries [${n(m, 'Strasbourg')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/"3,500" is not in the cited/);
  });

  it('a person from another article', async () => {
    const answer = await ask('Who opened EUSES 2022 in Strasbourg?', (m) => `Marie Dupont opened EUSES 2022 in Strasbourg [${n(m, 'Strasbourg')}].`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/"Marie Dupont" is not in the cited/);
  });

  it('an answer that is only markers', async () => {
    const answer = await ask('When and where was EUSES 2022 held?', () => '[1] [2]');
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe('answer is only citation markers');
  });

  it('an answer that repeats the question', async () => {
    const answer = await ask('When and where was EUSES 2022 held?', (m) => `When and where was EUSES 2022 held [${n(m, 'Strasbourg')}]?`);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe('answer only restates the question');
  });

  it('the right answer in the wrong language', async () => {
    const answer = await ask(
      'Wann und wo fand der EUSES 2022 statt?',
      (m) => `Le EUSES 2022 s’est tenu à Strasbourg les 5 et 6 mai 2022, avec des participants de nombreux pays [${n(m, 'Strasbourg')}].`,
    );
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/^answer is in another language/);
    expect(answer.text).toContain(de.leadIn);
  });

  it('a sentence that mixes languages', async () => {
    const answer = await ask('Was ist Coopedia?', (m) => `Coopedia ist ein commun numérique au service der coopératives [${n(m, 'Coopedia')}].`);
    expect(answer.mode).toBe('extractive');
    // Read as German with French words, or (its function words outweighed by the French n-grams) as French.
    expect(answer.fallbackReason).toMatch(/^answer (mixes de with fr|is in another language \(fr)/);
  });
});

describe('ask() holds a generated number to the qualifier of the passage it cites', () => {
  it('a number without the passage’s "plus de" gives way to the extractive answer, which keeps it', async () => {
    const chat = new ScriptedChatModel((m) => `The summit brought together 1 200 participants [${n(m, 'Strasbourg')}].`);
    const store = FakeChunkStore.withPassages([{ ...PASSAGES[0], text: PASSAGES[0].text.replace('réuni 1 200', 'réuni plus de 1 200') }, PASSAGES[1], PASSAGES[2]]);
    const answer = await createAssistant(
      {
        store,
        embedder: null,
        chat,
        detector: new EldLanguageDetector({ fallback: 'en' }),
        messages: new Messages({ en, fr, de }),
        prompts: { system: SYSTEM, answer: ANSWER, condense: '{{history}}\n{{question}}' },
        clock: { now: () => new Date('2026-12-06T12:00:00Z') },
      },
      testAskOptions({ contextPassages: 3, llmTimeoutMs: 500, llmOutput: 'text' }),
    ).ask('How many participants did EUSES 2022 bring together?');
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/"1 200" is not what the cited \[\d\] says: "more than 1 200"/);
    expect(answer.text).toMatch(/more than 1[\s\u00a0\u202f,]?200/i);
  });

  it('the same number with its qualifier in German is delivered', async () => {
    const answer = await ask('Wie viele Länder waren beim EUSES 2022 vertreten?', (m) => `Beim EUSES 2022 in Straßburg waren Teilnehmende aus 14 Ländern [${n(m, 'Strasbourg')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });
});

describe('ask() keeps correct answers written in the asker’s language', () => {
  it('a German paraphrase of the French passage', async () => {
    const answer = await ask('Wann und wo fand der EUSES 2022 statt?', (m) => `Der EUSES 2022 fand am 5. und 6. Mai 2022 in Straßburg statt [${n(m, 'Strasbourg')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
    expect(modelWords(answer.text)).toBe('Der EUSES 2022 fand am 5. und 6. Mai 2022 in Straßburg statt [1].');
    expect(answer.modelText).toBe('Der EUSES 2022 fand am 5. und 6. Mai 2022 in Straßburg statt [1].');
    // The passage's own sentence follows, with the same [n], in the member's language's words around it.
    expect(answer.text).toMatch(/\n.*\n« Le deuxième Sommet européen de l’économie sociale \(EUSES 2022\) s’est tenu à Strasbourg les 5 et 6 mai 2022\..*» \[1\]/);
  });

  it('"26 et 27 mai 2021" written as "May 26–27, 2021"', async () => {
    const answer = await ask('When did EUSES 2021 take place in Mannheim?', (m) => `EUSES 2021 took place in Mannheim on May 26–27, 2021 [${n(m, 'Mannheim')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });

  it.each([
    ['Wo wurde das Coopedia der Kooperativen präsentiert?', 'Coopedia wurde von Marie Dupont in Brüssel und Lissabon präsentiert'],
    ['Where was Coopedia presented?', 'Coopedia was presented by Marie Dupont in Brussels and then in Lisbon'],
  ])('places named as the answer’s language names them: %s', async (question, reply) => {
    const answer = await ask(question, (m) => `${reply} [${n(m, 'Coopedia')}].`);
    expect(answer.fallbackReason).toBeUndefined();
    expect(answer.mode).toBe('generative');
  });

  it('removes the one wrong sentence and keeps the rest, saying what it removed', async () => {
    const answer = await ask(
      'When and where was EUSES 2022 held?',
      (m) => `EUSES 2022 was held in Strasbourg on 5 and 6 May 2022 [${n(m, 'Strasbourg')}]. Thierry Breton opened it [${n(m, 'Strasbourg')}].`,
    );
    expect(answer.mode).toBe('generative');
    expect(modelWords(answer.text)).toBe('EUSES 2022 was held in Strasbourg on 5 and 6 May 2022 [1].');
    expect(answer.removed).toEqual([{ text: expect.stringContaining('Thierry Breton'), reason: expect.stringMatching(/^"Thierry Breton" is not in the cited \[\d\]$/) }]);
  });
});

describe('ask() with structured (JSON) replies', () => {
  it('asks for the schema, renders the sentences with their markers and renumbers them', async () => {
    const chat = new ScriptedChatModel((m) => JSON.stringify({ sentences: [{ text: 'EUSES 2022 took place in Strasbourg on 5 and 6 May 2022.', passages: [n(m, 'Strasbourg')] }] }));
    let schema: unknown;
    const original = chat.generate.bind(chat);
    chat.generate = (messages, options) => ((schema = options?.schema), original(messages, options));
    const answer = await build(chat, 'json').ask('When and where was EUSES 2022 held?');
    expect(schema).toMatchObject({ type: 'object', required: ['sentences'] });
    expect(chat.calls[0][1].content).toContain('Reply with JSON');
    expect(answer.mode).toBe('generative');
    expect(modelWords(answer.text)).toBe('EUSES 2022 took place in Strasbourg on 5 and 6 May 2022 [1].');
  });

  it('treats an empty list of sentences as NO_ANSWER', async () => {
    const answer = await ask('When and where was EUSES 2022 held?', () => '{"sentences": []}', 'json');
    expect(answer.fallbackReason).toBe('model found no answer in the passages');
  });

  it('checks each sentence against the passages it lists, not the ones another sentence lists', async () => {
    const answer = await ask(
      'When and where was EUSES 2022 held?',
      (m) => JSON.stringify({ sentences: [{ text: 'EUSES 2022 took place in Strasbourg on 5 and 6 May 2022.', passages: [n(m, 'Coopedia')] }] }),
      'json',
    );
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/the date 5–6\/5\/2022 is not in the cited \[\d\] \(it is in \[\d\]\)/);
  });

  it('reads a reply that is not JSON (a server that ignored the schema) as text', async () => {
    const answer = await ask('When and where was EUSES 2022 held?', (m) => `EUSES 2022 took place in Strasbourg on 5 and 6 May 2022 [${n(m, 'Strasbourg')}].`, 'json');
    expect(answer.mode).toBe('generative');
  });

  it('streams only sentences that passed their checks', async () => {
    const chat = new ScriptedChatModel((m) =>
      JSON.stringify({
        sentences: [
          { text: 'Thierry Breton opened EUSES 2022.', passages: [n(m, 'Strasbourg')] },
          { text: 'It took place in Strasbourg on 5 and 6 May 2022.', passages: [n(m, 'Strasbourg')] },
        ],
      }),
    );
    let shown = '';
    const answer = await build(chat, 'json').ask('When and where was EUSES 2022 held?', { onToken: (t) => (shown += t) });
    expect(shown).toMatch(/^It took place in Strasbourg on 5 and 6 May 2022 \[\d\]\.$/);
    expect(modelWords(answer.text)).toBe('It took place in Strasbourg on 5 and 6 May 2022 [1].');
  });
});
