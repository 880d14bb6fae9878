import { describe, expect, it } from 'vitest';
import { bestWindow, modelPassages } from '../../../src/core/answer/model-passages.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import type { FusedHit } from '../../../src/core/types.js';

const TEXT =
  'Le réseau publie chaque mois une lettre. Ses membres se retrouvent en ligne. Le sommet de Strasbourg a réuni 1 200 participants venus de 14 pays. Il s’est tenu les 5 et 6 mai 2022. La prochaine édition aura lieu ailleurs.';
const terms = weightedTopicTerms('Combien de participants au sommet de Strasbourg ?', 'fr', ['fr'], null);

function hit(id: string, text: string): FusedHit {
  return { chunk: { id, docId: id, title: 't', source: 's', lang: 'fr', date: null, position: 0, section: null, text }, score: 1, coverage: 0 } as unknown as FusedHit;
}

describe('bestWindow', () => {
  it('keeps a passage that fits whole', () => {
    expect(bestWindow(TEXT, 'fr', terms, ['fr'], 1000)).toBe(TEXT);
  });

  it('cuts a long passage to the sentences about the question', () => {
    const window = bestWindow(TEXT, 'fr', terms, ['fr'], 130);
    expect(window).toContain('Le sommet de Strasbourg a réuni 1 200 participants venus de 14 pays.');
    expect(window.length).toBeLessThanOrEqual(130);
    expect(window).not.toContain('lettre');
  });
});

describe('modelPassages', () => {
  it('gives the model the first passages only, cut', () => {
    const out = modelPassages([hit('a', TEXT), hit('b', 'Autre.'), hit('c', 'Encore.')], terms, ['fr'], { count: 2, maxChars: 130 });
    expect(out.map((h) => h.chunk.id)).toEqual(['a', 'b']);
    expect(out[0].chunk.text.length).toBeLessThanOrEqual(130);
    expect(out[1].chunk.text).toBe('Autre.');
  });
});
