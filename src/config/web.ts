/** Web settings (admin web and answer log): owned by the web adapter; merged into the one schema in schema.ts. */
import { z } from 'zod';
import { bool, int, optional } from './schema-helpers.js';
import { SECRET_FIX, weakSecretReason } from './secret-strength.js';

/** An optional admin secret that must not be guessable (see secret-strength.ts). */
const adminSecret = optional.superRefine((value, ctx) => {
  const reason = value === undefined ? null : weakSecretReason(value);
  if (reason) ctx.addIssue({ code: 'custom', message: `is too weak: ${reason}; ${SECRET_FIX}` });
});

/** The form written by `soga web hash-password`. */
const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[0-9a-f]{16,}\$[0-9a-f]{32,}$/i;

export const webConfigShape = {
  /** Starts the admin web with the bot (`soga start`). */
  SOGA_WEB_ENABLED: bool.default(false),
  /** Loopback by default: the admin pages are for staff on the host or behind a reverse proxy. */
  SOGA_WEB_HOST: z.string().min(1).default('127.0.0.1'),
  SOGA_WEB_PORT: int(0, 65535).default(8080),
  /** The address staff use (e.g. https://soga.example.org behind a proxy); https makes cookies Secure. */
  SOGA_WEB_PUBLIC_URL: optional,
  /** Admin sign-in secret; kept only as a scrypt hash in memory once the server starts. */
  SOGA_ADMIN_PASSWORD: adminSecret,
  /** Alternative to the password: `scrypt$N$r$p$saltHex$hashHex`, so the clear password is not in .env. */
  SOGA_ADMIN_PASSWORD_HASH: optional.refine(
    (v) => v === undefined || SCRYPT_HASH.test(v),
    'is not of the form scrypt$N$r$p$saltHex$hashHex; make one with `soga web hash-password` (from the checkout: `npm run soga -- web hash-password`), or set SOGA_ADMIN_PASSWORD instead',
  ),
  /** Bearer token for scripts calling /api/* (also accepted on the sign-in form). */
  SOGA_ADMIN_TOKEN: adminSecret,
  SOGA_WEB_SESSION_HOURS: int(1, 24 * 30).default(12),
  /** Largest accepted document upload; bigger requests are refused before their body is read. */
  SOGA_UPLOAD_MAX_BYTES: int(1024, 1024 ** 3).default(20 * 1024 * 1024),

  /** Every answer is logged unless this is false. */
  SOGA_LOG_ENABLED: bool.default(true),
  /** SQLite file shared by the bot and the web (WAL mode). Relative paths are resolved from the working folder. Not used with SOGA_DATABASE_URL (the log is then in PostgreSQL; `soga migrate-log` copies this file there). */
  SOGA_LOG_DB: z.string().min(1).default('data/answers.sqlite'),
  /** Secret key that pseudonymises asker ids (HMAC-SHA256); never stored in the database (only its fingerprint). Unset: a key made once in SOGA_DATA_DIR/answer-log.key, used by the bots, the web and `soga logs` alike; required with SOGA_DATABASE_URL (every replica must use the same key). */
  SOGA_LOG_HMAC_KEY: optional.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)'),
  /** Entries older than this many days are deleted daily; 0 keeps them forever. */
  SOGA_LOG_RETENTION_DAYS: int(0, 36500).default(90),
} satisfies z.ZodRawShape;
