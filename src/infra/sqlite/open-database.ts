/**
 * Opens a SQLite file for sharing between processes (the bot and the admin web): WAL lets readers and
 * one writer work at once, and busy_timeout makes a second writer wait for the lock instead of failing.
 * Schema changes are numbered migrations tracked in PRAGMA user_version.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SogaError } from '../../core/errors.js';

export type Db = Database.Database;

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export interface OpenOptions {
  /** How long a writer waits for another process's lock before giving up. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

export function openDatabase(file: string, migrations: Migration[], options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Owner-only, like the key beside it: questions and answers are personal data. SQLite gives the
    // -wal and -shm files the database file's mode.
    if (!options.readonly && !existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
  } catch (cause) {
    throw new SogaError('STORE_UNAVAILABLE', `cannot open the SQLite database ${file}`, {
      cause,
      hint: 'check that the folder exists and is writable (SOGA_LOG_DB)',
    });
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the last commits.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, migrations);
  } catch (cause) {
    db.close();
    if (cause instanceof SogaError) throw cause;
    throw new SogaError('STORE_UNAVAILABLE', `cannot prepare the SQLite database ${file}`, { cause });
  }
  return db;
}

/** Applies the migrations newer than user_version, each in its own transaction (IMMEDIATE: one process migrates). */
export function migrate(db: Db, migrations: Migration[]): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const latest = sorted.at(-1)?.version ?? 0;
  const run = db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated while we waited.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new SogaError('STORE_UNAVAILABLE', `database schema version ${current} is newer than this program knows (${latest})`, {
        hint: 'upgrade SOGA Assistant, or point SOGA_LOG_DB at another file',
      });
    }
    for (const m of sorted) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    return db.pragma('user_version', { simple: true }) as number;
  });
  return run.immediate();
}
