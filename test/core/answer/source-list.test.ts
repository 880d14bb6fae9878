import { describe, expect, it } from 'vitest';
import { languageNameIn, markers, sourceEntries } from '../../../src/core/answer/source-list.js';
import type { Citation } from '../../../src/core/types.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';

const cite = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  chunkId: `d#${n}`,
  docId: 'd',
  title: 'NEC ESS 2025',
  source: 'corpus/004_9ac45f6a09908b38.txt',
  quote: `Quote ${n}.`,
  date: '2025-11-25',
  lang: 'fr',
  score: 1,
  ...over,
});

describe('the source list under an answer', () => {
  it('lists two passages of one article once, with both [n], and leaves out quotes the answer shows', () => {
    const answer = makeAnswer({ language: 'fr', outcome: 'answered', text: '« Quote 1. » [1]\n« Quote 2. » [2]', citations: [cite(1), cite(2)] });
    const entries = sourceEntries(answer);
    expect(entries).toEqual([{ numbers: [1, 2], title: 'NEC ESS 2025', date: '2025-11-25', quotes: [] }]);
    expect(markers(entries[0])).toBe('[1, 2]');
  });

  it('never names a hashed export file when there is a title, but does name a meaningful file or give the link', () => {
    const answer = makeAnswer({ outcome: 'answered', text: 'x', citations: [cite(1), cite(2, { docId: 'e', source: 'guides/adhesion.md' }), cite(3, { docId: 'f', url: 'https://soga.eu/f' })] });
    const [a, b, c] = sourceEntries(answer);
    expect(a.file).toBeUndefined();
    expect(b.file).toBe('adhesion.md');
    expect(c.url).toBe('https://soga.eu/f');
  });

  it('keeps a paraphrased quote and says which language it is in when it is not the member’s', () => {
    const [entry] = sourceEntries(makeAnswer({ language: 'de', outcome: 'answered', text: 'Es findet in Brüssel statt [1].', citations: [cite(1)] }));
    expect(entry).toMatchObject({ quotes: ['Quote 1.'], quotedIn: 'fr' });
    expect(languageNameIn('fr', 'de')).toBe('Französisch');
  });
});
