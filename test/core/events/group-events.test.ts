import { describe, expect, it } from 'vitest';
import { eventStatus, groupEvents } from '../../../src/core/events/group-events.js';
import { makeEvent } from '../../fakes/fake-event-store.js';

describe('past, under way or upcoming relative to today', () => {
  it('judges a range by its last and first days, whatever its precision', () => {
    expect(eventStatus({ start: '2025-11-25', end: '2025-11-27' }, '2026-12-06')).toBe('past');
    expect(eventStatus({ start: '2025-11-25', end: '2025-11-27' }, '2025-11-26')).toBe('ongoing');
    expect(eventStatus({ start: '2025-11-25', end: '2025-11-27' }, '2025-11-24')).toBe('upcoming');
    expect(eventStatus({ start: '2023-03', end: '2023-05' }, '2023-05-31')).toBe('ongoing');
    expect(eventStatus({ start: '2023-03', end: '2023-05' }, '2023-06-01')).toBe('past');
    expect(eventStatus({ start: '2027', end: null }, '2026-12-06')).toBe('upcoming');
  });
});

describe('one entry per event however many articles tell it', () => {
  it('groups records with the same key and dates, keeps each article as a mention, sorted by date', () => {
    const grouped = groupEvents(
      [
        makeEvent({ name: 'NEC ESS Europe', key: 'nec ess', start: '2023-11', docId: 'a', role: 'organiser', places: ['Lille'] }),
        makeEvent({ name: 'Social Good Week', key: 'social good week', start: '2022-01-25', docId: 'c' }),
        makeEvent({ name: 'NEC ESS Europe 2023', key: 'nec ess', start: '2023-11', docId: 'b', places: ['Bruxelles'] }),
        makeEvent({ name: 'NEC ESS 2025', key: 'nec ess', start: '2025-11-25', end: '2025-11-27', docId: 'd' }),
      ],
      '2026-12-06',
    );
    expect(grouped.map((g) => [g.key, g.start, g.mentions.map((m) => m.docId)])).toEqual([
      ['social good week', '2022-01-25', ['c']],
      ['nec ess', '2023-11', ['a', 'b']],
      ['nec ess', '2025-11-25', ['d']],
    ]);
    expect(grouped[1]).toMatchObject({ variants: ['NEC ESS Europe', 'NEC ESS Europe 2023'], places: ['Lille', 'Bruxelles'], role: 'organiser', status: 'past' });
  });

  it('calls an event announced only when every article speaks of it in the future', () => {
    const spring = makeEvent({ name: 'Social Good Week Europe', start: '2023-03', end: '2023-05', announced: true, docId: 'a' });
    expect(groupEvents([spring], '2026-12-06')[0].announcedOnly).toBe(true);
    expect(groupEvents([spring, { ...spring, docId: 'b', announced: false }], '2026-12-06')[0].announcedOnly).toBe(false);
  });
});
