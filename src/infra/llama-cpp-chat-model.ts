/**
 * ChatModel on node-llama-cpp: a GGUF model run in this process by llama.cpp (prebuilt CPU binaries,
 * GPU ones where CUDA/Vulkan/Metal is present, all from npm; nothing is built or downloaded at run
 * time). See docs/local-llm.md.
 *
 * The model and its context are loaded once per process (same file, context size and threads) and
 * shared by every LlamaCppChatModel. One context sequence answers one question at a time: concurrent
 * questions queue, and the time spent waiting counts against the caller's deadline. On abort the
 * caller is released at once (LLM_TIMEOUT) even while llama.cpp is still in a prompt batch; the
 * generation itself stops at its next token and frees the sequence for the next question. A reply
 * that starts reciting the system prompt is cut short (the core would discard it anyway).
 *
 * LangChain's ChatLlamaCpp (@langchain/community) is not used: its current releases need a newer
 * @langchain/core than the one the other providers pin, and it loads a model per instance.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ChatHistoryItem, Llama, LlamaContext, LlamaContextSequence, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import { leaksPrompt } from '../core/answer/citations.js';
import { SogaError, describeError } from '../core/errors.js';
import type { ChatMessage, ChatModel, GenerateOptions, JsonSchema } from '../core/ports.js';

export interface LlamaCppChatOptions {
  /** A GGUF file. */
  modelPath: string;
  /** Tokens the context holds: prompt (system, passages, question) plus the answer. */
  contextSize: number;
  /** CPU threads for evaluation; 0: one fewer than the machine's cores, at least one (see autoThreads). */
  threads: number;
  temperature: number;
  maxTokens: number;
  /** Operator messages from llama.cpp (warnings and errors). */
  log?: (message: string) => void;
}

interface Loaded {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  /** Settles when the last queued generation has finished with the sequence. */
  tail: Promise<void>;
  /** Grammars built from JSON schemas, by the schema's JSON (the answer schema differs only by the passage count). */
  grammars: Map<string, Promise<LlamaGrammar>>;
}

const cache = new Map<string, Promise<Loaded>>();

/**
 * Threads when none are configured: one core is left to the rest of the process (retrieval, the
 * embedder, the bots) and to other programs. llama.cpp's threads busy-wait for each other, so when
 * one of them has to share its core every token waits for it: on this 2-core machine with one core
 * busy elsewhere, 2 threads generated 2.6 tokens/s and 1 thread 22.6 (docs/local-llm.md).
 */
export function autoThreads(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

async function load(options: LlamaCppChatOptions): Promise<Loaded> {
  const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  // build: 'never' — use the prebuilt binaries from npm only; never clone and compile llama.cpp.
  const llama = await getLlama({
    build: 'never',
    gpu: 'auto',
    logLevel: LlamaLogLevel.error,
    logger: (level, message) => {
      if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) log(`llama.cpp: ${message.trim()}`);
    },
  });
  const model = await llama.loadModel({ modelPath: options.modelPath });
  // A file without a chat template is usually a base (pretrained) model. node-llama-cpp then formats
  // the chat with its template for the architecture, which such a model never learned: measured with
  // Gemma 3 270M base, every reply recited the rules and the answer fell back to extractive
  // (docs/local-llm.md). Say so once, so that the operator knows why no answer is generated.
  if (!model.fileInfo.metadata?.tokenizer?.chat_template) {
    log(
      `warning: ${path.basename(options.modelPath)} has no chat template, so it is probably a base (not instruction-tuned) model: expect its replies to fail the checks and the answers to be extractive. Use an instruction-tuned GGUF (docs/local-llm.md).`,
    );
  }
  try {
    const context = await model.createContext({
      contextSize: options.contextSize,
      sequences: 1,
      threads: options.threads > 0 ? options.threads : autoThreads(),
    });
    return { llama, model, context, sequence: context.getSequence(), tail: Promise.resolve(), grammars: new Map() };
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

function toHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  return messages.map((m): ChatHistoryItem =>
    m.role === 'system' ? { type: 'system', text: m.content } : m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: 'user', text: m.content },
  );
}

/** Rejects when `signal` aborts; never settles otherwise. */
function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (!signal) return;
    // The caller's abort reason is passed on as is, as fetch does; without one, the platform's AbortError.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const fire = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    if (signal.aborted) fire();
    else signal.addEventListener('abort', fire, { once: true });
  });
}

export class LlamaCppChatModel implements ChatModel {
  private constructor(
    readonly modelId: string,
    private readonly loaded: Loaded,
    private readonly options: LlamaCppChatOptions,
  ) {}

