/**
 * Keeps this replica's index (a cache) at the document store's latest change: once at start, on every
 * notification of a change (another replica's upload or removal), on every (re)connection of the
 * listener (notifications sent meanwhile are lost, so numbers are compared), and by a poll as a safety
 * net. Syncs never overlap and a burst of notifications costs one run: while one run is queued, further
 * pokes join it. Each run goes through `CorpusFolder.sync`, which does nothing when the index is already
 * at the store's change and otherwise ingests (content hashes: only what changed is parsed and embedded).
 *
 * A replica that changes a document holds the `ingest` lease until its own index has the change
 * (CorpusFolder); the others' syncs wait while it is held by someone else, then find the passages' vectors
 * that replica computed in the shared passage vectors (PgCachedEmbedder) instead of embedding them at
 * the same time. A holder that dies lets its lease expire; the wait is bounded anyway (`maxWaitMs`).
 */
import { describeError } from '../src/core/errors.js';
import type { DocumentStore } from '../src/core/document-store.js';
import type { LeaseStore } from '../src/core/lease.js';
import { INGEST_LEASE } from './corpus-manager.js';
import type { IngestReport } from './pipeline.js';

export interface IndexSyncOptions {
  corpus: { sync(): Promise<IngestReport | null>; indexChange(): Promise<number | null> };
  documents: DocumentStore;
  /** SOGA_DOCUMENT_SYNC_POLL_MS. */
  pollMs: number;
  log: (message: string) => void;
  /** After each run that changed something, with the change number the index is now at. */
  onSynced?: (report: IngestReport) => void;
  /** Wait (polling every `pollMs`, at most `maxWaitMs`) while another replica holds the ingest lease. */
  ingestLease?: { store: LeaseStore; holder: string; pollMs: number; maxWaitMs: number };
}

export class IndexSync {
  private timer: ReturnType<typeof setInterval> | undefined;
  private unwatch: (() => Promise<void>) | undefined;
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private stopped = false;

  constructor(private readonly options: IndexSyncOptions) {}

  /** Syncs once (resolves when the index is up to date), then listens and polls. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.poke(null);
    this.unwatch = await this.options.documents.watch((change) => void this.poke(change));
    this.timer = setInterval(() => void this.poke(null), this.options.pollMs);
    this.timer.unref?.();
  }

  /**
   * Asks for a sync: `change` is the number a notification carried (a sync already at it is skipped
   * without a query), null to compare numbers with the store. Resolves when the sync it joined is done.
   */
  async poke(change: number | null): Promise<void> {
    if (this.stopped) return;
    if (change !== null && (await this.options.corpus.indexChange()) === change) return;
    if (this.queued) return this.chain;
    this.queued = true;
    this.chain = this.chain.then(async () => {
      this.queued = false;
      if (this.stopped) return;
      try {
        await this.otherReplicaIngested();
        const report = await this.options.corpus.sync();
        if (!report) return;
        const changed = report.added.length + report.updated.length + report.removed.length;
        if (changed) this.options.log(`index synced with the documents: ${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed`);
        for (const f of report.failed) this.options.log(`  [${f.code}] ${f.message}`);
        this.options.onSynced?.(report);
      } catch (error) {
        // The next poke (notification or poll) tries again; answers meanwhile come from the index as it is.
        this.options.log(`error: could not sync the index with the documents: ${describeError(error)}`);
      }
    });
    return this.chain;
  }

  /** Returns once no other replica holds the ingest lease (or after `maxWaitMs`). */
  private async otherReplicaIngested(): Promise<void> {
    const lease = this.options.ingestLease;
    if (!lease) return;
    const until = Date.now() + lease.maxWaitMs;
    for (;;) {
      const info = await lease.store.holder(INGEST_LEASE);
      if (!info || info.holder === lease.holder || this.stopped || Date.now() >= until) return;
      await new Promise((resolve) => setTimeout(resolve, lease.pollMs));
    }
  }

  /** Stops listening and polling, and waits for a sync under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.unwatch?.();
    this.unwatch = undefined;
    await this.chain;
  }
}
