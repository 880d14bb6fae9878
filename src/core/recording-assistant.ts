/**
 * Records every answer in the answer log, whichever surface asked: adapters ask this assistant and
 * never call `record` themselves. The member's answer does not depend on the log: when recording
 * fails the answer comes back without `logEntryId` (so no feedback can point at it) and the failure
 * goes to `onRecordError`.
 */
import type { AnswerLog } from './answer-log.js';
import type { Assistant } from './assistant.js';
import type { Answer, AskContext } from './types.js';

export interface RecordingOptions {
  /** Told about each answer that could not be recorded (main logs it). */
  onRecordError: (error: unknown, answer: Answer) => void;
}

export function recordingAssistant(inner: Assistant, log: Pick<AnswerLog, 'record'>, options: RecordingOptions): Assistant {
  return {
    // A listing asked for by a command, not a question: nothing for the review desk to judge.
    ...(inner.upcomingEvents ? { upcomingEvents: inner.upcomingEvents.bind(inner) } : {}),
    async ask(question: string, context: AskContext = {}): Promise<Answer> {
      const answer = await inner.ask(question, context);
      try {
        const logEntryId = await log.record({ surface: context.surface ?? 'unknown', place: context.place, askerId: context.asker, answer });
        return { ...answer, logEntryId };
      } catch (error) {
        options.onRecordError(error, answer);
        return answer;
      }
    },
  };
}
