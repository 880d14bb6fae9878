/**
 * Admin sign-in: the configured password is kept only as a scrypt hash, the token as a SHA-256 digest,
 * and both are compared in constant time. Sessions (each with its own CSRF token) live in the
 * `AdminSessionStore` main hands in: in memory (a restart signs staff out) or in PostgreSQL.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { SogaError } from '../../core/errors.js';

const SCRYPT = { N: 16384, r: 8, p: 1 };

/** `scrypt$N$r$p$saltHex$hashHex`, the format of SOGA_ADMIN_PASSWORD_HASH. */
export function hashAdminPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

function parseHash(encoded: string) {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([0-9a-f]{16,})\$([0-9a-f]{32,})$/i.exec(encoded.trim());
  if (!m) {
    throw new SogaError('CONFIG_INVALID', 'SOGA_ADMIN_PASSWORD_HASH is not of the form scrypt$N$r$p$saltHex$hashHex', {
      hint: 'make one with `soga web hash-password` (from the checkout: `npm run soga -- web hash-password`), or set SOGA_ADMIN_PASSWORD instead',
    });
  }
  return { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]), salt: Buffer.from(m[4], 'hex'), hash: Buffer.from(m[5], 'hex') };
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class AdminCredentials {
  private readonly password: ReturnType<typeof parseHash> | null;
  private readonly tokenDigest: Buffer | null;

  constructor(options: { password?: string; passwordHash?: string; token?: string }) {
    this.password = options.passwordHash ? parseHash(options.passwordHash) : options.password ? parseHash(hashAdminPassword(options.password)) : null;
    this.tokenDigest = options.token ? digest(options.token) : null;
    if (!this.password && !this.tokenDigest) {
      throw new SogaError('CONFIG_INVALID', 'the admin web needs SOGA_ADMIN_PASSWORD, SOGA_ADMIN_PASSWORD_HASH or SOGA_ADMIN_TOKEN', {
        hint: 'set one in .env, or SOGA_WEB_ENABLED=false',
      });
    }
  }

  verifyPassword(candidate: string): boolean {
    if (!this.password || !candidate) return false;
    const { N, r, p, salt, hash } = this.password;
    const computed = scryptSync(candidate.normalize('NFC'), salt, hash.length, { N, r, p, maxmem: 256 * N * r });
    return timingSafeEqual(computed, hash);
  }

  verifyToken(candidate: string): boolean {
    if (!this.tokenDigest || !candidate) return false;
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  /** The sign-in form accepts either secret. */
  verify(candidate: string): boolean {
    return this.verifyToken(candidate) || this.verifyPassword(candidate);
  }
}

/** Constant-time comparison of two tokens of any length. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return timingSafeEqual(digest(a), digest(b));
}

/** Slows down guessing of the password and the token: a few failures per address per window, then 429. */
export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  blocked(key: string): boolean {
    const f = this.failures.get(key);
    if (!f) return false;
    if (this.now() - f.since > this.windowMs) {
      this.failures.delete(key);
      return false;
    }
    return f.count >= this.maxFailures;
  }

  fail(key: string): void {
    const f = this.failures.get(key);
    if (!f || this.now() - f.since > this.windowMs) this.failures.set(key, { count: 1, since: this.now() });
    else f.count++;
  }

  /** Seconds until a blocked address may try again (for Retry-After). */
  retryAfterSeconds(key: string): number {
    const f = this.failures.get(key);
    return f ? Math.max(1, Math.ceil((f.since + this.windowMs - this.now()) / 1000)) : 0;
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
