/** IndexSync's own rules (with a stand-in corpus): one run for a burst of notifications, failures said and retried. */
import { describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../src/core/document-store.js';
import { IndexSync } from '../../ingest/index-sync.js';
import type { IngestReport } from '../../ingest/pipeline.js';

const REPORT: IngestReport = { added: ['Repair café de Lille'], updated: [], skipped: [], removed: [], failed: [], merged: [], reembedded: false, chunks: 3 };

function setup(options: { failures?: number } = {}) {
  let store = 0;
  let index = 0;
  let runs = 0;
  let failures = options.failures ?? 0;
  let notify: (change: number | null) => void = () => undefined;
  const corpus = {
    indexChange: async () => index,
    sync: async (): Promise<IngestReport | null> => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      if (failures-- > 0) throw new Error('disk unreachable');
      if (index === store) return null;
      index = store;
      return REPORT;
    },
  };
  const documents = {
    watch: async (onChange: (change: number | null) => void) => {
      notify = onChange;
      return async () => void (notify = () => undefined);
    },
  } as unknown as DocumentStore;
  const log: string[] = [];
  const sync = new IndexSync({ corpus, documents, pollMs: 3_600_000, log: (m) => log.push(m) });
  return { sync, log, runs: () => runs, change: (n: number) => (store = n), notify: (n: number | null) => notify(n) };
}

describe('following the document store', () => {
  it('syncs once at start, and once for a burst of notifications', async () => {
    const s = setup();
    s.change(1);
    await s.sync.start();
    expect(s.runs()).toBe(1);
    s.change(4);
    s.notify(2);
    s.notify(3);
    s.notify(4);
    await s.sync.poke(null);
    // One run for the whole burst (it had not started when the others came), brought to the latest change.
    expect(s.runs()).toBe(2);
    expect(s.log).toEqual(['index synced with the documents: 1 added, 0 updated, 0 removed', 'index synced with the documents: 1 added, 0 updated, 0 removed']);
    // A notification while a run is under way queues one more run after it.
    s.change(5);
    s.notify(5);
    await new Promise((r) => setTimeout(r, 1));
    s.change(6);
    await s.sync.poke(6);
    expect(s.runs()).toBe(4);
    await s.sync.stop();
  });

  it('does not run for a notification of the change the index is already at', async () => {
    const s = setup();
    await s.sync.start();
    const before = s.runs();
    s.notify(0);
    await s.sync.poke(0);
    expect(s.runs()).toBe(before);
    await s.sync.stop();
  });

  it('says when a sync fails, and the next notification tries again', async () => {
    const s = setup({ failures: 1 });
    s.change(1);
    await s.sync.start();
    expect(s.log).toEqual(['error: could not sync the index with the documents: disk unreachable']);
    await s.sync.poke(1);
    expect(s.log[1]).toMatch(/^index synced/);
    await s.sync.stop();
  });

  it('stops listening when stopped', async () => {
    const s = setup();
    await s.sync.start();
    await s.sync.stop();
    const before = s.runs();
    s.change(7);
    s.notify(7);
    await s.sync.poke(null);
    expect(s.runs()).toBe(before);
  });
});
