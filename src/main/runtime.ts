/**
 * Wiring: builds the implementations from the parsed config and hands them to the core. The one place
 * that knows which embedder, store, chat model and language detector are in use.
 */
import path from 'node:path';
import { createAssistant, type PromptTemplates } from '../core/ask.js';
import { PARAPHRASE_PAIRS, probeCrossLingual, type ProbeResult } from '../core/retrieval/cross-lingual-probe.js';
import { FreedictLexicon } from '../infra/freedict-lexicon.js';
import { MythesThesaurus } from '../infra/mythes-thesaurus.js';
import { askOptionsFrom } from './ask-options.js';
import type { Assistant } from '../core/assistant.js';
import { describeError, isSogaError } from '../core/errors.js';
import type { Messages } from '../core/i18n.js';
import type { ChatModel, Clock, Embedder, EventStore, LanguageDetector, ProgressReporter } from '../core/ports.js';
import type { Config } from '../config/load.js';
import { EldLanguageDetector } from '../infra/eld-language-detector.js';
import { LanceDbStore } from '../infra/lancedb/lancedb-store.js';
import { EventsFile } from '../infra/events-file.js';
import { loadMessages, loadPrompts } from '../infra/prompt-files.js';
import { WorkerEmbedder } from '../infra/worker-embedder.js';
import { OpenAiEmbedder } from '../infra/openai-embedder.js';
import { CorpusFolder } from '../../ingest/corpus-manager.js';
import { openDocumentStore, type SharedDocuments } from './documents.js';
import type { IngestReport } from '../../ingest/pipeline.js';
import { recordingAssistant } from '../core/recording-assistant.js';
import { openConfiguredAnswerLog, type ConfiguredAnswerLog, type OpenedAnswerLog } from './answer-log.js';
import type { CorrectionDesk } from '../core/corrections/correction.js';
import { everyTime, rememberedIn, type Notices } from './notices.js';

export interface Runtime {
  config: Config;
  /** The embedding model's cross-lingual check at start-up (null: no model, or the check failed). */
  embedderProbe: ProbeResult | null;
  store: LanceDbStore;
  /** The events index (data/lancedb/events.json), kept in step with the documents by ingestion. */
  events: EventStore;
  /** Today (SOGA_TODAY when set): what "past" and "upcoming" are judged against. */
  clock: Clock;
  embedder: Embedder | null;
  chat: ChatModel | null;
  detector: LanguageDetector;
  messages: Messages;
  prompts: PromptTemplates;
  /** Answers and records each answer in the answer log (when it is on): what every surface asks. */
  assistant: Assistant;
  /** Answers without recording: for `soga eval` and `soga search`, which are measurements, not questions. */
  engine: Assistant;
  corpus: CorpusFolder;
  /** The answer log (SQLite, or PostgreSQL with SOGA_DATABASE_URL), opened on first use with the same key everywhere; null when SOGA_LOG_ENABLED=false. */
  answerLog(): Promise<ConfiguredAnswerLog | null>;
  /** Reviewed answers and staff-reply proposals, in the answer log's store; null when the log is off. */
  corrections(): Promise<CorrectionDesk | null>;
  /** Syncs the index with the corpus folder (and extra paths). */
  ingest(paths?: string[], progress?: ProgressReporter): Promise<IngestReport>;
  /** Reads the bilingual dictionaries into the corpus languages now rather than on the first question that needs one. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Operator messages (stderr for the CLI). */
  log?: (message: string) => void;
  /**
   * One-shot commands (`soga ask`): start-up notices that do not change between calls (no embedding
   * model) are said once and remembered in the data folder. Long-running processes say them at start.
   */
  noticesOnce?: boolean;
  clock?: Clock;
  /** A chat model the caller built (the eval's replay of a real model's recorded replies): used instead of loading SOGA_LLM_PROVIDER's. */
  chat?: ChatModel;
  /** Where staff uploads live, and the passage vectors replicas share (`SharedState`); by default opened from the configuration (openDocumentStore). */
  shared?: SharedDocuments;
}

