/**
 * Keeps this replica's index (a cache) at the document store's latest change: once at start, on every
 * notification of a change (another replica's upload or removal), on every (re)connection of the
 * listener (notifications sent meanwhile are lost, so numbers are compared), and by a poll as a safety
 * net. Syncs never overlap and a burst of notifications costs one run: while one run is queued, further
 * pokes join it. Each run goes through `CorpusFolder.sync`, which does nothing when the index is already
 * at the store's change and otherwise ingests (content hashes: only what changed is parsed and embedded).
 *
 * Every replica embeds the documents that changed on its own, rather than one lease holder embedding
 * for all: the vectors live in each replica's own LanceDB, so sharing them would mean a second copy of
 * every chunk and vector in PostgreSQL, while an upload is one document (≤ SOGA_MAX_FILE_BYTES),
 * embedded in seconds (docs/deploy.md has the figures).
 */
import { describeError } from '../src/core/errors.js';
import type { DocumentStore } from '../src/core/document-store.js';
import type { IngestReport } from './pipeline.js';

export interface IndexSyncOptions {
  corpus: { sync(): Promise<IngestReport | null>; indexChange(): Promise<number | null> };
  documents: DocumentStore;
  /** SOGA_DOCUMENT_SYNC_POLL_MS. */
  pollMs: number;
  log: (message: string) => void;
  /** After each run that changed something, with the change number the index is now at. */
  onSynced?: (report: IngestReport) => void;
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
