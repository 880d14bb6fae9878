/**
 * The options of createAssistant() that the core tests share; each test overrides what it is about.
 * Everything not set here is the config schema's default, read as for a model that passed the
 * start-up check (so fake embedders take part in reranking and answerability): defaults live in the
 * schema only.
 */
import type { AskOptions } from '../../src/core/ask.js';
import { parseConfig } from '../../src/config/load.js';
import { askOptionsFrom } from '../../src/main/ask-options.js';

const TRUSTED = { matched: 8, total: 8, multilingual: true, paraphrasesMatched: 8, semantic: true };

export function testAskOptions(overrides: Partial<AskOptions> = {}): AskOptions {
  return {
    ...askOptionsFrom(parseConfig({}), TRUSTED),
    retrievalK: 10,
    contextPassages: 3,
    minCoverage: 0.52,
    minVectorScore: undefined,
    maxQuestionChars: 1000,
    defaultLanguage: 'en',
    llmTimeoutMs: 200,
    ...overrides,
  };
}
