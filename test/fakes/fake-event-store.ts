import type { EventQuery, EventRecord } from '../../src/core/events/types.js';
import type { EventStore } from '../../src/core/ports.js';
import { firstDay, lastDay } from '../../src/core/text/date-expressions.js';

/** An event as ingestion would record it; tests give what matters to them. */
export function makeEvent(overrides: Partial<EventRecord> & Pick<EventRecord, 'name' | 'start'>): EventRecord {
  return {
    id: `${overrides.docId ?? 'doc'}#e0`,
    variants: [overrides.name],
    key: overrides.name.toLowerCase(),
    end: null,
    precision: overrides.start.length === 10 ? 'day' : overrides.start.length === 7 ? 'month' : 'year',
    dateText: overrides.start,
    yearInferred: false,
    places: [],
    role: null,
    announced: false,
    sentence: `${overrides.name} a eu lieu.`,
    chunkId: `${overrides.docId ?? 'doc'}#0`,
    docId: 'doc',
    docTitle: 'Un article',
    docDate: null,
    lang: 'fr',
    source: 'corpus/x.txt',
    ...overrides,
  };
}

/** The events index in memory, filtering a period as the events file does. */
export class FakeEventStore implements EventStore {
  constructor(private readonly events: EventRecord[]) {}

  async listEvents(query: EventQuery = {}): Promise<EventRecord[]> {
    const from = query.from ? firstDay({ start: query.from }) : null;
    const to = query.to ? lastDay({ start: query.to, end: null }) : null;
    return this.events
      .filter((e) => (!query.docIds || query.docIds.includes(e.docId)) && (!from || lastDay(e) >= from) && (!to || firstDay(e) <= to))
      .sort((a, b) => firstDay(a).localeCompare(firstDay(b)));
  }
}
