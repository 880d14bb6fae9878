import { describe, expect, it } from 'vitest';
import { judgeAnswerability } from '../../../src/core/answer/answerability.js';
import { coverage, weightedTopicTerms } from '../../../src/core/answer/matching.js';
import type { FusedHit } from '../../../src/core/types.js';

const hit = (id: string, coverage: number): FusedHit => ({
  chunk: { id, docId: id, title: id, source: `${id}.md`, lang: 'fr', date: null, position: 0, section: null, text: id },
  score: 1,
  ranks: {},
  signals: {},
  coverage,
});
const lexical = { cosines: new Map<string, number>(), closeness: null };
const options = { minCoverage: 0.5, minVectorAgreement: 0.5 };

describe('whether the passages may answer', () => {
  it('needs one passage that covers enough of the question', () => {
    expect(judgeAnswerability([hit('a', 0.3), hit('b', 0.6)], lexical, options).answerable).toBe(true);
    expect(judgeAnswerability([hit('a', 0.3), hit('b', 0.49)], lexical, options).answerable).toBe(false);
  });
  it('with a trusted model, refuses a covering passage the model places far from the question', () => {
    const closeness = (h: FusedHit) => (h.chunk.id === 'a' ? 1 : 0.1);
    expect(judgeAnswerability([hit('a', 0.2), hit('b', 0.9)], { cosines: new Map(), closeness }, options).answerable).toBe(false);
  });
  it('lets a high cosine lower the coverage needed, never to nothing', () => {
    const cosines = new Map([['a', 0.95]]);
    const vouched = { ...options, minVectorScore: 0.9 };
    expect(judgeAnswerability([hit('a', 0.3)], { cosines, closeness: null }, vouched).answerable).toBe(true);
    expect(judgeAnswerability([hit('a', 0.1)], { cosines, closeness: null }, vouched).answerable).toBe(false);
  });
  it('quotes only passages near the threshold, or the best one when none is', () => {
    expect(judgeAnswerability([hit('a', 0.6), hit('b', 0.41), hit('c', 0.39)], lexical, options).usable.map((h) => h.chunk.id)).toEqual(['a', 'b']);
    expect(judgeAnswerability([hit('a', 0.1), hit('b', 0.05)], lexical, options).usable.map((h) => h.chunk.id)).toEqual(['a']);
  });
});

describe('a counted noun written in another language counts for the gate, not for the ranking', () => {
  const stats = { total: 100, df: (w: string) => ({ forum: 5, lyon: 3, participants: 20, reuni: 10, sommet: 6, madrid: 2 })[w] ?? 0 };
  const passage = (id: string, text: string): FusedHit => ({ ...hit(id, 0), chunk: { ...hit(id, 0).chunk, text, title: '' } });
  const ask = (question: string, texts: string[]) => {
    const langs = ['de', 'fr'];
    const terms = weightedTopicTerms(question, 'de', langs, stats);
    // As rerank() scores them: without the counted nouns of other languages.
    const hits = texts.map((text, i) => {
      const h = passage(`p${i}`, text);
      h.coverage = coverage(terms, text, langs, { places: true }).coverage;
      return h;
    });
    return { hits, judged: judgeAnswerability(hits, lexical, options, { terms, langs, question, lang: 'de', corpusLangs: ['fr'] }) };
  };
  it('answers "Teilnehmer" from a passage that writes "participants"', () => {
    const { hits, judged } = ask('Wie viele Teilnehmer hatte das Forum?', ['Le forum de Lyon a réuni 300 participants venus de toute la région.']);
    expect(hits[0].coverage).toBeLessThan(options.minCoverage);
    expect(judged.answerable).toBe(true);
  });
  it('still refuses a passage about another event that counts participants too', () => {
    expect(ask('Wie viele Teilnehmer hatte das Forum in Lyon?', ['Le sommet de Madrid a réuni 300 participants.']).judged.answerable).toBe(false);
  });
});
