/** What every `RateLimiter` does, run against each implementation (in memory, PostgreSQL). */
import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../../src/core/rate-limit.js';

export interface RateLimiterSubject {
  make(options: { limit: number; windowMs: number; now: () => number }): Promise<RateLimiter>;
  /** A second limiter of the same scope on the same storage (another replica). */
  reopen?: (options: { limit: number; windowMs: number; now: () => number }) => Promise<RateLimiter>;
}

export function describeRateLimiter(name: string, subject: () => RateLimiterSubject): void {
  describe(`rate limits (${name})`, () => {
    it('allows the limit within a window, tells how long to wait, and forgets old requests', async () => {
      let now = 0;
      const limiter = await subject().make({ limit: 2, windowMs: 60_000, now: () => now });
      expect((await limiter.take('u')).allowed).toBe(true);
      now = 10_000;
      expect((await limiter.take('u')).allowed).toBe(true);
      now = 20_000;
      expect(await limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 40_000 });
      expect((await limiter.take('other')).allowed).toBe(true);
      now = 60_001;
      expect((await limiter.take('u')).allowed).toBe(true);
    });

    it('does not extend the wait with refused requests', async () => {
      let now = 0;
      const limiter = await subject().make({ limit: 1, windowMs: 1_000, now: () => now });
      await limiter.take('u');
      for (now = 100; now < 1_000; now += 300) expect(await limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 1_000 - now });
      now = 1_000;
      expect((await limiter.take('u')).allowed).toBe(true);
    });

    it('gives the latest request back on refund, and a refund of a key without requests changes nothing', async () => {
      let now = 0;
      const limiter = await subject().make({ limit: 2, windowMs: 60_000, now: () => now });
      await limiter.refund('nobody');
      await limiter.take('u');
      now = 5_000;
      await limiter.take('u');
      await limiter.refund('u');
      expect((await limiter.take('u')).allowed).toBe(true);
      // The first request (at 0) is still counted: the wait runs from it.
      expect(await limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 55_000 });
    });

    it.runIf(subject().reopen)('counts one window for every replica', async () => {
      const s = subject();
      const now = () => 0;
      const a = await s.make({ limit: 3, windowMs: 60_000, now });
      const b = await s.reopen!({ limit: 3, windowMs: 60_000, now });
      const decisions = await Promise.all([a.take('k'), b.take('k'), a.take('k'), b.take('k'), a.take('k')]);
      expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    });
  });
}
