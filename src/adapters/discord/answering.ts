/**
 * Answering a question from /ask or from a message: access and rate checks, a placeholder shown at
 * once, streamed progress, the final answer with sources and feedback buttons, and the thread that
 * keeps the conversation.
 */
import { isQuestionLike } from '../../core/conversation/is-question.js';
import {
  ChannelType,
  MessageFlags,
  Routes,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIMessage,
  type APIThreadChannel,
  type ChatInputCommandInteraction,
  type Message,
} from 'discord.js';
import { SogaError, describeError } from '../../core/errors.js';
import { isAnswer, type Answer, type ChatTurn } from '../../core/types.js';
import { QUESTION_OPTION } from './commands.js';
import { type BotContext, NO_MENTIONS, NO_MENTIONS_API, botId } from './context.js';
import { stripMentions, turnsFromMessages } from './conversation.js';
import { feedbackRow } from './feedback.js';
import { formatAnswer, formatProgress, truncateAtWord } from './format-answer.js';
import { pickLanguage } from './locale.js';
import { ASK_COMMAND, MENTION, runPreconditions, type AskSource } from './preconditions.js';
import { ThrottledEditor } from './throttled-editor.js';
import { answeredTurns } from '../../core/conversation/turns.js';
import { handleStaffReply, isStaffMessage } from './staff-replies.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** After the deadline the engine should fall back to an extractive answer; past this grace, the bot gives up waiting. */
const ABORT_GRACE_MS = 15_000;
const THREAD_NAME_MAX = 90;
/** Threads archive after a day without messages; a new question opens a new one. */
const THREAD_ARCHIVE_MINUTES = 1440;

interface Delivery {
  /** Replaces the placeholder with the text generated so far. */
  progress(content: string): Promise<unknown>;
  /** Sends the final messages, the buttons under the last; returns the ids of the messages sent. */
  deliver(parts: string[], row: Row | null): Promise<string[]>;
}

interface QuestionRequest {
  question: string;
  /** The platform locale (interaction locale, or the server's preferred one for messages). */
  locale?: string;
  history?: ChatTurn[];
  place?: string;
  askerId: string;
}

