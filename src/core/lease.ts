/**
 * Leases: one replica at a time does a job that must not run twice (the Matrix sync loop of an
 * account, a retention purge, an expensive ingest step). A port, because with one process a lease
 * lives in memory and with several it lives in PostgreSQL (`soga_leases`), on the server's clock so
 * that replicas whose clocks drift still agree on who holds it.
 *
 * How to use it (most callers want `LeaseKeeper`, `lease-keeper.ts`, which does the renewing):
 * - `acquire(name, holder, ttlMs)` takes the lease when it is free, expired, or already held by
 *   `holder` (then it is renewed); otherwise it says who holds it and until when.
 * - `renew(name, holder, ttlMs)` extends a lease `holder` still holds; once it has expired it is
 *   not renewed (another replica may have taken it meanwhile): the holder must `acquire` again.
 * - `release(name, holder)` frees it at once (on stop), if `holder` holds it.
 * - `holder(name)` is who holds it now, or null when it is free or expired.
 *
 * `holder` is any string unique to the replica (`<hostname>:<pid>:<random>`); `name` says what the
 * lease guards (`ingest`, `matrix:@bot:example.org`). A holder that stops renewing (a crash, a frozen
 * process, a lost connection) loses the lease when it expires, and the next `acquire` by another
 * holder gets it. Times are epoch milliseconds of the store's clock.
 */

export type LeaseGrant =
  /** `holder` holds the lease until `expiresAt`. */
  | { held: true; expiresAt: number }
  /** Someone else holds it (`holder`, until `expiresAt`), or, with `holder` null, it was freed meanwhile: try again. */
  | { held: false; holder: string | null; expiresAt: number | null };

export interface LeaseInfo {
  holder: string;
  expiresAt: number;
}

export interface LeaseStore {
  acquire(name: string, holder: string, ttlMs: number): Promise<LeaseGrant>;
  renew(name: string, holder: string, ttlMs: number): Promise<LeaseGrant>;
  release(name: string, holder: string): Promise<void>;
  holder(name: string): Promise<LeaseInfo | null>;
}
