/**
 * The chat bot's state (src/core/bot-state.ts) in one JSON file under the data dir: the embedded
 * default. Every change rewrites the file atomically (temp file + rename), synchronously: the file is
 * small, changes are rare, and a write that returned is on disk before the sync token moves past it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BOT_STATE_LIMITS, trimRecord, type BotStateSnapshot, type BotStateStore, type BotThread, type PendingEvent } from '../core/bot-state.js';
import { SogaError } from '../core/errors.js';

interface StateFile extends BotStateSnapshot {
  version: 1;
  /** The chat client's values (absent in files written before they moved here from the SDK's sync.json). */
  values?: Record<string, string>;
}

export class FileBotStateStore implements BotStateStore {
  private readonly data: StateFile;
  private readonly limits: typeof BOT_STATE_LIMITS;

  /**
   * `limits`: smaller ones for tests. `legacySyncFile`: the SDK's own storage file (matrix-bot-sdk's SimpleFsStorageProvider, sync.json)
   * that held the sync token before it moved here; read once, so an upgrade resumes where it stopped.
   */
  constructor(
    private readonly path: string,
    { legacySyncFile, limits = {} }: { legacySyncFile?: string; limits?: Partial<typeof BOT_STATE_LIMITS> } = {},
  ) {
    this.limits = { ...BOT_STATE_LIMITS, ...limits };
    this.data = FileBotStateStore.read(path);
    if (!this.data.values) this.data.values = legacySyncFile ? readLegacySyncFile(legacySyncFile) : {};
  }

  private static read(path: string): StateFile {
    const empty: StateFile = { version: 1, handled: [], pending: [], answers: {}, threads: {}, roomLanguage: {} };
    if (!existsSync(path)) return empty;
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<StateFile>;
      return { ...empty, ...parsed, version: 1 };
    } catch (cause) {
      // Starting empty would re-answer every message still in the sync window: refuse instead.
      throw new SogaError('STORE_UNAVAILABLE', `cannot read the Matrix bot state ${path}`, {
        cause,
        hint: 'fix or delete the file (deleting it forgets which messages were answered and the feedback links)',
      });
    }
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(this.data));
      renameSync(tmp, this.path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new SogaError(code === 'ENOSPC' ? 'DISK_FULL' : 'STORE_WRITE_FAILED', `cannot write the Matrix bot state ${this.path}`, { cause });
    }
  }

  async load(): Promise<BotStateSnapshot> {
    const { handled, pending, answers, threads, roomLanguage } = structuredClone(this.data);
    return { handled, pending, answers, threads, roomLanguage };
  }

  async addPending(pending: PendingEvent): Promise<void> {
    this.data.pending.push(structuredClone(pending));
    this.save();
  }

  async markHandled(eventId: string, remember: boolean): Promise<void> {
    this.data.pending = this.data.pending.filter((p) => p.event.event_id !== eventId);
    if (remember && !this.data.handled.includes(eventId)) {
      this.data.handled.push(eventId);
      if (this.data.handled.length > this.limits.handled) this.data.handled.splice(0, this.data.handled.length - this.limits.handled);
    }
    this.save();
  }

  async recordAnswer(answerEventId: string, roomId: string, logId: string): Promise<void> {
    this.data.answers[answerEventId] = { logId, roomId };
    this.data.answers = trimRecord(this.data.answers, this.limits.answers);
    this.save();
  }

  async saveThread(rootEventId: string, thread: BotThread): Promise<void> {
    delete this.data.threads[rootEventId]; // re-inserted last: most recently answered threads are kept longest
    this.data.threads[rootEventId] = structuredClone({ ...thread, turns: thread.turns.slice(-this.limits.turnsPerThread) });
    this.data.threads = trimRecord(this.data.threads, this.limits.threads);
    this.save();
  }

  async setRoomLanguage(roomId: string, language: string): Promise<void> {
    this.data.roomLanguage[roomId] = language;
    this.save();
  }

  async readValue(key: string): Promise<string | undefined> {
    return this.data.values![key];
  }

  async storeValue(key: string, value: string): Promise<void> {
    this.data.values![key] = value;
    this.save();
  }
}

/** The sync token and filter of matrix-bot-sdk's SimpleFsStorageProvider file, under the keys the bot's storage uses. */
function readLegacySyncFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    const old = JSON.parse(readFileSync(file, 'utf8')) as { syncToken?: string | null; filter?: unknown; kvStore?: Record<string, string> };
    const values: Record<string, string> = {};
    if (old.syncToken) values.syncToken = old.syncToken;
    if (old.filter) values.filter = JSON.stringify(old.filter);
    for (const [key, value] of Object.entries(old.kvStore ?? {})) values[`kv:${key}`] = value;
    return values;
  } catch (cause) {
    throw new SogaError('STORE_UNAVAILABLE', `cannot read the Matrix sync state ${file}`, { cause, hint: 'fix or delete the file (deleting it makes the bot start from the newest messages)' });
  }
}
