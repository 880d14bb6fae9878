/**
 * The whole configuration, parsed once at start-up from the environment (and `.env`). Nothing else in
 * the code reads process.env. Every variable is documented in `.env.example` with its default.
 */
import { z } from 'zod';
import { discordConfigShape } from './discord.js';
import { matrixConfigShape } from './matrix.js';
import { webConfigShape } from './web.js';

import { bool, int, num, optional } from './schema-helpers.js';

export const configSchema = z.object({
  // Where things live
  SOGA_DATA_DIR: z.string().default('./data'),
  SOGA_CORPUS_DIR: z.string().default('./corpus'),
  SOGA_PROMPTS_DIR: z.string().default('./prompts'),
  SOGA_MAX_FILE_BYTES: int(1024, 1024 ** 3).default(20 * 1024 * 1024),

  // Embeddings
  SOGA_EMBED_PROVIDER: z.enum(['transformers', 'none']).default('transformers'),
  SOGA_EMBED_MODEL: z.string().default('Xenova/multilingual-e5-small'),
  SOGA_EMBED_MODEL_DIR: optional,
  SOGA_EMBED_CACHE_DIR: z.string().default('./models'),
  SOGA_EMBED_ALLOW_DOWNLOAD: bool.default(true),
  SOGA_EMBED_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16', 'auto']).default('q8'),
  SOGA_EMBED_QUERY_PREFIX: z.string().default('query: '),
  SOGA_EMBED_PASSAGE_PREFIX: z.string().default('passage: '),
  SOGA_EMBED_BATCH_SIZE: int(1, 512).default(16),

  // Retrieval and answerability
  SOGA_RETRIEVAL_K: int(1, 200).default(30),
  SOGA_CONTEXT_PASSAGES: int(1, 20).default(5),
  SOGA_WEIGHT_VECTOR: num(0, 10).default(1),
  SOGA_WEIGHT_LEXICAL: num(0, 10).default(1),
  SOGA_WEIGHT_NGRAM: num(0, 10).default(0.6),
  SOGA_MIN_COVERAGE: num(0, 1).default(0.52),
  SOGA_MIN_VECTOR_SCORE: z.coerce.number().min(-1).max(1).optional(),
  SOGA_MAX_QUESTION_CHARS: int(20, 20000).default(1000),
  SOGA_DEFAULT_LANGUAGE: z.string().min(2).default('en'),

  // Chat model (generative answers); none = extractive answers only
  SOGA_LLM_PROVIDER: z.enum(['none', 'openai', 'ollama']).default('none'),
  SOGA_LLM_BASE_URL: optional,
  SOGA_LLM_API_KEY: optional,
  SOGA_LLM_MODEL: optional,
  SOGA_LLM_TEMPERATURE: num(0, 2).default(0.1),
  SOGA_LLM_TIMEOUT_MS: int(500, 600_000).default(20_000),
  SOGA_LLM_MAX_TOKENS: int(16, 32_000).default(500),

  // Logging
  SOGA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  ...discordConfigShape,
  ...matrixConfigShape,
  ...webConfigShape,
});

export type RawConfig = z.infer<typeof configSchema>;
