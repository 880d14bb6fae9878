/** A ChatModel that replies with scripted text (or throws, or stalls) and records what it was sent. */
import type { ChatMessage, ChatModel, GenerateOptions } from '../../src/core/ports.js';

export type Script = (messages: ChatMessage[]) => string | Promise<string>;

export class ScriptedChatModel implements ChatModel {
  readonly modelId = 'scripted';
  calls: ChatMessage[][] = [];

  constructor(private readonly script: Script) {}

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    this.calls.push(messages);
    const text = await this.script(messages);
    for (const token of text.split(/(?<= )/)) options.onToken?.(token);
    return text;
  }
}

/** Never answers; rejects when the caller's deadline aborts it, as a real client does. */
export class StalledChatModel implements ChatModel {
  readonly modelId = 'stalled';
  generate(_messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    return new Promise((_resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
    });
  }
}

/**
 * Writes `first` token by token, then one token of `rest` every `everyMs` (round and round) until the
 * caller's deadline aborts it; like llama.cpp, it finishes the step it is in (one more token) before
 * it rejects. A model that is too slow for the time limit once it has started answering.
 */
export class TricklingChatModel implements ChatModel {
  readonly modelId = 'trickling';
  /** Set just before the token written after the deadline. */
  pastDeadline = false;

  constructor(
    private readonly first: (messages: ChatMessage[]) => string,
    private readonly rest: (messages: ChatMessage[]) => string[],
    private readonly everyMs = 5,
  ) {}

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    for (const token of this.first(messages).split(/(?<= )/)) options.onToken?.(token);
    const tokens = this.rest(messages);
    for (let i = 0; ; i = (i + 1) % tokens.length) {
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
      if (options.signal?.aborted) {
        this.pastDeadline = true;
        options.onToken?.(tokens[i]);
        throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      }
      options.onToken?.(tokens[i]);
    }
  }
}
