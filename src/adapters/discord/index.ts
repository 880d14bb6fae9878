/**
 * The Discord bot: `/ask`, mentions and thread follow-ups answered with cited sources, 👍/👎 feedback,
 * `/corpus` for staff. `startDiscord` resolves once the gateway is ready; `stop()` disconnects.
 */
import { Client, Events, GatewayIntentBits, MessageFlags, Partials, type ClientOptions, type Interaction } from 'discord.js';
import type { Config } from '../../config/load.js';
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import { SogaError, describeError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { AnswerFeedback } from '../../core/answer-log.js';
import type { ProposalSink } from '../../core/corrections/correction.js';
import type { ConversationMemory } from '../../core/conversation/conversation-memory.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import { handleAskCommand, handleMessage } from './answering.js';
import { ASK_COMMAND, CORPUS_COMMAND, EVENTS_COMMAND } from './commands.js';
import { handleEventsCommand } from './events-command.js';
import { type BotContext, type Log, type LogLevel, NO_MENTIONS } from './context.js';
import { handleCorpusCommand } from './corpus-commands.js';
import { handleFeedbackButton, handleFeedbackModal, parseFeedbackCustomId } from './feedback.js';
import { startGatewayWatchdog } from './gateway-watchdog.js';
import { pickLanguage } from './locale.js';
import { RecentIds } from './recent-ids.js';

export { registerCommands } from './register-commands.js';
export { buildCommands } from './commands.js';

export interface DiscordState {
  /** Conversations, for follow-ups (turns kept: MAX_HISTORY_TURNS of ./conversation.ts). */
  memory: ConversationMemory;
  /** DISCORD_RATE_LIMIT_USER_PER_MIN, per member. */
  userLimiter: RateLimiter;
  /** DISCORD_RATE_LIMIT_CHANNEL_PER_MIN, per channel (a thread counts towards its parent). */
  channelLimiter: RateLimiter;
}

export interface DiscordDeps {
  config: Config;
  assistant: Assistant;
  corpus: CorpusManager;
  /** Where 👍/👎 on an answer go (the answer log's feedback side). */
  feedback: AnswerFeedback;
  /** Where staff replies after the bot's answer go, as proposed corrections (the review desk's side); absent: not collected. */
  proposals?: ProposalSink | null;
  messages: Messages;
  /** What the bot remembers and counts (main builds it: in memory, or in PostgreSQL with SOGA_DATABASE_URL). */
  state: DiscordState;
  /**
   * Called once when the bot cannot go on (stuck gateway, token or intents refused), after the client
   * is destroyed. Main should exit with a non-zero code so a supervisor restarts the process.
   * Default: log, and set process.exitCode = 1 so the process ends non-zero once idle.
   */
  onFatal?: (error: Error) => void;
  /** Extra discord.js options, for tests (e.g. `rest: { api: 'http://127.0.0.1:PORT/api' }`). */
  clientOptions?: Partial<ClientOptions>;
  /** Where the bot's operational messages go (filtered by SOGA_LOG_LEVEL); default: stderr. */
  log?: Log;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Only messages at or above SOGA_LOG_LEVEL reach the sink. */
export function leveledLog(level: LogLevel, sink: Log): Log {
  return (l, message) => {
    if (RANK[l] >= RANK[level]) sink(l, message);
  };
}

export interface DiscordBot {
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 3_000;
/** Close codes after which discord.js stops reconnecting: the bot would sit there answering nobody. */
const FATAL_CLOSE_HINTS: Record<number, string> = {
  4004: 'the token was refused: check DISCORD_TOKEN',
  4013: 'invalid intents',
  4014: 'an intent is not enabled in the Developer Portal: enable "Message Content Intent" or set DISCORD_MESSAGE_CONTENT=false',
};

/** Only what the enabled features need; MessageContent is privileged and asked for only when configured. */
export function intentsFor(config: Config): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  if (config.DISCORD_ANSWER_MENTIONS) {
    intents.push(GatewayIntentBits.GuildMessages);
    if (config.DISCORD_ALLOW_DMS) intents.push(GatewayIntentBits.DirectMessages);
    if (config.DISCORD_MESSAGE_CONTENT) intents.push(GatewayIntentBits.MessageContent);
  }
  return intents;
}

/**
 * The shards this replica runs (discord.js `shards`, `shardCount`): DISCORD_SHARDS of DISCORD_SHARD_COUNT,
 * every shard of DISCORD_SHARD_COUNT when no list is given, nothing (discord.js's one shard) when neither is set.
 */
export function shardOptions(config: Pick<Config, 'DISCORD_SHARDS' | 'DISCORD_SHARD_COUNT'>): Pick<ClientOptions, 'shards' | 'shardCount'> {
  const count = config.DISCORD_SHARD_COUNT;
  if (count === undefined) return {};
  return { shards: config.DISCORD_SHARDS.length ? config.DISCORD_SHARDS : Array.from({ length: count }, (_, i) => i), shardCount: count };
}

const stderrLog: Log = (level, message) => {
  process.stderr.write(`[${level}] ${message}\n`);
};

export async function startDiscord(deps: DiscordDeps): Promise<DiscordBot> {
  const { config } = deps;
  const log = leveledLog(config.SOGA_LOG_LEVEL, deps.log ?? stderrLog);
  if (!config.DISCORD_TOKEN) {
    throw new SogaError('CONFIG_INVALID', 'the Discord bot needs DISCORD_TOKEN. Set it in .env (see docs/discord.md).');
  }
  if (config.DISCORD_ASK_CHANNELS.length && !(config.DISCORD_MESSAGE_CONTENT && config.DISCORD_ANSWER_MENTIONS)) {
    // Without the Message Content intent messages arrive with empty text: only mentions could be answered.
    log(
      'warn',
      'DISCORD_ASK_CHANNELS is set, but its messages are answered only with DISCORD_MESSAGE_CONTENT=true and DISCORD_ANSWER_MENTIONS=true (and "Message Content Intent" enabled in the Developer Portal); until then only mentions are answered there (docs/discord.md)',
    );
  }

  const client = new Client({
    ...deps.clientOptions,
    ...shardOptions(config),
    intents: intentsFor(config),
    // DMs arrive on channels the cache has never seen; without this partial they would be dropped.
    partials: config.DISCORD_ALLOW_DMS ? [Partials.Channel] : [],
    allowedMentions: NO_MENTIONS,
  });

  const ctx: BotContext = {
    config,
    assistant: deps.assistant,
    corpus: deps.corpus,
    feedback: deps.feedback,
    proposals: deps.proposals ?? null,
    messages: deps.messages,
    client,
    log,
    memory: deps.state.memory,
    seen: new RecentIds(),
    userLimiter: deps.state.userLimiter,
    channelLimiter: deps.state.channelLimiter,
  };

  let stopped = false;
  let fatalRaised = false;
  let watchdog: { stop(): void } | undefined;
  let lastSignOfLife = Date.now();
  const alive = () => {
    lastSignOfLife = Date.now();
  };

  /** Disconnects; bounded, because a stuck connection can keep client.destroy() waiting for a gateway that never answers. */
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    watchdog?.stop();
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log('warn', `discord: disconnecting took more than ${STOP_TIMEOUT_MS} ms; giving up on a clean disconnect`);
        resolve();
      }, STOP_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.destroy(), bounded]);
    } finally {
      clearTimeout(timer);
    }
  };

  const fatal = (error: Error) => {
    // A disconnect we asked for is not a failure.
    if (fatalRaised || stopped) return;
    fatalRaised = true;
    log('error', `discord: ${describeError(error)}`);
    stop()
      .catch((stopError: unknown) => log('error', `discord: could not disconnect cleanly: ${describeError(stopError)}`))
      .finally(() => {
        if (deps.onFatal) deps.onFatal(error);
        else process.exitCode = 1;
      });
  };

  client.on(Events.Raw, alive);
  client.on(Events.ShardReady, alive);
  client.on(Events.ShardResume, (shardId, replayed) => {
    alive();
    log('info', `discord: gateway resumed (shard ${shardId}, ${replayed} events replayed)`);
  });
  client.on(Events.ShardReconnecting, (shardId) => log('warn', `discord: gateway reconnecting (shard ${shardId})`));
  client.on(Events.ShardError, (error, shardId) => log('warn', `discord: gateway error on shard ${shardId}: ${describeError(error)}`));
  client.on(Events.Error, (error) => log('error', `discord: client error: ${describeError(error)}`));
  client.on(Events.Warn, (message) => log('warn', `discord: ${message}`));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const hint = FATAL_CLOSE_HINTS[event.code] ?? 'the gateway closed the connection for good';
    fatal(new Error(`Discord gateway shard ${shardId} disconnected with code ${event.code}: ${hint}`));
  });

  client.on(Events.InteractionCreate, (interaction) => {
    void dispatchInteraction(ctx, interaction);
  });
  client.on(Events.MessageCreate, (message) => {
    handleMessage(ctx, message).catch((error: unknown) => {
      log('error', `discord: answering message ${message.id} failed: ${describeError(error)}`);
    });
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  alive();
  const sharded = config.DISCORD_SHARD_COUNT === undefined ? '' : ` (shard${client.ws.shards.size > 1 ? 's' : ''} ${[...client.ws.shards.keys()].join(', ')} of ${config.DISCORD_SHARD_COUNT})`;
  log('info', `discord: logged in as ${client.user?.tag ?? '?'}${sharded}`);

  watchdog = startGatewayWatchdog({
    maxAgeMs: config.DISCORD_HEARTBEAT_MAX_AGE_MS,
    lastSignOfLife: () => {
      // discord.js records when each acknowledged heartbeat was sent.
      const pings = client.ws.shards.map((shard) => shard.lastPingTimestamp).filter((t) => t > 0);
      return Math.max(lastSignOfLife, ...pings);
    },
    onStuck: (age) => fatal(new Error(`Discord gateway stuck: no heartbeat acknowledged or event received for ${age} ms (limit DISCORD_HEARTBEAT_MAX_AGE_MS=${config.DISCORD_HEARTBEAT_MAX_AGE_MS})`)),
  });

  return { stop };
}

async function dispatchInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  // A replayed interaction (after a resume) is never answered twice.
  if (!ctx.seen.firstSeen(`interaction:${interaction.id}`)) return;
  try {
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === ASK_COMMAND) await handleAskCommand(ctx, interaction);
      else if (interaction.commandName === CORPUS_COMMAND) await handleCorpusCommand(ctx, interaction);
      else if (interaction.commandName === EVENTS_COMMAND) await handleEventsCommand(ctx, interaction);
    } else if (interaction.isButton() && parseFeedbackCustomId(interaction.customId)) {
      await handleFeedbackButton(ctx, interaction);
    } else if (interaction.isModalSubmit() && parseFeedbackCustomId(interaction.customId)) {
      await handleFeedbackModal(ctx, interaction);
    }
  } catch (error) {
    ctx.log('error', `discord: handling interaction ${interaction.id} failed: ${describeError(error)}`);
    if (!interaction.isRepliable()) return;
    const lang = pickLanguage(ctx.messages, [interaction.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
    const content = ctx.messages.t(lang, 'error');
    try {
      if (interaction.deferred) await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
      else if (!interaction.replied) await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } catch (replyError) {
      ctx.log('error', `discord: could not tell the member about the failure: ${describeError(replyError)}`);
    }
  }
}
