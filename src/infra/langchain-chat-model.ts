/**
 * ChatModel on LangChain.js: an OpenAI-compatible endpoint (OpenAI, Mistral, vLLM, llama.cpp server,
 * LM Studio) or Ollama. Streaming is used when the caller wants tokens, so adapters can show progress.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { SogaError, describeError } from '../core/errors.js';
import type { ChatMessage, ChatModel, GenerateOptions } from '../core/ports.js';

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
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : (p as { text?: string }).text ?? '')).join('');
  return '';
}

export class LangChainChatModel implements ChatModel {
  private constructor(
    readonly modelId: string,
    private readonly model: BaseChatModel,
  ) {}

  static async create(options: LangChainChatOptions): Promise<LangChainChatModel> {
    if (options.provider === 'ollama') {
      const { ChatOllama } = await import('@langchain/ollama');
      const model = new ChatOllama({ model: options.model, baseUrl: options.baseUrl ?? 'http://127.0.0.1:11434', temperature: options.temperature, numPredict: options.maxTokens });
      return new LangChainChatModel(`ollama:${options.model}`, model);
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
    return new LangChainChatModel(`openai:${options.model}`, model);
  }

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    const input = toLangChain(messages);
    try {
      if (options.onToken) {
        let text = '';
        const stream = await this.model.stream(input, { signal: options.signal });
        for await (const chunk of stream) {
          const token = contentText(chunk.content);
          if (token) {
            text += token;
            options.onToken(token);
          }
        }
        return text;
      }
      const result = await this.model.invoke(input, { signal: options.signal });
      return contentText(result.content);
    } catch (cause) {
      if (options.signal?.aborted) throw new SogaError('LLM_TIMEOUT', `chat model ${this.modelId} did not answer in time`, { cause });
      throw new SogaError('LLM_FAILED', `chat model ${this.modelId} failed: ${describeError(cause)}`, { cause });
    }
  }
}
