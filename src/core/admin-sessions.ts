/**
 * Staff sessions of the admin web. A port, because where they live decides whether a restart signs
 * everyone out (in memory) or not (PostgreSQL, shared by every replica behind a load balancer).
 */

export interface AdminSession {
  /** The cookie's value: 256 random bits. */
  id: string;
  /** The name staff typed at sign-in, recorded in the audit trail. */
  user: string;
  /** The token each form of this session must send back. */
  csrf: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface AdminSessionStore {
  create(user: string): Promise<AdminSession>;
  /** The session, or null when the id is unknown, expired or signed out. */
  get(id: string | undefined): Promise<AdminSession | null>;
  destroy(id: string): Promise<void>;
}
