/** Discord settings: owned by the discord adapter; merged into the one schema in schema.ts. */
import { z } from 'zod';
import { bool, int, list, optional } from './schema-helpers.js';

/** Discord ids are 17–20 digit snowflakes; a typo (a name, a pasted mention) should fail at start-up. */
const snowflake = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .refine((v) => v === undefined || /^\d{15,22}$/.test(v), 'must be a numeric Discord id (enable Developer Mode, then "Copy ID")');

/** Shard ids are small non-negative integers: "0,2" runs shards 0 and 2 of DISCORD_SHARD_COUNT. */
const shardList = list
  .refine((ids) => ids.every((id) => /^\d{1,5}$/.test(id)), 'must be a comma-separated list of shard ids (0, 1, 2…), e.g. DISCORD_SHARDS=0,1')
  .transform((ids) => [...new Set(ids.map(Number))].sort((a, b) => a - b));

const snowflakeList = list.refine((ids) => ids.every((id) => /^\d{15,22}$/.test(id)), 'must be a comma-separated list of numeric Discord channel ids');

export const discordConfigShape = {
  /** The bot runs when this is set. */
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: snowflake,
  /** Set: commands are registered for this guild only (instant); unset: globally (may take up to an hour). */
  DISCORD_GUILD_ID: snowflake,
  /** Members with this role may use /corpus. Unset: nobody may (the handler refuses everyone). */
  DISCORD_STAFF_ROLE_ID: snowflake,
  /**
   * Members with one of these roles (or DISCORD_STAFF_ROLE_ID) are staff: their replies in a thread after
   * the bot's answer become proposed corrections on the review desk instead of questions. Needs
   * DISCORD_MESSAGE_CONTENT=true to read the replies. Empty: only DISCORD_STAFF_ROLE_ID's members.
   */
  DISCORD_STAFF_ROLES: list.refine((ids) => ids.every((id) => /^\d{15,22}$/.test(id)), 'must be a comma-separated list of numeric Discord role ids').default([]),
  /** Channels where the bot answers (threads inherit their parent's permission). Empty: every channel it can see. */
  DISCORD_ALLOWED_CHANNELS: snowflakeList.default([]),
  DISCORD_ALLOW_DMS: bool.default(false),
  /** Answer messages that mention the bot (and replies to its answers). Needs the GuildMessages intent. */
  DISCORD_ANSWER_MENTIONS: bool.default(true),
  /**
   * Answer every message in a thread the bot opened, without a mention. Needs the privileged
   * MessageContent intent (enable it in the Developer Portal), because such messages arrive with empty text otherwise.
   */
  DISCORD_MESSAGE_CONTENT: bool.default(false),
  /**
   * Ask channels: every message there is a question, answered in a thread on it (greetings and thanks
   * are not). Needs DISCORD_MESSAGE_CONTENT=true; they count as allowed channels.
   */
  DISCORD_ASK_CHANNELS: snowflakeList.default([]),
  /**
   * Sharding, for several replicas (docs/deploy.md): the shard ids this replica runs, each below DISCORD_SHARD_COUNT.
   * Empty: every shard of DISCORD_SHARD_COUNT (one process runs them all).
   */
  DISCORD_SHARDS: shardList.default([]),
  /** Sharding: how many shards all replicas of this bot run together (Discord needs one per 2,500 guilds). Unset: 1, or refused when DISCORD_SHARDS is set. */
  DISCORD_SHARD_COUNT: int(1, 65_535).optional(),
  DISCORD_RATE_LIMIT_USER_PER_MIN: int(1, 1000).default(6),
  DISCORD_RATE_LIMIT_CHANNEL_PER_MIN: int(1, 10_000).default(30),
  /** Attachments bigger than this are refused before and during download (Discord allows far bigger files). */
  DISCORD_MAX_UPLOAD_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  /** No heartbeat acknowledged (and no event) for this long: the connection is stuck and the bot exits. */
  DISCORD_HEARTBEAT_MAX_AGE_MS: int(1000, 3_600_000).default(180_000),
  /** The answer must be ready well before the 15-minute interaction token expires; the engine then falls back. */
  DISCORD_ANSWER_DEADLINE_MS: int(1000, 600_000).default(90_000),
  /** Minimum time between streamed edits of a generating answer (Discord allows about 5 edits per 5 s). */
  DISCORD_STREAM_EDIT_INTERVAL_MS: int(250, 60_000).default(1500),
} satisfies z.ZodRawShape;

/**
 * What is wrong with the shard settings taken together (a variable alone is checked by its schema),
 * naming the variable and how to fix it; undefined when they fit.
 */
export function shardSettingsProblem(config: { DISCORD_SHARDS: number[]; DISCORD_SHARD_COUNT?: number }): string | undefined {
  const { DISCORD_SHARDS: shards, DISCORD_SHARD_COUNT: count } = config;
  if (shards.length === 0) return undefined;
  if (count === undefined) {
    return `DISCORD_SHARDS=${shards.join(',')} needs DISCORD_SHARD_COUNT, the number of shards all replicas run together (e.g. DISCORD_SHARD_COUNT=${Math.max(...shards) + 1}). Set it in .env (see docs/deploy.md).`;
  }
  const outside = shards.filter((id) => id >= count);
  if (outside.length) {
    return `DISCORD_SHARDS=${shards.join(',')} names shard ${outside.join(', ')}, but shard ids run from 0 to DISCORD_SHARD_COUNT-1=${count - 1}. Fix DISCORD_SHARDS or raise DISCORD_SHARD_COUNT in .env (see docs/deploy.md).`;
  }
  return undefined;
}
