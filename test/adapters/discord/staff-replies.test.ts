/** After a restart the bot has forgotten its threads: the answer a staff reply follows is read from the thread's messages. */
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../../src/adapters/discord/context.js';
import { answerInThread } from '../../../src/adapters/discord/staff-replies.js';
import { feedbackCustomId } from '../../../src/adapters/discord/feedback.js';

const BOT = '900000000000000001';
const message = (id: string, author: string, content: string, customIds: string[] = []) => ({
  id,
  author: { id: author },
  content,
  components: customIds.length ? [{ type: 1, components: customIds.map((custom_id) => ({ type: 2, custom_id })) }] : [],
});

function ctxWith(messages: unknown[], asked: { query?: URLSearchParams }[] = []): BotContext {
  return {
    client: {
      user: { id: BOT },
      rest: {
        get: async (_route: string, options: { query?: URLSearchParams }) => {
          asked.push(options);
          return messages;
        },
      },
    },
  } as unknown as BotContext;
}

describe('finding the answer a staff reply follows in the thread itself', () => {
  it('takes the newest bot message with feedback buttons, and the member’s question before it', async () => {
    // Newest first, as Discord returns them.
    const asked: { query?: URLSearchParams }[] = [];
    const ctx = ctxWith(
      [
        message('5', BOT, 'Sources: [1] …'),
        message('4', BOT, 'It is in Porto. [1]', [feedbackCustomId('up', '42'), feedbackCustomId('down', '42')]),
        message('3', '700', '<@900000000000000001> Where is the summit?'),
        message('2', BOT, 'An older answer', [feedbackCustomId('up', '41')]),
        message('1', '700', 'An older question'),
      ],
      asked,
    );
    expect(await answerInThread(ctx, 'thread-1', '6')).toEqual({ question: 'Where is the summit?', logEntryId: '42' });
    expect(asked[0].query?.get('before')).toBe('6');
  });

  it('finds nothing when no answer of the bot carries an answer-log id (the log was off)', async () => {
    const ctx = ctxWith([message('2', BOT, 'It is in Porto.'), message('1', '700', 'Where is the summit?')]);
    expect(await answerInThread(ctx, 'thread-1', '3')).toBeUndefined();
  });
});
