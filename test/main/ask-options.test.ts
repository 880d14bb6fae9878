import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { askOptionsFrom } from '../../src/main/ask-options.js';

const config = parseConfig({ SOGA_MIN_VECTOR_SCORE: '0.85', SOGA_MIN_VECTOR_AGREEMENT: '0.5', SOGA_RERANK_VECTOR: '0.6', SOGA_WEIGHT_VECTOR: '1' });

describe('what the embedding model may do, from its start-up check', () => {
  it('lets a model that passed rerank by closeness and take part in answerability, as configured', () => {
    const options = askOptionsFrom(config, { matched: 8, total: 8, multilingual: true, paraphrasesMatched: 8, semantic: true });
    expect(options.rerank?.vector).toBe(0.6);
    expect(options.minVectorAgreement).toBe(0.5);
    expect(options.minVectorScore).toBe(0.85);
    expect(options.weights.vector).toBe(1);
  });

  it('fuses the ranking of a model that pairs paraphrases but not translations, and gives it no say in the rerank or in refusing', () => {
    const options = askOptionsFrom(config, { matched: 1, total: 8, multilingual: false, paraphrasesMatched: 7, semantic: true });
    expect(options.rerank?.vector).toBe(0);
    expect(options.minVectorAgreement).toBe(0);
    expect(options.minVectorScore).toBeUndefined();
    expect(options.weights.vector).toBe(1);
  });

  it('leaves out the ranking of a model that pairs neither: beside BM25 it is noise', () => {
    const options = askOptionsFrom(config, { matched: 1, total: 8, multilingual: false, paraphrasesMatched: 1, semantic: false });
    expect(options.weights.vector).toBe(0);
    expect(options.embedQuestions).toBe(false);
    expect(options.weights.lexical).toBe(config.SOGA_WEIGHT_LEXICAL);
    expect(options.rerank?.vector).toBe(0);
    expect(options.minVectorScore).toBeUndefined();
  });

  it('treats a check that could not run like a failed cross-lingual one, and keeps the ranking fused', () => {
    const options = askOptionsFrom(config, null);
    expect(options.rerank?.vector).toBe(0);
    expect(options.minVectorAgreement).toBe(0);
    expect(options.weights.vector).toBe(1);
  });
});
