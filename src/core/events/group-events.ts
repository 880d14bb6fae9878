/**
 * Events as a member sees them: one entry per event however many articles tell it (same key, same
 * start), said to be past, under way or upcoming relative to today, and whether the articles only
 * announced it (written before it took place).
 */
import { firstDay, lastDay } from '../text/date-expressions.js';
import type { EventRecord, SogaRole } from './types.js';

export type EventStatus = 'past' | 'ongoing' | 'upcoming';

export interface EventMention {
  docId: string;
  docTitle: string;
  docDate: string | null;
  source: string;
  sentence: string;
  /** Language of the article that tells it (of `sentence`). */
  lang: string;
  chunkId: string | null;
  dateText: string;
  yearInferred: boolean;
  announced: boolean;
  /** The places this article gives the event (a "where" answer cites the article that gives them). */
  places: string[];
}

export interface GroupedEvent {
  key: string;
  name: string;
  variants: string[];
  start: string;
  end: string | null;
  precision: EventRecord['precision'];
  places: string[];
  role: SogaRole | null;
  /** The edition an article gives it ("the second summit": 2), if one does. */
  edition: number | null;
  status: EventStatus;
  /** Every article that tells it speaks of it in the future: the articles announce it, none reports it. */
  announcedOnly: boolean;
  mentions: EventMention[];
}

/** 'past' once its last day is before today, 'upcoming' while its first day is after today. */
export function eventStatus(event: Pick<EventRecord, 'start' | 'end'>, today: string): EventStatus {
  if (lastDay(event) < today) return 'past';
  if (firstDay(event) > today) return 'upcoming';
  return 'ongoing';
}

/** Groups records by key and dates, sorted by start; `today` is 'YYYY-MM-DD'. */
export function groupEvents(records: EventRecord[], today: string): GroupedEvent[] {
  const groups = new Map<string, GroupedEvent>();
  for (const r of records) {
    const id = `${r.key}|${r.start}|${r.end ?? ''}`;
    let g = groups.get(id);
    if (!g) {
      g = {
        key: r.key,
        name: r.name,
        variants: [],
        start: r.start,
        end: r.end,
        precision: r.precision,
        places: [],
        role: null,
        edition: null,
        status: eventStatus(r, today),
        announcedOnly: true,
        mentions: [],
      };
      groups.set(id, g);
    }
    g.variants = [...new Set([...g.variants, ...r.variants])];
    g.places = [...new Set([...g.places, ...r.places])];
    g.role ??= r.role;
    g.edition ??= r.edition ?? null;
    if (!r.announced) g.announcedOnly = false;
    g.mentions.push({
      docId: r.docId,
      docTitle: r.docTitle,
      docDate: r.docDate,
      source: r.source,
      sentence: r.sentence,
      lang: r.lang,
      chunkId: r.chunkId,
      dateText: r.dateText,
      yearInferred: r.yearInferred,
      announced: r.announced,
      places: r.places,
    });
  }
  return [...groups.values()].sort((a, b) => firstDay(a).localeCompare(firstDay(b)) || a.name.localeCompare(b.name));
}
