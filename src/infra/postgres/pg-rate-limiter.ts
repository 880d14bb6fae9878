/**
 * `RateLimiter` in PostgreSQL: one sliding window per key for all replicas. A key's hits are counted
 * and added under a transaction-scoped advisory lock on (scope, key), so two replicas taking the last
 * allowance at once cannot both get it.
 */
import type { RateDecision, RateLimiter } from '../../core/rate-limit.js';
import { storeUnavailable, type Sql } from './pg-database.js';

export interface PgRateLimiterOptions {
  /** Tells this limit's keys from another's (discord-user, discord-channel…). */
  scope: string;
  limit: number;
  windowMs: number;
  now?: () => number;
}

/** Every this many requests, the expired hits of every key of the scope are deleted (a key's own go on each request). */
const SWEEP_EVERY = 500;

export class PgRateLimiter implements RateLimiter {
  private readonly now: () => number;
  private taken = 0;

  constructor(
    private readonly sql: Sql,
    private readonly options: PgRateLimiterOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async take(key: string): Promise<RateDecision> {
    const { scope, limit, windowMs } = this.options;
    const t = this.now();
    const sweep = ++this.taken % SWEEP_EVERY === 0;
    try {
      return await this.sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(${key}))`;
        await tx`delete from soga_rate_hits where scope = ${scope} and ${sweep ? tx`true` : tx`key = ${key}`} and at <= ${t - windowMs}`;
        const hits = await tx<{ at: number }[]>`select at::float8 as at from soga_rate_hits where scope = ${scope} and key = ${key} order by at, id limit ${limit}`;
        if (hits.length >= limit) return { allowed: false, retryAfterMs: Math.max(1, hits[0].at + windowMs - t) };
        await tx`insert into soga_rate_hits (scope, key, at) values (${scope}, ${key}, ${t})`;
        return { allowed: true } as const;
      });
    } catch (cause) {
      throw storeUnavailable('cannot count the request in PostgreSQL', cause);
    }
  }

  async refund(key: string): Promise<void> {
    const { scope } = this.options;
    try {
      await this.sql`delete from soga_rate_hits where id = (select id from soga_rate_hits where scope = ${scope} and key = ${key} order by at desc, id desc limit 1)`;
    } catch (cause) {
      throw storeUnavailable('cannot give the request back in PostgreSQL', cause);
    }
  }
}
