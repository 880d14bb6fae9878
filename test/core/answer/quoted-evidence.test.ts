/** withExtractiveQuotes on made-up answers: the model's words, then the extractive answer's quotes, one list of sources. */
import { describe, expect, it } from 'vitest';
import { withExtractiveQuotes } from '../../../src/core/answer/quoted-evidence.js';
import type { Citation } from '../../../src/core/types.js';

const cite = (n: number, chunkId: string, quote: string): Citation => ({
  n,
  chunkId,
  docId: chunkId.split('#')[0],
  title: chunkId,
  source: `${chunkId}.md`,
  quote,
  date: '2024-06-20',
  lang: 'fr',
  score: 1,
});
const FAIR = 'La foire aux plantes s’est tenue à Nantes les 14 et 15 juin 2024.';
const STANDS = 'Parmi les exposants : Graines du Sud (Rennes) et Terre Vive (Angers).';

describe('a generated answer keeps the extractive answer’s quotes under it', () => {
  const extractive = {
    direct: 'En bref : les 14 et 15 juin 2024 [1].',
    text: `En bref : les 14 et 15 juin 2024 [1].\nVoici ce que disent les articles du SOGA : (article du 20 juin 2024)\n« ${FAIR} » [1]\n« ${STANDS} » [2]`,
    citations: [cite(1, 'foire#1', FAIR), cite(2, 'foire#3', STANDS)],
  };

  it('drops the direct sentence (the model said it), keeps the quotes, and gives a passage both cite one number', () => {
    const generated = { text: 'The plant fair was held in Nantes on 14 and 15 June 2024 [1].', citations: [cite(1, 'foire#1', FAIR)] };
    const out = withExtractiveQuotes(generated, extractive);
    expect(out.text).toBe(`The plant fair was held in Nantes on 14 and 15 June 2024 [1].\nVoici ce que disent les articles du SOGA : (article du 20 juin 2024)\n« ${FAIR} » [1]\n« ${STANDS} » [2]`);
    expect(out.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, 'foire#1'],
      [2, 'foire#3'],
    ]);
  });

  it('numbers the quotes’ passages after the generated answer’s own', () => {
    const generated = { text: 'Two seed growers had stands [1].', citations: [cite(1, 'foire#3', STANDS)] };
    const out = withExtractiveQuotes(generated, extractive);
    expect(out.text.split('\n').slice(2)).toEqual([`« ${FAIR} » [2]`, `« ${STANDS} » [1]`]);
    expect(out.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, 'foire#3'],
      [2, 'foire#1'],
    ]);
  });

  it('adds nothing when the generated answer quotes every sentence already', () => {
    const generated = { text: `« ${FAIR} » [1] « ${STANDS} » [2]`, citations: [cite(1, 'foire#1', FAIR), cite(2, 'foire#3', STANDS)] };
    expect(withExtractiveQuotes(generated, extractive)).toBe(generated);
  });

  it('an open question’s extractive answer (no direct sentence) is kept whole', () => {
    const open = { direct: null, text: `Voici ce que disent les articles du SOGA :\n« ${STANDS} » [1]`, citations: [cite(1, 'foire#3', STANDS)] };
    const generated = { text: 'Graines du Sud and Terre Vive had stands [1].', citations: [cite(1, 'foire#3', STANDS)] };
    expect(withExtractiveQuotes(generated, open).text).toBe(`Graines du Sud and Terre Vive had stands [1].\nVoici ce que disent les articles du SOGA :\n« ${STANDS} » [1]`);
  });
});
