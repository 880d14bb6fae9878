import { describe, expect, it } from 'vitest';
import { countAsk, holdsAskedCount } from '../../../src/core/answer/counts.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';

const ask = (question: string, lang: string) => countAsk(question, lang, weightedTopicTerms(question, lang, [lang, 'fr'], null), [lang, 'fr'])!;

describe('the numbers that count what a "how many" question counts', () => {
  it('reads a count in digits or spelled out, across languages, and not a count of another noun', () => {
    const members = ask('Wie viele Mitglieder waren beim Salon Vert?', 'de');
    expect(holdsAskedCount('Le réseau et ses 70 membres ont signé la charte.', 'fr', members, new Set())).toBe(true);
    expect(holdsAskedCount('Le 3 mars, deux membres du réseau étaient au Salon Vert.', 'fr', members, new Set())).toBe(true);
    expect(holdsAskedCount('Le Salon Vert a duré deux jours et réuni 300 visiteurs.', 'fr', members, new Set())).toBe(false);
  });
  it('asks for no count when the question names no counted noun', () => {
    expect(ask('Combien étaient-ils ?', 'fr')).toBeNull();
  });
});
