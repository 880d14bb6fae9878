/**
 * The settings of ask() from the parsed config and the embedding model's cross-lingual check. Apart
 * from runtime.ts so that the rule is tested on its own: only a model that passed the check may rerank
 * passages by closeness or take part in deciding answerability; any model's ranking is fused.
 */
import type { AskOptions } from '../core/ask.js';
import type { ProbeResult } from '../core/retrieval/cross-lingual-probe.js';
import type { Config } from '../config/load.js';

export function askOptionsFrom(config: Config, probe: ProbeResult | null): AskOptions {
  const semantic = probe?.multilingual ?? false;
  return {
    retrievalK: config.SOGA_RETRIEVAL_K,
    contextPassages: config.SOGA_CONTEXT_PASSAGES,
    weights: { vector: config.SOGA_WEIGHT_VECTOR, lexical: config.SOGA_WEIGHT_LEXICAL, ngram: config.SOGA_WEIGHT_NGRAM },
    minCoverage: config.SOGA_MIN_COVERAGE,
    minVectorScore: semantic ? config.SOGA_MIN_VECTOR_SCORE : undefined,
    minVectorAgreement: semantic ? config.SOGA_MIN_VECTOR_AGREEMENT : 0,
    rerank: { fusion: config.SOGA_RERANK_FUSION, coverage: config.SOGA_RERANK_COVERAGE, passageCoverage: config.SOGA_RERANK_PASSAGE_COVERAGE, vector: semantic ? config.SOGA_RERANK_VECTOR : 0 },
    maxQuestionChars: config.SOGA_MAX_QUESTION_CHARS,
    defaultLanguage: config.SOGA_DEFAULT_LANGUAGE,
    llmTimeoutMs: config.SOGA_LLM_TIMEOUT_MS,
  };
}
