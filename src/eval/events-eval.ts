/**
 * The events index against a hand-checked list of the corpus's events (eval/events-gold.json): an
 * indexed event is right when one of its names has the key of one of the gold event's names and it
 * starts on the gold start date, at the same precision. Each gold event is matched once. The gold
 * format has no seasons: an indexed season ("au printemps 2023": 2023-03…2023-05) is compared by its year.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SogaError } from '../core/errors.js';
import { keyOf } from '../core/events/event-key.js';
import type { GroupedEvent } from '../core/events/group-events.js';

const datePattern = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export const goldEventSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  start: z.string().regex(datePattern).nullable(),
  end: z.string().regex(datePattern).nullable().default(null),
  places: z.array(z.string()).default([]),
  soga_role: z.string().nullable().default(null),
  evidence: z.string().optional(),
  article_date: z.string().nullable().optional(),
  note: z.string().optional(),
});
export type GoldEvent = z.infer<typeof goldEventSchema>;

export async function readGoldEvents(file: string): Promise<GoldEvent[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new SogaError('EVAL_FILE_INVALID', `cannot read ${file} as JSON`, { cause });
  }
  const parsed = z.array(goldEventSchema).safeParse(json);
  if (!parsed.success) {
    throw new SogaError('EVAL_FILE_INVALID', `${file}: ${parsed.error.issues.slice(0, 5).map((i) => `[${i.path.join('.')}] ${i.message}`).join(', ')}`, {
      hint: 'expected a JSON array of {"name","aliases","start","end","places","soga_role",…} (eval/README.md)',
    });
  }
  return parsed.data;
}

export interface EventsScore {
  indexed: number;
  gold: number;
  /** Gold events with a date: the index records only dated events. */
  goldDated: number;
  matched: { gold: string; indexed: string; start: string; roleAgrees: boolean | null; endAgrees: boolean }[];
  /** Indexed events no gold event matches; `goldStarts` lists the gold dates of the same name, if any (a wrong date). */
  unmatched: { name: string; start: string; goldStarts: string[] }[];
  missed: { name: string; start: string | null }[];
  precision: number;
  /** Over the dated gold events. */
  recall: number;
  /** Over every gold event, undated ones included. */
  recallAll: number;
}

export function scoreEvents(indexed: GroupedEvent[], gold: GoldEvent[]): EventsScore {
  const keysOf = (names: string[]) => new Set(names.map(keyOf).filter(Boolean));
  const goldKeys = gold.map((g) => keysOf([g.name, ...g.aliases]));
  const used = new Set<number>();
  const matched: EventsScore['matched'] = [];
  const unmatched: EventsScore['unmatched'] = [];
  for (const e of indexed) {
    const keys = new Set([e.key, ...keysOf([e.name, ...e.variants])]);
    const sameName = gold.map((g, i) => ({ g, i })).filter(({ i }) => [...keys].some((k) => goldKeys[i].has(k)));
    const start = e.precision === 'season' ? e.start.slice(0, 4) : e.start;
    const hit = sameName.find(({ g, i }) => !used.has(i) && g.start === start);
    if (!hit) {
      unmatched.push({ name: e.name, start: e.start, goldStarts: sameName.map(({ g }) => g.start ?? 'undated') });
      continue;
    }
    used.add(hit.i);
    matched.push({
      gold: hit.g.name,
      indexed: e.name,
      start: e.start,
      roleAgrees: hit.g.soga_role && e.role ? hit.g.soga_role === e.role : null,
      endAgrees: e.precision === 'season' ? hit.g.end === null || hit.g.end === e.end : (hit.g.end ?? null) === (e.end ?? null),
    });
  }
  const goldDated = gold.filter((g) => g.start !== null).length;
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    indexed: indexed.length,
    gold: gold.length,
    goldDated,
    matched,
    unmatched,
    missed: gold.filter((_, i) => !used.has(i)).map((g) => ({ name: g.name, start: g.start })),
    precision: ratio(matched.length, indexed.length),
    recall: ratio(matched.length, goldDated),
    recallAll: ratio(matched.length, gold.length),
  };
}

export function formatEventsScore(s: EventsScore): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const roles = s.matched.filter((m) => m.roleAgrees !== null);
  return [
    `events index: ${s.indexed} events; gold: ${s.gold} (${s.goldDated} dated)`,
    `precision ${pct(s.precision)} (${s.matched.length}/${s.indexed})  recall ${pct(s.recall)} (${s.matched.length}/${s.goldDated} dated; ${pct(s.recallAll)} of all ${s.gold})`,
    `among the matched: end date agrees ${s.matched.filter((m) => m.endAgrees).length}/${s.matched.length}; SOGA's role agrees ${roles.filter((m) => m.roleAgrees).length}/${roles.length} where both give one`,
    '',
    'matched:',
    ...s.matched.map((m) => `  ${m.start.padEnd(10)}  ${m.indexed}  =  ${m.gold}${m.roleAgrees === false ? '  (role differs)' : ''}${m.endAgrees ? '' : '  (end differs)'}`),
    'indexed, not in the gold list:',
    ...s.unmatched.map((u) => `  ${u.start.padEnd(10)}  ${u.name}${u.goldStarts.length ? `  (gold dates this name ${u.goldStarts.join(', ')})` : ''}`),
    'gold, not indexed:',
    ...s.missed.map((m) => `  ${(m.start ?? 'undated').padEnd(10)}  ${m.name}`),
  ].join('\n');
}
