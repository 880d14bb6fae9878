/**
 * /corpus add|list|remove for staff. The staff role is checked here, not only by Discord's command
 * permissions, which server admins can loosen per role or channel. Replies are ephemeral: document
 * management is not a conversation for the channel.
 */
import { GuildMember, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { CorpusChange } from '../../core/assistant.js';
import { describeError, isSogaError } from '../../core/errors.js';
import { type BotContext, NO_MENTIONS } from './context.js';
import { downloadWithCap } from './download.js';
import { DISCORD_MESSAGE_LIMIT, defang, truncateAtWord } from './format-answer.js';
import { pickLanguage } from './locale.js';

export const UPLOAD_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf'];
/** Ephemeral follow-ups a listing may use before it says how many documents it left out. */
const MAX_LIST_MESSAGES = 5;

export function isStaff(ctx: BotContext, interaction: ChatInputCommandInteraction): boolean {
  const roleId = ctx.config.DISCORD_STAFF_ROLE_ID;
  const member = interaction.member;
  if (!roleId || !member || !interaction.inGuild()) return false;
  // A cached member exposes a role manager; an uncached one arrives as the raw API shape with role ids.
  return member instanceof GuildMember ? member.roles.cache.has(roleId) : member.roles.includes(roleId);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export async function handleCorpusCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const lang = pickLanguage(ctx.messages, [interaction.locale], ctx.config.SOGA_DEFAULT_LANGUAGE);
  const ephemeral = async (content: string) => {
    const options = { content: truncateAtWord(defang(content), DISCORD_MESSAGE_LIMIT), allowedMentions: NO_MENTIONS };
    if (interaction.deferred || interaction.replied) await interaction.editReply(options);
    else await interaction.reply({ ...options, flags: MessageFlags.Ephemeral });
  };
  if (!isStaff(ctx, interaction)) {
    await ephemeral(ctx.messages.t(lang, 'notAllowed'));
    return;
  }
  const sub = interaction.options.getSubcommand(true);

  if (sub === 'add') {
    const file = interaction.options.getAttachment('file', true);
    const max = ctx.config.DISCORD_MAX_UPLOAD_BYTES;
    if (!UPLOAD_EXTENSIONS.includes(extensionOf(file.name))) {
      await ephemeral(ctx.messages.t(lang, 'discordUnsupportedFile'));
      return;
    }
    // The declared size is checked before downloading; the download enforces the cap again on the bytes.
    if (file.size > max) {
      await ephemeral(ctx.messages.t(lang, 'discordFileTooLarge', { name: file.name, size: file.size, max }));
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      const bytes = await downloadWithCap(file.url, max);
      const link = interaction.options.getString('link')?.trim();
      const change = await ctx.corpus.addFile(file.name, bytes, { uploadedBy: interaction.user.id, ...(link ? { url: link } : {}) });
      await ephemeral(describeChange(ctx, lang, file.name, change));
    } catch (error) {
      if (isSogaError(error, 'FILE_TOO_LARGE')) {
        await ephemeral(ctx.messages.t(lang, 'discordFileTooLarge', { name: file.name, size: `> ${max}`, max }));
        return;
      }
      // Staff get the precise reason (the code is what the docs and logs use).
      if (isSogaError(error)) {
        ctx.log('warn', `discord: /corpus add ${file.name} refused: ${describeError(error)}`);
        await ephemeral(ctx.messages.t(lang, 'discordCorpusFailed', { name: file.name, reason: `${error.code}: ${error.message}` }));
        return;
      }
      throw error;
    }
    return;
  }

  if (sub === 'list') {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const docs = await ctx.corpus.list();
    if (docs.length === 0) {
      await ephemeral(ctx.messages.t(lang, 'discordCorpusEmpty'));
      return;
    }
    const lines = docs
      .slice()
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((d) => truncateAtWord(`\`${d.id}\` ${d.title} (${d.lang}${d.date ? `, ${d.date}` : ''})`, 300));
    const pages = pageLines([ctx.messages.t(lang, 'discordCorpusList', { count: docs.length }), ...lines]);
    await ephemeral(pages[0]);
    for (const page of pages.slice(1, MAX_LIST_MESSAGES)) {
      await interaction.followUp({ content: defang(page), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    }
    return;
  }

  if (sub === 'remove') {
    const id = interaction.options.getString('id', true).trim();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      const change = await ctx.corpus.remove(id);
      await ephemeral(ctx.messages.t(lang, 'discordCorpusRemoved', { id, removed: change.removed.length }));
    } catch (error) {
      if (isSogaError(error)) {
        await ephemeral(ctx.messages.t(lang, 'discordCorpusFailed', { name: id, reason: `${error.code}: ${error.message}` }));
        return;
      }
      throw error;
    }
  }
}

function describeChange(ctx: BotContext, lang: string, name: string, change: CorpusChange): string {
  if (change.failed.length > 0) {
    const reason = change.failed.map((f) => `${f.code}: ${f.message}`).join('; ');
    return ctx.messages.t(lang, 'discordCorpusFailed', { name, reason });
  }
  return ctx.messages.t(lang, 'discordCorpusAdded', {
    name,
    added: change.added.length,
    updated: change.updated.length,
    skipped: change.skipped.length,
  });
}

/** Lines packed into messages under the limit; the last page says how many lines did not fit. */
function pageLines(lines: string[]): string[] {
  const pages: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > DISCORD_MESSAGE_LIMIT) {
      pages.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) pages.push(current);
  if (pages.length > MAX_LIST_MESSAGES) {
    const shown = pages.slice(0, MAX_LIST_MESSAGES).join('\n').split('\n').length;
    const last = pages[MAX_LIST_MESSAGES - 1];
    pages[MAX_LIST_MESSAGES - 1] = truncateAtWord(`${last}\n… (+${lines.length - shown})`, DISCORD_MESSAGE_LIMIT);
  }
  return pages;
}
