import { describe, expect, it, vi } from 'vitest';
import { startRetentionTimer } from '../../../src/infra/sqlite/retention-timer.js';

describe('daily retention purge', () => {
  it('purges at start and then every interval, auditing non-empty purges, and reports failures', async () => {
    vi.useFakeTimers();
    try {
      const calls: number[] = [];
      const audits: string[] = [];
      let fail = false;
      const errors: unknown[] = [];
      const log = {
        purgeOlderThan: async (days: number) => {
          if (fail) throw new Error('disk I/O error');
          calls.push(days);
          return calls.length === 1 ? 5 : 0;
        },
        audit: async (_actor: string, action: string) => void audits.push(action),
      };
      const timer = startRetentionTimer({ log, days: 90, intervalMs: 1000, onError: (e) => errors.push(e) });
      await vi.advanceTimersByTimeAsync(0);
      expect(calls).toEqual([90]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toEqual([90, 90]);
      expect(audits).toEqual(['retention_purge']);
      fail = true;
      await vi.advanceTimersByTimeAsync(1000);
      expect(errors).toHaveLength(1);
      timer.stop();
      fail = false;
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing when retention is 0 (keep forever)', () => {
    const log = { purgeOlderThan: vi.fn(async () => 0), audit: vi.fn(async () => {}) };
    const timer = startRetentionTimer({ log, days: 0, onError: () => undefined });
    expect(log.purgeOlderThan).not.toHaveBeenCalled();
    timer.stop();
  });
});
