/**
 * Turns an Answer into Discord messages: the answer (which holds its quotes with their [n]), then one
 * line a source ([n], title, date, link or file; see core/answer/source-list), each message within
 * Discord's 2,000-character limit. Pure functions, so the splitting rules are unit-tested without a client.
 *
 * Sources are sent as plain text rather than embeds: text splits across messages at known boundaries,
 * stays readable in notifications and screen readers, and has one limit (2,000) instead of six embed ones.
 */
import type { Answer } from '../../core/types.js';
import type { Messages } from '../../core/i18n.js';
import { entryNotes, markers, sourceEntries, type SourceEntry } from '../../core/answer/source-list.js';

export const DISCORD_MESSAGE_LIMIT = 2000;
/** A quote is "a few lines": longer passages are cut at a word boundary. */
const MAX_QUOTE_LINES = 3;
const MAX_QUOTE_CHARS = 300;
const MAX_TITLE_CHARS = 150;
const MAX_SOURCE_CHARS = 200;
const ZWSP = '\u200b';

/**
 * Breaks mention syntax so that text from the model or the corpus cannot ping anyone, even if
 * allowed_mentions were ever misconfigured, and does not look like a ping either.
 */
export function defang(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZWSP}$1`).replace(/<@([!&]?)(\d+)>/g, `<@${ZWSP}$1$2>`);
}

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (max < 2) throw new RangeError('truncateAtWord needs room for at least one character and the ellipsis');
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const lastSpace = head.search(/\s\S*$/);
  // A single very long token (a URL) has no word boundary: cutting inside it is the only option.
  const cut = lastSpace > max / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.trimEnd()}…`;
}

function quoteLines(quote: string): string {
  const lines = quote
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const kept = lines.slice(0, MAX_QUOTE_LINES);
  let text = kept.join('\n');
  if (lines.length > MAX_QUOTE_LINES) text += ' …';
  text = truncateAtWord(text, MAX_QUOTE_CHARS);
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function formatSource(source: string): string {
  const clean = source.replace(/[`\n\r]/g, ' ').trim();
  // Angle brackets stop Discord from unfurling a preview for every cited link.
  if (/^https?:\/\//i.test(clean)) return `<${truncateAtWord(clean, MAX_SOURCE_CHARS)}>`;
  return `\`${truncateAtWord(clean, MAX_SOURCE_CHARS)}\``;
}

/**
 * One source: "**[n] Title** · date · link or file", then, only when the answer does not show it
 * already (a chat model's paraphrase), its quote of a few lines.
 */
export function formatSourceEntry(entry: SourceEntry, messages: Messages, lang: string): string {
  const title = truncateAtWord(entry.title, MAX_TITLE_CHARS);
  const where = entry.url ?? entry.file;
  const lines = [[`**${markers(entry)} ${escapeBold(title)}**`, ...entryNotes(entry, lang, messages), ...(where ? [formatSource(where)] : [])].join(' · ')];
  for (const quote of entry.quotes) lines.push(quoteLines(quote));
  return defang(lines.join('\n'));
}

function escapeBold(text: string): string {
  return text.replace(/\*/g, '\\*');
}

export interface FormatOptions {
  /** The language of the texts around the answer; the caller picks one the catalog has. */
  lang: string;
  /** For the "too long" message, which names the limit. */
  maxQuestionChars: number;
  limit?: number;
}

/** The whole reply as the messages to send, in order. */
export function formatAnswer(answer: Answer, messages: Messages, options: FormatOptions): string[] {
  const { lang } = options;
  const limit = options.limit ?? DISCORD_MESSAGE_LIMIT;
  switch (answer.outcome) {
    case 'not_found':
      return [messages.t(lang, 'notFound')];
    case 'empty_question':
      return [messages.t(lang, 'emptyQuestion')];
    case 'question_too_long':
      return [messages.t(lang, 'tooLong', { length: Array.from(answer.question).length, max: options.maxQuestionChars })];
    case 'answered':
      break;
  }
  const blocks: Block[] = splitProse(defang(answer.text.trim()), limit);
  sourceEntries(answer).forEach((entry, i) => {
    const text = formatSourceEntry(entry, messages, lang);
    // The heading travels with the first source so it never ends a message on its own.
    blocks.push({ text: i === 0 ? `**${messages.t(lang, 'sources')}**\n${text}` : text, atomic: true, sep: i === 0 ? '\n\n' : '\n' });
  });
  return pack(blocks, limit);
}

interface Block {
  text: string;
  /** Never split: a citation moves whole to the next message. */
  atomic: boolean;
  /** What joins it to the previous block in the same message: a paragraph break, a line break or a space. */
  sep?: string;
}

/**
 * Splits prose into pieces that each fit in a message: by paragraph, then line, then word. Only a
 * single word longer than a whole message (which no language has) would be cut inside.
 */
export function splitProse(text: string, limit: number = DISCORD_MESSAGE_LIMIT): Block[] {
  if (!text) return [];
  const out: Block[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    if (!paragraph.trim()) continue;
    if (paragraph.length <= limit) {
      out.push({ text: paragraph, atomic: false, sep: '\n\n' });
      continue;
    }
    paragraph.split('\n').forEach((line, lineIndex) => {
      const lineSep = lineIndex === 0 ? '\n\n' : '\n';
      if (line.length <= limit) {
        out.push({ text: line, atomic: false, sep: lineSep });
        return;
      }
      let sep = lineSep;
      for (const word of line.split(/\s+/).filter(Boolean)) {
        let rest = word;
        while (rest.length > limit) {
          const chars = Array.from(rest);
          let piece = '';
          let i = 0;
          while (i < chars.length && piece.length + chars[i].length <= limit) piece += chars[i++];
          out.push({ text: piece, atomic: false, sep });
          sep = '';
          rest = chars.slice(i).join('');
        }
        out.push({ text: rest, atomic: false, sep });
        sep = ' ';
      }
    });
  }
  return out;
}

/** Greedily fills messages with whole blocks, each joined by its separator. */
function pack(blocks: Block[], limit: number): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const text = block.text.length > limit ? truncateAtWord(block.text, limit) : block.text;
    const joined = current ? `${current}${block.sep ?? '\n\n'}${text}` : text;
    if (joined.length <= limit) {
      current = joined;
    } else {
      messages.push(current);
      current = text;
    }
  }
  if (current) messages.push(current);
  return messages;
}

/** What a message shows while the answer is generated: the text so far, cut to fit, with a cursor. */
export function formatProgress(partial: string, limit: number = DISCORD_MESSAGE_LIMIT): string {
  const text = defang(partial.trim());
  return `${truncateAtWord(text, limit - 2)} ▌`;
}
