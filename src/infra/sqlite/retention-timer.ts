/**
 * Runs the retention purge at start and then daily. `npm start` (src/main/start.ts) owns the timer;
 * a failed purge is reported, and the next day's run tries again.
 */
import type { AnswerLogAdmin } from '../../core/answer-log.js';

export interface RetentionTimerOptions {
  log: Pick<AnswerLogAdmin, 'purgeOlderThan' | 'audit'>;
  /** SOGA_LOG_RETENTION_DAYS; 0 disables the purge. */
  days: number;
  intervalMs?: number;
  onPurged?: (count: number) => void;
  onError: (error: unknown) => void;
}

export function startRetentionTimer(options: RetentionTimerOptions): { stop(): void; runNow(): Promise<number> } {
  const runNow = async (): Promise<number> => {
    if (options.days <= 0) return 0;
    const count = await options.log.purgeOlderThan(options.days);
    if (count > 0) await options.log.audit('system', 'retention_purge', null, `${count} entries older than ${options.days} days`);
    options.onPurged?.(count);
    return count;
  };
  const tick = () => {
    runNow().catch(options.onError);
  };
  if (options.days <= 0) return { stop() {}, runNow };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 24 * 60 * 60 * 1000);
  // The timer alone must not keep a finished process (a CLI command, a test) alive.
  timer.unref();
  return { stop: () => clearInterval(timer), runNow };
}
