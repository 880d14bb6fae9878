/**
 * Homeserver rate limits: a request refused with M_LIMIT_EXCEEDED (HTTP 429) is retried after the
 * `retry_after_ms` the server asks for, within a total waiting budget, so a burst of answers is delayed
 * rather than lost, and a misbehaving server cannot stall the bot forever.
 */

export interface RetryOptions {
  /** Total time we accept to wait across retries. */
  maxWaitMs: number;
  maxAttempts?: number;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (waitMs: number, attempt: number) => void;
}

/** The wait the server asked for, or null when the error is not a rate limit. */
export function rateLimitDelay(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { errcode?: unknown; statusCode?: unknown; retryAfterMs?: unknown; body?: { errcode?: unknown; retry_after_ms?: unknown } };
  const limited = e.errcode === 'M_LIMIT_EXCEEDED' || e.body?.errcode === 'M_LIMIT_EXCEEDED' || e.statusCode === 429;
  if (!limited) return null;
  const ms = e.retryAfterMs ?? e.body?.retry_after_ms;
  // The spec makes retry_after_ms optional; one second is what most clients assume.
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : 1000;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRateLimitRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { maxWaitMs, maxAttempts = 6, sleep = defaultSleep, onRetry } = options;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const delay = rateLimitDelay(error);
      if (delay === null || attempt >= maxAttempts || waited + delay > maxWaitMs) throw error;
      onRetry?.(delay, attempt);
      await sleep(delay);
      waited += delay;
    }
  }
}
