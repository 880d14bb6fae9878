import { afterEach, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/ask.js';
import { Messages } from '../../src/core/i18n.js';
import { isSogaError } from '../../src/core/errors.js';
import { EldLanguageDetector } from '../../src/infra/eld-language-detector.js';
import { LangChainChatModel } from '../../src/infra/langchain-chat-model.js';
import { loadPrompts } from '../../src/infra/prompt-files.js';
import { FakeChunkStore } from '../fakes/fake-chunk-store.js';
import { testAskOptions } from '../fakes/ask-options.js';
import { startOpenAiServer, type Behaviour } from '../fakes/openai-compatible-server.js';
import en from '../../prompts/locales/en.json' with { type: 'json' };

let server: Awaited<ReturnType<typeof startOpenAiServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function modelFor(behaviours: Behaviour[]) {
  server = await startOpenAiServer(() => behaviours.shift() ?? { kind: 'status', status: 500 });
  return LangChainChatModel.create({ provider: 'openai', model: 'test-model', baseUrl: server.baseUrl, apiKey: 'sk-test', temperature: 0, maxTokens: 200 });
}

describe('the OpenAI-compatible chat provider', () => {
  it('returns a non-streamed completion', async () => {
    const model = await modelFor([{ kind: 'reply', text: 'Bonjour [1].' }]);
    expect(
      await model.generate([
        { role: 'system', content: 's' },
        { role: 'user', content: 'q' },
      ]),
    ).toBe('Bonjour [1].');
    expect(server!.requests[0].path).toBe('/v1/chat/completions');
    expect(server!.requests[0].body.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('streams tokens to onToken and returns the whole text', async () => {
    const model = await modelFor([{ kind: 'reply', text: 'NEC ESS 2025 takes place in Paris [1].' }]);
    const tokens: string[] = [];
    const text = await model.generate([{ role: 'user', content: 'q' }], { onToken: (t) => tokens.push(t) });
    expect(text).toBe('NEC ESS 2025 takes place in Paris [1].');
    expect(tokens.length).toBeGreaterThan(1);
    expect(server!.requests[0].body.stream).toBe(true);
  });

  it('asks for the JSON schema as response_format: json_schema', async () => {
    const model = await modelFor([{ kind: 'reply', text: '{"sentences":[]}' }]);
    const schema = { type: 'object', properties: { sentences: { type: 'array' } }, required: ['sentences'] };
    expect(await model.generate([{ role: 'user', content: 'q' }], { schema })).toBe('{"sentences":[]}');
    expect((server!.requests[0].body as unknown as { response_format: unknown }).response_format).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } });
  });

  it('asks again without the schema when the server refuses it, and does not send it again', async () => {
    const model = await modelFor([
      { kind: 'status', status: 400, body: JSON.stringify({ error: { message: 'response_format is not supported', type: 'invalid_request_error' } }) },
      { kind: 'reply', text: 'Paris [1].' },
      { kind: 'reply', text: 'Strasbourg [1].' },
    ]);
    const schema = { type: 'object' };
    expect(await model.generate([{ role: 'user', content: 'q' }], { schema })).toBe('Paris [1].');
    expect(await model.generate([{ role: 'user', content: 'q' }], { schema })).toBe('Strasbourg [1].');
    const formats = server!.requests.map((r) => (r.body as unknown as { response_format?: unknown }).response_format);
    expect(formats[0]).toBeDefined();
    expect(formats.slice(1)).toEqual([undefined, undefined]);
  });

  it('turns a 500 into LLM_FAILED without retrying', async () => {
    const model = await modelFor([{ kind: 'status', status: 500 }]);
    const error = await model.generate([{ role: 'user', content: 'q' }]).catch((e: unknown) => e);
    expect(isSogaError(error, 'LLM_FAILED')).toBe(true);
    expect(server!.requests).toHaveLength(1);
  });

  it('turns a stalled endpoint into LLM_TIMEOUT when the deadline passes', async () => {
    const model = await modelFor([{ kind: 'stall' }]);
    const error = await model.generate([{ role: 'user', content: 'q' }], { signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    expect(isSogaError(error, 'LLM_TIMEOUT')).toBe(true);
  });
});

describe('ask() over a real HTTP chat endpoint', () => {
  const store = () =>
    FakeChunkStore.withPassages([
      { title: 'NEC ESS 2025', date: '2025-11-25', text: 'Le NEC ESS 2025 se tiendra du 25 au 27 novembre 2025 à Paris.' },
      { title: 'Dons', text: 'En 2018, le Téléthon a permis de faire un don via Alexa.' },
    ]);
  async function assistantWith(behaviours: Behaviour[], timeoutMs = 2000) {
    const chat = await modelFor(behaviours);
    return createAssistant(
      {
        store: store(),
        embedder: null,
        chat,
        detector: new EldLanguageDetector({ fallback: 'en' }),
        messages: new Messages({ en }),
        prompts: await loadPrompts('prompts'),
        clock: { now: () => new Date('2026-11-23') },
      },
      testAskOptions({ llmTimeoutMs: timeoutMs }),
    );
  }

  it('keeps a verified generative answer and sends the shipped prompts', async () => {
    const assistant = await assistantWith([{ kind: 'reply', text: 'It takes place in Paris from 25 to 27 November 2025 [1].' }]);
    const answer = await assistant.ask('When and where does NEC ESS 2025 take place?', { onToken: () => undefined });
    expect(answer.mode).toBe('generative');
    expect(answer.citations[0].title).toBe('NEC ESS 2025');
    const sent = server!.requests[0].body.messages;
    expect(sent[0].content).toContain('Today is 2026-11-23');
    expect(sent[1].content).toContain('<passage n="1"');
  });

  it('falls back to extractive when the answer cites a passage that was not given', async () => {
    const assistant = await assistantWith([{ kind: 'reply', text: 'Paris, 25–27 November [4].' }]);
    const answer = await assistant.ask('When and where does NEC ESS 2025 take place?');
    expect(answer.mode).toBe('extractive');
    expect(answer.text).toContain('25 au 27 novembre 2025');
  });

  it('falls back to extractive when the endpoint answers 500', async () => {
    const assistant = await assistantWith([{ kind: 'status', status: 500 }]);
    const answer = await assistant.ask('When and where does NEC ESS 2025 take place?');
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe('LLM_FAILED');
  });

  it('falls back to extractive in time when the endpoint stalls', async () => {
    const assistant = await assistantWith([{ kind: 'stall' }], 200);
    const answer = await assistant.ask('When and where does NEC ESS 2025 take place?');
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe('LLM_TIMEOUT');
  });
});
