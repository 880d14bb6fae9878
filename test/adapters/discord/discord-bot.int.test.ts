/**
 * The real discord.js client, driven by the loopback API double: what members and staff see, and what
 * the bot sends to Discord.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, AskContext, Citation } from '../../../src/core/types.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import type { RecordedRequest } from './discord-api-double.js';
import { STAFF_ROLE_ID, startHarness, type Harness } from './harness.js';

const Q = (value: string) => [{ name: 'question', type: 3, value }];
const EPHEMERAL = 64;

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    chunkId: `doc-${n}#0`,
    docId: `doc-${n}`,
    title: `Article ${n}`,
    source: `articles/article-${n}.md`,
    quote: `Passage ${n} of the article, quoted verbatim.`,
    date: '2024-03-01',
    lang: 'en',
    score: 0.9,
    ...overrides,
  };
}

function answered(question: string, text: string, citations: Citation[] = [citation(1)], language = 'en'): Answer {
  return makeAnswer({ question, language, outcome: 'answered', mode: 'generative', grounded: true, text, citations });
}

const isCallback = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.includes(`/${token}/callback`);
const isOriginalEdit = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`) && r.status === 200;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** Waits until the interaction's final answer (the edit carrying the feedback buttons, or the last follow-up) is sent. */
async function finalEdit(h: Harness, token: string): Promise<RecordedRequest> {
  return h.discord.waitForRequest((r) => isOriginalEdit(token)(r) && Array.isArray(r.body?.components) && !String(r.body.content).endsWith('▌'));
}

