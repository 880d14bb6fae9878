/**
 * The embedded `LeaseStore`: leases in this process's memory, for the one-process default (every lease
 * is this process's to take); replicas share `postgres/pg-leases.ts` instead.
 */
import type { LeaseGrant, LeaseInfo, LeaseStore } from '../../core/lease.js';

export class MemoryLeases implements LeaseStore {
  private readonly leases = new Map<string, LeaseInfo>();

  constructor(private readonly now: () => number = Date.now) {}

  private current(name: string): LeaseInfo | null {
    const lease = this.leases.get(name);
    return lease && lease.expiresAt > this.now() ? lease : null;
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<LeaseGrant> {
    const lease = this.current(name);
    if (lease && lease.holder !== holder) return { held: false, ...lease };
    const expiresAt = this.now() + ttlMs;
    this.leases.set(name, { holder, expiresAt });
    return { held: true, expiresAt };
  }

  async renew(name: string, holder: string, ttlMs: number): Promise<LeaseGrant> {
    const lease = this.current(name);
    if (!lease) return { held: false, holder: null, expiresAt: null };
    if (lease.holder !== holder) return { held: false, ...lease };
    return this.acquire(name, holder, ttlMs);
  }

  async release(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async holder(name: string): Promise<LeaseInfo | null> {
    const lease = this.current(name);
    return lease ? { ...lease } : null;
  }
}
