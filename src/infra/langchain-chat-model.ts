/**
 * ChatModel on LangChain.js: an OpenAI-compatible endpoint (OpenAI, Mistral, vLLM, llama.cpp server,
 * LM Studio) or Ollama. Streaming is used when the caller wants tokens, so adapters can show progress.
 *
 * A JSON schema (GenerateOptions.schema) goes to OpenAI-compatible servers as `response_format:
 * json_schema` and to Ollama as `format`. Many OpenAI-compatible servers reject `response_format`
 * (400): the request is then sent again without it, and later ones skip it, so the caller gets plain
 * text, which it parses as such.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { SogaError, describeError } from '../core/errors.js';
import type { ChatMessage, ChatModel, GenerateOptions, JsonSchema } from '../core/ports.js';

export interface LangChainChatOptions {
  provider: 'openai' | 'ollama';
  model: string;
  baseUrl?: string;
  apiKey?: string;
  temperature: number;
  maxTokens: number;
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) => (m.role === 'system' ? new SystemMessage(m.content) : m.role === 'assistant' ? new AIMessage(m.content) : new HumanMessage(m.content)));
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return '';
}

/** A 4xx from the server: it understood the request and refused it (a retry without the schema may pass). */
function refusedRequest(error: unknown): boolean {
  const status = (error as { status?: unknown; lc_error_code?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 429;
}

export class LangChainChatModel implements ChatModel {
  /** Set when the server refused a schema once: later requests go without it. */
  private schemaRefused = false;

  private constructor(
    readonly modelId: string,
    private readonly model: BaseChatModel,
    private readonly provider: 'openai' | 'ollama',
  ) {}

  private callOptions(signal: AbortSignal | undefined, schema: JsonSchema | undefined): Record<string, unknown> {
    if (!schema || this.schemaRefused) return { signal };
    if (this.provider === 'ollama') return { signal, format: schema };
    return { signal, response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } } };
  }

  static async create(options: LangChainChatOptions): Promise<LangChainChatModel> {
    if (options.provider === 'ollama') {
      const { ChatOllama } = await import('@langchain/ollama');
      const model = new ChatOllama({ model: options.model, baseUrl: options.baseUrl ?? 'http://127.0.0.1:11434', temperature: options.temperature, numPredict: options.maxTokens });
      return new LangChainChatModel(`ollama:${options.model}`, model, 'ollama');
    }
    const { ChatOpenAI } = await import('@langchain/openai');
    const model = new ChatOpenAI({
      model: options.model,
      temperature: options.temperature,
      maxTokens: options.maxTokens,
      // Retries are ours to decide: a slow endpoint must not hold an answer past its deadline.
      maxRetries: 0,
      apiKey: options.apiKey ?? 'not-needed',
      configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
    });
    return new LangChainChatModel(`openai:${options.model}`, model, 'openai');
  }

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    const input = toLangChain(messages);
    const withSchema = Boolean(options.schema) && !this.schemaRefused;
    try {
      return await this.call(input, options, this.callOptions(options.signal, options.schema));
    } catch (cause) {
      if (withSchema && !options.signal?.aborted && refusedRequest(cause)) {
        this.schemaRefused = true;
        try {
          return await this.call(input, options, { signal: options.signal });
        } catch (again) {
          throw this.failure(again, options.signal);
        }
      }
      throw this.failure(cause, options.signal);
    }
  }

  private async call(input: BaseMessage[], options: GenerateOptions, callOptions: Record<string, unknown>): Promise<string> {
    if (options.onToken) {
      let text = '';
      const stream = await this.model.stream(input, callOptions);
      for await (const chunk of stream) {
        const token = contentText(chunk.content);
        if (token) {
          text += token;
          options.onToken(token);
        }
      }
      return text;
    }
    const result = await this.model.invoke(input, callOptions);
    return contentText(result.content);
  }

  private failure(cause: unknown, signal: AbortSignal | undefined): SogaError {
    if (signal?.aborted) return new SogaError('LLM_TIMEOUT', `chat model ${this.modelId} did not answer in time`, { cause });
    return new SogaError('LLM_FAILED', `chat model ${this.modelId} failed: ${describeError(cause)}`, { cause });
  }
}
