/**
 * The embedded `RateLimiter`: sliding windows in this process's memory. Enough for one process (a
 * restart forgetting the window only lets a few more questions through); replicas share
 * `postgres/pg-rate-limiter.ts` instead.
 */
import type { RateDecision, RateLimiter } from '../../core/rate-limit.js';

export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<RateDecision> {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: Math.max(1, recent[0] + this.windowMs - t) };
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(t);
    return { allowed: true };
  }

  async refund(key: string): Promise<void> {
    this.hits.get(key)?.pop();
  }

  private prune(t: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((at) => t - at >= this.windowMs)) this.hits.delete(key);
    }
  }
}
