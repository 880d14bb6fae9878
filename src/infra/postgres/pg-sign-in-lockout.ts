/**
 * `SignInLockout` in PostgreSQL: one count of failed sign-ins per address for every replica, so a
 * guesser spread over N replicas gets the tries of one. A failure is one upsert (atomic: two replicas
 * counting at once both count); times are epoch milliseconds from the application's clock, as the
 * other shared stores keep them.
 */
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS, type SignInLockout, type SignInLockoutState } from '../../core/sign-in-lockout.js';
import type { PgMigration } from './pg-database.js';
import { storeUnavailable, type Sql } from './pg-database.js';

export const SIGN_IN_LOCKOUT = 'sign-in-lockout';

export const signInLockoutMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'failed admin sign-ins per address',
    sql: `
      create table soga_sign_in_failures (
        address text primary key,
        count integer not null,
        since bigint not null
      );
      create index soga_sign_in_failures_since on soga_sign_in_failures (since);
    `,
  },
];

/** Every this many failures counted, the expired rows of every address are deleted. */
const SWEEP_EVERY = 100;

export class PgSignInLockout implements SignInLockout {
  private failed = 0;

  constructor(
    private readonly sql: Sql,
    private readonly maxFailures = SIGN_IN_MAX_FAILURES,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async check(address: string): Promise<SignInLockoutState> {
    const t = this.now();
    const rows = await this.run(
      'read the sign-in failures',
      () => this.sql<{ count: number; since: number }[]>`select count, since::float8 as since from soga_sign_in_failures
      where address = ${address} and since >= ${t - this.windowMs}`,
    );
    const f = rows[0];
    if (!f || f.count < this.maxFailures) return { blocked: false, retryAfterSeconds: 0 };
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((f.since + this.windowMs - t) / 1000)) };
  }

  async fail(address: string): Promise<void> {
    const t = this.now();
    const expired = t - this.windowMs;
    await this.run('count the failed sign-in', async () => {
      await this.sql`insert into soga_sign_in_failures (address, count, since) values (${address}, 1, ${t})
        on conflict (address) do update set
          count = case when soga_sign_in_failures.since < ${expired} then 1 else soga_sign_in_failures.count + 1 end,
          since = case when soga_sign_in_failures.since < ${expired} then excluded.since else soga_sign_in_failures.since end`;
      // Expired rows of other addresses go now and then, so the table holds only current windows.
      if (++this.failed % SWEEP_EVERY === 0) await this.sql`delete from soga_sign_in_failures where since < ${expired}`;
    });
  }

  async succeed(address: string): Promise<void> {
    await this.run('clear the sign-in failures', () => this.sql`delete from soga_sign_in_failures where address = ${address}`);
  }

  private async run<T>(what: string, query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (cause) {
      throw storeUnavailable(`cannot ${what} in PostgreSQL`, cause);
    }
  }
}
