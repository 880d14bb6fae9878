import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupEvents } from '../../src/core/events/group-events.js';
import { readGoldEvents, scoreEvents, type GoldEvent } from '../../src/eval/events-eval.js';
import { makeEvent } from '../fakes/fake-event-store.js';

const gold = (name: string, start: string | null, aliases: string[] = [], more: Partial<GoldEvent> = {}): GoldEvent => ({
  name, aliases, start, end: null, places: [], soga_role: null, ...more,
});

describe('precision and recall of the events index against a gold list', () => {
  const GOLD = [
    gold('Forum National des Associations et Fondations (FNAF) 2021', '2021-10-13', ['FNAF'], { soga_role: 'speaker' }),
    gold('Social Economy Awards 2021', '2021-10-12'),
    gold('Deuxième événement de la Social Good Week (annoncé)', '2023', ['Social Good Week Europe']),
    gold('Podcast', null),
  ];

  it('matches by a name key and the start date, each gold event once, and tells a wrong date apart', () => {
    const indexed = groupEvents(
      [
        makeEvent({ name: 'Forum National des Associations et Fondations', variants: ['Forum National des Associations et Fondations', 'FNAF'], key: 'fnaf', start: '2021-10-13', role: 'invited' }),
        makeEvent({ name: 'Social Economy Awards', start: '2021-10-14' }),
        makeEvent({ name: 'Social Good Week Europe', start: '2023-03', end: '2023-05', precision: 'season' }),
        makeEvent({ name: 'Forum National des Associations et Fondations', key: 'fnaf', start: '2021-10-13', docId: 'other', end: '2021-10-14' }),
      ],
      '2026-12-06',
    );
    const score = scoreEvents(indexed, GOLD);
    expect(score.matched.map((m) => [m.indexed, m.start, m.roleAgrees])).toEqual([
      ['Forum National des Associations et Fondations', '2021-10-13', false],
      ['Social Good Week Europe', '2023-03', null],
    ]);
    expect(score.unmatched).toEqual([
      { name: 'Forum National des Associations et Fondations', start: '2021-10-13', goldStarts: ['2021-10-13'] },
      { name: 'Social Economy Awards', start: '2021-10-14', goldStarts: ['2021-10-12'] },
    ]);
    expect(score).toMatchObject({ indexed: 4, gold: 4, goldDated: 3, precision: 0.5, recall: 2 / 3, recallAll: 0.5 });
    expect(score.missed.map((m) => m.name)).toEqual(['Social Economy Awards 2021', 'Podcast']);
  });

  it('scores an empty index as zero, not as a division by zero', () => {
    expect(scoreEvents([], GOLD)).toMatchObject({ precision: 0, recall: 0 });
  });
});

describe('reading the gold list', () => {
  it('reads eval/events-gold.json as shipped', async () => {
    const list = await readGoldEvents(path.resolve(__dirname, '../../eval/events-gold.json'));
    expect(list.length).toBeGreaterThan(0);
  });

  it('names the file and the entry that is wrong', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soga-gold-'));
    try {
      const file = path.join(dir, 'gold.json');
      writeFileSync(file, JSON.stringify([{ name: 'X', start: '12/10/2021' }]));
      await expect(readGoldEvents(file)).rejects.toMatchObject({ code: 'EVAL_FILE_INVALID', message: expect.stringMatching(/gold\.json: \[0\.start\]/) });
      writeFileSync(file, '{ nope');
      await expect(readGoldEvents(file)).rejects.toMatchObject({ code: 'EVAL_FILE_INVALID' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
