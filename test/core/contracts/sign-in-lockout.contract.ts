/**
 * What every `SignInLockout` does, run against each implementation (in memory, PostgreSQL). `reopen`
 * builds a second lockout on the same storage: another replica behind the load balancer.
 */
import { describe, expect, it } from 'vitest';
import type { SignInLockout } from '../../../src/core/sign-in-lockout.js';

export interface SignInLockoutSubject {
  /** A lockout with no failures recorded yet. */
  make(options: { maxFailures: number; windowMs: number; now: () => number }): Promise<SignInLockout>;
  reopen?: (options: { maxFailures: number; windowMs: number; now: () => number }) => Promise<SignInLockout>;
}

export function describeSignInLockout(name: string, subject: () => SignInLockoutSubject): void {
  describe(`sign-in lockout (${name})`, () => {
    it('blocks an address after repeated failures until the window passes, and says how long to wait', async () => {
      let now = 0;
      const lockout = await subject().make({ maxFailures: 3, windowMs: 60_000, now: () => now });
      for (let i = 0; i < 2; i++) await lockout.fail('1.2.3.4');
      expect(await lockout.check('1.2.3.4')).toEqual({ blocked: false, retryAfterSeconds: 0 });
      now = 10_000;
      await lockout.fail('1.2.3.4');
      expect(await lockout.check('1.2.3.4')).toEqual({ blocked: true, retryAfterSeconds: 50 });
      expect((await lockout.check('5.6.7.8')).blocked).toBe(false);
      now = 60_001;
      expect(await lockout.check('1.2.3.4')).toEqual({ blocked: false, retryAfterSeconds: 0 });
      // A new window starts with the next failure: one failure is not a lockout.
      await lockout.fail('1.2.3.4');
      expect((await lockout.check('1.2.3.4')).blocked).toBe(false);
    });

    it('forgets an address’s failures when it signs in', async () => {
      const lockout = await subject().make({ maxFailures: 2, windowMs: 60_000, now: () => 0 });
      await lockout.fail('a');
      await lockout.succeed('a');
      await lockout.fail('a');
      expect((await lockout.check('a')).blocked).toBe(false);
      await lockout.succeed('never-failed');
    });

    it.runIf(subject().reopen)('counts one set of tries for every replica, failures at once included', async () => {
      const s = subject();
      const now = () => 0;
      const a = await s.make({ maxFailures: 4, windowMs: 60_000, now });
      const b = await s.reopen!({ maxFailures: 4, windowMs: 60_000, now });
      await Promise.all([a.fail('guesser'), b.fail('guesser'), a.fail('guesser')]);
      expect((await b.check('guesser')).blocked).toBe(false);
      await b.fail('guesser');
      expect((await a.check('guesser')).blocked).toBe(true);
      expect((await b.check('guesser')).blocked).toBe(true);
      await a.succeed('guesser');
      expect((await b.check('guesser')).blocked).toBe(false);
    });
  });
}
