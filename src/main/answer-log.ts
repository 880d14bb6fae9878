/**
 * Opens the answer log the way every entry point must: the bots, the admin web and `soga logs` all use
 * the same key (SOGA_LOG_HMAC_KEY, else the key file beside the data), so an erasure asked for on the
 * command line finds what a bot recorded.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/load.js';
import { openAnswerLog, type SqliteAnswerLog } from '../infra/sqlite/answer-log.js';

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

/** The configured answer log, or null when SOGA_LOG_ENABLED=false. */
export function openConfiguredAnswerLog(config: Config, log: (m: string) => void): SqliteAnswerLog | null {
  if (!config.SOGA_LOG_ENABLED) return null;
  return openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: resolveLogKey(config, log) });
}
