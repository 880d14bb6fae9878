/**
 * Reading a Matrix message: is the bot addressed, and what is being asked or commanded.
 * Pure functions over event content, so they are unit-tested without a homeserver.
 */
import { isQuestionLike } from '../../core/conversation/is-question.js';

export interface BotIdentity {
  userId: string;
  /** The bot's display name, if it has one. */
  displayName?: string;
}

/** The parts of m.room.message content this module reads. */
export interface MessageContent {
  msgtype?: string;
  body?: string;
  format?: string;
  formatted_body?: string;
  'm.mentions'?: { user_ids?: unknown; room?: unknown };
  'm.relates_to'?: { rel_type?: string; event_id?: string; 'm.in_reply_to'?: { event_id?: string } };
  [key: string]: unknown;
}

export type Request = { kind: 'question'; text: string } | { kind: 'corpus'; action: 'add' | 'list' | 'remove' | 'help'; args: string } | { kind: 'events' };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes the quoted fallback that older clients put in front of a reply (`> <@alice:x> ...` lines up to
 * the first blank line), so the quoted text is not read as part of the question.
 */
export function stripReplyFallback(body: string): string {
  const lines = body.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('>')) i++;
  if (i === 0) return body;
  if (i < lines.length && lines[i].trim() === '') i++;
  return lines.slice(i).join('\n');
}

/**
 * The bot is addressed by an intentional mention (m.mentions.user_ids), a pill to it in the HTML body,
 * its full user id anywhere in the text, or its display name at the start ("SOGA: ..." / "SOGA, ...").
 * The display name counts only at the start because it is often an ordinary word (people talk *about*
 * SOGA without calling the bot).
 */
export function isBotMentioned(content: MessageContent, bot: BotIdentity): boolean {
  const ids = content['m.mentions']?.user_ids;
  if (Array.isArray(ids) && ids.includes(bot.userId)) return true;
  const html = typeof content.formatted_body === 'string' ? content.formatted_body : '';
  if (pillTargets(html).includes(bot.userId)) return true;
  const body = stripReplyFallback(typeof content.body === 'string' ? content.body : '');
  if (body.includes(bot.userId)) return true;
  return leadingMention(body, bot) !== null;
}

/** User ids linked as pills (https://matrix.to/#/@user:server or matrix:u/user:server) in an HTML body. */
export function pillTargets(html: string): string[] {
  const targets: string[] = [];
  for (const match of html.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) {
    let href = match[1].replace(/&amp;/g, '&');
    try {
      href = decodeURIComponent(href);
    } catch {
      continue; // malformed escape: not a link any client would turn into a pill
    }
    const user = /^https:\/\/matrix\.to\/#\/(@[^/?]+)/i.exec(href)?.[1] ?? /^matrix:u\/([^/?]+)/i.exec(href)?.[1];
    if (user) targets.push(user.startsWith('@') ? user : `@${user}`);
  }
  return targets;
}

/** The length of a leading "Name:" / "@name" address, or null. */
function leadingMention(body: string, bot: BotIdentity): number | null {
  const names = [bot.userId, bot.displayName, `@${bot.userId.slice(1).split(':')[0]}`].filter((n): n is string => typeof n === 'string' && n.trim().length > 0);
  for (const name of names) {
    const match = new RegExp(`^\\s*${escapeRegExp(name.trim())}(?![\\p{L}\\p{N}_.-])(?!:\\S)\\s*[:,]?\\s*`, 'iu').exec(body);
    if (match) return match[0].length;
  }
  return null;
}

/** The message text with reply fallback, a leading address to the bot and surrounding space removed. */
export function messageText(content: MessageContent, bot: BotIdentity): string {
  let body = stripReplyFallback(typeof content.body === 'string' ? content.body : '').trim();
  const lead = leadingMention(body, bot);
  if (lead !== null) body = body.slice(lead);
  // A mention in the middle of a sentence stays as words; the bare user id would only confuse retrieval.
  return body
    .split(bot.userId)
    .join(' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * What the message asks of the bot, or null if it is not for the bot.
 * `!ask`, `!events` and `!corpus` work anywhere; plain text needs a mention, a Q&A room or a bot thread.
 */
export function parseRequest(content: MessageContent, bot: BotIdentity, where: { qaRoom: boolean; botThread: boolean }): Request | null {
  const text = messageText(content, bot);
  const command = /^!(ask|corpus|events)(?=\s|$)\s*([\s\S]*)$/i.exec(text);
  if (command) {
    const rest = command[2].trim();
    if (command[1].toLowerCase() === 'ask') return { kind: 'question', text: rest };
    if (command[1].toLowerCase() === 'events') return { kind: 'events' };
    const [action = '', ...args] = rest.split(/\s+/);
    const known = ['add', 'list', 'remove'].includes(action.toLowerCase());
    return {
      kind: 'corpus',
      action: known ? (action.toLowerCase() as 'add' | 'list' | 'remove') : 'help',
      args: args.join(' '),
    };
  }
  // Files, images and the like are only ever read through `!corpus add`.
  if (content.msgtype !== undefined && content.msgtype !== 'm.text') return null;
  if (isBotMentioned(content, bot)) return { kind: 'question', text };
  // In Q&A rooms and bot threads plain text is a question, but `!something` is another bot's command,
  // and greetings, thanks and members talking to each other are not for the bot.
  if ((where.qaRoom || where.botThread) && !text.startsWith('!') && !toSomeoneElse(content, bot) && isQuestionLike(text)) return { kind: 'question', text };
  return null;
}

/** A message that mentions members, not the bot (clients mention the author of the message replied to). */
function toSomeoneElse(content: MessageContent, bot: BotIdentity): boolean {
  const ids = content['m.mentions']?.user_ids;
  return Array.isArray(ids) && ids.length > 0 && !ids.includes(bot.userId);
}

/** The root of the thread the event is in, if any. */
export function threadRoot(content: MessageContent): string | undefined {
  const rel = content['m.relates_to'];
  return rel?.rel_type === 'm.thread' && typeof rel.event_id === 'string' ? rel.event_id : undefined;
}

/** The event this one replies to (explicitly, or the thread's fallback reply), if any. */
export function repliedTo(content: MessageContent): string | undefined {
  const id = content['m.relates_to']?.['m.in_reply_to']?.event_id;
  return typeof id === 'string' ? id : undefined;
}

/** 👍 / 👎 with any skin tone or variation selector; null for every other key. */
export function reactionRating(key: unknown): 'up' | 'down' | null {
  if (typeof key !== 'string') return null;
  const bare = key.replace(/\u{FE0F}|\u{FE0E}|[\u{1F3FB}-\u{1F3FF}]/gu, '').trim();
  if (bare === '👍' || bare === ':+1:' || bare === ':thumbsup:') return 'up';
  if (bare === '👎' || bare === ':-1:' || bare === ':thumbsdown:') return 'down';
  return null;
}
