/**
 * Records every answer in the answer log, whichever surface asked: adapters ask this assistant and
 * never call `record` themselves. The member's answer does not depend on the log: when recording
 * fails the answer comes back without `logEntryId` (so no feedback can point at it) and the failure
 * goes to `onRecordError`.
 */
import type { AnswerLog, IndexFreshness } from './answer-log.js';
import type { Assistant } from './assistant.js';
import type { Answer, AskContext } from './types.js';

export interface RecordingOptions {
  /** Told about each answer that could not be recorded (main logs it). */
  onRecordError: (error: unknown, answer: Answer) => void;
  /**
   * The change numbers of the index that answers and of the document store (main builds it from the corpus),
   * asked when each question arrives so the entry says whether the index was behind. Absent: entries carry none.
   */
  freshness?: () => Promise<IndexFreshness>;
  /** Told when `freshness` failed: the entry is recorded with unknown numbers (defaults to `onRecordError`). */
  onFreshnessError?: (error: unknown, answer: Answer) => void;
}

const UNKNOWN: IndexFreshness = { index: null, store: null };

export function recordingAssistant(inner: Assistant, log: Pick<AnswerLog, 'record'>, options: RecordingOptions): Assistant {
  return {
    // A listing asked for by a command, not a question: nothing for the review desk to judge.
    ...(inner.upcomingEvents ? { upcomingEvents: inner.upcomingEvents.bind(inner) } : {}),
    async ask(question: string, context: AskContext = {}): Promise<Answer> {
      // Read as the question arrives, beside the answer (no added wait): an index that catches up while
      // answering is logged at the number it started from, so an answer is never marked current too early.
      const reading = options.freshness?.().then(
        (freshness) => ({ freshness }),
        (error: unknown) => ({ error }),
      );
      const answer = await inner.ask(question, context);
      let freshness: IndexFreshness | undefined;
      if (reading) {
        const read = await reading;
        if ('error' in read) {
          // The entry is still worth recording; it says the numbers are unknown, and the failure is reported.
          (options.onFreshnessError ?? options.onRecordError)(read.error, answer);
          freshness = UNKNOWN;
        } else freshness = read.freshness;
      }
      try {
        const logEntryId = await log.record({ surface: context.surface ?? 'unknown', place: context.place, askerId: context.asker, answer, ...(freshness ? { freshness } : {}) });
        return { ...answer, logEntryId };
      } catch (error) {
        options.onRecordError(error, answer);
        return answer;
      }
    },
  };
}
