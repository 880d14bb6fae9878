/**
 * Stage 2 of ask(): the question that is searched. A follow-up ("And where?") means nothing to the
 * retrievers on its own; it is made self-contained from the conversation, by the chat model when
 * there is one, otherwise from the earlier question.
 */
import { describeError } from '../errors.js';
import type { ChatModel } from '../ports.js';
import { deadline, fill } from '../text/template.js';
import type { ChatTurn } from '../types.js';

export interface CondenseDeps {
  chat: ChatModel | null;
  /** The condense prompt template ({{history}}, {{question}}). */
  prompt: string;
  warn: (message: string) => void;
  llmTimeoutMs: number;
  maxQuestionChars: number;
}

export async function condenseFollowUp(deps: CondenseDeps, question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string> {
  const earlier = history.filter((t) => t.role === 'user').map((t) => t.text);
  if (!earlier.length) return question;
  if (deps.chat) {
    try {
      const transcript = history
        .slice(-6)
        .map((t) => `${t.role === 'user' ? 'Member' : 'Assistant'}: ${t.text.slice(0, 600)}`)
        .join('\n');
      const rewritten = await deps.chat.generate([{ role: 'user', content: fill(deps.prompt, { history: transcript, question }) }], {
        signal: deadline(Math.min(deps.llmTimeoutMs, 8000), signal),
      });
      const line = rewritten.trim().split('\n')[0]?.trim();
      if (line && line.length <= deps.maxQuestionChars) return line;
    } catch (error) {
      deps.warn(`condensing the follow-up failed, using the earlier question instead: ${describeError(error)}`);
    }
  }
  // Without a model: the earlier question supplies what the follow-up refers to.
  return `${earlier.at(-1)} ${question}`;
}
