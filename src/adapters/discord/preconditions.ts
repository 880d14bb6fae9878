/**
 * The checks a question passes before the bot answers it, written once for `/ask` and for mentions
 * (Sapphire-style: each precondition returns a result; a command lists the ones it needs, in order).
 * A refusal names the message to send, or is silent; the handler decides how to send it (an ephemeral
 * reply to a slash command, a reply to a message).
 */
import type { BotContext } from './context.js';

/** Where and by whom a question was asked, as the checks need it. */
export interface AskSource {
  userId: string;
  isDm: boolean;
  channelId: string;
  /** The parent channel when the question was asked in a thread. */
  parentId: string | null;
  question: string;
}

export type PreconditionResult =
  | { ok: true }
  /** `message`: a catalog key to send back; absent: say nothing (a mention with no question in it). */
  | { ok: false; message?: { key: string; vars?: Record<string, string | number> } };

/** Async: a check may ask a shared store (the rate limits live in PostgreSQL when replicas share them). */
export type Precondition = (ctx: BotContext, source: AskSource) => PreconditionResult | Promise<PreconditionResult>;

const ok: PreconditionResult = { ok: true };

/** DMs only if enabled; otherwise the channel (or a thread's parent) must be on the allow-list. */
export const allowedHere: Precondition = (ctx, { isDm, channelId, parentId }) => {
  if (isDm) return ctx.config.DISCORD_ALLOW_DMS ? ok : { ok: false, message: { key: 'discordDmsDisabled' } };
  const allowed = ctx.config.DISCORD_ALLOWED_CHANNELS;
  const asks = ctx.config.DISCORD_ASK_CHANNELS;
  if (allowed.length === 0 || allowed.includes(channelId) || (parentId !== null && allowed.includes(parentId))) return ok;
  if (asks.includes(channelId) || (parentId !== null && asks.includes(parentId))) return ok;
  return { ok: false, message: { key: 'discordChannelNotEnabled' } };
};

/** A mention with nothing but the mention: not a question, and not worth a reply. */
export const hasQuestion: Precondition = (_ctx, { question }) => (question ? ok : { ok: false });

/**
 * Per user first, then per channel (a thread counts towards its parent's limit); a question refused by
 * the channel limit does not use up the user's.
 */
export const withinRateLimit: Precondition = async (ctx, { userId, channelId, parentId }) => {
  const user = await ctx.userLimiter.take(userId);
  if (!user.allowed) return { ok: false, message: { key: 'rateLimited', vars: { seconds: Math.ceil(user.retryAfterMs / 1000) } } };
  const channel = await ctx.channelLimiter.take(parentId ?? channelId);
  if (!channel.allowed) {
    await ctx.userLimiter.refund(userId);
    return { ok: false, message: { key: 'rateLimited', vars: { seconds: Math.ceil(channel.retryAfterMs / 1000) } } };
  }
  return ok;
};

/** `/ask`: the question option is required, so an empty one goes to the engine, which says what to type. */
export const ASK_COMMAND: readonly Precondition[] = [allowedHere, withinRateLimit];
/** Mentions and replies: a refusal in a channel the bot is not enabled in is said even without a question, so it does not look broken. */
export const MENTION: readonly Precondition[] = [allowedHere, hasQuestion, withinRateLimit];

/** Runs the checks in order and stops at the first refusal. */
export async function runPreconditions(ctx: BotContext, source: AskSource, chain: readonly Precondition[]): Promise<PreconditionResult> {
  for (const check of chain) {
    const result = await check(ctx, source);
    if (!result.ok) return result;
  }
  return ok;
}
