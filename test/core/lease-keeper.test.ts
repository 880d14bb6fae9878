/** LeaseKeeper's own timing and failure handling (its behaviour with each store is in contracts/lease-store.contract.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeaseGrant, LeaseStore } from '../../src/core/lease.js';
import { LeaseKeeper } from '../../src/core/lease-keeper.js';
import { MemoryLeases } from '../../src/infra/memory/memory-leases.js';

afterEach(() => vi.useRealTimers());

/** A store that fails every call while `down` is set. */
function flaky(inner: LeaseStore) {
  const state = { down: false, calls: 0 };
  const guard = <T>(work: () => Promise<T>) => {
    state.calls++;
    return state.down ? Promise.reject(new Error('connection refused')) : work();
  };
  const store: LeaseStore = {
    acquire: (n, h, t): Promise<LeaseGrant> => guard(() => inner.acquire(n, h, t)),
    renew: (n, h, t): Promise<LeaseGrant> => guard(() => inner.renew(n, h, t)),
    release: (n, h) => guard(() => inner.release(n, h)),
    holder: (n) => guard(() => inner.holder(n)),
  };
  return { store, state };
}

describe('a lease keeper', () => {
  it('renews every third of the duration once started, and releases the lease on stop', async () => {
    vi.useFakeTimers({ now: 0 });
    const leases = new MemoryLeases(() => Date.now());
    const { store, state } = flaky(leases);
    const keeper = new LeaseKeeper({ store, name: 'ingest', holder: 'a', ttlMs: 3_000 });
    await keeper.start();
    expect(keeper.held).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    // One call at start, then one each second.
    expect(state.calls).toBe(11);
    expect((await leases.holder('ingest'))?.holder).toBe('a');
    await keeper.stop();
    expect(await leases.holder('ingest')).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.calls).toBe(12);
  });

  it('reports a store that fails, keeps the lease while it may still be valid, and gives it up after a full duration', async () => {
    vi.useFakeTimers({ now: 0 });
    const { store, state } = flaky(new MemoryLeases(() => Date.now()));
    const errors: unknown[] = [];
    let lost = 0;
    const keeper = new LeaseKeeper({ store, name: 'matrix:@bot:example.org', holder: 'a', ttlMs: 3_000, onError: (e) => errors.push(e), onLost: () => lost++ });
    await keeper.start();
    state.down = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(errors).toHaveLength(2);
    expect([keeper.held, lost]).toEqual([true, 0]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([keeper.held, lost]).toEqual([false, 1]);
    // Back up: it takes the lease again (nobody else did).
    state.down = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(keeper.held).toBe(true);
    await keeper.stop();
  });
});
