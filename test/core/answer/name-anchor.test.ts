import { describe, expect, it } from 'vitest';
import { anchoredByName } from '../../../src/core/answer/name-anchor.js';
import { judgeAnswerability } from '../../../src/core/answer/answerability.js';
import { nameWords, weightedTopicTerms, type TermStats } from '../../../src/core/answer/matching.js';
import type { FusedHit, LanguageCode } from '../../../src/core/types.js';

// A corpus of 100 passages: "codeparc" is a rare name, "soga" is in every other passage, "fondatrice"
// and "lancement" are words it uses; "tresorier" is not one of them.
const df = new Map(Object.entries({ codeparc: 2, soga: 50, fondatrice: 3, lancement: 4, formations: 6 }));
const stats: TermStats = { total: 100, df: (w) => df.get(w) ?? 0 };
const langs: LanguageCode[] = ['de', 'fr'];
const passage = { title: 'Le numérique inclusif à Bruxelles', section: null, context: null, text: 'Léa Martin, fondatrice de Codeparc, a présenté ses formations au numérique pour les femmes.' };
const asked = (question: string, translations: Record<string, string[]> = {}) => ({
  question,
  lang: 'de' as LanguageCode,
  terms: weightedTopicTerms(question, 'de', langs, stats, new Map(Object.entries(translations))),
  langs,
});

describe('names written in a question', () => {
  it('are capitalised past the first word, or carry a capital inside', () => {
    expect([...nameWords('Wer hat Codeparc gegründet?')]).toEqual(['codeparc']);
    expect([...nameWords('GAFAM: who uses them?')]).toEqual(['gafam']);
    expect([...nameWords("Che cos'è il progetto?")]).toEqual([]);
  });
  it('count as rare only where few passages use them', () => {
    const terms = weightedTopicTerms('Wer hat Codeparc und SOGA gegründet?', 'de', langs, stats);
    expect(terms.filter((t) => t.rareName).map((t) => t.word)).toEqual(['codeparc']);
    expect(terms.find((t) => t.word === 'gegrundet')?.unknown).toBe(true);
  });
  it('are not rare in a corpus of a few passages, where every word is', () => {
    const tiny: TermStats = { total: 2, df: (w) => (w === 'codeparc' ? 1 : 0) };
    expect(weightedTopicTerms('Wer hat Codeparc gegründet?', 'de', langs, tiny).some((t) => t.rareName)).toBe(false);
  });
});

describe('a passage anchored by the rare name a question asks about', () => {
  it('answers although a word no dictionary gives is missing', () => {
    expect(anchoredByName(passage, asked('Wer hat Codeparc gegründet?'))).toBe(true);
  });
  it('does not when the dictionaries translate the missing word into words no passage uses (the thing the articles lack)', () => {
    expect(anchoredByName(passage, asked('Wer ist der Schatzmeister von Codeparc?', { schatzmeister: ['trésorier'] }))).toBe(false);
  });
  it('does when a translation is a word the corpus uses, though not this passage', () => {
    expect(anchoredByName(passage, asked('Wer hat Codeparc gestartet?', { gestartet: ['lancement'] }))).toBe(true);
  });
  it('does not when the passage lacks a word the corpus uses, or the name', () => {
    expect(anchoredByName(passage, asked('Wer hat Codeparc mit SOGA gegründet?'))).toBe(false);
    expect(anchoredByName({ ...passage, text: 'Léa Martin a présenté ses formations.' }, asked('Wer hat Codeparc gegründet?'))).toBe(false);
  });
  it('does not when the passage lacks the kind of value asked for', () => {
    expect(anchoredByName(passage, asked('Wann wurde Codeparc gegründet?'))).toBe(false);
  });
});

describe('answerability with a rare name', () => {
  const hit = (coverage: number): FusedHit => ({ chunk: { id: 'a', docId: 'a', source: 'a.md', lang: 'fr', date: null, position: 0, ...passage }, score: 1, ranks: {}, signals: {}, coverage });
  const lexical = { cosines: new Map<string, number>(), closeness: null };
  const options = { minCoverage: 0.52, minVectorAgreement: 0.5 };
  it('lowers the coverage needed for an anchored passage, never to nothing, and states no value from it', () => {
    const q = { ...asked('Wer hat Codeparc gegründet?'), corpusLangs: ['fr'] };
    expect(judgeAnswerability([hit(0.48)], lexical, options).answerable).toBe(false);
    expect(judgeAnswerability([hit(0.48)], lexical, options, q)).toMatchObject({ answerable: true, loose: true });
    expect(judgeAnswerability([hit(0.6)], lexical, options, q)).toMatchObject({ answerable: true, loose: false });
    expect(judgeAnswerability([hit(0.3)], lexical, options, q).answerable).toBe(false);
  });
  it("not for a question in the articles' own language: a word they never use is absent, not untranslated", () => {
    const q = { ...asked('Wer hat Codeparc gegründet?'), corpusLangs: ['fr', 'de'] };
    expect(judgeAnswerability([hit(0.48)], lexical, options, q).answerable).toBe(false);
  });
});

describe('answerability by synonyms', () => {
  it('quotes, but states no value, when only a synonym lets a passage cover the question', () => {
    const FAIR = 'La foire de Lyon a accueilli 3 000 visiteurs venus de toute la région.';
    const fairStats: TermStats = { total: 100, df: (w) => ({ foire: 2, lyon: 3, visiteurs: 4 })[w] ?? 0 };
    const terms = weightedTopicTerms('guests Lyon', 'en', ['en', 'fr'], fairStats, new Map(), new Map([['guests', ['visiteur']]]));
    const chunk = { id: 'f', docId: 'f', source: 'f.md', lang: 'fr', date: null, position: 0, title: 'Foire', section: null, context: null, text: FAIR };
    const covering = { chunk, score: 1, ranks: {}, signals: {}, coverage: 0.8 };
    const q = { terms, langs: ['en', 'fr'], question: 'How many guests came to Lyon?', lang: 'en', corpusLangs: ['fr', 'en'] };
    const options = { minCoverage: 0.52, minVectorAgreement: 0.5 };
    expect(judgeAnswerability([covering], { cosines: new Map(), closeness: null }, options, q)).toMatchObject({ answerable: true, loose: true });
    const plain = weightedTopicTerms('visiteurs Lyon', 'fr', ['fr'], fairStats);
    expect(judgeAnswerability([covering], { cosines: new Map(), closeness: null }, options, { ...q, terms: plain, langs: ['fr'] })).toMatchObject({ answerable: true, loose: false });
  });
});
