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
