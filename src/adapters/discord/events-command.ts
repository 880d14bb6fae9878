/**
 * `/events`: the events after today, or the latest when none is announced, in the member's language
 * (the engine's upcomingEvents); the same checks as `/ask` (channel allowed, rate limits).
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS, type BotContext } from './context.js';
import { formatAnswer } from './format-answer.js';
import { pickLanguage } from './locale.js';
import { ASK_COMMAND, runPreconditions } from './preconditions.js';

export async function handleEventsCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const lang = pickLanguage(ctx.messages, [interaction.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  const channel = interaction.channel;
  const check = await runPreconditions(
    ctx,
    { userId: interaction.user.id, isDm: !interaction.inGuild(), channelId: interaction.channelId, parentId: channel?.isThread() ? channel.parentId : null, question: '/events' },
    ASK_COMMAND,
  );
  if (!check.ok) {
    if (check.message) await interaction.reply({ content: ctx.messages.t(lang, check.message.key, check.message.vars), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  if (!ctx.assistant.upcomingEvents) {
    await interaction.reply({ content: ctx.messages.t(lang, 'notFound'), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  await interaction.deferReply();
  const answer = await ctx.assistant.upcomingEvents({ locale: interaction.locale, surface: 'discord' });
  const [first, ...rest] = formatAnswer(answer, ctx.messages, { lang: pickLanguage(ctx.messages, [answer.language], lang), maxQuestionChars: ctx.config.SOGA_MAX_QUESTION_CHARS });
  await interaction.editReply({ content: first, allowedMentions: NO_MENTIONS });
  for (const part of rest) await interaction.followUp({ content: part, allowedMentions: NO_MENTIONS });
}
