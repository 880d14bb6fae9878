/**
 * Corpus changes (upload, delete, re-ingest) run in the background, one at a time, so the page returns
 * at once and shows progress; running them in sequence keeps two writes to the index from interleaving.
 */
import { randomUUID } from 'node:crypto';
import type { CorpusChange } from '../../core/assistant.js';
import { describeError, isSogaError } from '../../core/errors.js';

export type JobKind = 'upload' | 'delete' | 'reingest';

export interface Job {
  id: string;
  kind: JobKind;
  /** File name or document id, for display. */
  label: string;
  by: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  change: CorpusChange | null;
  error: { code: string; message: string } | null;
}

export class IngestionJobs {
  private readonly jobs = new Map<string, Job>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly onError: (message: string) => void,
    private readonly keep = 50,
  ) {}

  start(kind: JobKind, label: string, by: string, work: () => Promise<CorpusChange>): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      label,
      by,
      state: 'queued',
      queuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      change: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.trim();
    this.chain = this.chain.then(async () => {
      job.state = 'running';
      job.startedAt = new Date().toISOString();
      try {
        job.change = await work();
        job.state = job.change.failed.length ? 'failed' : 'done';
        if (job.change.failed.length) job.error = { code: job.change.failed[0].code, message: job.change.failed.map((f) => f.message).join('; ') };
      } catch (error) {
        job.state = 'failed';
        job.error = { code: isSogaError(error) ? error.code : 'INTERNAL', message: describeError(error) };
        // Expected refusals (bad file) are shown to staff; anything else also goes to the operator's log.
        if (!isSogaError(error)) this.onError(`${kind} ${label} failed: ${describeError(error)}`);
      } finally {
        job.finishedAt = new Date().toISOString();
      }
    });
    return job;
  }

  get(id: string): Job | null {
    return this.jobs.get(id) ?? null;
  }

  recent(limit = 5): Job[] {
    return [...this.jobs.values()].reverse().slice(0, limit);
  }

  active(): Job[] {
    return [...this.jobs.values()].filter((j) => j.state === 'queued' || j.state === 'running');
  }

  /** Resolves when every queued job has finished (for shutdown and tests). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private trim(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (job.state === 'done' || job.state === 'failed') this.jobs.delete(id);
    }
  }
}
