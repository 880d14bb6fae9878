/**
 * Opens the answer log the way every entry point must: the bots, the admin web and `soga logs` all use
 * the same store (the SQLite file SOGA_LOG_DB, or PostgreSQL with SOGA_DATABASE_URL) and the same key
 * (SOGA_LOG_HMAC_KEY, else the key file beside the data), so an erasure asked for on the command line
 * finds what a bot recorded. The corrections desk lives beside the log, in the same store.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/load.js';
import type { AnswerLogAdmin } from '../core/answer-log.js';
import type { CorrectionDesk } from '../core/corrections/correction.js';
import { SogaError } from '../core/errors.js';
import { PgAnswerLog } from '../infra/postgres/pg-answer-log.js';
import { PgCorrections } from '../infra/postgres/pg-corrections.js';
import { copySqliteLog, type CopiedTable } from '../infra/postgres/copy-sqlite-log.js';
import { openPostgres } from '../infra/postgres/pg-database.js';
import { openAnswerLog } from '../infra/sqlite/answer-log.js';
import { SqliteCorrections } from '../infra/sqlite/corrections.js';

/** The answer log as main hands it out: the staff side, the key check, and how to close it. */
export interface ConfiguredAnswerLog extends AnswerLogAdmin {
  /** Fails with LOG_KEY_MISMATCH when the key in use is not the one the log was written with. */
  assertKey(): void;
  readonly keyMatches: boolean;
  close(): void | Promise<void>;
}

export interface OpenedAnswerLog {
  where: 'sqlite' | 'postgresql';
  log: ConfiguredAnswerLog;
  corrections: CorrectionDesk;
}

/** Where the generated key lives when SOGA_LOG_HMAC_KEY is unset. */
export function logKeyFile(dataDir: string): string {
  return path.join(dataDir, 'answer-log.key');
}

/**
 * Without SOGA_LOG_HMAC_KEY the embedded set-up still pseudonymises askers: a random key is made once
 * and kept beside the data (never in the log database), readable by the owner only.
 */
export function resolveLogKey(config: Pick<Config, 'SOGA_LOG_HMAC_KEY' | 'SOGA_DATA_DIR'>, log: (m: string) => void): string {
  if (config.SOGA_LOG_HMAC_KEY) return config.SOGA_LOG_HMAC_KEY;
  const file = logKeyFile(config.SOGA_DATA_DIR);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.SOGA_DATA_DIR, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  log(`note: created ${file} to pseudonymise askers in the answer log (set SOGA_LOG_HMAC_KEY to manage the key yourself)`);
  return key;
}

/**
 * With PostgreSQL every replica must pseudonymise with the same key: a key file made on one machine
 * would give each replica its own, and the second to start would refuse (LOG_KEY_MISMATCH).
 */
export function sharedLogKey(config: Pick<Config, 'SOGA_LOG_HMAC_KEY'>): string {
  if (config.SOGA_LOG_HMAC_KEY) return config.SOGA_LOG_HMAC_KEY;
  throw new SogaError('CONFIG_INVALID', 'SOGA_LOG_HMAC_KEY is needed with SOGA_DATABASE_URL: every replica must pseudonymise askers in the shared answer log with the same key', {
    hint: 'set SOGA_LOG_HMAC_KEY to the same value on every replica; to keep the pseudonyms of an existing log, use its key file: SOGA_LOG_HMAC_KEY=$(cat data/answer-log.key)',
  });
}

/** The configured answer log and its corrections desk, or null when SOGA_LOG_ENABLED=false. */
export async function openConfiguredAnswerLog(config: Config, log: (m: string) => void): Promise<OpenedAnswerLog | null> {
  if (!config.SOGA_LOG_ENABLED) return null;
  if (config.SOGA_DATABASE_URL) {
    const hmacKey = sharedLogKey(config);
    const sql = await openPostgres(config.SOGA_DATABASE_URL, { maxConnections: 5 });
    try {
      const opened = await PgAnswerLog.open(sql, { hmacKey, ownsConnection: true });
      return { where: 'postgresql', log: opened, corrections: new PgCorrections(opened) };
    } catch (error) {
      await sql.end({ timeout: 5 });
      throw error;
    }
  }
  const opened = openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: resolveLogKey(config, log) });
  return { where: 'sqlite', log: opened, corrections: new SqliteCorrections(opened) };
}

/** The log alone, for `soga logs`: closing it closes its store. */
export async function openConfiguredLogOnly(config: Config, log: (m: string) => void): Promise<ConfiguredAnswerLog | null> {
  return (await openConfiguredAnswerLog(config, log))?.log ?? null;
}

/**
 * `soga migrate-log`: the SQLite log (`from`, else SOGA_LOG_DB) into the PostgreSQL log of
 * SOGA_DATABASE_URL. Refuses, before writing anything, without a database, without the shared key, or
 * when the file was written with another key.
 */
export async function migrateSqliteLog(config: Config, from: string | undefined, onProgress?: (table: string, rows: number) => void): Promise<CopiedTable[]> {
  if (!config.SOGA_DATABASE_URL) {
    throw new SogaError('CONFIG_INVALID', 'SOGA_DATABASE_URL is not set: there is no PostgreSQL database to copy the answer log into', {
      hint: 'set SOGA_DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DATABASE (see docs/deploy.md)',
    });
  }
  const hmacKey = sharedLogKey(config);
  const sql = await openPostgres(config.SOGA_DATABASE_URL, { maxConnections: 2 });
  try {
    return await copySqliteLog({ file: from ?? config.SOGA_LOG_DB, sql, hmacKey, onProgress });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
