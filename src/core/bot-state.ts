/**
 * What a chat bot that reads a replayable event stream (Matrix's sync) must remember across restarts
 * and, with several replicas, across processes: which events it handled, the ones accepted but not
 * handled yet, which answer message belongs to which answer-log entry, the turns of each thread it
 * answered, the last answer language of each room, and its client's own values (Matrix: the sync token).
 *
 * One replica at a time writes (the one holding the account's sync lease), so the bot keeps the state
 * in memory and writes each change through; `load()` is what a replica taking over starts from.
 * Implementations: a JSON file under the data dir (src/infra/bot-state-file.ts), PostgreSQL
 * (src/infra/postgres/pg-bot-state.ts).
 */
import type { ChatTurn } from './types.js';

/** An event as the platform sent it; only its id is read here. */
export interface StoredEvent {
  event_id: string;
  [key: string]: unknown;
}

export interface PendingEvent<E extends StoredEvent = StoredEvent> {
  roomId: string;
  event: E;
}

export interface BotThread {
  roomId: string;
  /** The newest BOT_STATE_LIMITS.turnsPerThread turns, oldest first. */
  turns: ChatTurn[];
  /** The latest logged answer in the thread, which a staff member's reply follows. */
  lastAnswer?: { question: string; logId: string };
}

export interface BotStateSnapshot {
  /** Handled event ids, oldest first (the newest BOT_STATE_LIMITS.handled). */
  handled: string[];
  /** Accepted, not handled yet, in the order they were accepted. */
  pending: PendingEvent[];
  /** Answer event id → answer-log entry, oldest first (the newest BOT_STATE_LIMITS.answers). */
  answers: Record<string, { logId: string; roomId: string }>;
  /** Thread root event id → thread, least recently answered first (the newest BOT_STATE_LIMITS.threads). */
  threads: Record<string, BotThread>;
  roomLanguage: Record<string, string>;
}

export const BOT_STATE_LIMITS = { handled: 20_000, answers: 20_000, threads: 5_000, turnsPerThread: 12 };

/** Keeps the newest `max` keys of an insertion-ordered record. */
export function trimRecord<T>(record: Record<string, T>, max: number): Record<string, T> {
  const keys = Object.keys(record);
  if (keys.length <= max) return record;
  return Object.fromEntries(keys.slice(keys.length - max).map((k) => [k, record[k]]));
}

export interface BotStateStore {
  load(): Promise<BotStateSnapshot>;
  addPending(pending: PendingEvent): Promise<void>;
  /** Drops it from pending; `remember: false` does not add it to the handled ids (an invite may come again). */
  markHandled(eventId: string, remember: boolean): Promise<void>;
  recordAnswer(answerEventId: string, roomId: string, logId: string): Promise<void>;
  /** Replaces the thread (its turns already trimmed) and makes it the most recently answered. */
  saveThread(rootEventId: string, thread: BotThread): Promise<void>;
  setRoomLanguage(roomId: string, language: string): Promise<void>;
  /** The chat client's own values (Matrix: sync token, filter), by key; undefined when never stored. */
  readValue(key: string): Promise<string | undefined>;
  storeValue(key: string, value: string): Promise<void>;
}
