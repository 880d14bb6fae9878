import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import type { BotContext, Log, LogLevel } from '../../../src/adapters/discord/context.js';
import { leveledLog } from '../../../src/adapters/discord/index.js';
import { ASK_COMMAND, MENTION, runPreconditions, type AskSource } from '../../../src/adapters/discord/preconditions.js';
import { MemoryRateLimiter } from '../../../src/infra/memory/memory-rate-limiter.js';

function context(env: Record<string, string> = {}, limits = { user: 5, channel: 5 }): BotContext {
  const now = () => 0;
  return {
    config: parseConfig(env),
    userLimiter: new MemoryRateLimiter(limits.user, 60_000, now),
    channelLimiter: new MemoryRateLimiter(limits.channel, 60_000, now),
  } as unknown as BotContext;
}

const inChannel = (over: Partial<AskSource> = {}): AskSource => ({ userId: 'u1', isDm: false, channelId: '100000000000000001', parentId: null, question: 'When is NEC ESS?', ...over });

describe('the checks before answering, shared by /ask and mentions', () => {
  it('lets a question through where the bot is enabled and within the limits', async () => {
    expect(await runPreconditions(context(), inChannel(), ASK_COMMAND)).toEqual({ ok: true });
    expect(await runPreconditions(context(), inChannel(), MENTION)).toEqual({ ok: true });
  });

  it('refuses a channel off the allow-list, and accepts a thread whose parent is on it', async () => {
    const ctx = context({ DISCORD_ALLOWED_CHANNELS: '100000000000000002' });
    expect(await runPreconditions(ctx, inChannel(), ASK_COMMAND)).toEqual({ ok: false, message: { key: 'discordChannelNotEnabled' } });
    expect(await runPreconditions(ctx, inChannel({ channelId: '100000000000000019', parentId: '100000000000000002' }), MENTION)).toEqual({ ok: true });
  });

  it('refuses DMs unless they are enabled', async () => {
    expect(await runPreconditions(context(), inChannel({ isDm: true }), MENTION)).toEqual({ ok: false, message: { key: 'discordDmsDisabled' } });
    expect(await runPreconditions(context({ DISCORD_ALLOW_DMS: 'true' }), inChannel({ isDm: true }), MENTION)).toEqual({ ok: true });
  });

  it('says nothing to a mention without a question, but still tells a disabled channel', async () => {
    expect(await runPreconditions(context(), inChannel({ question: '' }), MENTION)).toEqual({ ok: false });
    expect(await runPreconditions(context({ DISCORD_ALLOWED_CHANNELS: '100000000000000002' }), inChannel({ question: '' }), MENTION)).toMatchObject({
      ok: false,
      message: { key: 'discordChannelNotEnabled' },
    });
  });

  it('counts a question against the user, then the channel (a thread against its parent), and refunds the user when the channel refuses', async () => {
    const ctx = context({}, { user: 5, channel: 1 });
    expect((await runPreconditions(ctx, inChannel({ userId: 'a', channelId: '100000000000000011', parentId: '100000000000000001' }), ASK_COMMAND)).ok).toBe(true);
    const refused = await runPreconditions(ctx, inChannel({ userId: 'b', channelId: '100000000000000001' }), MENTION);
    expect(refused).toEqual({ ok: false, message: { key: 'rateLimited', vars: { seconds: 60 } } });
    // b's own allowance was given back: another channel still answers b.
    const other = context({}, { user: 1, channel: 5 });
    await other.channelLimiter.take('100000000000000001');
    expect((await runPreconditions(other, inChannel({ userId: 'b', channelId: '100000000000000002' }), MENTION)).ok).toBe(true);
    expect(await runPreconditions(other, inChannel({ userId: 'b', channelId: '100000000000000002' }), MENTION)).toMatchObject({ ok: false, message: { key: 'rateLimited' } });
    const refund = context({}, { user: 1, channel: 1 });
    await refund.channelLimiter.take('100000000000000001');
    expect((await runPreconditions(refund, inChannel({ userId: 'd' }), ASK_COMMAND)).ok).toBe(false);
    expect((await runPreconditions(refund, inChannel({ userId: 'd', channelId: '100000000000000003' }), ASK_COMMAND)).ok).toBe(true);
  });
});

describe("the bot's operator log", () => {
  it('passes only messages at or above SOGA_LOG_LEVEL', async () => {
    const seen: [LogLevel, string][] = [];
    const sink: Log = (level, message) => seen.push([level, message]);
    const log = leveledLog(parseConfig({ SOGA_LOG_LEVEL: 'warn' }).SOGA_LOG_LEVEL, sink);
    log('debug', 'a');
    log('info', 'b');
    log('warn', 'c');
    log('error', 'd');
    expect(seen).toEqual([
      ['warn', 'c'],
      ['error', 'd'],
    ]);
    const verbose = leveledLog('debug', sink);
    verbose('debug', 'e');
    expect(seen.at(-1)).toEqual(['debug', 'e']);
  });
});