/** Renewed every 10 s while a replica ingests its own change; a replica that dies frees it within 30 s. */
const INGEST_LEASE_TTL_MS = 30_000;

async function buildEmbedder(config: Config, log: (m: string) => void, notices: Notices): Promise<Embedder | null> {
  if (config.SOGA_EMBED_PROVIDER === 'none') return null;
  try {
    if (config.SOGA_EMBED_PROVIDER === 'openai') {
      return await OpenAiEmbedder.connect({
        baseUrl: config.SOGA_EMBED_BASE_URL ?? 'https://api.openai.com/v1',
        model: config.SOGA_EMBED_MODEL,
        apiKey: config.SOGA_EMBED_API_KEY,
        queryPrefix: config.SOGA_EMBED_QUERY_PREFIX,
        passagePrefix: config.SOGA_EMBED_PASSAGE_PREFIX,
        sendInputType: config.SOGA_EMBED_INPUT_TYPE,
        batchSize: config.SOGA_EMBED_BATCH_SIZE,
      });
    }
    // TransformersEmbedder in a worker thread: inference never stalls the chat adapters' event loop.
    return await WorkerEmbedder.load({
      model: config.SOGA_EMBED_MODEL,
      modelDir: config.SOGA_EMBED_MODEL_DIR,
      cacheDir: config.SOGA_EMBED_CACHE_DIR,
      allowDownload: config.SOGA_EMBED_ALLOW_DOWNLOAD,
      dtype: config.SOGA_EMBED_DTYPE,
      queryPrefix: config.SOGA_EMBED_QUERY_PREFIX,
      passagePrefix: config.SOGA_EMBED_PASSAGE_PREFIX,
      batchSize: config.SOGA_EMBED_BATCH_SIZE,
    });
  } catch (error) {
    // One line, said once: what is missing, what the assistant does instead, how to get the model.
    const reason = error instanceof Error ? error.message : describeError(error);
    await notices.say(
      `no-embedder ${config.SOGA_EMBED_PROVIDER} ${config.SOGA_EMBED_MODEL} ${isSogaError(error) ? error.code : 'error'}`,
      `note: no embedding model (${reason.length > 160 ? `${reason.slice(0, 160)}…` : reason}); answering with keyword search (BM25 and character n-grams) instead, which matches questions in other languages less well; to get the model see docs/real-model.md`,
    );
    return null;
  }
}

/** Runs the start-up check (paraphrases and translations) once and says what it means for retrieval. */
async function checkEmbedder(embedder: Embedder, log: (m: string) => void): Promise<ProbeResult | null> {
  try {
    const probe = await probeCrossLingual(embedder);
    const check = `paired ${probe.paraphrasesMatched} of ${PARAPHRASE_PAIRS.length} sentences with their paraphrases and ${probe.matched} of ${probe.total} with their translations in a built-in check (multilingual-e5 pairs all of both)`;
    if (!probe.semantic) {
      log(`note: the embedding model ${embedder.modelId} ${check}: it shows no sense of meaning, so its ranking is left out and answers use BM25 alone.`);
    } else if (!probe.multilingual) {
      log(`note: the embedding model ${embedder.modelId} ${check}: its ranking is fused with BM25, but it neither reranks passages nor decides whether the articles answer a question.`);
    }
    return probe;
  } catch (error) {
    log(`warning: the embedding model's cross-lingual check failed (${describeError(error)}); its ranking is fused with BM25 but not trusted further.`);
    return null;
  }
}

/** The bilingual dictionaries in `dir`, or null (and a note saying what is missing). */
function openLexicon(dir: string, dataDir: string, log: (m: string) => void): FreedictLexicon | null {
  if (!dir) return null;
  const lexicon = new FreedictLexicon(dir, (m) => log(`warning: ${m}`), undefined, path.join(dataDir, 'dictionaries'));
  const large = lexicon.tooLarge().map(([from, to]) => `${from}→${to}`);
  if (large.length) log(`note: bilingual dictionaries too large to hold in memory are not used: ${large.join(', ')}`);
  if (!lexicon.available().length) {
    log(
      `note: no bilingual dictionary in ${dir} (bash scripts/install-dictionaries.sh installs FreeDict's): questions in languages the articles are not written in are matched by shared names and cognates only.`,
    );
    return null;
  }
  return lexicon;
}

