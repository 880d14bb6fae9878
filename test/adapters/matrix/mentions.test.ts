import { describe, expect, it } from 'vitest';
import { isBotMentioned, messageText, parseRequest, pillTargets, reactionRating, stripReplyFallback } from '../../../src/adapters/matrix/mentions.js';

const bot = { userId: '@soga:example.org', displayName: 'SOGA Bot' };
const nowhere = { qaRoom: false, botThread: false };

describe('detecting that the bot is addressed', () => {
  it('counts an intentional mention of the bot', () => {
    expect(isBotMentioned({ body: 'hello', 'm.mentions': { user_ids: ['@soga:example.org'] } }, bot)).toBe(true);
    expect(isBotMentioned({ body: 'hello', 'm.mentions': { user_ids: ['@alice:example.org'] } }, bot)).toBe(false);
  });

  it('counts a pill to the bot, encoded or not', () => {
    expect(isBotMentioned({ body: 'x', formatted_body: '<a href="https://matrix.to/#/@soga:example.org">SOGA Bot</a> hi' }, bot)).toBe(true);
    expect(isBotMentioned({ body: 'x', formatted_body: '<a href="https://matrix.to/#/%40soga%3Aexample.org">x</a>' }, bot)).toBe(true);
    expect(isBotMentioned({ body: 'x', formatted_body: '<a href="matrix:u/soga:example.org">x</a>' }, bot)).toBe(true);
    expect(isBotMentioned({ body: 'x', formatted_body: '<a href="https://matrix.to/#/@alice:example.org">x</a>' }, bot)).toBe(false);
  });

  it('counts the full user id anywhere and the display name or @localpart at the start', () => {
    expect(isBotMentioned({ body: 'what does @soga:example.org say?' }, bot)).toBe(true);
    expect(isBotMentioned({ body: 'SOGA Bot: when is the forum?' }, bot)).toBe(true);
    expect(isBotMentioned({ body: 'soga bot, when is the forum?' }, bot)).toBe(true);
    expect(isBotMentioned({ body: '@soga when is the forum?' }, bot)).toBe(true);
  });

  it('does not count the name used as an ordinary word, or a longer name', () => {
    expect(isBotMentioned({ body: 'I asked SOGA Bot yesterday' }, bot)).toBe(false);
    expect(isBotMentioned({ body: 'SOGA Botanics: a garden' }, bot)).toBe(false);
    expect(isBotMentioned({ body: '@soga:other.org hello' }, bot)).toBe(false);
  });

  it('ignores the quoted text of a reply fallback', () => {
    expect(isBotMentioned({ body: '> <@alice:x> @soga:example.org is great\n\nI agree' }, bot)).toBe(false);
  });
});

describe('reading the question', () => {
  it('strips the reply fallback and a leading address', () => {
    expect(stripReplyFallback('> <@a:x> quoted\n> more\n\nthe reply')).toBe('the reply');
    expect(messageText({ body: 'SOGA Bot: Quand a lieu le forum ?' }, bot)).toBe('Quand a lieu le forum ?');
    expect(messageText({ body: '@soga:example.org, when?' }, bot)).toBe('when?');
  });

  it('turns `!ask` into a question anywhere', () => {
    expect(parseRequest({ msgtype: 'm.text', body: '!ask When is the forum?' }, bot, nowhere)).toEqual({ kind: 'question', text: 'When is the forum?' });
    expect(parseRequest({ msgtype: 'm.text', body: '!asking for a friend' }, bot, nowhere)).toBeNull();
  });

  it('reads `!corpus` commands, also as a file caption or after a mention', () => {
    expect(parseRequest({ msgtype: 'm.text', body: '!corpus remove doc-1' }, bot, nowhere)).toEqual({ kind: 'corpus', action: 'remove', args: 'doc-1' });
    expect(parseRequest({ msgtype: 'm.file', body: '!corpus add', filename: 'a.md' }, bot, nowhere)).toEqual({ kind: 'corpus', action: 'add', args: '' });
    expect(parseRequest({ msgtype: 'm.text', body: 'SOGA Bot: !corpus LIST' }, bot, nowhere)).toEqual({ kind: 'corpus', action: 'list', args: '' });
    expect(parseRequest({ msgtype: 'm.text', body: '!corpus frobnicate' }, bot, nowhere)).toEqual({ kind: 'corpus', action: 'help', args: '' });
  });

  it('answers plain text only when mentioned, in a Q&A room, or in a bot thread', () => {
    const plain = { msgtype: 'm.text', body: 'When is the forum?' };
    expect(parseRequest(plain, bot, nowhere)).toBeNull();
    expect(parseRequest(plain, bot, { qaRoom: true, botThread: false })).toEqual({ kind: 'question', text: 'When is the forum?' });
    expect(parseRequest(plain, bot, { qaRoom: false, botThread: true })).toEqual({ kind: 'question', text: 'When is the forum?' });
    expect(parseRequest({ ...plain, 'm.mentions': { user_ids: [bot.userId] } }, bot, nowhere)).toEqual({ kind: 'question', text: 'When is the forum?' });
  });

  it('leaves greetings, thanks and members talking to each other alone in Q&A rooms and bot threads', () => {
    for (const where of [
      { qaRoom: true, botThread: false },
      { qaRoom: false, botThread: true },
    ]) {
      expect(parseRequest({ msgtype: 'm.text', body: 'Merci !' }, bot, where)).toBeNull();
      expect(parseRequest({ msgtype: 'm.text', body: 'Hello everyone' }, bot, where)).toBeNull();
      expect(parseRequest({ msgtype: 'm.text', body: 'yes, we used it last year', 'm.mentions': { user_ids: ['@alice:example.org'] } }, bot, where)).toBeNull();
      expect(parseRequest({ msgtype: 'm.text', body: 'And where?', 'm.mentions': { user_ids: [bot.userId] } }, bot, where)).toEqual({ kind: 'question', text: 'And where?' });
    }
  });

  it("leaves other bots' commands and non-text messages alone in Q&A rooms", () => {
    expect(parseRequest({ msgtype: 'm.text', body: '!help' }, bot, { qaRoom: true, botThread: false })).toBeNull();
    expect(parseRequest({ msgtype: 'm.image', body: 'cat.png' }, bot, { qaRoom: true, botThread: false })).toBeNull();
  });
});

describe('pills and reactions', () => {
  it('lists the users linked as pills', () => {
    expect(pillTargets('<a href="https://matrix.to/#/@a:x">a</a> <a href="https://e.org">e</a> <a href="matrix:u/b:y">b</a>')).toEqual(['@a:x', '@b:y']);
  });

  it('reads 👍 and 👎 with skin tones and variation selectors, nothing else', () => {
    expect(reactionRating('👍')).toBe('up');
    expect(reactionRating('👍️')).toBe('up');
    expect(reactionRating('👍🏽')).toBe('up');
    expect(reactionRating('👎')).toBe('down');
    expect(reactionRating('❤️')).toBeNull();
    expect(reactionRating(undefined)).toBeNull();
  });
});