  /** Loads the model (once per process for the same file, context size and threads). */
  static async load(options: LlamaCppChatOptions): Promise<LlamaCppChatModel> {
    const modelPath = path.resolve(options.modelPath);
    if (!existsSync(modelPath)) {
      throw new SogaError(
        'CONFIG_INVALID',
        `SOGA_LLM_MODEL_PATH=${options.modelPath}: no such file. Run scripts/provision-local-llm.sh for a small test model, or point it at a GGUF file (see docs/local-llm.md).`,
      );
    }
    const key = `${modelPath}|${options.contextSize}|${options.threads}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = load({ ...options, modelPath });
      cache.set(key, pending);
      // A failed load is not cached: the next attempt tries again.
      pending.catch(() => cache.delete(key));
    }
    let loaded: Loaded;
    try {
      loaded = await pending;
    } catch (cause) {
      if (cause instanceof SogaError) throw cause;
      throw new SogaError('LLM_FAILED', `cannot load the GGUF model ${options.modelPath}: ${describeError(cause)}`, { cause });
    }
    return new LlamaCppChatModel(`local:${path.basename(modelPath)}`, loaded, { ...options, modelPath });
  }

  /** Frees every model loaded in this process (tests and scripts that want a clean exit). */
  static async unloadAll(): Promise<void> {
    const all = [...cache.values()];
    cache.clear();
    for (const pending of all) {
      const loaded = await pending.catch(() => null);
      if (!loaded) continue;
      await loaded.tail;
      await loaded.context.dispose();
      await loaded.model.dispose();
      await loaded.llama.dispose();
    }
  }

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    const { signal, onToken, schema } = options;
    if (messages.at(-1)?.role !== 'user') throw new SogaError('LLM_FAILED', `chat model ${this.modelId}: the last message must be the user's`);
    const history = toHistory(messages);
    const loaded = this.loaded;
    const run = loaded.tail.then(() => this.run(history, signal, onToken, schema));
    loaded.tail = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await Promise.race([run, aborted(signal)]);
    } catch (cause) {
      if (cause instanceof SogaError) throw cause;
      if (signal?.aborted) throw new SogaError('LLM_TIMEOUT', `chat model ${this.modelId} did not answer in time`, { cause });
      throw new SogaError('LLM_FAILED', `chat model ${this.modelId} failed: ${describeError(cause)}`, { cause });
    }
  }

  /** A grammar that only lets the model write JSON of this schema (built once per schema). */
  private grammarFor(schema: JsonSchema): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = this.loaded.grammars.get(key);
    if (!grammar) {
      grammar = this.loaded.llama.createGrammarForJsonSchema(schema as Parameters<Llama['createGrammarForJsonSchema']>[0]);
      this.loaded.grammars.set(key, grammar);
      grammar.catch(() => this.loaded.grammars.delete(key));
    }
    return grammar;
  }

  private async run(history: ChatHistoryItem[], signal: AbortSignal | undefined, onToken: ((token: string) => void) | undefined, schema: JsonSchema | undefined): Promise<string> {
    // Waited in the queue past the deadline: the caller has gone, don't start.
    if (signal?.aborted) throw signal.reason;
    const { LlamaChat } = await import('node-llama-cpp');
    const { model, sequence } = this.loaded;
    const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
    try {
      // The prompt must fit with room for the answer: llama.cpp would otherwise shift the context and
      // drop the start of the conversation (the rules) to make room.
      const promptTokens = chat.chatWrapper.generateContextState({ chatHistory: [...history, { type: 'model', response: [] }] }).contextText.tokenize(model.tokenizer).length;
      const room = sequence.contextSize - promptTokens;
      if (room < Math.min(this.options.maxTokens, 64)) {
        throw new SogaError('LLM_FAILED', `the prompt takes ${promptTokens} tokens of the ${sequence.contextSize} in the context (SOGA_LLM_CONTEXT_SIZE): no room left for the answer`);
      }
      // A reply that starts reciting the rules will be discarded by the core's leak check whatever
      // follows: stop there and hand back what was written, rather than generate until the deadline.
      const rules = history
        .filter((h) => h.type === 'system')
        .map((h) => (typeof h.text === 'string' ? h.text : ''))
        .join('\n');
      const stop = new AbortController();
      let text = '';
      const grammar = schema ? await this.grammarFor(schema) : undefined;
      const result = await chat.generateResponse(history, {
        grammar,
        signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal,
        stopOnAbortSignal: true,
        maxTokens: Math.min(this.options.maxTokens, room),
        temperature: this.options.temperature,
        onTextChunk: (chunk) => {
          text += chunk;
          if (rules && leaksPrompt(text, rules)) stop.abort();
          // Once the caller has given up (deadline), its stream has moved on to the extractive answer.
          if (onToken && !signal?.aborted) onToken(chunk);
        },
      });
      if (signal?.aborted) throw signal.reason;
      return result.response;
    } finally {
      chat.dispose({ disposeSequence: false });
    }
  }
}
