/** Matrix settings: owned by the matrix adapter; merged into the one schema in schema.ts. */
import { z } from 'zod';
import { bool, int, list, optional } from './schema-helpers.js';

/**
 * The bot runs when MATRIX_HOMESERVER_URL is set. It authenticates with MATRIX_ACCESS_TOKEN, or logs in
 * with MATRIX_USER_ID + MATRIX_PASSWORD (the token it gets is kept in the data dir so a restart does not
 * create a new device). Lists are comma-separated. See docs/matrix.md.
 */
export const matrixConfigShape = {
  MATRIX_HOMESERVER_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  MATRIX_ACCESS_TOKEN: optional,
  MATRIX_USER_ID: optional.pipe(
    z
      .string()
      .regex(/^@[^:\s]+:\S+$/, 'must be a full Matrix user id like @soga:example.org')
      .optional(),
  ),
  MATRIX_PASSWORD: optional,
  /** Shown in the device list of the bot account when it logs in with a password. */
  MATRIX_DEVICE_NAME: z.string().default('SOGA Assistant'),
  /** Who may invite the bot: user ids (@alice:example.org) and/or servers (example.org or :example.org). Empty: nobody. */
  MATRIX_INVITE_ALLOWLIST: list.default([]),
  /** User ids allowed to manage the corpus (`!corpus ...`). */
  MATRIX_STAFF_USERS: list.default([]),
  /** A room (id or alias) whose members with power level >= MATRIX_STAFF_POWER_LEVEL are staff too. */
  MATRIX_STAFF_ROOM: optional,
  MATRIX_STAFF_POWER_LEVEL: int(0, 100).default(50),
  /** Rooms (ids or aliases) where every message is a question, no mention needed. */
  MATRIX_QA_ROOMS: list.default([]),
  /** In a thread the bot answered, later messages are follow-up questions without mentioning it again. */
  MATRIX_THREAD_FOLLOWUPS: bool.default(true),
  /** End-to-end encryption; needs the native @matrix-org/matrix-sdk-crypto-nodejs binary (docs/matrix.md). */
  MATRIX_ENCRYPTION: bool.default(false),
  /** Largest file `!corpus add` accepts. */
  MATRIX_MAX_UPLOAD_BYTES: int(1024, 1024 ** 3).default(10 * 1024 * 1024),
  /** How long to wait, in total, for the homeserver's rate limit (M_LIMIT_EXCEEDED) before giving up on a send. */
  MATRIX_RATE_LIMIT_MAX_WAIT_MS: int(0, 600_000).default(30_000),
  /**
   * With SOGA_DATABASE_URL (several replicas): one replica syncs the account, holding a lease it renews every third of
   * this; when it stops renewing (dies, hangs), another takes the sync over within this time (docs/deploy.md).
   */
  MATRIX_SYNC_LEASE_MS: int(3_000, 600_000).default(30_000),
} satisfies z.ZodRawShape;
