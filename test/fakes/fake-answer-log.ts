/**
 * An AnswerLog for adapter tests: keeps entries and feedback in memory, and on disk too when given a
 * path, so a test can restart an adapter and still find what was logged before.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SogaError } from '../../src/core/errors.js';
import type { AnswerLog, AnswerLogEntryInput } from '../../src/core/ports.js';

export interface FakeLogEntry extends AnswerLogEntryInput {
  id: string;
  feedback: { rating: 'up' | 'down'; comment?: string; by?: string }[];
}

export class FakeAnswerLog implements AnswerLog {
  entries: FakeLogEntry[] = [];

  constructor(private readonly path?: string) {
    if (path && existsSync(path)) this.entries = JSON.parse(readFileSync(path, 'utf8')) as FakeLogEntry[];
  }

  async record(entry: AnswerLogEntryInput): Promise<string> {
    const id = `log-${this.entries.length + 1}`;
    this.entries.push({ ...entry, id, feedback: [] });
    this.save();
    return id;
  }

  async addFeedback(entryId: string, feedback: { rating: 'up' | 'down'; comment?: string; by?: string }): Promise<void> {
    const entry = this.entries.find((e) => e.id === entryId);
    if (!entry) throw new SogaError('NOT_FOUND', `no answer log entry ${entryId}`);
    entry.feedback.push(feedback);
    this.save();
  }

  private save(): void {
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify(this.entries));
  }
}
