/**
 * Sliding-window rate limits (per member, per channel…). A port, because with several replicas the
 * window must be counted in one place, or each replica would let the limit through again.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts a request for `key` if it is allowed; a refused request does not extend the wait. */
  take(key: string): Promise<RateDecision>;
  /** Gives the latest counted request of `key` back, e.g. when a later check refused it, so it does not count twice. */
  refund(key: string): Promise<void>;
}
