/**
 * Detects a gateway connection that is stuck: no heartbeat acknowledged and no event received for
 * longer than the allowed age, including a reconnect that never completes. discord.js retries forever
 * in that state, answering nobody; exiting lets the supervisor (systemd, Docker) start a fresh process.
 */
export interface WatchdogOptions {
  maxAgeMs: number;
  /** Epoch ms of the latest sign that the connection is alive (heartbeat ACK, dispatch, ready, resume). */
  lastSignOfLife: () => number;
  onStuck: (ageMs: number) => void;
  now?: () => number;
}

export function startGatewayWatchdog(options: WatchdogOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  // Checking a few times per allowed age bounds how late the detection can be.
  const every = Math.max(100, Math.min(10_000, Math.floor(options.maxAgeMs / 4)));
  let fired = false;
  const timer = setInterval(() => {
    const age = now() - options.lastSignOfLife();
    if (!fired && age > options.maxAgeMs) {
      fired = true;
      clearInterval(timer);
      options.onStuck(age);
    }
  }, every);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
