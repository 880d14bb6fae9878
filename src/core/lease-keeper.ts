/**
 * Holds one lease for as long as this replica runs: tries to take it at once and then every third of
 * its duration, renews it while held (so two missed renewals still leave a third before it expires),
 * and releases it on stop. `onAcquired` / `onLost` tell the job it guards to start or stop
 * (e.g. the Matrix sync loop).
 *
 * A renewal that fails (the store is unreachable) is reported through `onError` and retried at the
 * next tick; once a full duration has passed on this process's clock since the last successful
 * renewal, the lease is treated as lost, because another replica may have taken it by then.
 */
import type { LeaseStore } from './lease.js';

export interface LeaseKeeperOptions {
  store: LeaseStore;
  name: string;
  /** Unique to this replica (`<hostname>:<pid>:<random>`). */
  holder: string;
  ttlMs: number;
  onAcquired?: () => void;
  onLost?: () => void;
  /** A failure of the store; the keeper keeps trying. */
  onError?: (error: unknown) => void;
  /** This process's clock, to notice a lease that could not be renewed in time. */
  now?: () => number;
}

export class LeaseKeeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private heldSince: number | null = null;
  private lastRenewal = 0;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: LeaseKeeperOptions) {}

  /** Whether this replica holds the lease, as of the last tick. */
  get held(): boolean {
    return this.heldSince !== null;
  }

  /** Takes the lease if it can, then keeps it (or keeps trying) every third of its duration. */
  start(): Promise<void> {
    this.stopped = false;
    this.timer ??= setInterval(() => void this.tick(), Math.max(1, Math.floor(this.options.ttlMs / 3)));
    // The timer alone must not keep a finished process alive.
    this.timer.unref?.();
    return this.tick();
  }

  /** One round: renew when held, else try to take it. Never runs two rounds at once. */
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<void> {
    if (this.stopped) return;
    const { store, name, holder, ttlMs } = this.options;
    const now = this.options.now ?? Date.now;
    try {
      const grant = this.held ? await store.renew(name, holder, ttlMs) : await store.acquire(name, holder, ttlMs);
      if (this.stopped) return;
      if (grant.held) {
        this.lastRenewal = now();
        if (!this.held) {
          this.heldSince = this.lastRenewal;
          this.options.onAcquired?.();
        }
      } else if (this.held) {
        this.lose();
      }
    } catch (error) {
      this.options.onError?.(error);
      if (this.held && now() - this.lastRenewal >= ttlMs) this.lose();
    }
  }

  private lose(): void {
    this.heldSince = null;
    this.options.onLost?.();
  }

  /** Stops renewing and releases the lease if held, so another replica takes it at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    if (!this.held) return;
    this.heldSince = null;
    await this.options.store.release(this.options.name, this.options.holder);
  }
}
