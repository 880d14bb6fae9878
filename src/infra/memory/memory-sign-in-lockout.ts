/** `SignInLockout` in this process's memory: one replica's count, forgotten on restart. */
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS, type SignInLockout, type SignInLockoutState } from '../../core/sign-in-lockout.js';

export class MemorySignInLockout implements SignInLockout {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = SIGN_IN_MAX_FAILURES,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async check(address: string): Promise<SignInLockoutState> {
    const f = this.current(address);
    if (!f || f.count < this.maxFailures) return { blocked: false, retryAfterSeconds: 0 };
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((f.since + this.windowMs - this.now()) / 1000)) };
  }

  async fail(address: string): Promise<void> {
    const f = this.current(address);
    if (f) f.count++;
    else this.failures.set(address, { count: 1, since: this.now() });
  }

  async succeed(address: string): Promise<void> {
    this.failures.delete(address);
  }

  /** The address's failures in the current window; an expired window is forgotten. */
  private current(address: string): { count: number; since: number } | undefined {
    const f = this.failures.get(address);
    if (f && this.now() - f.since > this.windowMs) {
      this.failures.delete(address);
      return undefined;
    }
    return f;
  }
}
