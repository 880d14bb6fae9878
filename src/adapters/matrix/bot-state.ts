/**
 * What the Matrix bot remembers, kept in memory for the synchronous checks of a sync's events and
 * written through to a BotStateStore (a file embedded, PostgreSQL with replicas; src/core/bot-state.ts):
 * - handled event ids, so a restart (or a replayed sync) never answers a message twice;
 * - pending events, written before the sync token moves past them (`flush()`), so a crash never loses a question;
 * - answer event id -> answer log entry id, so a later 👍/👎 reaction finds the logged answer;
 * - the turns of each thread the bot answered, so follow-ups are asked with their history;
 * - the last answer language per room, for replies that have no text to detect a language from.
 * Writes go to the store in the order they were made, one at a time.
 */
import { BOT_STATE_LIMITS, trimRecord, type BotStateSnapshot, type BotStateStore, type PendingEvent as StoredPending } from '../../core/bot-state.js';
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

export type PendingEvent = StoredPending<RawEvent>;

export const LIMITS = BOT_STATE_LIMITS;

type Snapshot = Omit<BotStateSnapshot, 'pending'> & { pending: PendingEvent[] };

export class BotState {
  private readonly handledSet: Set<string>;
  private writes: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  private constructor(
    private readonly store: BotStateStore,
    private readonly data: Snapshot,
  ) {
    this.handledSet = new Set(data.handled);
  }

  static async open(store: BotStateStore): Promise<BotState> {
    // The store gives back the events this bot stored: Matrix events.
    return new BotState(store, (await store.load()) as Snapshot);
  }

  /** Queues a write after the ones before it; a failure is kept for the next flush(). */
  private write(op: (store: BotStateStore) => Promise<void>): void {
    this.writes = this.writes
      .then(() => op(this.store))
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      });
  }

  /** Resolves once every change made so far is stored; rejects with the first write that failed since the last flush. */
  async flush(): Promise<void> {
    await this.writes;
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  /** The chat client's own value (the SDK's sync token, filter…), read from the store. */
  readValue(key: string): Promise<string | undefined> {
    return this.store.readValue(key);
  }

  /** Stores the client's value once every change made before it is stored, and resolves when it is; rejects when one of them failed. */
  async storeValue(key: string, value: string): Promise<void> {
    // A change before it that failed stops it: the sync token must never move past an unstored event.
    await this.flush();
    this.write((store) => store.storeValue(key, value));
    await this.flush();
  }

  /** Resolves once every change made so far has been written or has failed (flush() reports the failure). */
  async settled(): Promise<void> {
    await this.writes;
  }

  isKnown(eventId: string): boolean {
    return this.handledSet.has(eventId) || this.data.pending.some((p) => p.event.event_id === eventId);
  }

  addPending(roomId: string, event: RawEvent): void {
    const pending = { roomId, event };
    this.data.pending.push(pending);
    this.write((store) => store.addPending(pending));
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
    this.write((store) => store.markHandled(eventId, remember));
  }

  recordAnswer(answerEventId: string, roomId: string, logId: string): void {
    this.data.answers[answerEventId] = { logId, roomId };
    this.data.answers = trimRecord(this.data.answers, LIMITS.answers);
    this.write((store) => store.recordAnswer(answerEventId, roomId, logId));
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
    const before = this.data.threads[rootEventId];
    const thread = { roomId: before?.roomId ?? roomId, turns: [...(before?.turns ?? []), ...turns].slice(-LIMITS.turnsPerThread), lastAnswer: lastAnswer ?? before?.lastAnswer };
    if (!thread.lastAnswer) delete thread.lastAnswer;
    delete this.data.threads[rootEventId]; // re-insert: most recently used threads are kept longest
    this.data.threads[rootEventId] = thread;
    this.data.threads = trimRecord(this.data.threads, LIMITS.threads);
    this.write((store) => store.saveThread(rootEventId, thread));
  }

  roomLanguage(roomId: string): string | undefined {
    return this.data.roomLanguage[roomId];
  }

  setRoomLanguage(roomId: string, lang: string): void {
    if (this.data.roomLanguage[roomId] === lang) return;
    this.data.roomLanguage[roomId] = lang;
    this.write((store) => store.setRoomLanguage(roomId, lang));
  }
}
