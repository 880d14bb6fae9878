/** A new admin session's secrets, the same for every store: 256 random bits each for the id and the CSRF token. */
import { randomBytes } from 'node:crypto';
import type { AdminSession } from '../core/admin-sessions.js';

export function newAdminSession(user: string, expiresAt: number): AdminSession {
  return { id: randomBytes(32).toString('base64url'), user, csrf: randomBytes(32).toString('base64url'), expiresAt };
}
