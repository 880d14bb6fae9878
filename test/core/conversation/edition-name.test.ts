import { describe, expect, it } from 'vitest';
import { editionNamer } from '../../../src/core/conversation/edition-name.js';
import { decideFollowUp } from '../../../src/core/conversation/follow-up.js';
import type { ChatTurn } from '../../../src/core/types.js';
import { makeEvent } from '../../fakes/fake-event-store.js';

const EVENTS = [
  makeEvent({ name: 'Repair Days Europe', variants: ['Repair Days Europe', 'Repair Days Europe 2022'], key: 'repair days', start: '2022-05' }),
  makeEvent({ name: 'Journées de la Réparation', variants: ['Journées de la Réparation', 'Repair Days', 'Repair Days 2024'], key: 'repair days', start: '2024-10-02' }),
  makeEvent({ name: 'Forum Coop', variants: ['Forum Coop', 'Forum Coop 2023'], key: 'forum coop', start: '2023-03' }),
];

describe('an edition of a series under the name the articles give it', () => {
  const name = editionNamer(EVENTS);
  it('drops a qualifier that only the other edition carried', () => {
    expect(name('Repair Days Europe', '2024')).toBe('Repair Days');
  });
  it('keeps the name when the articles write it for that edition, or know no such edition', () => {
    expect(name('Repair Days Europe', '2022')).toBeUndefined();
    expect(name('Repair Days Europe', '2026')).toBeUndefined();
    expect(name('Forum Coop', '2023')).toBeUndefined();
  });
});

describe('"and for the 2024 edition?" searches that edition by its own name', () => {
  const after = (q: string): ChatTurn[] => [
    { role: 'user', text: q },
    { role: 'assistant', text: 'Une réponse.' },
  ];
  it.each([
    ['fr', 'Qui a parrainé les Repair Days Europe 2022 ?', 'Et pour l’édition 2024 ?', 'Qui a parrainé les Repair Days 2024 ?'],
    ['en', 'Who sponsored Repair Days Europe 2022?', 'And the same for 2024?', 'Who sponsored Repair Days 2024?'],
    ['de', 'Wer hat die Repair Days Europe 2022 gesponsert?', 'Und für 2024?', 'Wer hat die Repair Days 2024 gesponsert?'],
  ])('%s: "%s" then "%s"', (lang, first, turn, query) => {
    // German capitalises every noun: a capitalised word is a name when the articles use it.
    const nameShare = (n: string) => (/^(?:repair|days|europe)$/i.test(n) ? 0.05 : 0);
    expect(decideFollowUp(turn, after(first), lang, { editionName: editionNamer(EVENTS), nameShare }).query).toBe(query);
  });
});
