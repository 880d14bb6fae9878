/**
 * What every `LeaseStore` does, run against each implementation (in memory, PostgreSQL), with the
 * `LeaseKeeper` that holds a lease on top of it. `store` and `replica` are two views of the same
 * storage (two replicas); `advance` lets the store's clock run (a fake clock in memory, real time
 * against PostgreSQL, whose clock is the server's), so durations here are short.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LeaseStore } from '../../../src/core/lease.js';
import { LeaseKeeper } from '../../../src/core/lease-keeper.js';

export interface LeaseStoreSubject {
  make(): Promise<{ store: LeaseStore; replica: LeaseStore; advance: (ms: number) => Promise<void> }>;
  /** The leases' duration in the tests: long enough for a round trip to a loaded server to stay well inside it. */
  ttlMs?: number;
}

/** A lease name no other test uses (the PostgreSQL suite shares one table). */
const fresh = () => `job-${randomBytes(4).toString('hex')}`;

export function describeLeaseStore(name: string, subject: () => LeaseStoreSubject): void {
  describe(`leases (${name})`, () => {
    const TTL = subject().ttlMs ?? 400;
    it('goes to the first holder; another is told who holds it and until when', async () => {
      const { store, replica } = await subject().make();
      const lease = fresh();
      expect(await store.holder(lease)).toBeNull();
      const a = await store.acquire(lease, 'replica-a', TTL);
      expect(a.held).toBe(true);
      const b = await replica.acquire(lease, 'replica-b', TTL);
      expect(b).toEqual({ held: false, holder: 'replica-a', expiresAt: a.held ? a.expiresAt : -1 });
      expect(await replica.holder(lease)).toEqual({ holder: 'replica-a', expiresAt: a.held ? a.expiresAt : -1 });
    });

    it('is renewed by its holder only, and taking it again as its holder renews it too', async () => {
      const { store, replica, advance } = await subject().make();
      const lease = fresh();
      const first = await store.acquire(lease, 'replica-a', TTL);
      await advance(TTL / 2);
      const renewed = await store.renew(lease, 'replica-a', TTL);
      expect(renewed.held && first.held && renewed.expiresAt > first.expiresAt).toBe(true);
      expect((await replica.renew(lease, 'replica-b', TTL)).held).toBe(false);
      expect((await store.acquire(lease, 'replica-a', TTL)).held).toBe(true);
      expect((await store.holder(lease))?.holder).toBe('replica-a');
    });

    it('is lost by a holder that stops renewing, once it expires, and another takes it', async () => {
      const { store, replica, advance } = await subject().make();
      const lease = fresh();
      await store.acquire(lease, 'replica-a', TTL);
      await advance(TTL + 100);
      expect(await replica.holder(lease)).toBeNull();
      expect((await replica.acquire(lease, 'replica-b', TTL)).held).toBe(true);
      // The late holder cannot renew its way back in.
      expect(await store.renew(lease, 'replica-a', TTL)).toMatchObject({ held: false, holder: 'replica-b' });
      expect((await store.acquire(lease, 'replica-a', TTL)).held).toBe(false);
    });

    it('is free at once when released, and only its holder can release it', async () => {
      const { store, replica } = await subject().make();
      const lease = fresh();
      await store.acquire(lease, 'replica-a', TTL);
      await replica.release(lease, 'replica-b');
      expect((await replica.holder(lease))?.holder).toBe('replica-a');
      await store.release(lease, 'replica-a');
      expect(await replica.holder(lease)).toBeNull();
      expect((await replica.acquire(lease, 'replica-b', TTL)).held).toBe(true);
      expect((await store.renew(lease, 'replica-a', TTL)).held).toBe(false);
    });

    it('goes to exactly one of several replicas taking it at once', async () => {
      const { store, replica } = await subject().make();
      const lease = fresh();
      const grants = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((h, i) => (i % 2 ? replica : store).acquire(lease, h, TTL)));
      expect(grants.filter((g) => g.held)).toHaveLength(1);
    });

    it('are independent of each other by name', async () => {
      const { store, replica } = await subject().make();
      const [one, two] = [fresh(), fresh()];
      expect((await store.acquire(one, 'replica-a', TTL)).held).toBe(true);
      expect((await replica.acquire(two, 'replica-b', TTL)).held).toBe(true);
    });

    describe('held by a LeaseKeeper', () => {
      it('stays with a keeper that renews, moves when it stops, and says so to both', async () => {
        const { store, replica, advance } = await subject().make();
        const lease = fresh();
        const events: string[] = [];
        const a = new LeaseKeeper({ store, name: lease, holder: 'replica-a', ttlMs: TTL, onAcquired: () => events.push('a+'), onLost: () => events.push('a-') });
        const b = new LeaseKeeper({ store: replica, name: lease, holder: 'replica-b', ttlMs: TTL, onAcquired: () => events.push('b+'), onLost: () => events.push('b-') });
        await a.tick();
        await b.tick();
        // Ticks every third of the duration: well past the first expiry, A still holds it.
        for (let i = 0; i < 4; i++) {
          await advance(TTL / 3);
          await a.tick();
          await b.tick();
        }
        expect([a.held, b.held]).toEqual([true, false]);
        await a.stop();
        await b.tick();
        expect([a.held, b.held]).toEqual([false, true]);
        expect(events).toEqual(['a+', 'b+']);
        await b.stop();
        expect(await store.holder(lease)).toBeNull();
      });

      it('loses it when it missed its renewals past the expiry, and another keeper has taken it', async () => {
        const { store, replica, advance } = await subject().make();
        const lease = fresh();
        const events: string[] = [];
        const a = new LeaseKeeper({ store, name: lease, holder: 'replica-a', ttlMs: TTL, onLost: () => events.push('a lost') });
        const b = new LeaseKeeper({ store: replica, name: lease, holder: 'replica-b', ttlMs: TTL });
        await a.tick();
        // A is frozen (no tick) for longer than the lease.
        await advance(TTL + 100);
        await b.tick();
        expect(b.held).toBe(true);
        await a.tick();
        expect(a.held).toBe(false);
        expect(events).toEqual(['a lost']);
        await b.stop();
      });
    });
  });
}
