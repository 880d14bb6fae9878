/** An in-memory AnswerLog for the Discord adapter tests: records entries and feedback for assertions. */
import type { AnswerLog, AnswerLogEntryInput } from '../../src/core/ports.js';

export class DiscordFakeAnswerLog implements AnswerLog {
  readonly entries: (AnswerLogEntryInput & { id: string })[] = [];
  readonly feedback: { entryId: string; rating: 'up' | 'down'; comment?: string; by?: string }[] = [];
  private next = 1;

  async record(entry: AnswerLogEntryInput): Promise<string> {
    const id = `entry-${this.next++}`;
    this.entries.push({ ...entry, id });
    return id;
  }

  async addFeedback(entryId: string, feedback: { rating: 'up' | 'down'; comment?: string; by?: string }): Promise<void> {
    if (!this.entries.some((e) => e.id === entryId)) throw new Error(`no answer-log entry ${entryId}`);
    this.feedback.push({ entryId, ...feedback });
  }
}
