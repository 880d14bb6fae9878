/**
 * Staff replies in the bot's thread, through the real discord.js client and the API double: a staff
 * member (DISCORD_STAFF_ROLES, or DISCORD_STAFF_ROLE_ID) writing after the answer becomes a proposed
 * correction (question, the answer's log id, the reply) and is not answered; a member's message, or a
 * staff member addressing the bot, is still a question.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/types.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { STAFF_ROLE_ID, startHarness, type Harness } from './harness.js';

const HELPER_ROLE = '222222222222222222';
const Q = (value: string) => [{ name: 'question', type: 3, value }];
const answered = (question: string): Answer => makeAnswer({ question, language: 'en', outcome: 'answered', mode: 'extractive', grounded: true, text: `About "${question}": it takes place in Porto.` });

/** Polls: a staff reply sends nothing to Discord, so the double has no request to wake a wait on. */
async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** Asks with /ask and returns the thread the bot opened on its answer. */
async function askInThread(h: Harness, question: string): Promise<string> {
  h.discord.sendSlashCommand('ask', Q(question));
  const thread = await h.discord.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/threads'));
  return thread.path.split('/')[4];
}

describe('a staff member replying after the bot’s answer', () => {
  it('proposes the exchange as a correction, with the answer’s log id, and does not answer it', async () => {
    const assistant = new FakeAssistant(answered);
    harness = await startHarness({ assistant, env: { DISCORD_MESSAGE_CONTENT: 'true', DISCORD_STAFF_ROLES: HELPER_ROLE }, double: { roleIds: [STAFF_ROLE_ID, HELPER_ROLE] } });
    const threadId = await askInThread(harness, 'Where is the cooperatives summit?');
    const staff = harness.discord.makeUser('camille');
    harness.discord.sendMessage('It moved to Lisbon, see the network’s new article.', { channelId: threadId, user: staff, roles: [HELPER_ROLE] });
    await eventually(() => harness!.proposals.proposed.length === 1);
    expect(harness.proposals.proposed[0]).toEqual({
      surface: 'discord',
      place: threadId,
      question: 'Where is the cooperatives summit?',
      botEntryId: harness.answerLog.entries[0].id,
      reply: 'It moved to Lisbon, see the network’s new article.',
      staffId: staff.id,
    });
    // A member's question afterwards is answered: the staff reply was not.
    harness.discord.sendMessage('And when?', { channelId: threadId });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(assistant.calls.map((c) => c.question)).toEqual(['Where is the cooperatives summit?', 'And when?']);
  });

  it('counts the /corpus staff role as staff too, and ignores members without a staff role', async () => {
    const assistant = new FakeAssistant(answered);
    harness = await startHarness({ assistant, env: { DISCORD_MESSAGE_CONTENT: 'true' } });
    const threadId = await askInThread(harness, 'Who runs the network?');
    harness.discord.sendMessage('Is it still the same team?', { channelId: threadId, roles: [] });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(harness.proposals.proposed).toEqual([]);
    harness.discord.sendMessage('Since 2025 it is Ana Costa.', { channelId: threadId, user: harness.discord.makeUser('staffer'), roles: [STAFF_ROLE_ID] });
    await eventually(() => harness!.proposals.proposed.length === 1);
    // The question it follows is the latest answered one.
    expect(harness.proposals.proposed[0]).toMatchObject({ question: 'Is it still the same team?', botEntryId: harness.answerLog.entries[1].id });
    expect(assistant.calls).toHaveLength(2);
  });

  it('is a question like any other when the staff member addresses the bot', async () => {
    const assistant = new FakeAssistant(answered);
    harness = await startHarness({ assistant, env: { DISCORD_MESSAGE_CONTENT: 'true' } });
    const threadId = await askInThread(harness, 'Where is the cooperatives summit?');
    harness.discord.sendMessage('and in 2026?', { channelId: threadId, roles: [STAFF_ROLE_ID], mentionBot: true });
    await harness.discord.waitUntil(() => assistant.calls.length === 2);
    expect(harness.proposals.proposed).toEqual([]);
  });
});
