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