/** The thesauri in `dir`, or null (and a note saying what is missing). */
function openThesaurus(dir: string, log: (m: string) => void): MythesThesaurus | null {
  if (!dir) return null;
  const thesaurus = new MythesThesaurus(dir);
  if (!thesaurus.available().length) {
    log(
      `note: no thesaurus in ${dir} (bash scripts/install-dictionaries.sh installs LibreOffice's): a question's words that neither the articles nor the dictionaries use are not looked up by their synonyms.`,
    );
    return null;
  }
  return thesaurus;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  // SOGA_TODAY pins the day (at noon UTC, so that no time zone moves it); the time of day matters to nothing.
  const pinned = config.SOGA_TODAY ? new Date(`${config.SOGA_TODAY}T12:00:00Z`) : null;
  const clock = options.clock ?? { now: () => (pinned ? new Date(pinned) : new Date()) };
  const [prompts, messages] = await Promise.all([loadPrompts(config.SOGA_PROMPTS_DIR), loadMessages(config.SOGA_PROMPTS_DIR)]);
  const store = await LanceDbStore.open({ dir: path.join(config.SOGA_DATA_DIR, 'lancedb'), warn: (m) => log(`warning: ${m}`) });
  const events = new EventsFile({ file: path.join(config.SOGA_DATA_DIR, 'lancedb', 'events.json'), warn: (m) => log(`warning: ${m}`) });
  const notices = options.noticesOnce ? rememberedIn(config.SOGA_DATA_DIR, log) : everyTime(log);
  const ownDocuments = options.shared ? null : await openDocumentStore(config);
  const shared = options.shared ?? ownDocuments!;
  const model = await buildEmbedder(config, log, notices);
  const embedder = model && shared.shareEmbeddings(model, log);
  const indexed = store.indexMeta;
  if (!embedder && indexed.embedModel) {
    log(`note: the index holds vectors of ${indexed.embedModel}; without that model, questions use BM25 only.`);
  } else if (embedder && indexed.embedModel && indexed.embedModel !== embedder.modelId) {
    log(`note: the index was built with ${indexed.embedModel}; the next ingest re-embeds it with ${embedder.modelId}.`);
  }
  // Chat providers are imported only when configured: LangChain alone is ~20 MB in every bot process.
  const chat =
    options.chat ??
    (config.SOGA_LLM_PROVIDER === 'none'
      ? null
      : config.SOGA_LLM_PROVIDER === 'local'
        ? await (
            await import('../infra/llama-cpp-chat-model.js')
          ).LlamaCppChatModel.load({
            modelPath: config.SOGA_LLM_MODEL_PATH!,
            contextSize: config.SOGA_LLM_CONTEXT_SIZE,
            threads: config.SOGA_LLM_THREADS,
            temperature: config.SOGA_LLM_TEMPERATURE,
            maxTokens: config.SOGA_LLM_MAX_TOKENS,
            log,
          })
        : await (
            await import('../infra/langchain-chat-model.js')
          ).LangChainChatModel.create({
            provider: config.SOGA_LLM_PROVIDER,
            model: config.SOGA_LLM_MODEL!,
            baseUrl: config.SOGA_LLM_BASE_URL,
            apiKey: config.SOGA_LLM_API_KEY,
            temperature: config.SOGA_LLM_TEMPERATURE,
            maxTokens: config.SOGA_LLM_MAX_TOKENS,
          }));
  const detector = await EldLanguageDetector.load({ fallback: config.SOGA_DEFAULT_LANGUAGE, dictionary: config.SOGA_LANGUAGE_DICTIONARY });
  // What the model may do follows from the start-up check (ask-options.ts): a model that pairs only
  // paraphrases is one more ranked list; one that pairs neither is left out.
  const probe = embedder ? await checkEmbedder(embedder, log) : null;
  const lexicon = openLexicon(config.SOGA_DICTIONARY_DIR, config.SOGA_DATA_DIR, log);
  const askOptions = askOptionsFrom(config, probe);
  const thesaurus = openThesaurus(config.SOGA_THESAURUS_DIR, log);
  const engineDeps = { store, embedder, chat, detector, messages, prompts, clock, warn: log, lexicon, thesaurus, events };
  // The engine alone is what `soga eval` measures: reviewed answers are the members' side only.
  const engine = createAssistant(engineDeps, askOptions);
  const ingestOptions = {
    chunking: { maxChars: config.SOGA_CHUNK_MAX_CHARS, minChars: config.SOGA_CHUNK_MIN_CHARS },
    corpusDir: config.SOGA_CORPUS_DIR,
    dataDir: config.SOGA_DATA_DIR,
    maxFileBytes: config.SOGA_MAX_FILE_BYTES,
    parse: { timeoutMs: config.SOGA_PARSE_TIMEOUT_MS, maxMemoryMb: config.SOGA_PARSE_MAX_MEMORY_MB },
    batchSize: config.SOGA_EMBED_BATCH_SIZE,
  };
  // Only replicas sharing documents need the ingest lease: in one process nobody else ingests.
  const ingestLease = shared.documents.location === 'database' && shared.leases && shared.holder ? { store: shared.leases, holder: shared.holder, ttlMs: INGEST_LEASE_TTL_MS } : undefined;
  const corpus = new CorpusFolder({ store, embedder, detector, log, events, documents: shared.documents, ...(ingestLease ? { ingestLease } : {}) }, ingestOptions);
  // Opened once, on first use; a failed open is not kept, so the next use tries again (and says why).
  let opening: Promise<OpenedAnswerLog | null> | undefined;
  const openStore = () =>
    (opening ??= openConfiguredAnswerLog(config, log).catch((error: unknown) => {
      opening = undefined;
      throw error;
    }));
  const openLog = async () => (await openStore())?.log ?? null;
  const openCorrections = async () => (await openStore())?.corrections ?? null;
  // Read on every question (a small table): a correction approved or withdrawn on the desk takes effect at once, in every process.
  const answering = createAssistant({ ...engineDeps, corrections: { activeCorrections: async () => (await (await openCorrections())?.activeCorrections()) ?? [] } }, askOptions);
  // Opened on the first answer, not here: `soga eval` and `soga search` never touch the log.
  const assistant = config.SOGA_LOG_ENABLED
    ? recordingAssistant(
        answering,
        { record: async (entry) => (await openLog())!.record(entry) },
        {
          onRecordError: (error) => log(`error: could not record an answer in the answer log: ${describeError(error)}; it was answered, but feedback on it cannot be recorded`),
          onFreshnessError: (error) => log(`error: could not read the index's and the documents' change numbers: ${describeError(error)}; the answer is logged with them unknown`),
          // Read as each question arrives: a replica whose index has not caught up with the documents says so in the entry.
          freshness: async () => {
            const [index, store] = await Promise.all([corpus.indexChange(), corpus.documents.change()]);
            return { index, store };
          },
        },
      )
    : engine;
  return {
    answerLog: openLog,
    corrections: openCorrections,
    config,
    embedderProbe: probe,
    store,
    events,
    clock,
    embedder,
    chat,
    detector,
    messages,
    prompts,
    assistant,
    engine,
    corpus,
    async warmUp() {
      if (lexicon) await lexicon.warmUp(await store.corpusLanguages());
      await thesaurus?.warmUp();
    },
    ingest(paths = [], progress) {
      return corpus.ingest(paths, progress);
    },
    async close() {
      // LanceDB and ONNX sessions are released with the process; the log and the documents may hold a file or a connection to close.
      const opened = await opening?.catch(() => null);
      await opened?.log.close();
      await ownDocuments?.close();
    },
  };
}

export { isSogaError };
