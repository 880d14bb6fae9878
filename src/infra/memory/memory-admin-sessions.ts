/**
 * The embedded `AdminSessionStore`: sessions in this process's memory, so a restart signs staff out;
 * replicas share `postgres/pg-admin-sessions.ts` instead.
 */
import type { AdminSession, AdminSessionStore } from '../../core/admin-sessions.js';
import { newAdminSession } from '../session-tokens.js';

export class MemoryAdminSessions implements AdminSessionStore {
  private readonly sessions = new Map<string, AdminSession>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: string): Promise<AdminSession> {
    const session = newAdminSession(user, this.now() + this.ttlMs);
    this.sessions.set(session.id, session);
    this.sweep();
    return { ...session };
  }

  async get(id: string | undefined): Promise<AdminSession | null> {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return { ...session };
  }

  async destroy(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  /** Expired sessions nobody comes back for would otherwise stay forever. */
  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= t) this.sessions.delete(id);
  }
}
