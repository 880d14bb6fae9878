/**
 * 👍/👎 under each answer. The custom ids carry the answer-log entry id, so a click still finds its
 * entry after a restart. 👎 opens a form for an optional comment; the vote is stored when it is sent.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { BotContext } from './context.js';
import { NO_MENTIONS } from './context.js';
import { pickLanguage } from './locale.js';

const PREFIX = 'soga';
/** Discord's limit on a custom id. */
const MAX_CUSTOM_ID = 100;
/** Discord's limits on a modal title and a text input label. */
const MAX_MODAL_TITLE = 45;
const MAX_COMMENT = 1000;

export type FeedbackAction = 'up' | 'down' | 'comment';

export function feedbackCustomId(action: FeedbackAction, entryId: string): string {
  return `${PREFIX}:${action}:${entryId}`;
}

export function parseFeedbackCustomId(customId: string): { action: FeedbackAction; entryId: string } | null {
  const match = /^soga:(up|down|comment):(.+)$/.exec(customId);
  return match ? { action: match[1] as FeedbackAction, entryId: match[2] } : null;
}

/** The button row, or null when the entry id is too long for a custom id (the answer is sent without buttons). */
export function feedbackRow(ctx: BotContext, entryId: string, lang: string): APIActionRowComponent<APIComponentInMessageActionRow> | null {
  if (feedbackCustomId('comment', entryId).length > MAX_CUSTOM_ID) return null;
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId(feedbackCustomId('up', entryId)).setEmoji('👍').setLabel(ctx.messages.t(lang, 'discordHelpful')).setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(feedbackCustomId('down', entryId)).setEmoji('👎').setLabel(ctx.messages.t(lang, 'discordNotHelpful')).setStyle(ButtonStyle.Secondary),
    )
    .toJSON();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export async function handleFeedbackButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseFeedbackCustomId(interaction.customId);
  if (!parsed) return;
  const lang = pickLanguage(ctx.messages, [interaction.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  if (parsed.action === 'down') {
    const modal = new ModalBuilder()
      .setCustomId(feedbackCustomId('comment', parsed.entryId))
      .setTitle(clip(ctx.messages.t(lang, 'discordFeedbackModalTitle'), MAX_MODAL_TITLE))
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId('comment')
            .setLabel(clip(ctx.messages.t(lang, 'discordFeedbackCommentLabel'), MAX_MODAL_TITLE))
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false)
            .setMaxLength(MAX_COMMENT),
        ),
      );
    await interaction.showModal(modal);
    return;
  }
  await ctx.feedback.addFeedback(parsed.entryId, { rating: 'up', by: interaction.user.id });
  await interaction.reply({
    content: ctx.messages.t(lang, 'discordFeedbackThanks'),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

export async function handleFeedbackModal(ctx: BotContext, interaction: ModalSubmitInteraction): Promise<void> {
  const parsed = parseFeedbackCustomId(interaction.customId);
  if (!parsed || parsed.action !== 'comment') return;
  const lang = pickLanguage(ctx.messages, [interaction.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  const comment = interaction.fields.getTextInputValue('comment').trim();
  await ctx.feedback.addFeedback(parsed.entryId, {
    rating: 'down',
    ...(comment ? { comment } : {}),
    by: interaction.user.id,
  });
  await interaction.reply({
    content: ctx.messages.t(lang, 'discordFeedbackThanks'),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
