import { describe, expect, it } from 'vitest';
import { asksForList, isListWindow } from '../../../src/core/answer/list-ask.js';
import { scoreWindows, selectSentences } from '../../../src/core/answer/extractive.js';
import { weightedTopicTerms, type TermStats } from '../../../src/core/answer/matching.js';
import type { FusedHit } from '../../../src/core/types.js';

describe('asksForList() tells a question for several things from one for a single thing', () => {
  it('reads plural interrogatives and "which / what" before a plural noun', () => {
    expect(asksForList('Quels ateliers propose la coopérative de Lyon ?', 'fr')).toBe(true);
    expect(asksForList('Which cities host the repair fair?', 'en')).toBe(true);
    expect(asksForList('What topics did the Lyon forum cover?', 'en')).toBe(true);
    expect(asksForList('Welche Partner hat die Genossenschaft?', 'de')).toBe(true);
    expect(asksForList("Over welke thema's ging het forum?", 'nl')).toBe(true);
    expect(asksForList('¿Qué proyectos presentó la cooperativa?', 'es')).toBe(true);
    expect(asksForList('Quali progetti ha presentato la cooperativa?', 'it')).toBe(true);
  });

  it('does not take a possessive, "does" or a singular noun for a plural', () => {
    expect(asksForList("What is the cooperative's address?", 'en')).toBe(false);
    expect(asksForList('What does the cooperative do?', 'en')).toBe(false);
    expect(asksForList('Which city hosts the repair fair?', 'en')).toBe(false);
    expect(asksForList('What happens at the repair fair?', 'en')).toBe(false);
    expect(asksForList('Quel est le thème du forum ?', 'fr')).toBe(false);
    // German "welche" and Dutch "welke" go with a singular noun too.
    expect(asksForList('In welke stad staat de repair café?', 'nl')).toBe(false);
    expect(asksForList('In welcher Stadt und welche Stadt genau?', 'de')).toBe(false);
    expect(asksForList('In welke steden was het forum?', 'nl')).toBe(true);
  });
});

describe('isListWindow() recognises a quotable list', () => {
  it('takes items joined after a lead-in, or a run of commas, not one clause', () => {
    expect(isListWindow('Le forum a exploré : la réparation ; le réemploi ; le compost')).toBe(true);
    expect(isListWindow('Le forum est soutenu par la Ville, la Région, la Métropole, la CAF, la MSA et la Fondation Lyon.')).toBe(true);
    expect(isListWindow('Le forum a eu lieu à Lyon, en mars.')).toBe(false);
  });
});

describe('a question for several things is answered with the passage’s list', () => {
  const hit = (id: string, text: string): FusedHit => ({
    chunk: { id, docId: 'forum', title: 'Forum de la réparation 2024', source: 'forum.md', lang: 'fr', date: '2024-05-01', position: 0, section: null, text },
    score: 0.03,
    ranks: {},
    signals: {},
    coverage: 1,
  });
  const stats: TermStats = { total: 100, df: (w) => ({ forum: 10, reparation: 8, ateliers: 4, atelier: 6 })[w] ?? 0 };
  const passage = hit(
    'p',
    "Le forum de la réparation a réuni 300 personnes. L'atelier vélo du forum a été le plus suivi.\nLes ateliers du forum :\n• vélo\n• couture\n• petit électroménager\n• informatique",
  );

  it('quotes the list for "Quels ateliers…?" where the single-item sentence covers the words as well', () => {
    const q = 'Quels ateliers proposait le forum de la réparation ?';
    const terms = weightedTopicTerms(q, 'fr', ['fr'], stats);
    const best = (list: boolean) => scoreWindows([passage], terms, ['fr'], new Set(), undefined, null, null, list)[0].text;
    expect(best(true)).toContain('couture ; petit électroménager');
    // Read as a question for one thing, the sentences that count the visitors and name one workshop win.
    expect(best(false)).not.toContain('couture');
    expect(
      selectSentences([passage], terms, ['fr'], new Set(), undefined, null, null, true)
        .quotes.map((q) => q.text)
        .join('\n'),
    ).toContain('informatique');
  });
});
