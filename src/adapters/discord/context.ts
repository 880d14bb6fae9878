/** What every handler of the bot is given: dependencies, shared state, and the allowed-mentions policy. */
import type { Client } from 'discord.js';
import type { Config } from '../../config/load.js';
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import type { Messages } from '../../core/i18n.js';
import type { AnswerFeedback } from '../../core/answer-log.js';
import type { ProposalSink } from '../../core/corrections/correction.js';
import type { ConversationMemory } from '../../core/conversation/conversation-memory.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import type { RecentIds } from './recent-ids.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string) => void;

/**
 * Nobody is ever pinged by the bot: not @everyone, roles or users, not even the person replied to.
 * Passed on the client and again on every send/edit, because a per-call value replaces the client's.
 */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };
/** The same policy in the REST API's own shape, for raw REST calls. */
export const NO_MENTIONS_API = { parse: [] as never[], replied_user: false };

export interface BotContext {
  config: Config;
  assistant: Assistant;
  corpus: CorpusManager;
  /** Where 👍/👎 on an answer go (the answer log's feedback side). */
  feedback: AnswerFeedback;
  /** Where staff replies after an answer go (null: staff replies are ordinary messages). */
  proposals: ProposalSink | null;
  messages: Messages;
  client: Client;
  log: Log;
  memory: ConversationMemory;
  seen: RecentIds;
  userLimiter: RateLimiter;
  channelLimiter: RateLimiter;
}

/** The bot's user id once logged in. */
export function botId(ctx: BotContext): string {
  const id = ctx.client.user?.id;
  if (!id) throw new Error('the Discord client is not logged in');
  return id;
}
