/**
 * `AdminSessionStore` in PostgreSQL: a session made on one replica is honoured by every other and
 * survives restarts. Stored by the SHA-256 of its id (see shared-state-schema.ts).
 */
import { createHash } from 'node:crypto';
import type { AdminSession, AdminSessionStore } from '../../core/admin-sessions.js';
import { newAdminSession } from '../session-tokens.js';
import { storeUnavailable, type Sql } from './pg-database.js';

const digest = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');

export class PgAdminSessions implements AdminSessionStore {
  constructor(
    private readonly sql: Sql,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: string): Promise<AdminSession> {
    const t = this.now();
    const session = newAdminSession(user, t + this.ttlMs);
    try {
      await this.sql.begin(async (tx) => {
        await tx`delete from soga_admin_sessions where expires_at <= ${t}`;
        await tx`insert into soga_admin_sessions (id_digest, user_name, csrf, expires_at) values (${digest(session.id)}, ${user}, ${session.csrf}, ${session.expiresAt})`;
      });
    } catch (cause) {
      throw storeUnavailable('cannot record the admin session in PostgreSQL', cause);
    }
    return session;
  }

  async get(id: string | undefined): Promise<AdminSession | null> {
    if (!id) return null;
    let rows: { user_name: string; csrf: string; expires_at: number }[];
    try {
      rows = await this.sql`select user_name, csrf, expires_at::float8 as expires_at from soga_admin_sessions where id_digest = ${digest(id)} and expires_at > ${this.now()}`;
    } catch (cause) {
      throw storeUnavailable('cannot read the admin session from PostgreSQL', cause);
    }
    const row = rows[0];
    return row ? { id, user: row.user_name, csrf: row.csrf, expiresAt: row.expires_at } : null;
  }

  async destroy(id: string): Promise<void> {
    try {
      await this.sql`delete from soga_admin_sessions where id_digest = ${digest(id)}`;
    } catch (cause) {
      throw storeUnavailable('cannot end the admin session in PostgreSQL', cause);
    }
  }
}
