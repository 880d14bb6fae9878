/**
 * What the bot must remember across restarts, in one JSON file under the data dir:
 * - handled event ids, so a restart (or a replayed sync) never answers a message twice;
 * - pending events, written before the sync token moves past them, so a crash never loses a question;
 * - answer event id -> answer log entry id, so a later 👍/👎 reaction finds the logged answer;
 * - the turns of each thread the bot answered, so follow-ups are asked with their history;
 * - the last answer language per room, for replies that have no text to detect a language from.
 * Writes are synchronous and atomic (temp file + rename): the file is small and writes are rare.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SogaError } from '../../core/errors.js';
import type { ChatTurn } from '../../core/types.js';

/** A Matrix event as the client-server API returns it. */
export interface RawEvent {
  event_id: string;
  type: string;
  sender: string;
  origin_server_ts?: number;
  state_key?: string;
  content: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PendingEvent {
  roomId: string;
  event: RawEvent;
}

interface StateFile {
  version: 1;
  handled: string[];
  pending: PendingEvent[];
  answers: Record<string, { logId: string; roomId: string }>;
  /** `lastAnswer`: the latest logged answer in the thread, which a staff member's reply follows (absent in older files). */
  threads: Record<string, { roomId: string; turns: ChatTurn[]; lastAnswer?: { question: string; logId: string } }>;
  roomLanguage: Record<string, string>;
}

export const LIMITS = { handled: 20_000, answers: 20_000, threads: 5_000, turnsPerThread: 12 };

/** Keeps the newest `max` keys of an insertion-ordered record. */
function trimRecord<T>(record: Record<string, T>, max: number): Record<string, T> {
  const keys = Object.keys(record);
  if (keys.length <= max) return record;
  return Object.fromEntries(keys.slice(keys.length - max).map((k) => [k, record[k]]));
}

export class BotState {
  private data: StateFile;
  private readonly handledSet: Set<string>;

  constructor(private readonly path: string) {
    this.data = BotState.read(path);
    this.handledSet = new Set(this.data.handled);
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

  isKnown(eventId: string): boolean {
    return this.handledSet.has(eventId) || this.data.pending.some((p) => p.event.event_id === eventId);
  }

  addPending(roomId: string, event: RawEvent): void {
    this.data.pending.push({ roomId, event });
    this.save();
  }

  pending(): PendingEvent[] {
    return [...this.data.pending];
  }

  /** `remember: false` only clears it from pending (invites: the same room may invite us again later). */
  markHandled(eventId: string, { remember = true } = {}): void {
    this.data.pending = this.data.pending.filter((p) => p.event.event_id !== eventId);
    if (remember && !this.handledSet.has(eventId)) {
      this.handledSet.add(eventId);
      this.data.handled.push(eventId);
      if (this.data.handled.length > LIMITS.handled) {
        for (const old of this.data.handled.splice(0, this.data.handled.length - LIMITS.handled)) this.handledSet.delete(old);
      }
    }
    this.save();
  }

  recordAnswer(answerEventId: string, roomId: string, logId: string): void {
    this.data.answers[answerEventId] = { logId, roomId };
    this.data.answers = trimRecord(this.data.answers, LIMITS.answers);
    this.save();
  }

  answerLogId(answerEventId: string): string | undefined {
    return this.data.answers[answerEventId]?.logId;
  }

  isBotThread(rootEventId: string): boolean {
    return rootEventId in this.data.threads;
  }

  history(rootEventId: string): ChatTurn[] {
    return [...(this.data.threads[rootEventId]?.turns ?? [])];
  }

  /** The latest logged answer of a bot thread: its question and answer-log id. */
  lastAnswer(rootEventId: string): { question: string; logId: string } | undefined {
    return this.data.threads[rootEventId]?.lastAnswer;
  }

  addTurns(rootEventId: string, roomId: string, turns: ChatTurn[], lastAnswer?: { question: string; logId: string }): void {
    const thread = this.data.threads[rootEventId] ?? { roomId, turns: [] };
    if (lastAnswer) thread.lastAnswer = lastAnswer;
    delete this.data.threads[rootEventId]; // re-insert: most recently used threads are kept longest
    thread.turns = [...thread.turns, ...turns].slice(-LIMITS.turnsPerThread);
    this.data.threads[rootEventId] = thread;
    this.data.threads = trimRecord(this.data.threads, LIMITS.threads);
    this.save();
  }

  roomLanguage(roomId: string): string | undefined {
    return this.data.roomLanguage[roomId];
  }

  setRoomLanguage(roomId: string, lang: string): void {
    if (this.data.roomLanguage[roomId] === lang) return;
    this.data.roomLanguage[roomId] = lang;
    this.save();
  }
}
