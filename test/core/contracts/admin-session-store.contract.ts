/**
 * What every `AdminSessionStore` does, run against each implementation (in memory, PostgreSQL).
 * `reopen` (stores that outlive their process) builds a second store on the same storage: another
 * replica, or the same one after a restart.
 */
import { describe, expect, it } from 'vitest';
import type { AdminSessionStore } from '../../../src/core/admin-sessions.js';

export interface SessionStoreSubject {
  make(ttlMs: number, now: () => number): Promise<AdminSessionStore>;
  reopen?: (ttlMs: number, now: () => number) => Promise<AdminSessionStore>;
}

export function describeAdminSessionStore(name: string, subject: () => SessionStoreSubject): void {
  describe(`admin sessions (${name})`, () => {
    it('gives each sign-in its own unguessable id and CSRF token, and finds the session by its id', async () => {
      const store = await subject().make(60_000, () => 1_000);
      const a = await store.create('Ana');
      const b = await store.create('Ben');
      expect(a.id).not.toBe(b.id);
      expect(a.csrf).not.toBe(a.id);
      expect(a.id.length).toBeGreaterThanOrEqual(40);
      expect(a.expiresAt).toBe(61_000);
      expect(await store.get(a.id)).toEqual(a);
      expect((await store.get(b.id))?.user).toBe('Ben');
    });

    it('knows no session for a missing, unknown or altered id', async () => {
      const store = await subject().make(60_000, () => 0);
      const a = await store.create('Ana');
      expect(await store.get(undefined)).toBeNull();
      expect(await store.get('')).toBeNull();
      expect(await store.get('not-a-session')).toBeNull();
      expect(await store.get(`${a.id.slice(0, -1)}${a.id.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    });

    it('ends a session at its expiry time and on sign-out, and signing out twice is harmless', async () => {
      let now = 0;
      const store = await subject().make(1_000, () => now);
      const a = await store.create('Ana');
      const b = await store.create('Ben');
      now = 999;
      expect(await store.get(a.id)).not.toBeNull();
      now = 1_000;
      expect(await store.get(a.id)).toBeNull();
      now = 0;
      await store.destroy(b.id);
      await store.destroy(b.id);
      expect(await store.get(b.id)).toBeNull();
    });

    it.runIf(subject().reopen)('is honoured by another store on the same storage (another replica, a restart)', async () => {
      const s = subject();
      const first = await s.make(60_000, () => 0);
      const a = await first.create('Ana');
      const second = await s.reopen!(60_000, () => 0);
      expect(await second.get(a.id)).toEqual(a);
      await second.destroy(a.id);
      expect(await first.get(a.id)).toBeNull();
    });
  });
}
