/**
 * The settings of ask() from the parsed config and the embedding model's start-up check. Apart from
 * runtime.ts so that the rule is tested on its own: only a model that pairs translations may rerank
 * passages by closeness or take part in deciding answerability; only a model that pairs paraphrases
 * has its ranking fused at all (one that cannot is noise beside BM25). A check that could not run
 * leaves the ranking fused, as configured.
 */
import type { AskOptions } from '../core/ask.js';
import type { ProbeResult } from '../core/retrieval/cross-lingual-probe.js';
import type { Config } from '../config/load.js';

export function askOptionsFrom(config: Config, probe: ProbeResult | null): AskOptions {
  const semantic = probe?.multilingual ?? false;
  const fused = probe?.semantic ?? true;
  return {
    embedQuestions: fused,
    retrievalK: config.SOGA_RETRIEVAL_K,
    contextPassages: config.SOGA_CONTEXT_PASSAGES,
    weights: { vector: fused ? config.SOGA_WEIGHT_VECTOR : 0, lexical: config.SOGA_WEIGHT_LEXICAL, ngram: config.SOGA_WEIGHT_NGRAM },
    minCoverage: config.SOGA_MIN_COVERAGE,
    minVectorScore: semantic ? config.SOGA_MIN_VECTOR_SCORE : undefined,
    minVectorAgreement: semantic ? config.SOGA_MIN_VECTOR_AGREEMENT : 0,
    rerank: {
      fusion: config.SOGA_RERANK_FUSION,
      coverage: config.SOGA_RERANK_COVERAGE,
      passageCoverage: config.SOGA_RERANK_PASSAGE_COVERAGE,
      vector: semantic ? config.SOGA_RERANK_VECTOR : 0,
      answerType: config.SOGA_RERANK_ANSWER_TYPE,
      prior: config.SOGA_RERANK_PRIOR_SOURCES,
    },
    maxQuestionChars: config.SOGA_MAX_QUESTION_CHARS,
    defaultLanguage: config.SOGA_DEFAULT_LANGUAGE,
    llmTimeoutMs: config.SOGA_LLM_TIMEOUT_MS,
    llmOutput: config.SOGA_LLM_OUTPUT,
    llmMayRefuse: config.SOGA_LLM_MAY_REFUSE,
    corrections: { minOverlap: config.SOGA_CORRECTION_MIN_OVERLAP, minCosine: config.SOGA_CORRECTION_MIN_COSINE, useVectors: semantic },
    llmPassages: { count: config.SOGA_LLM_PASSAGES, maxChars: config.SOGA_LLM_PASSAGE_CHARS },
  };
}
