/**
 * `LeaseStore` in PostgreSQL (`soga_leases`): one row per lease, taken with an upsert that only wins
 * over an expired lease or the holder's own, so two replicas racing for a free lease cannot both get
 * it (the row lock of `on conflict do update` serialises them). Every time is the server's `now()`,
 * never a replica's clock.
 */
import type { LeaseGrant, LeaseInfo, LeaseStore } from '../../core/lease.js';
import type { PgMigration } from './pg-database.js';
import { storeUnavailable, type Sql } from './pg-database.js';

export const LEASES = 'leases';

export const leaseMigrations: PgMigration[] = [
  {
    version: 1,
    description: 'leases',
    sql: `
      create table soga_leases (
        name text primary key,
        holder text not null,
        expires_at timestamptz not null
      );
    `,
  },
];

// expires_at is read as float8 epoch milliseconds: a bigint would come back as a string.
interface Row {
  holder: string;
  expires_at: number;
}

export class PgLeases implements LeaseStore {
  constructor(private readonly sql: Sql) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<LeaseGrant> {
    try {
      const [row] = await this.sql<Row[]>`
        insert into soga_leases (name, holder, expires_at)
        values (${name}, ${holder}, now() + ${ttlMs} * interval '1 millisecond')
        on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where soga_leases.expires_at <= now() or soga_leases.holder = excluded.holder
        returning holder, (extract(epoch from expires_at) * 1000)::float8 as expires_at`;
      return row ? { held: true, expiresAt: row.expires_at } : this.other(name);
    } catch (cause) {
      throw storeUnavailable(`cannot take the lease "${name}" in PostgreSQL`, cause);
    }
  }

  async renew(name: string, holder: string, ttlMs: number): Promise<LeaseGrant> {
    try {
      const [row] = await this.sql<Row[]>`
        update soga_leases set expires_at = now() + ${ttlMs} * interval '1 millisecond'
        where name = ${name} and holder = ${holder} and expires_at > now()
        returning holder, (extract(epoch from expires_at) * 1000)::float8 as expires_at`;
      return row ? { held: true, expiresAt: row.expires_at } : this.other(name);
    } catch (cause) {
      throw storeUnavailable(`cannot renew the lease "${name}" in PostgreSQL`, cause);
    }
  }

  async release(name: string, holder: string): Promise<void> {
    try {
      await this.sql`delete from soga_leases where name = ${name} and holder = ${holder}`;
    } catch (cause) {
      throw storeUnavailable(`cannot release the lease "${name}" in PostgreSQL`, cause);
    }
  }

  async holder(name: string): Promise<LeaseInfo | null> {
    try {
      const [row] = await this.sql<Row[]>`
        select holder, (extract(epoch from expires_at) * 1000)::float8 as expires_at from soga_leases where name = ${name} and expires_at > now()`;
      return row ? { holder: row.holder, expiresAt: row.expires_at } : null;
    } catch (cause) {
      throw storeUnavailable(`cannot read the lease "${name}" in PostgreSQL`, cause);
    }
  }

  /** Not ours: who has it (or null: it was freed or expired since, the caller tries again later). */
  private async other(name: string): Promise<LeaseGrant> {
    const info = await this.holder(name);
    return { held: false, holder: info?.holder ?? null, expiresAt: info?.expiresAt ?? null };
  }
}
