import { describe, expect, it } from 'vitest';
import { buildCommands } from '../../../src/adapters/discord/commands.js';
import { turnsFromMessages } from '../../../src/adapters/discord/conversation.js';
import { languageOfLocale, pickLanguage } from '../../../src/adapters/discord/locale.js';
import { RecentIds } from '../../../src/adapters/discord/recent-ids.js';
import { parseFeedbackCustomId, feedbackCustomId } from '../../../src/adapters/discord/feedback.js';
import { shardOptions } from '../../../src/adapters/discord/index.js';
import { loadMessages } from './harness.js';
import { formatAnswer } from '../../../src/adapters/discord/format-answer.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';

describe('remembering handled ids', () => {
  it('reports the first sighting only, and forgets the oldest beyond its size', () => {
    const ids = new RecentIds(2);
    expect(ids.firstSeen('a')).toBe(true);
    expect(ids.firstSeen('a')).toBe(false);
    ids.firstSeen('b');
    ids.firstSeen('c');
    expect(ids.firstSeen('a')).toBe(true);
  });
});

describe('choosing the language of the bot’s messages', () => {
  it('maps Discord locales to catalog languages and falls back', () => {
    const messages = loadMessages();
    expect(languageOfLocale('pt-BR')).toBe('pt');
    expect(pickLanguage(messages, ['es-ES'], 'en')).toBe('es');
    expect(pickLanguage(messages, ['ja', undefined], 'fr')).toBe('fr');
  });
});

describe('rebuilding a conversation', () => {
  it('keeps questions without mentions and answers without their sources', () => {
    const turns = turnsFromMessages(
      [
        { authorId: 'u', content: '<@42> what is SOGA?' },
        { authorId: '42', content: 'A network [1].\n\n**Sources**\n**[1] About** · undated\n> quote\n`a.md`' },
        { authorId: '42', content: '**[2] More** · undated' },
      ],
      '42',
      loadMessages(),
    );
    expect(turns).toEqual([
      { role: 'user', text: 'what is SOGA?' },
      { role: 'assistant', text: 'A network [1].' },
    ]);
  });

  it('keeps the sentence an answer stated, as the memory had recorded it, so a follow-up after a restart still has its value', () => {
    const messages = loadMessages();
    const direct = messages.t('sv', 'directValue', { value: 'Göteborg', n: 1 });
    const quote = '« Le café de réparation se tient à Göteborg. » [1]';
    const answer = formatAnswer(
      makeAnswer({ question: 'Var träffas reparationskaféet?', language: 'sv', outcome: 'answered', mode: 'extractive', grounded: true, text: `${direct}\n${quote}`, direct }),
      messages,
      { lang: 'sv', maxQuestionChars: 1000, limit: 60 },
    );
    expect(answer.length).toBeGreaterThan(1);
    const turns = turnsFromMessages([{ authorId: 'u', content: '<@42> Var träffas reparationskaféet?' }, ...answer.map((content) => ({ authorId: '42', content }))], '42', messages);
    expect(turns).toEqual([
      { role: 'user', text: 'Var träffas reparationskaféet?' },
      { role: 'assistant', text: `${direct}\n\n${quote}`, stated: direct },
    ]);
  });
});

describe('feedback custom ids', () => {
  it('round-trip the action and the answer-log entry id', () => {
    expect(parseFeedbackCustomId(feedbackCustomId('down', 'abc:1'))).toEqual({ action: 'down', entryId: 'abc:1' });
    expect(parseFeedbackCustomId('other:thing')).toBeNull();
  });
});

describe('slash command definitions', () => {
  it('localise /ask for the supported Discord locales and keep names within Discord rules', () => {
    const [ask, corpus, events] = buildCommands({ allowDms: false });
    for (const command of [ask, events]) {
      for (const locale of ['fr', 'en-US', 'en-GB', 'es-ES', 'de', 'it', 'pt-BR', 'nl']) {
        expect(command.name_localizations?.[locale as 'fr'], locale).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(command.description_localizations?.[locale as 'fr']?.length, locale).toBeLessThanOrEqual(100);
      }
    }
    expect(events.name).toBe('events');
    expect(ask.contexts).toEqual([0]);
    expect(buildCommands({ allowDms: true })[0].contexts).toEqual([0, 1]);
    expect(corpus.default_member_permissions).toBe('32');
  });
});

describe('the shards a replica runs', () => {
  it('runs the listed shards of the count, every shard of the count when none is listed, and discord.js’s default otherwise', () => {
    expect(shardOptions({ DISCORD_SHARDS: [0, 2], DISCORD_SHARD_COUNT: 4 })).toEqual({ shards: [0, 2], shardCount: 4 });
    expect(shardOptions({ DISCORD_SHARDS: [], DISCORD_SHARD_COUNT: 3 })).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardOptions({ DISCORD_SHARDS: [], DISCORD_SHARD_COUNT: undefined })).toEqual({});
  });
});
