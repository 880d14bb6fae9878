/**
 * Streams a generating answer into one message without exceeding Discord's edit rate: at most one
 * edit per interval, one edit in flight at a time, and only the latest text is ever sent (tokens that
 * arrive while an edit is in flight are coalesced into the next one).
 */
export class ThrottledEditor {
  private latest: string | null = null;
  private sentText: string | null = null;
  private inFlight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastEditAt = 0;
  private closed = false;
  private failure: unknown = null;

  constructor(
    private readonly edit: (text: string) => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Offers the text to show now; it is sent when the interval allows. */
  push(text: string): void {
    if (this.closed) return;
    this.latest = text;
    this.schedule();
  }

  /** Stops streaming and waits for any edit in flight, so the final answer is never overwritten by a late preview. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** The first error a preview edit met, if any; previews are best-effort, the final edit reports its own errors. */
  get error(): unknown {
    return this.failure;
  }

  private schedule(): void {
    if (this.timer || this.inFlight) return;
    const wait = Math.max(0, this.lastEditAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.closed || this.latest === null || this.latest === this.sentText) return;
    const text = this.latest;
    this.lastEditAt = this.now();
    this.inFlight = this.edit(text)
      .then(() => {
        this.sentText = text;
      })
      .catch((error: unknown) => {
        // Keep the first failure for the caller to log; stop previewing rather than hammering a failing route.
        this.failure ??= error;
        this.closed = true;
      })
      .finally(() => {
        this.inFlight = null;
        if (!this.closed && this.latest !== this.sentText) this.schedule();
      });
  }
}