/** The engine's answer, bounded in time even if the engine ignores the abort signal. */
async function askWithDeadline(ctx: BotContext, request: QuestionRequest, onProgress: (text: string) => void): Promise<Answer> {
  const deadline = ctx.config.DISCORD_ANSWER_DEADLINE_MS;
  const signal = AbortSignal.timeout(deadline);
  let partial = '';
  let timer: NodeJS.Timeout | undefined;
  const hardStop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SogaError('LLM_TIMEOUT', `no answer ${deadline + ABORT_GRACE_MS} ms after the question, even after aborting generation`)), deadline + ABORT_GRACE_MS);
  });
  try {
    return await Promise.race([
      ctx.assistant.ask(request.question, {
        history: request.history,
        locale: request.locale,
        surface: 'discord',
        place: request.place,
        asker: request.askerId,
        signal,
        onToken: (token) => {
          partial += token;
          onProgress(formatProgress(partial));
        },
      }),
      hardStop,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asks and delivers (with feedback buttons when the answer was logged); returns what was sent so the caller can keep the conversation. */
async function answerAndDeliver(ctx: BotContext, request: QuestionRequest, delivery: Delivery): Promise<{ answer: Answer; messageIds: string[] }> {
  const editor = new ThrottledEditor((text) => delivery.progress(text), ctx.config.DISCORD_STREAM_EDIT_INTERVAL_MS);
  let answer: Answer;
  try {
    answer = await askWithDeadline(ctx, request, (text) => editor.push(text));
  } finally {
    await editor.close();
  }
  if (editor.error) ctx.log('warn', `discord: a streamed preview edit failed: ${describeError(editor.error)}`);

  const lang = pickLanguage(ctx.messages, [answer.language, request.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  let row: Row | null = null;
  // The answer was recorded on its way here (the recording assistant main wraps around the engine);
  // without an entry id (log off, or recording failed and main said why) there is nothing to rate.
  if ((isAnswer(answer.outcome) || answer.outcome === 'not_found') && answer.logEntryId) {
    row = feedbackRow(ctx, answer.logEntryId, lang);
    if (!row) ctx.log('warn', `discord: answer-log id "${answer.logEntryId}" is too long for a button; answer sent without feedback buttons`);
  }
  const parts = formatAnswer(answer, ctx.messages, { lang, maxQuestionChars: ctx.config.SOGA_MAX_QUESTION_CHARS });
  const messageIds = await delivery.deliver(parts, row);
  return { answer, messageIds };
}

function threadName(question: string): string {
  const oneLine = question.replace(/\s+/g, ' ').trim();
  return truncateAtWord(oneLine || '?', THREAD_NAME_MAX);
}

/** Opens a public thread on a message; a missing permission is logged and the conversation goes on without one. */
async function openThread(ctx: BotContext, channelId: string, messageId: string, question: string): Promise<string | null> {
  try {
    const thread = (await ctx.client.rest.post(Routes.threads(channelId, messageId), {
      body: { name: threadName(question), auto_archive_duration: THREAD_ARCHIVE_MINUTES },
    })) as APIThreadChannel;
    await ctx.memory.rememberThread(thread.id);
    return thread.id;
  } catch (error) {
    ctx.log('warn', `discord: could not open a thread on message ${messageId} in ${channelId} (does the bot have "Create Public Threads"?): ${describeError(error)}`);
    return null;
  }
}

/** A thread the bot keeps a conversation in: one it opened (remembered, or owned after a restart). */
async function isOwnThread(ctx: BotContext, threadId: string, ownerId: string | null): Promise<boolean> {
  return ownerId === botId(ctx) || (await ctx.memory.ownsThread(threadId));
}

/** The conversation in a thread the bot keeps, from memory or, after a restart, from the thread itself. */
async function threadHistory(ctx: BotContext, threadId: string, beforeMessageId?: string): Promise<ChatTurn[] | undefined> {
  const remembered = await ctx.memory.history(threadId);
  if (remembered) return remembered;
  try {
    const query = new URLSearchParams({ limit: '30', ...(beforeMessageId ? { before: beforeMessageId } : {}) });
    const raw = (await ctx.client.rest.get(Routes.channelMessages(threadId), { query })) as APIMessage[];
    const turns = turnsFromMessages(
      raw.reverse().map((m) => ({ authorId: m.author.id, content: m.content })),
      botId(ctx),
      ctx.messages,
    );
    return turns.length ? turns : undefined;
  } catch (error) {
    ctx.log('warn', `discord: could not read the history of thread ${threadId}; answering without it: ${describeError(error)}`);
    return undefined;
  }
}

// ---------------------------------------------------------------- /ask

export async function handleAskCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const question = interaction.options.getString(QUESTION_OPTION, true);
  const lang = pickLanguage(ctx.messages, [interaction.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  const channel = interaction.channel;
  const isThread = channel?.isThread() ?? false;
  const source: AskSource = {
    userId: interaction.user.id,
    isDm: !interaction.inGuild(),
    channelId: interaction.channelId,
    parentId: isThread && channel?.isThread() ? channel.parentId : null,
    question,
  };
  const check = await runPreconditions(ctx, source, ASK_COMMAND);
  if (!check.ok) {
    if (check.message) await interaction.reply({ content: ctx.messages.t(lang, check.message.key, check.message.vars), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  // Within Discord's 3-second window, before any slow work.
  await interaction.deferReply();

  const inOwnThread = isThread && channel?.isThread() === true && (await isOwnThread(ctx, channel.id, channel.ownerId));
  const history = inOwnThread ? await threadHistory(ctx, interaction.channelId) : undefined;

  const { answer, messageIds } = await answerAndDeliver(
    ctx,
    { question, locale: interaction.locale, history, place: interaction.channelId, askerId: interaction.user.id },
    {
      progress: (content) => interaction.editReply({ content, allowedMentions: NO_MENTIONS }),
      deliver: async (parts, row) => {
        const ids: string[] = [];
        for (const [i, content] of parts.entries()) {
          const components = i === parts.length - 1 && row ? [row] : [];
          const sent = i === 0 ? await interaction.editReply({ content, components, allowedMentions: NO_MENTIONS }) : await interaction.followUp({ content, components, allowedMentions: NO_MENTIONS });
          ids.push(sent.id);
        }
        return ids;
      },
    },
  );
  // A new question in a channel gets its own thread, hung on the answer, for follow-ups. Discord gives
  // a thread started from a message that message's id, so the conversation is recorded under it first:
  // a follow-up arriving the moment the thread exists already finds its history.
  const key = inOwnThread ? interaction.channelId : messageIds[0];
  if (isAnswer(answer.outcome)) await ctx.memory.record(key, answeredTurns(question, answer), messageIds);
  if (answer.logEntryId) await ctx.memory.rememberAnswer(key, question, answer.logEntryId, messageIds);
  if (!isThread && interaction.inGuild() && isAnswer(answer.outcome) && isThreadable(interaction)) {
    await ctx.memory.rememberThread(messageIds[0]);
    await openThread(ctx, interaction.channelId, messageIds[0], question);
  }
}

function isThreadable(interaction: ChatInputCommandInteraction): boolean {
  const type = interaction.channel?.type;
  // Unknown (uncached) channels are tried; a refusal is logged by openThread.
  return type === undefined || type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement;
}

// ---------------------------------------------------------------- mentions, replies, thread follow-ups

/** Decides whether a message is a question for the bot, and answers it. */
export async function handleMessage(ctx: BotContext, message: Message): Promise<void> {
  if (message.author.bot || message.system || message.webhookId) return;
  if (!ctx.config.DISCORD_ANSWER_MENTIONS) return;
  const me = botId(ctx);
  const isDm = !message.inGuild();
  const channel = message.channel;
  const isThread = channel.isThread();
  const inOwnThread = isThread && (await isOwnThread(ctx, channel.id, channel.ownerId));
  const mentioned = message.mentions.users.has(me) || new RegExp(`<@!?${me}>`).test(message.content);
  const refId = message.reference?.messageId;
  const replyToBot = refId !== undefined && (message.mentions.repliedUser?.id === me || (await ctx.memory.keyOfMessage(refId)) !== undefined);
  // Members talking to each other in the bot's thread (a reply to, or a mention of, someone else).
  const toSomeoneElse = !mentioned && (message.mentions.users.some((u) => u.id !== me) || (refId !== undefined && !replyToBot && message.mentions.repliedUser !== null));
  // An ask channel: every message is a question, except greetings, thanks and replies between members.
  const inAskChannel = !isThread && !isDm && ctx.config.DISCORD_ASK_CHANNELS.includes(channel.id);
  const asksHere = inAskChannel && ctx.config.DISCORD_MESSAGE_CONTENT && refId === undefined && !toSomeoneElse && isQuestionLike(stripMentions(message.content));
  const addressed = mentioned || replyToBot || asksHere || (isDm && ctx.config.DISCORD_ALLOW_DMS) || (inOwnThread && ctx.config.DISCORD_MESSAGE_CONTENT && !toSomeoneElse);
  // A staff member writing after the bot's answer (in its thread, or replying to it) without
  // addressing the bot is correcting it: a proposal for the review desk, not a question.
  const followsAnswer = inOwnThread ? channel.id : replyToBot && refId ? await ctx.memory.keyOfMessage(refId) : undefined;
  const staffReply = !mentioned && followsAnswer !== undefined && ctx.proposals !== null && ctx.config.DISCORD_MESSAGE_CONTENT && isStaffMessage(ctx, message);
  if (!addressed && !staffReply) return;
  if (!ctx.seen.firstSeen(`message:${message.id}`)) return;
  if (staffReply && (await handleStaffReply(ctx, message, followsAnswer, inOwnThread))) return;
  if (!addressed) return;

  const question = stripMentions(message.content);
  const locale = message.guild?.preferredLocale;
  const lang = pickLanguage(ctx.messages, [locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  const send = (channelId: string, content: string, extra: Record<string, unknown> = {}) =>
    ctx.client.rest.post(Routes.channelMessages(channelId), {
      body: { content, allowed_mentions: NO_MENTIONS_API, ...extra },
    }) as Promise<APIMessage>;
  const replyTo = { message_reference: { message_id: message.id, fail_if_not_exists: false } };

  const source: AskSource = { userId: message.author.id, isDm, channelId: channel.id, parentId: isThread ? channel.parentId : null, question };
  const check = await runPreconditions(ctx, source, MENTION);
  if (!check.ok) {
    if (check.message) await send(channel.id, ctx.messages.t(lang, check.message.key, check.message.vars), replyTo);
    return;
  }

  // Where the answer goes: the same thread or DM, else a new thread on the question.
  let targetId = channel.id;
  let key: string | undefined;
  let history: ChatTurn[] | undefined;
  if (inOwnThread) {
    key = channel.id;
    history = await threadHistory(ctx, channel.id, message.id);
  } else if (replyToBot && refId) {
    key = await ctx.memory.keyOfMessage(refId);
    history = key ? await ctx.memory.history(key) : undefined;
    if (!history) {
      const referenced = await message.fetchReference().catch((error: unknown) => {
        ctx.log('warn', `discord: could not read the message replied to; answering without it: ${describeError(error)}`);
        return null;
      });
      if (referenced) history = turnsFromMessages([{ authorId: referenced.author.id, content: referenced.content }], me, ctx.messages);
    }
  }
  if (!inOwnThread && !isDm && !isThread && !replyToBot) {
    await ctx.memory.rememberThread(message.id);
    const threadId = await openThread(ctx, channel.id, message.id, question);
    if (threadId) {
      targetId = threadId;
      key = threadId;
    }
  }
  const placeholder = await send(targetId, ctx.messages.t(lang, 'discordThinking'), targetId === channel.id ? replyTo : {});

  try {
    const { answer, messageIds } = await answerAndDeliver(
      ctx,
      { question, locale, history, place: channel.id, askerId: message.author.id },
      {
        progress: (content) =>
          ctx.client.rest.patch(Routes.channelMessage(targetId, placeholder.id), {
            body: { content, allowed_mentions: NO_MENTIONS_API },
          }),
        deliver: async (parts, row) => {
          const ids: string[] = [];
          for (const [i, content] of parts.entries()) {
            const components = i === parts.length - 1 && row ? [row] : [];
            if (i === 0) {
              await ctx.client.rest.patch(Routes.channelMessage(targetId, placeholder.id), {
                body: { content, components, allowed_mentions: NO_MENTIONS_API },
              });
              ids.push(placeholder.id);
            } else {
              ids.push((await send(targetId, content, { components })).id);
            }
          }
          return ids;
        },
      },
    );
    if (isAnswer(answer.outcome)) await ctx.memory.record(key ?? placeholder.id, answeredTurns(question, answer), messageIds);
    if (answer.logEntryId) await ctx.memory.rememberAnswer(key ?? placeholder.id, question, answer.logEntryId, messageIds);
  } catch (error) {
    await ctx.client.rest
      .patch(Routes.channelMessage(targetId, placeholder.id), {
        body: { content: ctx.messages.t(lang, 'error'), components: [], allowed_mentions: NO_MENTIONS_API },
      })
      .catch((editError: unknown) => ctx.log('error', `discord: could not tell the member the answer failed: ${describeError(editError)}`));
    throw error;
  }
}
