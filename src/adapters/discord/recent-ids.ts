/**
 * Remembers the interaction and message ids already handled. After a gateway resume Discord replays
 * the events the bot missed, and a replay of one it had in fact received must not be answered twice.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 20_000) {}

  /** True the first time an id is seen; false for any repeat. */
  firstSeen(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // Sets iterate in insertion order, so the first entry is the oldest.
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
