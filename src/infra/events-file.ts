/**
 * The events index as one JSON file beside the LanceDB tables (data/lancedb/events.json). Events are
 * few (a handful per article) and read whole by "next event" and "in 2021" questions, so a file read
 * once and kept while it is unchanged serves them faster than a table scan; it is written whole and
 * atomically, so a reader sees the events before an ingest or after it, never half of them.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SogaError } from '../core/errors.js';
import type { EventQuery, EventRecord } from '../core/events/types.js';
import type { EventIndex } from '../core/ports.js';
import { firstDay, lastDay } from '../core/text/date-expressions.js';
import { writeFileAtomically } from './atomic-file.js';

const FORMAT = 1;

interface EventsFileData {
  format: number;
  /** Per document: what its events were extracted from, and the events. */
  docs: Record<string, { stamp: string; events: EventRecord[] }>;
}

export interface EventsFileOptions {
  file: string;
  /** Said when an unreadable file is rebuilt by ingestion. */
  warn?: (message: string) => void;
}

export class EventsFile implements EventIndex {
  private cached: { mtimeMs: number; size: number; data: EventsFileData } | null = null;

  constructor(private readonly options: EventsFileOptions) {}

  async listEvents(query: EventQuery = {}): Promise<EventRecord[]> {
    const data = await this.read();
    const docIds = query.docIds ? new Set(query.docIds) : null;
    const from = query.from ? firstDay({ start: query.from }) : null;
    const to = query.to ? lastDay({ start: query.to, end: null }) : null;
    return Object.entries(data.docs)
      .filter(([docId]) => !docIds || docIds.has(docId))
      .flatMap(([, doc]) => doc.events)
      .filter((e) => (!from || lastDay(e) >= from) && (!to || firstDay(e) <= to))
      .sort((a, b) => firstDay(a).localeCompare(firstDay(b)) || a.id.localeCompare(b.id));
  }

  async stamps(): Promise<Map<string, string>> {
    const data = await this.readForWrite();
    return new Map(Object.entries(data.docs).map(([docId, doc]) => [docId, doc.stamp]));
  }

  async sync(change: { replace: { docId: string; stamp: string; events: EventRecord[] }[]; remove: string[] }): Promise<void> {
    if (!change.replace.length && !change.remove.length) return;
    const data = await this.readForWrite();
    for (const docId of change.remove) delete data.docs[docId];
    for (const doc of change.replace) data.docs[doc.docId] = { stamp: doc.stamp, events: doc.events };
    await mkdir(path.dirname(this.options.file), { recursive: true });
    await writeFileAtomically(this.options.file, JSON.stringify(data));
    this.cached = null;
  }

  /** The file's content (none yet is an empty index), or why it cannot be used. */
  private async load(): Promise<{ data: EventsFileData } | { unusable: string }> {
    let info;
    try {
      info = await stat(this.options.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: { format: FORMAT, docs: {} } };
      throw new SogaError('STORE_UNAVAILABLE', `cannot read the events index ${this.options.file}`, { cause: error, hint: 'check the folder is readable (SOGA_DATA_DIR)' });
    }
    if (this.cached && this.cached.mtimeMs === info.mtimeMs && this.cached.size === info.size) return { data: this.cached.data };
    let data: EventsFileData;
    try {
      data = JSON.parse(await readFile(this.options.file, 'utf8')) as EventsFileData;
    } catch {
      return { unusable: `the events index ${this.options.file} is not valid JSON` };
    }
    if (data?.format !== FORMAT || typeof data.docs !== 'object' || data.docs === null) {
      return { unusable: `the events index ${this.options.file} is in an unknown format` };
    }
    this.cached = { mtimeMs: info.mtimeMs, size: info.size, data };
    return { data };
  }

  private async read(): Promise<EventsFileData> {
    const loaded = await this.load();
    if ('unusable' in loaded) throw new SogaError('STORE_UNAVAILABLE', loaded.unusable, { hint: 'run `soga ingest` to rebuild it' });
    return loaded.data;
  }

  /** For ingestion: an unusable file is started afresh, since every document's events are then extracted again. */
  private async readForWrite(): Promise<EventsFileData> {
    const loaded = await this.load();
    if ('data' in loaded) return structuredClone(loaded.data);
    this.options.warn?.(`${loaded.unusable}: rebuilding it from the articles`);
    return { format: FORMAT, docs: {} };
  }
}
