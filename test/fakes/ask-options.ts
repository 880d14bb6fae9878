/** The options of createAssistant() that the core tests share; each test overrides what it is about. */
import type { AskOptions } from '../../src/core/ask.js';

export function testAskOptions(overrides: Partial<AskOptions> = {}): AskOptions {
  return {
    retrievalK: 10,
    contextPassages: 3,
    weights: { vector: 1, lexical: 1, ngram: 0.6 },
    minCoverage: 0.52,
    maxQuestionChars: 1000,
    defaultLanguage: 'en',
    llmTimeoutMs: 200,
    ...overrides,
  };
}
