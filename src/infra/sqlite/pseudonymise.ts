/**
 * Asker ids are stored as keyed HMAC-SHA256: the same person maps to the same value (so reviewers can
 * see repeated questions and erasure can find them), but the database alone does not reveal who asked.
 * The key comes from config and is never written to the database.
 */
import { createHmac } from 'node:crypto';
import { SogaError } from '../../core/errors.js';

export type Pseudonymiser = (platformUserId: string) => string;

export function createPseudonymiser(key: string | undefined): Pseudonymiser {
  if (!key || key.length < 16) {
    throw new SogaError('CONFIG_INVALID', 'SOGA_LOG_HMAC_KEY is needed to pseudonymise askers in the answer log (at least 16 characters)', {
      hint: 'set SOGA_LOG_HMAC_KEY in .env, e.g. to the output of `openssl rand -hex 32`, or SOGA_LOG_ENABLED=false',
    });
  }
  return (platformUserId) => createHmac('sha256', key).update(platformUserId, 'utf8').digest('hex');
}

/**
 * Names the key without revealing it: stored in the log, it tells whether the key in use is the one the
 * entries were written with (an erasure with another key would match nobody and report success).
 */
export function keyFingerprint(key: string): string {
  return createHmac('sha256', key).update('soga answer-log key fingerprint v1', 'utf8').digest('hex').slice(0, 16);
}
