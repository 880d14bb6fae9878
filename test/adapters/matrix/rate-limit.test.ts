import { describe, expect, it } from 'vitest';
import { rateLimitDelay, withRateLimitRetry } from '../../../src/adapters/matrix/rate-limit.js';

const limited = (ms?: number) => Object.assign(new Error('M_LIMIT_EXCEEDED'), { errcode: 'M_LIMIT_EXCEEDED', statusCode: 429, retryAfterMs: ms });

describe('retrying when the homeserver rate-limits', () => {
  it('waits the retry_after_ms the server asked for, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRateLimitRetry(
      async () => {
        calls++;
        if (calls < 3) throw limited(250 * calls);
        return 'sent';
      },
      { maxWaitMs: 10_000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('sent');
    expect(waits).toEqual([250, 500]);
  });

  it('gives up with the rate-limit error when the total wait would exceed the budget', async () => {
    const waits: number[] = [];
    await expect(
      withRateLimitRetry(
        async () => {
          throw limited(4000);
        },
        { maxWaitMs: 10_000, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toMatchObject({ errcode: 'M_LIMIT_EXCEEDED' });
    expect(waits).toEqual([4000, 4000]);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const forbidden = Object.assign(new Error('M_FORBIDDEN'), { errcode: 'M_FORBIDDEN', statusCode: 403 });
    await expect(
      withRateLimitRetry(
        async () => {
          calls++;
          throw forbidden;
        },
        { maxWaitMs: 10_000, sleep: async () => {} },
      ),
    ).rejects.toBe(forbidden);
    expect(calls).toBe(1);
  });

  it('reads the delay from the SDK error or its body, defaulting to one second', () => {
    expect(rateLimitDelay(limited(1234))).toBe(1234);
    expect(rateLimitDelay({ body: { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 77 } })).toBe(77);
    expect(rateLimitDelay({ statusCode: 429 })).toBe(1000);
    expect(rateLimitDelay(new Error('boom'))).toBeNull();
  });
});
