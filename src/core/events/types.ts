/**
 * Events the articles report or announce, as ingestion extracts them (ingest/events.ts). One record is
 * one event as one article states it: the same event told by two articles is two records that share
 * a `key` and a start date, so each keeps its own source sentence and article date.
 */
import type { DatePrecision } from '../text/date-expressions.js';
import type { LanguageCode } from '../types.js';

/** What the article says SOGA did at the event; null when it does not say. */
export type SogaRole = 'organiser' | 'co-organiser' | 'speaker' | 'invited' | 'partner' | 'participant';

export interface EventRecord {
  /** `${docId}#e${n}`, stable while the article is unchanged. */
  id: string;
  /** The name as the article first writes it ("Numérique en Commun[s] ESS Europe"). */
  name: string;
  /** Every name the article uses for it (acronyms, with and without the year), `name` first. */
  variants: string[];
  /** Groups the variants across articles: folded, without years, articles or words like "Europe" ("nec ess"). */
  key: string;
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', as precise as the article is. */
  start: string;
  /** Last day / month / year of a range, same precision as `start`; null for a single value. */
  end: string | null;
  precision: DatePrecision;
  /** The date as written ("les 5 et 6 mai"). */
  dateText: string;
  /** The article wrote no year: it was taken from the article's own date. */
  yearInferred: boolean;
  /** Cities and venues as written ("Strasbourg", "Palais des Congrès de Paris"). */
  places: string[];
  role: SogaRole | null;
  /**
   * Which edition of a series the article says it is ("le deuxième sommet européen", "the first ever
   * European Social Economy Summit": 2, 1); absent when it does not say.
   */
  edition?: number | null;
  /** The article speaks of it in the future ("aura lieu", "se tiendra", "will take place"): it was written before the event. */
  announced: boolean;
  /** The sentence that dates the event, verbatim. */
  sentence: string;
  /** The passage holding `sentence`, when one does. */
  chunkId: string | null;
  docId: string;
  docTitle: string;
  /** The article's own date (DocumentRecord.date): an announcement is read against it. */
  docDate: string | null;
  lang: LanguageCode;
  source: string;
}

export interface EventQuery {
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': events that end on or after it. */
  from?: string;
  /** Same forms: events that start on or before it. */
  to?: string;
  docIds?: string[];
}
