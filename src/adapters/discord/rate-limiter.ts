/**
 * Sliding-window rate limits (per user, per channel). In memory on purpose: one bot process serves a
 * guild, and a restart forgetting the window only lets a few more questions through.
 */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request for `key` if it is allowed; a refused request does not extend the wait. */
  take(key: string): RateDecision {
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

  /** Gives a request back, e.g. when a later check refused it, so it does not count twice. */
  refund(key: string): void {
    this.hits.get(key)?.pop();
  }

  private prune(t: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((at) => t - at >= this.windowMs)) this.hits.delete(key);
    }
  }
}