describe('answering /ask', () => {
  it('defers before the engine answers, then edits in the answer with numbered sources and feedback buttons', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const assistant = new FakeAssistant(async (question) => {
      await gate;
      return answered(question, 'SOGA is the Social Good Accelerator [1].', [
        citation(1, { title: 'About SOGA', quote: 'The Social Good Accelerator is a European network.\nIt was founded in 2016.', date: '2023-05-02' }),
      ]);
    });
    harness = await startHarness({ assistant });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'), { locale: 'fr' });

    const defer = await harness.discord.waitForRequest(isCallback(token));
    expect(defer.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, sent while the engine is still working
    expect(harness.discord.requests.some(isOriginalEdit(token))).toBe(false);
    release();

    const edit = await finalEdit(harness, token);
    expect(edit.body.content).toContain('SOGA is the Social Good Accelerator [1].');
    expect(edit.body.content).toContain('**[1] About SOGA**');
    // The answer paraphrases, so the quote is shown under its source, once.
    expect(edit.body.content.split('The Social Good Accelerator is a European network.')).toHaveLength(2);
    expect(edit.body.content).toContain('article of May 2, 2023'); // the date in the answer's language, not ISO
    expect(edit.body.content).toContain('`article-1.md`');
    const buttons = edit.body.components[0].components;
    expect(buttons.map((b: { custom_id: string }) => b.custom_id)).toEqual(['soga:up:entry-1', 'soga:down:entry-1']);
    expect(harness.answerLog.entries[0]).toMatchObject({ surface: 'discord', place: harness.discord.channelId });
    expect(assistant.calls[0].context).toMatchObject({ locale: 'fr', surface: 'discord' });
    expect(assistant.calls[0].context.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends allowed_mentions with no parse on every message it writes', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    await finalEdit(harness, token);
    harness.discord.sendMessage('and a follow-up?', { mentionBot: true });
    await harness.discord.waitUntil(() => harness!.discord.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/channels/')).length > 0);

    const writes = harness.discord.messageWrites();
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const write of writes) {
      const mentions = write.body.allowed_mentions ?? write.body.data?.allowed_mentions;
      expect(mentions, `${write.method} ${write.path}`).toMatchObject({ parse: [] });
    }
  });

  it('defangs @everyone, @here and role or user mentions written by the model', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Hello @everyone and @here, ask <@&123456789012345678> or <@!223456789012345678> [1].'));
    harness = await startHarness({ assistant });
    const { token } = harness.discord.sendSlashCommand('ask', Q('Who to ask?'));
    const content: string = (await finalEdit(harness, token)).body.content;
    expect(content).not.toMatch(/@(everyone|here)/);
    expect(content).not.toMatch(/<@[!&]?\d+>/);
    expect(content).toContain('everyone');
  });

  it('splits a 6,000-character answer into messages under 2,000 characters, never inside a word or a source', async () => {
    const words = Array.from({ length: 600 }, (_, i) => `answerword${i}`);
    const long = `${words.slice(0, 300).join(' ')}\n\n${words.slice(300).join(' ')}`;
    expect(long.length).toBeGreaterThan(6000);
    const citations = [1, 2, 3, 4, 5].map((n) => citation(n, { quote: `Quote number ${n} `.repeat(20) }));
    harness = await startHarness({ assistant: new FakeAssistant((q) => answered(q, long, citations)) });
    const { token } = harness.discord.sendSlashCommand('ask', Q('Tell me everything'));
    await harness.discord.waitUntil(() => harness!.discord.requests.some((r) => r.path.includes(token) && Array.isArray(r.body?.components) && r.body.components.length > 0));
    const parts = harness.discord
      .messageWrites()
      .filter((r) => r.path.includes(token) && r.status === 200 && !String(r.body.content).endsWith('▌'))
      .map((r) => String(r.body.content));
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    const seen = parts.join(' ').split(/\s+/);
    for (const word of words) expect(seen).toContain(word);
    for (const n of [1, 2, 3, 4, 5]) {
      const holding = parts.filter((p) => p.includes(`**[${n}] Article ${n}**`));
      expect(holding).toHaveLength(1);
      expect(holding[0]).toContain(`\`article-${n}.md\``);
    }
  });

  it('honours a 429 with retry_after and still delivers the answer', async () => {
    harness = await startHarness({ assistant: new FakeAssistant((q) => answered(q, 'Answer after a rate limit [1].')) });
    harness.discord.rateLimitNext((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'), 0.5);
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    const edit = await finalEdit(harness, token);
    const limited = harness.discord.requests.find((r) => r.path.includes(token) && r.status === 429)!;
    expect(limited).toBeDefined();
    expect(edit.at - limited.at).toBeGreaterThanOrEqual(500 - 20);
    expect(edit.body.content).toContain('Answer after a rate limit');
  });

  it('streams a generative answer through throttled edits before the final one', async () => {
    let h!: Harness;
    const assistant = new FakeAssistant(async (question, context: AskContext) => {
      context.onToken?.('SOGA ');
      context.onToken?.('is ');
      // The preview must reach Discord while the answer is still being generated.
      await h.discord.waitUntil(() => h.discord.requests.some((r) => r.method === 'PATCH' && String(r.body?.content).endsWith('▌')));
      context.onToken?.('the Social Good Accelerator [1].');
      return answered(question, 'SOGA is the Social Good Accelerator [1].');
    });
    h = harness = await startHarness({ assistant });
    const { token } = h.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    const final = await finalEdit(h, token);
    const previews = h.discord.requests.filter((r) => isOriginalEdit(token)(r) && String(r.body.content).endsWith('▌'));
    expect(previews[0].body.content).toBe('SOGA is ▌');
    expect(previews[0].body.allowed_mentions).toMatchObject({ parse: [] });
    expect(final.at).toBeGreaterThanOrEqual(previews[previews.length - 1].at);
  });

  it('aborts a stalled model at the deadline so the engine can fall back to an extractive answer', async () => {
    const assistant = new FakeAssistant(
      (question, context) =>
        new Promise<Answer>((resolve) => {
          context.signal?.addEventListener('abort', () =>
            resolve(makeAnswer({ question, outcome: 'answered', mode: 'extractive', text: 'Extractive fallback [1].', citations: [citation(1)], fallbackReason: 'timeout' })),
          );
        }),
    );
    harness = await startHarness({ assistant, env: { DISCORD_ANSWER_DEADLINE_MS: '1000' } });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    const edit = await finalEdit(harness, token);
    expect(edit.body.content).toContain('Extractive fallback [1].');
    expect(assistant.calls[0].context.signal?.aborted).toBe(true);
  });

  it('says kindly, in the asker’s language, that the articles do not cover the question', async () => {
    const assistant = new FakeAssistant((question) => makeAnswer({ question, language: 'fr', outcome: 'not_found' }));
    harness = await startHarness({ assistant });
    const { token } = harness.discord.sendSlashCommand('ask', Q('Quel temps fera-t-il demain ?'), { locale: 'fr' });
    const edit = await finalEdit(harness, token);
    expect(edit.body.content).toBe(harness.messages.t('fr', 'notFound'));
    // No thread for a question the bot could not answer.
    expect(harness.discord.requests.some((r) => r.path.endsWith('/threads'))).toBe(false);
  });
});

describe('conversations in threads', () => {
  it('opens a thread on the answer and passes the conversation so far to a follow-up in it', async () => {
    const assistant = new FakeAssistant((q, context) => answered(q, context.history?.length ? 'In 2023 it met in Brussels [1].' : 'SOGA is a network [1].'));
    harness = await startHarness({ assistant });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    await finalEdit(harness, token);
    const threadRequest = await harness.discord.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/threads'));
    const threadId = threadRequest.path.split('/')[4]; // /channels/<parent>/messages/<message>/threads: the thread takes the message's id
    expect(threadRequest.body.name).toBe('What is SOGA?');

    harness.discord.sendMessage('and in 2023?', { channelId: threadId, mentionBot: true });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(assistant.calls[1].question).toBe('and in 2023?');
    expect(assistant.calls[1].context.history).toEqual([
      { role: 'user', text: 'What is SOGA?' },
      // The documents the answer cited go with it: a follow-up in the thread leans towards them.
      { role: 'assistant', text: 'SOGA is a network [1].', sources: ['doc-1'] },
    ]);
    await harness.discord.waitUntil(() => harness!.discord.messagesIn(threadId).some((m) => String(m.content).includes('Brussels')));
  });

  it('answers a mention in a channel inside a new thread on the question', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'SOGA is a network [1].'));
    harness = await startHarness({ assistant });
    const question = harness.discord.sendMessage('what is SOGA?', { mentionBot: true });
    const thread = await harness.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${harness!.discord.channelId}/messages/${question.id}/threads`);
    expect(thread.status).toBe(201);
    await harness.discord.waitUntil(() => harness!.discord.messagesIn(question.id).some((m) => String(m.content).includes('SOGA is a network')));
    expect(assistant.calls[0].question).toBe('what is SOGA?');
  });

  it('ignores messages that do not address the bot', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant });
    harness.discord.sendMessage('just chatting');
    // A later addressed message is answered, so the first one was seen and skipped.
    harness.discord.sendMessage('what is SOGA?', { mentionBot: true });
    await harness.discord.waitUntil(() => assistant.calls.length === 1);
    expect(assistant.calls.map((c) => c.question)).toEqual(['what is SOGA?']);
  });
});

describe('feedback buttons', () => {
  it('stores 👍 and a 👎 with the comment from its form, against the logged answer', async () => {
    harness = await startHarness({ assistant: new FakeAssistant((q) => answered(q, 'Answer [1].')) });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    await finalEdit(harness, token);
    const entryId = harness.answerLog.entries[0].id;

    const up = harness.discord.sendButton(`soga:up:${entryId}`);
    const thanks = await harness.discord.waitForRequest(isCallback(up.token));
    expect(thanks.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);

    const down = harness.discord.sendButton(`soga:down:${entryId}`);
    const modal = await harness.discord.waitForRequest(isCallback(down.token));
    expect(modal.body.type).toBe(9); // MODAL
    expect(modal.body.data.custom_id).toBe(`soga:comment:${entryId}`);

    const submit = harness.discord.sendModalSubmit(`soga:comment:${entryId}`, { comment: 'The date is wrong.' });
    await harness.discord.waitForRequest(isCallback(submit.token));
    expect(harness.answerLog.feedback).toEqual([expect.objectContaining({ entryId, rating: 'up' }), expect.objectContaining({ entryId, rating: 'down', comment: 'The date is wrong.' })]);
  });
});

describe('staff corpus commands', () => {
  const add = (attachment: { id: string }, link?: string) => ({
    options: [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: attachment.id }, ...(link ? [{ name: 'link', type: 3, value: link }] : [])] }],
    resolved: { attachments: { [attachment.id]: attachment } },
  });

  it('hands the link: option of /corpus add to the corpus with the file', async () => {
    const corpus = new FakeCorpus();
    harness = await startHarness({ corpus });
    const file = harness.discord.attachment('garden.md', Buffer.from('# Garden notes\n\nThe garden opens in May.'));
    const { options, resolved } = add(file, 'https://example.org/garden');
    const { token } = harness.discord.sendSlashCommand('corpus', options, { resolved, roles: [STAFF_ROLE_ID] });
    await harness.discord.waitForRequest(isOriginalEdit(token));
    expect(corpus.uploads[0]).toMatchObject({ originalName: 'garden.md', url: 'https://example.org/garden' });
  });

  it('refuses /corpus add from a member without the staff role, without downloading anything', async () => {
    const corpus = new FakeCorpus();
    harness = await startHarness({ corpus });
    const file = harness.discord.attachment('notes.md', Buffer.from('# Notes\n\nHello.'));
    const { options, resolved } = add(file);
    const { token } = harness.discord.sendSlashCommand('corpus', options, { resolved, roles: [] });
    const reply = await harness.discord.waitForRequest(isCallback(token));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.content).toBe(harness.messages.t('en', 'notAllowed'));
    expect(reply.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(corpus.uploads).toHaveLength(0);
  });

  it('adds a markdown file uploaded by staff and lists it', async () => {
    const corpus = new FakeCorpus();
    harness = await startHarness({ corpus });
    const file = harness.discord.attachment('notes.md', Buffer.from('# Field notes\n\nThe network met in Lisbon.'));
    const { options, resolved } = add(file);
    const { token } = harness.discord.sendSlashCommand('corpus', options, { resolved, roles: [STAFF_ROLE_ID] });
    const done = await harness.discord.waitForRequest(isOriginalEdit(token));
    expect(done.body.content).toContain('notes.md: 1 added');
    expect(corpus.uploads[0]).toMatchObject({ originalName: 'notes.md', uploadedBy: expect.any(String) });

    const list = harness.discord.sendSlashCommand('corpus', [{ name: 'list', type: 1 }], { roles: [STAFF_ROLE_ID] });
    const listed = await harness.discord.waitForRequest(isOriginalEdit(list.token));
    expect(listed.body.content).toContain('`field-notes` Field notes');

    const remove = harness.discord.sendSlashCommand('corpus', [{ name: 'remove', type: 1, options: [{ name: 'id', type: 3, value: 'field-notes' }] }], { roles: [STAFF_ROLE_ID] });
    const removed = await harness.discord.waitForRequest(isOriginalEdit(remove.token));
    expect(removed.body.content).toContain('field-notes');
    expect(await corpus.list()).toHaveLength(0);
  });

  it('refuses an HTML file named .pdf with the corpus’s reason', async () => {
    const corpus = new FakeCorpus();
    harness = await startHarness({ corpus });
    const file = harness.discord.attachment('report.pdf', Buffer.from('<html><body><h1>Not a PDF</h1></body></html>'));
    const { options, resolved } = add(file);
    const { token } = harness.discord.sendSlashCommand('corpus', options, { resolved, roles: [STAFF_ROLE_ID] });
    const done = await harness.discord.waitForRequest(isOriginalEdit(token));
    expect(done.body.content).toContain('INVALID_PDF');
    expect(await corpus.list()).toHaveLength(0);
  });

  it('refuses a PDF bomb over the size cap before downloading it', async () => {
    const corpus = new FakeCorpus();
    harness = await startHarness({ corpus, env: { DISCORD_MAX_UPLOAD_BYTES: '4096' } });
    const file = harness.discord.attachment('bomb.pdf', Buffer.from('%PDF-1.7\n'), 500 * 1024 * 1024);
    const { options, resolved } = add(file);
    const { token } = harness.discord.sendSlashCommand('corpus', options, { resolved, roles: [STAFF_ROLE_ID] });
    const reply = await harness.discord.waitForRequest(isCallback(token));
    expect(reply.body.data.content).toContain('bomb.pdf');
    expect(reply.body.data.content).toContain('4096');
    expect(corpus.uploads).toHaveLength(0);
  });

  it('stops downloading a file whose bytes exceed the cap even when its declared size is small', async () => {
    const corpus = new FakeCorpus();
    harness = await startHarness({ corpus, env: { DISCORD_MAX_UPLOAD_BYTES: '4096' } });
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64 * 1024, 0x41)]);
    const file = harness.discord.attachment('liar.pdf', big, 1000);
    const { options, resolved } = add(file);
    const { token } = harness.discord.sendSlashCommand('corpus', options, { resolved, roles: [STAFF_ROLE_ID] });
    const done = await harness.discord.waitForRequest(isOriginalEdit(token));
    expect(done.body.content).toContain('liar.pdf');
    expect(done.body.content).toContain('4096');
    expect(corpus.uploads).toHaveLength(0);
  });
});

describe('rate limits and where the bot answers', () => {
  it('answers a flood of 30 questions from one member only up to the per-user limit, with a friendly wait message', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant, env: { DISCORD_RATE_LIMIT_USER_PER_MIN: '5' } });
    const user = harness.discord.makeUser('flooder');
    const tokens = Array.from({ length: 30 }, (_, i) => harness!.discord.sendSlashCommand('ask', Q(`Question ${i}?`), { user, locale: 'de' }).token);
    await harness.discord.waitUntil(() => tokens.every((t) => harness!.discord.requests.some(isCallback(t))));
    const callbacks = tokens.map((t) => harness!.discord.requests.find(isCallback(t))!);
    const deferred = callbacks.filter((c) => c.body.type === 5);
    const refused = callbacks.filter((c) => c.body.type === 4);
    expect(deferred).toHaveLength(5);
    expect(refused).toHaveLength(25);
    const expected = harness.messages.t('de', 'rateLimited', { seconds: 60 }).replace(/60/, '\\d+');
    for (const r of refused) {
      expect(r.body.data.content).toMatch(new RegExp(`^${expected}$`));
      expect(r.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    }
  });

  it('refuses a question in a channel that is not on the allow-list', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    // An allow-list naming some other channel: the double's channels are not on it.
    harness = await startHarness({ assistant, env: { DISCORD_ALLOWED_CHANNELS: '999999999999999999' } });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'), { locale: 'es-ES' });
    const reply = await harness.discord.waitForRequest(isCallback(token));
    expect(reply.body.data.content).toBe(harness.messages.t('es', 'discordChannelNotEnabled'));
    expect(reply.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(assistant.calls).toHaveLength(0);
  });
});

async function eventually(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('gateway resilience', () => {
  it('resumes after a forced reconnect and answers nothing twice when events are replayed', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant });
    const first = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    await finalEdit(harness, first.token);
    const mention = harness.discord.sendMessage('and the members?', { mentionBot: true });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);

    await harness.discord.forceReconnect([
      { t: 'INTERACTION_CREATE', d: first.payload },
      { t: 'MESSAGE_CREATE', d: mention },
    ]);
    expect(harness.discord.gatewayFromBot.some((p) => p.op === 6)).toBe(true);
    // A fresh question after the resume is answered: the replays before it were seen and skipped.
    const after = harness.discord.sendSlashCommand('ask', Q('Still there?'));
    await finalEdit(harness, after.token);
    expect(assistant.calls.map((c) => c.question)).toEqual(['What is SOGA?', 'and the members?', 'Still there?']);
    expect(harness.discord.requests.filter(isCallback(first.token))).toHaveLength(1);
  });

  it('reports a stuck gateway (no heartbeat acknowledged) through onFatal', async () => {
    harness = await startHarness({ env: { DISCORD_HEARTBEAT_MAX_AGE_MS: '1000' }, double: { heartbeatIntervalMs: 200 } });
    expect(harness.fatal).toHaveLength(0);
    harness.discord.stall();
    await eventually(() => harness!.fatal.length > 0, 15_000);
    expect(harness.fatal[0]?.message).toMatch(/stuck/);
  }, 20_000);
});

describe('sharding by settings', () => {
  it('identifies as the configured shard of the configured count, and answers on it', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant, env: { DISCORD_SHARDS: '1', DISCORD_SHARD_COUNT: '3' } });
    const identifies = harness.discord.gatewayFromBot.filter((p) => p.op === 2);
    expect(identifies.map((p) => p.d.shard)).toEqual([[1, 3]]);
    expect(harness.logs.some((l) => /logged in as .* \(shard 1 of 3\)/.test(l.message))).toBe(true);
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    await finalEdit(harness, token);
  });

  it('identifies as shard 0 of 1 when no shard is configured', async () => {
    harness = await startHarness();
    expect(harness.discord.gatewayFromBot.filter((p) => p.op === 2).map((p) => p.d.shard)).toEqual([[0, 1]]);
  });
});

describe('registering slash commands', () => {
  it('puts the localised command set on the guild through the REST API', async () => {
    const { registerCommands } = await import('../../../src/adapters/discord/register-commands.js');
    const { DiscordApiDouble } = await import('./discord-api-double.js');
    const discord = new DiscordApiDouble();
    await discord.start();
    try {
      const result = await registerCommands({
        token: discord.token,
        applicationId: discord.applicationId,
        guildId: discord.guildId,
        allowDms: false,
        rest: { api: discord.restApi },
      });
      expect(result).toEqual({ scope: 'guild', names: ['ask', 'corpus', 'events'] });
      const put = await discord.waitForRequest((r) => r.method === 'PUT');
      expect(put.path).toBe(`/applications/${discord.applicationId}/guilds/${discord.guildId}/commands`);
      expect(put.body[0].name_localizations.fr).toBe('demander');
    } finally {
      await discord.close();
    }
  });
});

describe('replies to an answer', () => {
  it('continue the conversation of the answer replied to', async () => {
    const assistant = new FakeAssistant((q, context) => answered(q, context.history?.length ? 'Follow-up answer [1].' : 'First answer [1].'));
    harness = await startHarness({ assistant });
    const { token } = harness.discord.sendSlashCommand('ask', Q('What is SOGA?'));
    const edit = await finalEdit(harness, token);
    const answerId = harness.discord.messagesIn(`interaction:${token}`)[0].id;
    expect(edit.status).toBe(200);
    harness.discord.sendMessage('who founded it?', { replyTo: answerId, mentionBot: true });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(assistant.calls[1].context.history).toEqual([
      { role: 'user', text: 'What is SOGA?' },
      // The documents the answer cited go with it: a follow-up in the thread leans towards them.
      { role: 'assistant', text: 'First answer [1].', sources: ['doc-1'] },
    ]);
  });
});

describe('an ask channel', () => {
  const ASK = '222222222222222222';
  const env = { DISCORD_ASK_CHANNELS: ASK, DISCORD_MESSAGE_CONTENT: 'true' };

  it('answers every question there in a thread on it, keeps the thread’s memory, and ignores greetings', async () => {
    const assistant = new FakeAssistant((q, context) => answered(q, context.history?.length ? 'In Brussels [1].' : 'From 25 to 27 November 2025 [1].'));
    harness = await startHarness({ assistant, env, double: { channelId: ASK } });
    harness.discord.sendMessage('Merci !', { channelId: ASK });
    const question = harness.discord.sendMessage('When is NEC ESS 2025', { channelId: ASK });
    const thread = await harness.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${ASK}/messages/${question.id}/threads`);
    expect(thread.status).toBe(201);
    await harness.discord.waitUntil(() => harness!.discord.messagesIn(question.id).some((m) => String(m.content).includes('November 2025')));

    harness.discord.sendMessage('And where?', { channelId: question.id });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(assistant.calls.map((c) => c.question)).toEqual(['When is NEC ESS 2025', 'And where?']);
    expect(assistant.calls[1].context.history?.[0]).toEqual({ role: 'user', text: 'When is NEC ESS 2025' });
  });

  it('leaves members’ replies to each other in the channel alone', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant, env, double: { channelId: ASK } });
    const first = harness.discord.sendMessage('Does anyone know the Social Tech Atlas?', { channelId: ASK });
    await harness.discord.waitUntil(() => assistant.calls.length === 1);
    harness.discord.sendMessage('yes, I used it last year for our map', { channelId: ASK, replyTo: first.id });
    harness.discord.sendMessage('What is SOGA?', { channelId: ASK });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(assistant.calls.map((c) => c.question)).toEqual(['Does anyone know the Social Tech Atlas?', 'What is SOGA?']);
  });

  it('answers only mentions there without the message-content setting, and says why at start', async () => {
    const assistant = new FakeAssistant((q) => answered(q, 'Answer [1].'));
    harness = await startHarness({ assistant, env: { DISCORD_ASK_CHANNELS: ASK }, double: { channelId: ASK } });
    expect(harness.logs.some((l) => l.level === 'warn' && l.message.includes('DISCORD_MESSAGE_CONTENT=true'))).toBe(true);
    harness.discord.sendMessage('When is NEC ESS 2025?', { channelId: ASK });
    harness.discord.sendMessage('What is SOGA?', { channelId: ASK, mentionBot: true });
    await harness.discord.waitUntil(() => assistant.calls.length === 1);
    expect(assistant.calls[0].question).toBe('What is SOGA?');
  });
});
