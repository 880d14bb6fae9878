import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerEventsCommand } from '../../../src/adapters/cli/events-command.js';
import { FakeEventStore, makeEvent } from '../../fakes/fake-event-store.js';

const EVENTS = [
  makeEvent({ name: 'Social Economy Awards', start: '2021-10-12', places: ['Ljubljana'], docTitle: 'Ljubljana', docDate: '2021-10-12' }),
  makeEvent({ name: 'NEC ESS 2025', key: 'nec ess', start: '2025-11-25', end: '2025-11-27', role: 'organiser', places: ['Bruxelles', 'Paris'] }),
  makeEvent({ name: 'Social Good Week Europe', start: '2023-03', end: '2023-05', announced: true, places: ['Lisbonne'] }),
];

async function run(args: string[], today = '2026-12-06') {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (d) => (printed += d));
  let indexed = 0;
  const program = new Command('soga').exitOverride().configureOutput({ writeErr: (s) => (printed += s), writeOut: (s) => (printed += s) });
  registerEventsCommand(program, async () => ({
    events: new FakeEventStore(EVENTS),
    clock: { now: () => new Date(`${today}T12:00:00Z`) },
    ensureIndexed: async () => void indexed++,
    stdout,
  }));
  let error: unknown = null;
  await program.parseAsync(['node', 'soga', 'events', ...args]).catch((e) => (error = e));
  return { printed, error, indexed };
}

describe('soga events', () => {
  it('lists every event by date, each past or upcoming relative to today, with places and SOGA’s role', async () => {
    const { printed } = await run([], '2025-06-01');
    const lines = printed.split('\n').filter((l) => /^(past|now|upcoming)/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^past\s+2021-10-12\s+Social Economy Awards — Ljubljana$/);
    expect(lines[1]).toMatch(/^past\s+2023-03 – 2023-05\s+Social Good Week Europe — Lisbonne; announced, not reported since$/);
    expect(lines[2]).toMatch(/^upcoming\s+2025-11-25 – 2025-11-27\s+NEC ESS 2025 — Bruxelles, Paris; SOGA: organiser$/);
    expect(printed).toContain('« Social Economy Awards a eu lieu. » — Ljubljana (2021-10-12)');
    expect(printed).not.toContain('No upcoming event');
  });

  it('says when none is upcoming and names the latest', async () => {
    const { printed } = await run([]);
    expect(printed).toContain('No upcoming event is announced; the latest is NEC ESS 2025 (2025-11-27).');
  });

  it('prints one JSON object with today, the period and the grouped events', async () => {
    const { printed, indexed } = await run(['--json', '--from', '2022', '--to', '2023-12']);
    const json = JSON.parse(printed);
    expect(json).toMatchObject({ today: '2026-12-06', from: '2022', to: '2023-12' });
    expect(json.events.map((e: { name: string; status: string }) => [e.name, e.status])).toEqual([['Social Good Week Europe', 'past']]);
    expect(json.events[0].mentions[0]).toMatchObject({ docId: 'doc', chunkId: 'doc#0', announced: true });
    expect(indexed).toBe(1);
  });

  it('says plainly when the period holds no event', async () => {
    const { printed } = await run(['--from', '2019', '--to', '2020']);
    expect(printed.trim()).toBe('No event in the articles from 2019 to 2020 (today is 2026-12-06).');
  });

  it('refuses a date it cannot read, or a period that ends before it starts, saying what it expects', async () => {
    const bad = await run(['--from', '12/10/2021']);
    expect(bad.error).not.toBeNull();
    expect(bad.printed).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
    expect((await run(['--to', '2021-02-30'])).printed).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
    const backwards = await run(['--from', '2023', '--to', '2021']);
    expect(String(backwards.error)).toMatch(/--from 2023 is after --to 2021/);
    expect(backwards.indexed).toBe(0);
    expect((await run(['--from', '2023-11', '--to', '2023'])).error).toBeNull();
  });
});
