/**
 * A staff member (a role in DISCORD_STAFF_ROLES or DISCORD_STAFF_ROLE_ID) who writes in the bot's thread,
 * or replies to one of its answers, without addressing the bot, is correcting or completing the answer:
 * the exchange goes to the core as a proposed correction, and the bot does not answer it. After a
 * restart the answer is found in the thread itself (its feedback buttons carry the answer-log id).
 */
import { Routes, type APIMessage, type Message } from 'discord.js';
import { proposeStaffReply } from '../../core/corrections/staff-replies.js';
import { describeError } from '../../core/errors.js';
import { type BotContext, botId } from './context.js';
import { stripMentions } from './conversation.js';
import { parseFeedbackCustomId } from './feedback.js';

export function staffRoles(ctx: BotContext): Set<string> {
  const roles = new Set(ctx.config.DISCORD_STAFF_ROLES);
  if (ctx.config.DISCORD_STAFF_ROLE_ID) roles.add(ctx.config.DISCORD_STAFF_ROLE_ID);
  return roles;
}

export function isStaffMessage(ctx: BotContext, message: Message): boolean {
  const roles = staffRoles(ctx);
  if (!roles.size || !message.member) return false;
  return message.member.roles.cache.some((role) => roles.has(role.id));
}

/** The custom ids of a message's buttons, at any depth of its component rows. */
function customIds(components: readonly unknown[]): string[] {
  return components.flatMap((c) => {
    if (typeof c !== 'object' || c === null) return [];
    const o = c as { custom_id?: unknown; components?: unknown };
    return [...(typeof o.custom_id === 'string' ? [o.custom_id] : []), ...(Array.isArray(o.components) ? customIds(o.components) : [])];
  });
}

/** The latest answer in a thread, read from its messages: the bot's message with feedback buttons, and the question before it. */
export async function answerInThread(ctx: BotContext, threadId: string, beforeMessageId: string): Promise<{ question: string; logEntryId: string } | undefined> {
  const query = new URLSearchParams({ limit: '30', before: beforeMessageId });
  const raw = (await ctx.client.rest.get(Routes.channelMessages(threadId), { query })) as APIMessage[];
  const me = botId(ctx);
  // Newest first, as Discord returns them.
  for (const [i, m] of raw.entries()) {
    if (m.author.id !== me) continue;
    const entry = customIds(m.components ?? [])
      .map(parseFeedbackCustomId)
      .find((x) => x !== null);
    if (!entry) continue;
    const asked = raw.slice(i + 1).find((q) => q.author.id !== me);
    return asked ? { question: stripMentions(asked.content), logEntryId: entry.entryId } : undefined;
  }
  return undefined;
}

/** Proposes the staff reply; returns false when no logged answer precedes it (then it is handled as any message). */
export async function handleStaffReply(ctx: BotContext, message: Message, conversationKey: string, inThread: boolean): Promise<boolean> {
  if (!ctx.proposals) return false;
  let answer = await ctx.memory.lastAnswer(conversationKey);
  if (!answer && inThread) {
    answer = await answerInThread(ctx, message.channelId, message.id).catch((error: unknown) => {
      ctx.log('warn', `discord: could not read thread ${message.channelId} to find the answer a staff reply follows: ${describeError(error)}`);
      return undefined;
    });
  }
  if (!answer) return false;
  const result = await proposeStaffReply(ctx.proposals, {
    surface: 'discord',
    place: message.channelId,
    question: answer.question,
    botEntryId: answer.logEntryId,
    reply: stripMentions(message.content),
    staffId: message.author.id,
  });
  if (result.proposed) ctx.log('info', `discord: staff reply in ${message.channelId} proposed as a correction (proposal ${result.id}, answer ${answer.logEntryId})`);
  else if (result.reason === 'failed') ctx.log('error', `discord: a staff reply could not be stored as a proposal: ${result.detail ?? ''}`);
  // An empty reply (an image, a sticker) is nothing to propose, and not a question either.
  return true;
}
