/**
 * `soga events [--json] [--from DATE] [--to DATE]`: the events index, one line per event however many
 * articles tell it, sorted by date and marked past / under way / upcoming relative to today (the
 * runtime's clock: SOGA_TODAY when set).
 */
import { Command, InvalidArgumentError } from 'commander';
import { groupEvents, type GroupedEvent } from '../../core/events/group-events.js';
import type { Clock, EventStore } from '../../core/ports.js';
import { firstDay, lastDay } from '../../core/text/date-expressions.js';
import { formatEventsScore, readGoldEvents, scoreEvents } from '../../eval/events-eval.js';

export interface EventsCommandDeps {
  events: EventStore;
  clock: Clock;
  /** Builds the index first when there is none. */
  ensureIndexed: () => Promise<void>;
  stdout: NodeJS.WritableStream;
}

const PERIOD = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A --from / --to value: a year, a month or a day. */
export function period(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  const day = new Date(`${y}-${m}-${d}T12:00:00Z`);
  if (!PERIOD.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) {
    throw new InvalidArgumentError('a year, month or day: YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021, 2021-10, 2021-10-12)');
  }
  return value;
}

export function registerEventsCommand(program: Command, deps: () => Promise<EventsCommandDeps>): void {
  program
    .command('events')
    .description('list the events the articles report or announce, past and upcoming')
    .option('--json', 'print exactly one JSON object')
    .option('--from <date>', 'events that end on or after this year, month or day (YYYY[-MM[-DD]])', period)
    .option('--to <date>', 'events that start on or before this year, month or day (YYYY[-MM[-DD]])', period)
    .action(async (opts: { json?: boolean; from?: string; to?: string }) => {
      const { events, clock, ensureIndexed, stdout } = await deps();
      if (opts.from && opts.to && firstDay({ start: opts.from }) > lastDay({ start: opts.to, end: null })) {
        throw new InvalidArgumentError(`--from ${opts.from} is after --to ${opts.to}`);
      }
      await ensureIndexed();
      const today = clock.now().toISOString().slice(0, 10);
      const grouped = groupEvents(await events.listEvents({ from: opts.from, to: opts.to }), today);
      stdout.write(`${opts.json ? JSON.stringify({ today, from: opts.from ?? null, to: opts.to ?? null, events: grouped }) : formatEvents(grouped, today, opts)}\n`);
    });
}

/** `soga eval-events FILE`: the index's precision and recall against a hand-checked list of events. */
export function registerEvalEventsCommand(program: Command, deps: () => Promise<EventsCommandDeps>): void {
  program
    .command('eval-events')
    .description('measure the events index against a hand-checked list of events (eval/events-gold.json)')
    .argument('<file>', 'a JSON array of {"name","aliases","start","end","places","soga_role"} (eval/README.md)')
    .option('--json', 'print the full report as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const gold = await readGoldEvents(file);
      const { events, clock, ensureIndexed, stdout } = await deps();
      await ensureIndexed();
      const score = scoreEvents(groupEvents(await events.listEvents(), clock.now().toISOString().slice(0, 10)), gold);
      stdout.write(`${opts.json ? JSON.stringify(score) : formatEventsScore(score)}\n`);
    });
}

const STATUS = { past: 'past    ', ongoing: 'now     ', upcoming: 'upcoming' } as const;

export function formatEvents(events: GroupedEvent[], today: string, range: { from?: string; to?: string } = {}): string {
  const scope = range.from || range.to ? ` from ${range.from ?? 'the start'} to ${range.to ?? 'now on'}` : '';
  if (!events.length) return `No event in the articles${scope} (today is ${today}).`;
  const lines = [`${events.length} event${events.length > 1 ? 's' : ''} in the articles${scope} (today is ${today}):`, ''];
  for (const e of events) {
    const when = e.end ? `${e.start} – ${e.end}` : e.start;
    const other = e.variants.filter((v) => v !== e.name);
    const details = [e.places.length ? e.places.join(', ') : null, e.role ? `SOGA: ${e.role}` : null, e.announcedOnly ? `announced${e.status === 'past' ? ', not reported since' : ''}` : null].filter(
      Boolean,
    );
    lines.push(`${STATUS[e.status]}  ${when.padEnd(23)}  ${e.name}${other.length ? ` (${other.join(', ')})` : ''}${details.length ? ` — ${details.join('; ')}` : ''}`);
    for (const m of e.mentions) {
      const sentence = m.sentence.length > 160 ? `${m.sentence.slice(0, 157)}…` : m.sentence;
      lines.push(`${' '.repeat(35)}« ${sentence} » — ${m.docTitle}${m.docDate ? ` (${m.docDate})` : ''}`);
    }
  }
  const upcoming = events.filter((e) => e.status !== 'past');
  if (!upcoming.length && !range.to) {
    const latest = events[events.length - 1];
    lines.push('', `No upcoming event is announced; the latest is ${latest.name} (${latest.end ?? latest.start}).`);
  }
  return lines.join('\n');
}
